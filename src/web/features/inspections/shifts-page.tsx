import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Skeleton, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ShiftsDto, shiftsInputSchema } from '../../../schemas/inspections.js';
import { api, isApiError } from '../../app/api/api-client';
import { useCanManage } from '../../app/auth/use-me';
import { PageHeader } from '../../app/ui/page-header';

type Values = { shifts: { code: string; start: string; end: string }[] };

/** 班次设置: the shifts of "每班" items; they must tile the 24 hours (a night shift may cross midnight). */
export function ShiftsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const canManage = useCanManage();
  const [form] = Form.useForm<Values>();
  // Issues name list rows (shifts.1.end), which antd cannot pin on a Form.List: listed above the form.
  const [issues, setIssues] = useState<string[]>([]);
  const shifts = useQuery({ queryKey: ['/api/v1/shifts'], queryFn: () => api<ShiftsDto>('/api/v1/shifts') });
  useEffect(() => {
    if (shifts.data) form.setFieldsValue({ shifts: shifts.data.shifts });
  }, [shifts.data, form]);
  const save = useMutation({
    mutationFn: (input: unknown) => api<ShiftsDto>('/api/v1/shifts', { method: 'PUT', body: input }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['/api/v1/shifts'] });
      void message.success(t('common.saved'));
    },
  });

  function submit(values: Values) {
    save.reset();
    const parsed = shiftsInputSchema.safeParse(values);
    if (!parsed.success) {
      setIssues(parsed.error.issues.map((i) => `${i.path.map((p) => (typeof p === 'number' ? `#${p + 1}` : String(p))).join(' ')}: ${i.message}`));
      return;
    }
    setIssues([]);
    save.mutate(parsed.data);
  }

  if (!shifts.data) return <Skeleton active />;
  return (
    <div data-testid="shifts-page">
      <PageHeader title={t('inspectionUi.shifts.title')} hint={t('inspectionUi.shifts.hint', { tz: shifts.data.timeZone })} />
      {shifts.data.isDefault && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('inspectionUi.shifts.isDefault')} />}
      {(save.error || issues.length > 0) && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={save.error?.message ?? t('common.fixErrors')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {(issues.length > 0 ? issues : isApiError(save.error) ? save.error.errors.map((e) => e.message) : []).map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          }
        />
      )}
      <Card size="small" style={{ maxWidth: 560 }}>
        <Form form={form} layout="vertical" disabled={!canManage} onFinish={submit}>
          <Form.List name="shifts">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <Space key={field.key} align="start" wrap style={{ display: 'flex' }}>
                    <Form.Item name={[field.name, 'code']} label={t('inspectionUi.shifts.code')} required>
                      <Input style={{ width: 90 }} maxLength={20} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'start']} label={t('inspectionUi.shifts.start')} required>
                      <Input style={{ width: 90 }} placeholder="08:00" />
                    </Form.Item>
                    <Form.Item name={[field.name, 'end']} label={t('inspectionUi.shifts.end')} required>
                      <Input style={{ width: 90 }} placeholder="16:00" />
                    </Form.Item>
                    {fields.length > 1 && <Button style={{ marginTop: 30 }} icon={<DeleteOutlined />} aria-label={t('common.archive')} onClick={() => remove(field.name)} />}
                  </Space>
                ))}
                {fields.length < 6 && (
                  <Button icon={<PlusOutlined />} onClick={() => add({ code: '', start: '', end: '' })} style={{ marginBottom: 12 }}>
                    {t('inspectionUi.shifts.add')}
                  </Button>
                )}
              </>
            )}
          </Form.List>
          <Typography.Paragraph type="secondary">{t('inspectionUi.shifts.tileHint')}</Typography.Paragraph>
          {canManage && (
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          )}
        </Form>
      </Card>
    </div>
  );
}
