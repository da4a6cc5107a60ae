import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, Form, Input, Modal, Result, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsultancyDto, ConsultantInput, EngagementSummaryDto } from '../../../schemas/consultancy.js';
import { api, isApiError } from '../../app/api/api-client';
import { useCurrentUser } from '../../app/auth/use-me';
import { LoadMore } from '../../app/ui/load-more';
import { PageHeader } from '../../app/ui/page-header';
import { usePagedList } from '../../app/ui/use-paged-list';

const consultanciesPath = '/api/v1/consultancies';

function Engagements({ consultancyId }: { consultancyId: string }) {
  const { t } = useTranslation();
  const path = `${consultanciesPath}/${consultancyId}/engagements`;
  // Newest first, a page at a time (a consultancy may serve many enterprises over the years).
  const list = usePagedList<EngagementSummaryDto>(path, {}, 20);
  return (
    <Table<EngagementSummaryDto>
      size="small"
      rowKey="id"
      pagination={false}
      loading={list.isLoading}
      dataSource={list.items}
      footer={() => <LoadMore list={list} testId="engagements-more" />}
      locale={{ emptyText: t('consultancyAdminUi.noEngagements') }}
      title={() => t('consultancyAdminUi.engagements')}
      columns={[
        { key: 'enterprise', title: t('consultancyAdminUi.enterprise'), dataIndex: 'enterpriseName' },
        { key: 'phase', title: t('consultancyAdminUi.phase'), render: (_v, r) => (r.completedAt ? t('consultancyUi.completed') : r.phaseTitle) },
        { key: 'contract', title: t('consultancyAdminUi.contract'), render: (_v, r) => `${r.contractStart} ~ ${r.contractEnd}` },
        { key: 'overdue', title: t('consultancyUi.overdueDeliverables'), dataIndex: 'overdueDeliverables' },
      ]}
    />
  );
}

function AddConsultant({ consultancy, onClose }: { consultancy: ConsultancyDto | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<ConsultantInput>();
  const add = useMutation({
    mutationFn: (v: ConsultantInput) =>
      api(`${consultanciesPath}/${consultancy?.id}/consultants`, {
        method: 'POST',
        body: { username: v.username.trim(), isLead: Boolean(v.isLead), ...(v.password ? { password: v.password, displayName: v.displayName?.trim() } : {}) },
      }),
    onSuccess: async () => {
      form.resetFields();
      await client.invalidateQueries({ queryKey: [consultanciesPath] });
      void message.success(t('consultancyAdminUi.added'));
      onClose();
    },
    onError: (e: Error) => {
      if (isApiError(e) && e.errors.length) form.setFields(e.errors.map((x) => ({ name: x.path.split('.')[0] as keyof ConsultantInput, errors: [x.message] })));
      else void message.error(e.message);
    },
  });
  return (
    <Modal open={consultancy !== null} title={`${t('consultancyAdminUi.addConsultant')} · ${consultancy?.name ?? ''}`} onCancel={onClose} onOk={() => form.submit()} confirmLoading={add.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => add.mutate(v)} data-testid="consultant-form">
        <Form.Item name="username" label={t('consultancyAdminUi.username')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="displayName" label={t('consultancyAdminUi.displayName')}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="password" label={t('consultancyAdminUi.password')} extra={t('consultancyAdminUi.passwordHint')}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="isLead" valuePropName="checked">
          <Checkbox>{t('consultancyAdminUi.isLead')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** /system/consultancies — the administrator's consultancies, their consultants (logins) and engagements (issue 17 item 2). */
export function ConsultanciesAdminPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const client = useQueryClient();
  const [form] = Form.useForm<{ name: string }>();
  const [adding, setAdding] = useState<ConsultancyDto | null>(null);
  const list = usePagedList<ConsultancyDto>(consultanciesPath, {}, 50, me.user.isAdmin);
  const create = useMutation({
    mutationFn: (name: string) => api(consultanciesPath, { method: 'POST', body: { name } }),
    onSuccess: async () => {
      form.resetFields();
      await client.invalidateQueries({ queryKey: [consultanciesPath] });
      void message.success(t('consultancyAdminUi.created'));
    },
    onError: (e: Error) => {
      if (isApiError(e) && e.errors.length) form.setFields([{ name: 'name', errors: e.errors.map((x) => x.message) }]);
      else void message.error(e.message);
    },
  });
  if (!me.user.isAdmin) return <Result status="403" title={t('app.forbidden')} />;
  return (
    <div data-testid="consultancies-page">
      <PageHeader title={t('consultancyAdminUi.title')} hint={t('consultancyAdminUi.hint')} />
      <Card size="small">
        <Form form={form} layout="inline" onFinish={(v) => create.mutate(v.name.trim())} style={{ marginBottom: 16 }}>
          <Form.Item name="name" label={t('consultancyAdminUi.name')} rules={[{ required: true, whitespace: true }]}>
            <Input style={{ width: 280 }} maxLength={100} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="create-consultancy">
            {t('consultancyAdminUi.create')}
          </Button>
        </Form>
        <Table<ConsultancyDto>
          rowKey="id"
          size="small"
          loading={list.isLoading}
          dataSource={list.items}
          pagination={false}
          footer={() => <LoadMore list={list} testId="consultancies-more" />}
          expandable={{ expandedRowRender: (c) => <Engagements consultancyId={c.id} /> }}
          columns={[
            { key: 'name', title: t('consultancyAdminUi.name'), dataIndex: 'name' },
            {
              key: 'members',
              title: t('consultancyAdminUi.consultants'),
              render: (_v, c) => (
                <Space size={4} wrap>
                  {c.members.map((m) => (
                    <Tag key={m.userId} color={m.isLead ? 'gold' : undefined} title={m.username}>
                      {m.isLead ? `${m.displayName} · ${t('consultancyAdminUi.lead')}` : m.displayName}
                    </Tag>
                  ))}
                  {c.members.length === 0 && <Typography.Text type="secondary">—</Typography.Text>}
                </Space>
              ),
            },
            {
              key: 'actions',
              title: '',
              render: (_v, c) => (
                <Button size="small" onClick={() => setAdding(c)} data-testid="add-consultant">
                  {t('consultancyAdminUi.addConsultant')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <AddConsultant consultancy={adding} onClose={() => setAdding(null)} />
    </div>
  );
}
