import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Form, Input, InputNumber, List, Modal, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasRole, useCurrentUser } from '../../app/auth/use-me';
import { reidentificationInputSchema, riskSettingsSchema, type PostReidentificationDto } from '../../../schemas/reidentification.js';
import { api } from '../../app/api/api-client';
import { useZodForm } from '../../app/forms/use-zod-form';
import { usePeople } from './use-people';

const statusColour = { none: 'default', due: 'blue', dueSoon: 'orange', overdue: 'red' } as const;

/** Periodic re-identification of the post (seed 001 第十条 "定期"): next due day, history, record one, the enterprise's period. */
export function ReidentificationCard({ postId }: { postId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const me = useCurrentUser();
  const mayRecord = hasRole(me, ['principal', 'safety_manager', 'consultant', 'dept_head']);
  const maySet = hasRole(me, ['principal', 'safety_manager']);
  const path = `/api/v1/posts/${postId}/reidentification`;
  const data = useQuery({ queryKey: [path], queryFn: () => api<PostReidentificationDto>(path) });
  const [isRecording, setRecording] = useState(false);
  const [isSetting, setSetting] = useState(false);
  const [months, setMonths] = useState<number | null>(null);
  const [form] = Form.useForm<Record<string, unknown>>();
  const zodForm = useZodForm(form, reidentificationInputSchema);
  const people = usePeople();
  const refresh = async () => {
    await client.invalidateQueries({ queryKey: [path] });
    await client.invalidateQueries({ queryKey: ['/api/v1/due-items'] });
  };
  const record = useMutation({
    mutationFn: (body: unknown) => api<PostReidentificationDto>(`/api/v1/posts/${postId}/reidentifications`, { method: 'POST', body }),
    onSuccess: async () => {
      await refresh();
      form.resetFields();
      setRecording(false);
      void message.success(t('common.saved'));
    },
    onError: (error) => {
      if (!zodForm.showServerErrors(error)) void message.error(error.message);
    },
  });
  const setPeriod = useMutation({
    mutationFn: (reidentificationMonths: number) => api('/api/v1/risk-settings', { method: 'PUT', body: riskSettingsSchema.parse({ reidentificationMonths }) }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['/api/v1/posts'] });
      await refresh();
      setSetting(false);
      void message.success(t('common.saved'));
    },
    onError: (error) => void message.error(error.message),
  });
  const r = data.data;
  if (!r) return null;
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      data-testid="post-reidentification"
      title={t('riskUi.reid.title')}
      extra={
        <Space>
          {maySet && (
            <Button size="small" onClick={() => { setMonths(r.months); setSetting(true); }} data-testid="reid-set-period">
              {t('riskUi.reid.setPeriod')}
            </Button>
          )}
          {mayRecord && r.dueOn && (
            <Button size="small" type="primary" onClick={() => setRecording(true)} data-testid="reid-record">
              {t('riskUi.reid.record')}
            </Button>
          )}
        </Space>
      }
    >
      <Space wrap size={16}>
        <span>
          {t('riskUi.reid.period', { months: r.months })}
          {r.monthsIsDefault && <Typography.Text type="secondary">（{t('riskUi.reid.defaultNote')}）</Typography.Text>}
        </span>
        <span>{t('riskUi.reid.last')}：{r.lastDoneOn ?? r.firstIdentifiedOn ?? '—'}</span>
        <span data-testid="reid-due">
          {t('riskUi.reid.due')}：{r.dueOn ?? '—'} <Tag color={statusColour[r.status]}>{t(`riskUi.reid.status.${r.status}`)}</Tag>
        </span>
      </Space>
      {r.records.length > 0 && (
        <List
          size="small"
          dataSource={r.records}
          renderItem={(x) => (
            <List.Item>
              <Space size={8} wrap>
                <span>{x.doneOn}</span>
                <span>{x.doneByName}</span>
                <Typography.Text type="secondary">{x.note}</Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
      <Modal title={t('riskUi.reid.record')} open={isRecording} onCancel={() => setRecording(false)} onOk={() => form.submit()} confirmLoading={record.isPending} destroyOnHidden>
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => zodForm.submit({ ...v, doneOn: (v.doneOn as { format?: (f: string) => string } | undefined)?.format?.('YYYY-MM-DD'), note: v.note ?? '' }, (parsed) => record.mutate(parsed))}
          onValuesChange={zodForm.clearChanged}
        >
          <Form.Item name="doneOn" label={t('riskUi.reid.doneOn')} required>
            <DatePicker />
          </Form.Item>
          <Form.Item name="doneByPersonId" label={t('riskUi.reid.doneBy')} required>
            <Select showSearch optionFilterProp="label" options={people.options} loading={people.isLoading} />
          </Form.Item>
          <Form.Item name="note" label={t('riskUi.reid.note')}>
            <Input.TextArea autoSize={{ minRows: 2 }} maxLength={1000} placeholder={t('riskUi.reid.notePlaceholder')} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal title={t('riskUi.reid.setPeriod')} open={isSetting} onCancel={() => setSetting(false)} onOk={() => months && setPeriod.mutate(months)} confirmLoading={setPeriod.isPending} destroyOnHidden>
        <Typography.Paragraph type="secondary">{t('riskUi.reid.periodHint')}</Typography.Paragraph>
        <InputNumber min={1} max={36} value={months} onChange={(v) => setMonths(v)} addonAfter={t('riskUi.reid.monthsUnit')} />
      </Modal>
    </Card>
  );
}
