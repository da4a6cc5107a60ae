import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Form, Input, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ConsultancyDto, type EngagementInput, type EngagementSummaryDto, engagementInputSchema } from '../../../schemas/consultancy.js';
import { api } from '../../app/api/api-client';
import { useZodForm } from '../../app/forms/use-zod-form';
import { LoadMore } from '../../app/ui/load-more';
import { PageHeader } from '../../app/ui/page-header';
import { usePagedList } from '../../app/ui/use-paged-list';

const engagementsPath = '/api/v1/engagements';
const consultanciesPath = '/api/v1/consultancies';

interface Values {
  consultancyId?: string;
  teamUserIds?: string[];
  scope?: string;
  contractStart?: Dayjs | null;
  contractEnd?: Dayjs | null;
}

/** The form's values as the shared schema reads them (dates as YYYY-MM-DD). */
export function engagementValues(v: Values): Record<string, unknown> {
  return { ...v, contractStart: v.contractStart?.format('YYYY-MM-DD'), contractEnd: v.contractEnd?.format('YYYY-MM-DD') };
}

/**
 * /engagements — the enterprise engages a consultancy on record (its principal or safety manager):
 * the team, the scope, the contract period; and ends an engagement (the team then no longer works here).
 */
export function EngagementsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const zod = useZodForm(form, engagementInputSchema);
  const [isAdding, setAdding] = useState(false);
  const engagements = useQuery({ queryKey: [engagementsPath], queryFn: () => api<{ items: EngagementSummaryDto[] }>(engagementsPath) });
  // The installation's consultancies, a page at a time in name order (more under the select).
  const consultancies = usePagedList<ConsultancyDto>(consultanciesPath, {}, 100);
  const chosen = Form.useWatch('consultancyId', form);
  const members = consultancies.items.find((c) => c.id === chosen)?.members ?? [];
  const engage = useMutation({
    mutationFn: (body: EngagementInput) => api<{ id: string }>(engagementsPath, { body }),
    onSuccess: async () => {
      form.resetFields();
      setAdding(false);
      await client.invalidateQueries({ queryKey: [engagementsPath] });
      void message.success(t('engagementUi.saved'));
    },
    onError: (e: Error) => {
      if (!zod.showServerErrors(e)) void message.error(e.message);
    },
  });
  const end = useMutation({
    mutationFn: (id: string) => api(`${engagementsPath}/${id}/end`, { method: 'POST' }),
    onSuccess: () => client.invalidateQueries({ queryKey: [engagementsPath] }),
    onError: (e: Error) => void message.error(e.message),
  });
  const noConsultancies = consultancies.isSuccess && consultancies.items.length === 0;
  return (
    <div data-testid="engagements-page">
      <PageHeader
        title={t('engagementUi.title')}
        hint={t('engagementUi.hint')}
        extra={
          !isAdding && (
            <Button type="primary" onClick={() => setAdding(true)} disabled={noConsultancies} data-testid="engagement-add">
              {t('engagementUi.add')}
            </Button>
          )
        }
      />
      {noConsultancies && <Typography.Paragraph type="warning">{t('engagementUi.noConsultancies')}</Typography.Paragraph>}
      {isAdding && (
        <Card size="small" style={{ marginBottom: 16, maxWidth: 720 }} data-testid="engagement-form">
          <Form form={form} layout="vertical" onValuesChange={zod.clearChanged} onFinish={(v) => zod.submit(engagementValues(v), (body) => engage.mutate(body))}>
            <Form.Item name="consultancyId" label={t('engagementUi.consultancy')} required>
              <Select
                showSearch
                optionFilterProp="label"
                options={consultancies.items.map((c) => ({ value: c.id, label: c.name }))}
                popupRender={(menu) => (
                  <>
                    {menu}
                    <LoadMore list={consultancies} testId="engagement-consultancy-more" />
                  </>
                )}
                onChange={() => form.setFieldValue('teamUserIds', [])}
                data-testid="engagement-consultancy"
              />
            </Form.Item>
            <Form.Item name="teamUserIds" label={t('engagementUi.team')} required>
              <Select mode="multiple" disabled={!chosen} options={members.map((m) => ({ value: m.userId, label: m.displayName }))} data-testid="engagement-team" />
            </Form.Item>
            <Form.Item name="scope" label={t('engagementUi.scope')}>
              <Input.TextArea rows={2} maxLength={500} placeholder={t('engagementUi.scopePlaceholder')} data-testid="engagement-scope" />
            </Form.Item>
            <Space size="large" wrap style={{ display: 'flex' }}>
              <Form.Item name="contractStart" label={t('engagementUi.contractStart')} required>
                <DatePicker data-testid="engagement-start" />
              </Form.Item>
              <Form.Item name="contractEnd" label={t('engagementUi.contractEnd')} required>
                <DatePicker data-testid="engagement-end" />
              </Form.Item>
            </Space>
            <Space>
              <Button type="primary" htmlType="submit" loading={engage.isPending} data-testid="engagement-submit">
                {t('engagementUi.submit')}
              </Button>
              <Button onClick={() => setAdding(false)}>{t('common.cancel')}</Button>
            </Space>
          </Form>
        </Card>
      )}
      <Table<EngagementSummaryDto>
        rowKey="id"
        size="small"
        loading={engagements.isLoading}
        dataSource={engagements.data?.items ?? []}
        locale={{ emptyText: t('engagementUi.empty') }}
        pagination={false}
        columns={[
          { key: 'consultancy', title: t('engagementUi.consultancy'), dataIndex: 'consultancyName' },
          { key: 'scope', title: t('engagementUi.scope'), dataIndex: 'scope', render: (v: string) => v || '—' },
          { key: 'contract', title: t('engagementUi.contract'), render: (_v, r) => `${r.contractStart} ~ ${r.contractEnd}` },
          { key: 'phase', title: t('engagementUi.phase'), render: (_v, r) => `${r.phase} · ${r.phaseTitle}` },
          {
            key: 'status',
            title: t('engagementUi.status'),
            render: (_v, r) => (r.endedAt ? <Tag title={t('engagementUi.endedAt', { at: r.endedAt.slice(0, 10) })}>{t('engagementUi.ended')}</Tag> : <Tag color="green">{t('engagementUi.active')}</Tag>),
          },
          {
            key: 'actions',
            title: '',
            render: (_v, r) =>
              !r.endedAt && (
                <Popconfirm title={t('engagementUi.endConfirm')} onConfirm={() => end.mutate(r.id)}>
                  <Button size="small" danger data-testid={`engagement-end-${r.id}`}>
                    {t('engagementUi.end')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
    </div>
  );
}
