import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Form, Image, Input, InputNumber, List, Modal, Popconfirm, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { EquipmentDto } from '../../../schemas/org.js';
import { type SafetySignDto, safetySignInputSchema } from '../../../schemas/safety-signs.js';
import { api } from '../../app/api/api-client';
import { hasRole, useCurrentUser } from '../../app/auth/use-me';
import { useZodForm } from '../../app/forms/use-zod-form';
import { PageHeader } from '../../app/ui/page-header';
import { useAllItems } from '../../app/ui/use-paged-list';
import { PhotoPicker } from '../hazards/evidence-photos';
import { orgPaths, useAreas, usePosts } from '../org/use-org-lookups';
import { signPaths, useSignOverview, useSignReference } from './safety-sign-api';
import { SignGapsAlert } from './sign-gaps-alert';

const editorRoles = ['principal', 'safety_manager', 'consultant', 'dept_head'] as const;

/** 安全警示标志台账 (seed 001 第十一条, GB 2894): signs per area/equipment, 较大+ places without a warning sign, each area's monthly sign check. */
export function SafetySignsPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const canEdit = hasRole(useCurrentUser(), editorRoles);
  const signs = useAllItems<SafetySignDto>(signPaths.signs);
  const overview = useSignOverview();
  const reference = useSignReference(i18n.language);
  const areas = useAreas();
  const posts = usePosts();
  const equipment = useAllItems<EquipmentDto>(orgPaths.equipment);
  const [isOpen, setOpen] = useState(false);
  const [form] = Form.useForm<Record<string, unknown>>();
  const zodForm = useZodForm(form, safetySignInputSchema);
  const category = Form.useWatch('category', form) as string | undefined;
  const categories = reference.data?.categories ?? [];
  const categoryOf = (code: string) => categories.find((c) => c.code === code);
  const refresh = async () => {
    await client.invalidateQueries({ queryKey: [signPaths.signs] });
    await client.invalidateQueries({ queryKey: [signPaths.overview] });
  };
  const create = useMutation({
    mutationFn: (body: unknown) => api<SafetySignDto>(signPaths.signs, { method: 'POST', body }),
    onSuccess: async () => {
      await refresh();
      form.resetFields();
      setOpen(false);
      void message.success(t('signUi.saved'));
    },
    onError: (error) => {
      if (!zodForm.showServerErrors(error)) void message.error(error.message);
    },
  });
  const archive = useMutation({
    mutationFn: (id: string) => api(`${signPaths.signs}/${id}/archive`, { method: 'POST' }),
    onSuccess: refresh,
    onError: (error) => void message.error(error.message),
  });
  const columns: ColumnType<SafetySignDto>[] = [
    {
      key: 'category',
      title: t('signUi.field.category'),
      width: 110,
      render: (_v, s) => <Tag color={categoryOf(s.category)?.colour}>{categoryOf(s.category)?.label ?? s.category}</Tag>,
    },
    { key: 'name', title: t('signUi.field.name'), render: (_v, s) => <Typography.Text strong>{s.name}</Typography.Text> },
    { key: 'place', title: t('signUi.field.place'), render: (_v, s) => (s.equipmentName ? `${s.areaName} · ${s.equipmentName}` : s.areaName) },
    { key: 'location', dataIndex: 'location', title: t('signUi.field.location') },
    { key: 'quantity', dataIndex: 'quantity', title: t('signUi.field.quantity'), align: 'right', width: 70 },
    { key: 'installedOn', dataIndex: 'installedOn', title: t('signUi.field.installedOn'), width: 110 },
    { key: 'photo', title: t('signUi.field.photo'), width: 80, render: (_v, s) => (s.photoId ? <Image src={`/api/v1/attachments/${s.photoId}`} width={48} height={48} style={{ objectFit: 'cover' }} /> : null) },
    ...(canEdit
      ? [
          {
            key: 'actions',
            title: '',
            width: 90,
            render: (_v: unknown, s: SafetySignDto) => (
              <Popconfirm title={t('signUi.archiveConfirm')} onConfirm={() => archive.mutate(s.id)}>
                <Button size="small" type="link" danger>
                  {t('signUi.archive')}
                </Button>
              </Popconfirm>
            ),
          },
        ]
      : []),
  ];
  const commonOptions = (reference.data?.items ?? []).filter((s) => s.category === category).map((s) => ({ value: s.code, label: s.name }));
  return (
    <div data-testid="safety-signs-page">
      <PageHeader
        title={t('signUi.title')}
        extra={
          canEdit && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="sign-add">
              {t('signUi.add')}
            </Button>
          )
        }
      />
      <Typography.Paragraph type="secondary">{t('signUi.hint')}</Typography.Paragraph>
      <SignGapsAlert />
      <Table<SafetySignDto> rowKey="id" size="middle" loading={signs.isLoading} dataSource={signs.data ?? []} columns={columns} pagination={{ pageSize: 50, hideOnSinglePage: true }} scroll={{ x: 'max-content' }} data-testid="signs-table" />
      {(overview.data?.checks.length ?? 0) > 0 && (
        <Card size="small" title={t('signUi.checks.title')} style={{ marginTop: 12 }} data-testid="sign-checks">
          <List
            size="small"
            dataSource={overview.data?.checks ?? []}
            renderItem={(c) => (
              <List.Item>
                <Space wrap size={8}>
                  <Typography.Text strong>{c.areaName}</Typography.Text>
                  <span>{t('signUi.checks.by', { post: c.postName })}</span>
                  {c.hasUnpublishedChanges ? <Tag color="orange">{t('signUi.checks.draft')}</Tag> : <Tag color="green">{t('signUi.checks.published')}</Tag>}
                  <Link to={`/posts/${c.postId}/inspection-list`}>{t('signUi.checks.openList')}</Link>
                  <Typography.Text type="secondary">{c.itemContent}</Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        </Card>
      )}
      <Modal title={t('signUi.add')} open={isOpen} onCancel={() => setOpen(false)} onOk={() => form.submit()} confirmLoading={create.isPending} destroyOnHidden width={560}>
        <Form
          form={form}
          layout="vertical"
          initialValues={{ category: 'warning', quantity: 1 }}
          onValuesChange={zodForm.clearChanged}
          onFinish={(v) =>
            zodForm.submit(
              {
                areaId: v.areaId ?? null,
                equipmentId: v.equipmentId ?? null,
                category: v.category,
                signCode: v.signCode ?? null,
                name: v.name ?? '',
                location: v.location ?? '',
                quantity: v.quantity ?? 1,
                photoId: (v.photoIds as string[] | undefined)?.[0] ?? null,
                installedOn: (v.installedOn as { format?: (f: string) => string } | undefined)?.format?.('YYYY-MM-DD') ?? null,
                checkPostId: v.checkPostId ?? null,
              },
              (parsed) => create.mutate(parsed),
            )
          }
        >
          <Form.Item name="category" label={t('signUi.field.category')} required>
            <Radio.Group optionType="button" options={categories.map((c) => ({ value: c.code, label: c.label }))} onChange={() => form.setFieldsValue({ signCode: undefined })} data-testid="sign-category" />
          </Form.Item>
          <Form.Item name="signCode" label={t('signUi.field.common')}>
            <Select allowClear showSearch optionFilterProp="label" options={commonOptions} onChange={(code) => form.setFieldsValue({ name: commonOptions.find((o) => o.value === code)?.label })} data-testid="sign-common" />
          </Form.Item>
          <Form.Item name="name" label={t('signUi.field.name')} required>
            <Input maxLength={60} data-testid="sign-name" />
          </Form.Item>
          <Form.Item name="areaId" label={t('signUi.field.area')} extra={t('signUi.field.areaHint')}>
            <Select allowClear showSearch optionFilterProp="label" options={areas.options} data-testid="sign-area" />
          </Form.Item>
          <Form.Item name="equipmentId" label={t('signUi.field.equipment')}>
            <Select allowClear showSearch optionFilterProp="label" options={(equipment.data ?? []).map((e) => ({ value: e.id, label: e.name }))} />
          </Form.Item>
          <Form.Item name="location" label={t('signUi.field.location')}>
            <Input maxLength={200} />
          </Form.Item>
          <Space size={16}>
            <Form.Item name="quantity" label={t('signUi.field.quantity')}>
              <InputNumber min={1} max={999} precision={0} />
            </Form.Item>
            <Form.Item name="installedOn" label={t('signUi.field.installedOn')}>
              <DatePicker />
            </Form.Item>
          </Space>
          <Form.Item name="checkPostId" label={t('signUi.field.checkPost')} extra={t('signUi.field.checkPostHint')}>
            <Select allowClear showSearch optionFilterProp="label" options={posts.options} />
          </Form.Item>
          <Form.Item name="photoIds" label={t('signUi.field.photo')}>
            <PhotoPicker testId="sign-photo" />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
