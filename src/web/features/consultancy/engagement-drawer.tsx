import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Drawer, Form, Input, List, Space, Steps, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EngagementDetailDto } from '../../../schemas/consultancy.js';
import { api } from '../../app/api/api-client';
import { deskPath } from './consultant-desk-page';
import { EngagementVisits } from './engagement-visits';

const base = '/api/v1/engagements';

/** One engagement: the five phases, the deliverables to tick or produce, findings, visits, moving on. */
export function EngagementDrawer({ engagementId, onClose }: { engagementId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<{ description: string }>();
  const key = [base, engagementId];
  const detail = useQuery({ queryKey: key, enabled: !!engagementId, queryFn: () => api<EngagementDetailDto>(`${base}/${engagementId}`) });
  const done = async (text: string) => {
    await client.invalidateQueries({ queryKey: key });
    await client.invalidateQueries({ queryKey: [deskPath] });
    void message.success(text);
  };
  const onError = (error: Error) => void message.error(error.message);
  const tick = useMutation({ mutationFn: (code: string) => api(`${base}/${engagementId}/deliverables/${encodeURIComponent(code)}`, { method: 'POST', body: {} }), onSuccess: () => done(t('consultancyUi.ticked')), onError });
  const generate = useMutation({ mutationFn: (kind: string) => api(`${base}/${engagementId}/reports`, { method: 'POST', body: { kind } }), onSuccess: () => done(t('consultancyUi.generated')), onError });
  const advance = useMutation({ mutationFn: () => api(`${base}/${engagementId}/advance`, { method: 'POST' }), onSuccess: () => done(t('consultancyUi.advanced')), onError });
  const finding = useMutation({
    mutationFn: (description: string) => api(`${base}/${engagementId}/findings`, { method: 'POST', body: { description, clientId: `finding-${crypto.randomUUID()}` } }),
    onSuccess: () => {
      form.resetFields();
      return done(t('consultancyUi.findingSaved'));
    },
    onError,
  });
  const d = detail.data;
  const current = d ? d.deliverables.filter((x) => x.phase === d.phase) : [];
  const carried = d ? d.deliverables.filter((x) => x.phase < d.phase && !x.isDone) : [];
  const latestReport = (kind: string | null) => d?.reports.filter((r) => r.kind === kind).at(-1);
  const item = (x: EngagementDetailDto['deliverables'][number]) => {
    const report = latestReport(x.report);
    return (
      <List.Item
        data-testid="deliverable"
        data-code={x.code}
        actions={[
          report && (
            <Button key="docx" size="small" href={report.docxUrl} data-testid="report-docx">
              {t('consultancyUi.download')}
            </Button>
          ),
          x.kind === 'report' ? (
            <Button key="gen" size="small" type={x.isDone ? 'default' : 'primary'} loading={generate.isPending} onClick={() => generate.mutate(x.report as string)} data-testid="generate-report">
              {x.isDone ? t('consultancyUi.regenerate') : t('consultancyUi.generate')}
            </Button>
          ) : (
            !x.isDone && (
              <Button key="tick" size="small" loading={tick.isPending} onClick={() => tick.mutate(x.code)}>
                {t('consultancyUi.markDone')}
              </Button>
            )
          ),
        ].filter(Boolean)}
      >
        <Space size={4} wrap>
          {x.isDone ? <Tag color="green">{t('consultancyUi.done')}</Tag> : x.isOverdue ? <Tag color="orange">{t('consultancyUi.overdue')}</Tag> : <Tag>{t('consultancyUi.open')}</Tag>}
          <Typography.Text>{x.title}</Typography.Text>
          {x.dueAt && !x.isDone && <Typography.Text type="secondary">{t('consultancyUi.due', { day: x.dueAt.slice(0, 10) })}</Typography.Text>}
        </Space>
      </List.Item>
    );
  };
  return (
    <Drawer open={!!engagementId} onClose={onClose} size="large" title={d ? `${d.enterpriseName} · ${d.consultancyName}` : ''} data-testid="engagement-drawer">
      {d && (
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          <Steps size="small" current={d.phase - 1} status={d.completedAt ? 'finish' : 'process'} items={d.phases.map((p) => ({ title: p.title.split('：')[0], description: p.title.split('：')[1] }))} />
          <Typography.Title level={5} data-testid="engagement-phase">
            {d.completedAt ? t('consultancyUi.completed') : d.phaseTitle}
          </Typography.Title>
          <List size="small" bordered dataSource={current} renderItem={item} />
          {carried.length > 0 && (
            <>
              <Typography.Text strong>{t('consultancyUi.carried')}</Typography.Text>
              <List size="small" bordered dataSource={carried} renderItem={item} />
            </>
          )}
          {!d.completedAt && (
            <Space direction="vertical">
              <Button type="primary" disabled={d.missingToAdvance.length > 0} loading={advance.isPending} onClick={() => advance.mutate()} data-testid="advance-phase">
                {d.phase >= d.phases.length ? t('consultancyUi.complete') : t('consultancyUi.advance')}
              </Button>
              {d.missingToAdvance.length > 0 && <Typography.Text type="secondary">{t('consultancyUi.missing', { list: d.missingToAdvance.join('、') })}</Typography.Text>}
            </Space>
          )}
          <Typography.Title level={5}>{t('consultancyUi.findings')}</Typography.Title>
          <Form form={form} layout="inline" onFinish={(v) => finding.mutate(v.description)}>
            <Form.Item name="description" rules={[{ required: true, message: t('consultancyUi.findingRequired') }]} style={{ flex: 1 }}>
              <Input placeholder={t('consultancyUi.findingPlaceholder')} maxLength={1000} />
            </Form.Item>
            <Button htmlType="submit" loading={finding.isPending}>
              {t('consultancyUi.addFinding')}
            </Button>
          </Form>
          <List size="small" dataSource={d.findings} locale={{ emptyText: t('consultancyUi.noFindings') }} renderItem={(f) => <List.Item>{`${f.description} · ${t(`hazardUi.status.${f.status}`, { defaultValue: f.status })}`}</List.Item>} />
          <EngagementVisits detail={d} onSaved={() => client.invalidateQueries({ queryKey: key })} />
        </Space>
      )}
    </Drawer>
  );
}
