import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, List, Select, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { EngagementDetailDto, VisitDto } from '../../../schemas/consultancy.js';
import { api, isApiError } from '../../app/api/api-client';
import { useCurrentUser } from '../../app/auth/use-me';
import { DateField } from '../../app/ui/date-field';

interface VisitValues {
  visitedOn: string;
  consultantUserIds: string[];
  work: string;
  deliverableCodes?: string[];
}

/** One visit with its sign state (the enterprise's principal or safety manager confirms it on its side). */
export function VisitLine({ v }: { v: VisitDto }) {
  const { t } = useTranslation();
  return (
    <Space direction="vertical" size={0} data-testid="visit" style={{ width: '100%' }}>
      <Space size={4} wrap>
        <Typography.Text strong>{v.visitedOn}</Typography.Text>
        <Typography.Text>{v.consultants}</Typography.Text>
        {v.isSigned ? <Tag color="green">{t('consultancyUi.signedBy', { name: v.signedBy, at: (v.signedAt ?? '').slice(0, 10) })}</Tag> : <Tag color="orange">{t('consultancyUi.unsigned')}</Tag>}
      </Space>
      <Typography.Text>{v.work}</Typography.Text>
      {v.deliverables.length > 0 && (
        <Space size={4} wrap>
          {v.deliverables.map((d) => (
            <Tag key={d.code}>{d.title}</Tag>
          ))}
        </Space>
      )}
    </Space>
  );
}

/** The engagement's visits: the form to record one (insert-only) and the list with their sign state. */
export function EngagementVisits({ detail, onSaved }: { detail: EngagementDetailDto; onSaved: () => Promise<void> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const client = useQueryClient();
  const [form] = Form.useForm<VisitValues>();
  const record = useMutation({
    mutationFn: (body: VisitValues) => api(`/api/v1/engagements/${detail.id}/visits`, { method: 'POST', body }),
    onSuccess: async () => {
      form.resetFields();
      await client.invalidateQueries({ queryKey: ['/api/v1/engagement-visits'] });
      await onSaved();
      void message.success(t('consultancyUi.visitSaved'));
    },
    onError: (e: Error) => {
      if (isApiError(e) && e.errors.length) form.setFields(e.errors.map((x) => ({ name: x.path.split('.')[0] as keyof VisitValues, errors: [x.message] })));
      else void message.error(e.message);
    },
  });
  const isMember = detail.consultants.some((c) => c.userId === me.user.id);
  return (
    <>
      <Typography.Title level={5}>{t('consultancyUi.visits')}</Typography.Title>
      {!detail.completedAt && (
        <Form
          form={form}
          layout="vertical"
          data-testid="visit-form"
          onFinish={(v) => record.mutate({ ...v, work: v.work.trim() })}
          initialValues={{ visitedOn: dayjs().format('YYYY-MM-DD'), consultantUserIds: isMember ? [me.user.id] : [] }}
        >
          <Space.Compact block>
            <Form.Item name="visitedOn" label={t('consultancyUi.visitedOn')} rules={[{ required: true }]} style={{ width: 180 }}>
              <DateField max={dayjs().format('YYYY-MM-DD')} />
            </Form.Item>
            <Form.Item name="consultantUserIds" label={t('consultancyUi.whoCame')} rules={[{ required: true, message: t('consultancyUi.whoCameRequired') }]} style={{ flex: 1 }}>
              <Select mode="multiple" data-testid="visit-consultants" optionFilterProp="label" options={detail.consultants.map((c) => ({ value: c.userId, label: c.displayName }))} />
            </Form.Item>
          </Space.Compact>
          <Form.Item name="work" label={t('consultancyUi.workDone')} rules={[{ required: true, whitespace: true, message: t('consultancyUi.workRequired') }]}>
            <Input.TextArea rows={2} maxLength={4000} data-testid="visit-work" />
          </Form.Item>
          <Form.Item name="deliverableCodes" label={t('consultancyUi.workedOn')}>
            <Select
              mode="multiple"
              allowClear
              optionFilterProp="label"
              options={detail.deliverables.filter((x) => x.phase <= detail.phase).map((x) => ({ value: x.code, label: x.title }))}
            />
          </Form.Item>
          <Space>
            <Button htmlType="submit" loading={record.isPending} data-testid="record-visit">
              {t('consultancyUi.recordVisit')}
            </Button>
            <Typography.Text type="secondary">{t('consultancyUi.visitEvidence')}</Typography.Text>
          </Space>
        </Form>
      )}
      <List size="small" dataSource={[...detail.visits].reverse()} locale={{ emptyText: t('consultancyUi.noVisits') }} renderItem={(v) => <List.Item><VisitLine v={v} /></List.Item>} />
    </>
  );
}
