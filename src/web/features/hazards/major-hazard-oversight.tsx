import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Form, Input, List, Radio, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BureauReportDto, RemediationEvaluationDto } from '../../../schemas/oversight.js';
import { remediationEvaluationInputSchema } from '../../../schemas/oversight.js';
import { api } from '../../app/api/api-client';
import { useCanManage } from '../../app/auth/use-me';
import { useZodForm } from '../../app/forms/use-zod-form';

/**
 * A major hazard's reports to the county bureau (and who acknowledged them, seed 001 Art. 17) and the
 * evaluation of its remediation by technical staff or experts (16号令), required before acceptance.
 */
export function MajorHazardOversight({ hazardId, isClosed }: { hazardId: string; isClosed: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const canManage = useCanManage();
  const [form] = Form.useForm<Record<string, unknown>>();
  const zodForm = useZodForm(form, remediationEvaluationInputSchema);
  const reportsPath = `/api/v1/hazards/${hazardId}/bureau-reports`;
  const evaluationsPath = `/api/v1/hazards/${hazardId}/remediation-evaluations`;
  const reports = useQuery({ queryKey: [reportsPath], queryFn: () => api<{ items: BureauReportDto[] }>(reportsPath) });
  const evaluations = useQuery({ queryKey: [evaluationsPath], queryFn: () => api<{ items: RemediationEvaluationDto[] }>(evaluationsPath) });
  const save = useMutation({
    mutationFn: (body: unknown) => api<RemediationEvaluationDto>(evaluationsPath, { method: 'POST', body }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: [evaluationsPath] });
      form.resetFields();
      void message.success(t('common.saved'));
    },
    onError: (error) => {
      if (!zodForm.showServerErrors(error)) void message.error(error.message);
    },
  });
  return (
    <Card size="small" title={t('hazardUi.oversight.title')} style={{ marginBottom: 12 }} data-testid="major-hazard-oversight">
      <Typography.Text strong>{t('hazardUi.oversight.reports')}</Typography.Text>
      <List
        size="small"
        dataSource={reports.data?.items ?? []}
        locale={{ emptyText: '—' }}
        renderItem={(r) => (
          <List.Item>
            <Space size={4} wrap>
              <Tag color={r.kind === 'result' ? 'blue' : 'red'}>{t(`oversightUi.kind.${r.kind}`)}</Tag>
              <span>{r.bureau}</span>
              <Typography.Text type="secondary">{new Date(r.reportedAt).toLocaleString()}</Typography.Text>
              {r.acknowledgements.length ? (
                <Tag color="green">{t('hazardUi.oversight.acknowledgedBy', { names: r.acknowledgements.map((a) => a.userName).join('、') })}</Tag>
              ) : (
                <Tag>{t('hazardUi.oversight.notAcknowledged')}</Tag>
              )}
            </Space>
          </List.Item>
        )}
      />
      <Typography.Text strong>{t('hazardUi.oversight.evaluations')}</Typography.Text>
      <List
        size="small"
        dataSource={evaluations.data?.items ?? []}
        locale={{ emptyText: t('hazardUi.oversight.noEvaluation') }}
        renderItem={(e) => (
          <List.Item>
            <Space size={4} wrap>
              <Tag color={e.conclusion === 'passed' ? 'green' : 'red'}>{t(`hazardUi.oversight.conclusion.${e.conclusion}`)}</Tag>
              <span>{e.evaluatedOn}</span>
              <span>{e.evaluators}（{t(`hazardUi.oversight.kind.${e.evaluatorKind}`)}）</span>
              <Typography.Text type="secondary">{e.opinion}</Typography.Text>
            </Space>
          </List.Item>
        )}
      />
      {canManage && !isClosed && (
        <Form
          form={form}
          layout="vertical"
          initialValues={{ evaluatorKind: 'technical_staff', conclusion: 'passed' }}
          onFinish={(v) => zodForm.submit({ ...v, evaluatedOn: (v.evaluatedOn as { format?: (f: string) => string } | undefined)?.format?.('YYYY-MM-DD') }, (parsed) => save.mutate(parsed))}
          onValuesChange={zodForm.clearChanged}
        >
          <Form.Item name="evaluators" label={t('hazardUi.oversight.evaluators')} required>
            <Input maxLength={500} />
          </Form.Item>
          <Form.Item name="evaluatorKind" label={t('hazardUi.oversight.evaluatorKind')}>
            <Radio.Group options={(['technical_staff', 'experts'] as const).map((k) => ({ value: k, label: t(`hazardUi.oversight.kind.${k}`) }))} />
          </Form.Item>
          <Form.Item name="conclusion" label={t('hazardUi.oversight.conclusionLabel')}>
            <Radio.Group options={(['passed', 'failed'] as const).map((k) => ({ value: k, label: t(`hazardUi.oversight.conclusion.${k}`) }))} />
          </Form.Item>
          <Form.Item name="opinion" label={t('hazardUi.oversight.opinion')} required>
            <Input.TextArea autoSize={{ minRows: 2 }} maxLength={4000} />
          </Form.Item>
          <Form.Item name="evaluatedOn" label={t('hazardUi.oversight.evaluatedOn')} required>
            <DatePicker />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('hazardUi.oversight.record')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
