import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal, Select, Space, Tag, Typography } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { managerRoles } from '../../../schemas/auth.js';
import { documentTypes } from '../../../domain/documents/document-rules.js';
import type { DocumentDto, DocumentListItemDto, DocumentTemplateDto } from '../../../schemas/documents.js';
import { api } from '../../app/api/api-client';
import { hasRole, useMe } from '../../app/auth/use-me';
import { PageHeader } from '../../app/ui/page-header';
import { ResponsiveTable } from '../../app/ui/responsive-table';
import { documentPaths, useDocuments, useDocumentTemplates } from './documents-api';

const reviewColours = { none: 'default', ok: 'default', soon: 'warning', overdue: 'error' } as const;

/** 文件控制 (seed 000 二(四)): the enterprise's controlled documents; new ones from the ten rules' templates. */
export function DocumentsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const isManager = me.data ? hasRole(me.data, managerRoles) : false;
  const [q, setQ] = useState('');
  const docs = useDocuments(q);
  const templates = useDocumentTemplates(isManager);
  const navigate = useNavigate();
  const client = useQueryClient();
  const [isCreating, setCreating] = useState(false);
  const [template, setTemplate] = useState<DocumentTemplateDto | null>(null);
  const [form] = Form.useForm();
  const create = useMutation({
    mutationFn: (body: unknown) => api<DocumentDto>(documentPaths.documents, { method: 'POST', body }),
    onSuccess: async (doc) => {
      await client.invalidateQueries({ queryKey: [documentPaths.documents, 'list'] });
      setCreating(false);
      void navigate(`/documents/${doc.id}`);
    },
    onError: (e) => void message.error(e.message),
  });
  const pickTemplate = (key: string | undefined) => {
    const tpl = templates.data?.items.find((x) => x.key === key) ?? null;
    setTemplate(tpl);
    if (tpl) form.setFieldsValue({ number: tpl.number, title: tpl.title, type: tpl.type });
  };
  const factList = (facts: string[]) => facts.map((f) => t(`documentsUi.facts.${f}`)).join('、');

  const columns: ColumnType<DocumentListItemDto>[] = [
    { key: 'number', title: t('documentsUi.list.number'), dataIndex: 'number' },
    { key: 'title', title: t('documentsUi.list.titleField'), render: (_v, d) => <Link to={`/documents/${d.id}`}>{d.title}</Link> },
    { key: 'type', title: t('documentsUi.list.type'), render: (_v, d) => t(`documentsUi.types.${d.type}`) },
    {
      key: 'current',
      title: t('documentsUi.list.current'),
      render: (_v, d) => (
        <Space size={4} wrap>
          {d.withdrawnAt && <Tag color="error">{t('documentsUi.list.withdrawn')}</Tag>}
          {d.currentVersionNo !== null && <Tag color="success">{t('documentsUi.list.version', { no: d.currentVersionNo })}</Tag>}
          {d.hasDraft && <Tag color="processing">{t('documentsUi.list.draft')}</Tag>}
        </Space>
      ),
    },
    { key: 'issued', title: t('documentsUi.list.issuedOn'), render: (_v, d) => d.issuedOn ?? '' },
    { key: 'posts', title: t('documentsUi.list.posts'), dataIndex: 'postCount' },
    { key: 'review', title: t('documentsUi.list.reviewDueOn'), render: (_v, d) => (d.reviewDueOn ? <Tag color={reviewColours[d.reviewState]}>{d.reviewDueOn}</Tag> : '') },
  ];

  return (
    <div data-testid="documents">
      <PageHeader
        title={t('documentsUi.list.title')}
        hint={t('documentsUi.list.hint')}
        extra={
          isManager && (
            <Button
              type="primary"
              data-testid="document-new"
              onClick={() => {
                form.resetFields();
                setTemplate(null);
                setCreating(true);
              }}
            >
              {t('documentsUi.list.create')}
            </Button>
          )
        }
      />
      <Input.Search
        allowClear
        data-testid="document-search"
        placeholder={t('documentsUi.list.search')}
        onSearch={(value) => setQ(value.trim())}
        style={{ maxWidth: 320, marginBottom: 12 }}
      />
      <ResponsiveTable<DocumentListItemDto> dataSource={docs.data?.items ?? []} columns={columns} loading={docs.isLoading} locale={{ emptyText: t('documentsUi.list.none') }} />
      <Modal
        open={isCreating}
        width={720}
        title={t('documentsUi.list.create')}
        onCancel={() => setCreating(false)}
        okButtonProps={{ loading: create.isPending, id: 'create-document-ok' }}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(v) => create.mutate({ number: v.number, title: v.title, type: v.type, templateKey: template?.key ?? null, reviewDueOn: null })}>
          <Form.Item label={t('documentsUi.templates.template')} extra={t('documentsUi.templates.hint')}>
            <Select
              allowClear
              data-testid="document-template"
              placeholder={t('documentsUi.list.fromTemplate')}
              onChange={pickTemplate}
              options={(templates.data?.items ?? []).map((x) => ({ value: x.key, label: `${x.number} ${x.title}` }))}
            />
          </Form.Item>
          {template && (
            <Space direction="vertical" style={{ width: '100%', marginBottom: 12 }}>
              <Typography.Text type="secondary">
                {t('documentsUi.templates.seed')}：{template.seedClause} — {template.seedText}
              </Typography.Text>
              <Alert type="info" showIcon message={t('documentsUi.templates.drafted')} />
              {template.factsUsed.length > 0 && <Typography.Text>{t('documentsUi.templates.used', { list: factList(template.factsUsed) })}</Typography.Text>}
              {template.factsMissing.length > 0 && <Alert type="warning" showIcon message={t('documentsUi.templates.missing', { list: factList(template.factsMissing) })} />}
            </Space>
          )}
          <Form.Item name="number" label={t('documentsUi.list.number')} rules={[{ required: true }]}>
            <Input maxLength={50} data-testid="document-number" />
          </Form.Item>
          <Form.Item name="title" label={t('documentsUi.list.titleField')} rules={[{ required: true }]}>
            <Input maxLength={200} data-testid="document-title" />
          </Form.Item>
          <Form.Item name="type" label={t('documentsUi.list.type')} rules={[{ required: true }]}>
            <Select options={documentTypes.map((k) => ({ value: k, label: t(`documentsUi.types.${k}`) }))} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
