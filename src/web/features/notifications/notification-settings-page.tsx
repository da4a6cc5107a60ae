import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Radio, Skeleton, Switch } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { type NotificationSettingDto, notificationSettingInputSchema } from '../../../schemas/notifications.js';
import { api } from '../../app/api/api-client';
import { useZodForm } from '../../app/forms/use-zod-form';
import { PageHeader } from '../../app/ui/page-header';

const path = '/api/v1/notification-settings';
type Values = Record<string, unknown>;

/** 通知设置: the WeCom / DingTalk robot webhook and whether anyone may report a hazard without an account. */
export function NotificationSettingsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const zodForm = useZodForm(form, notificationSettingInputSchema);
  const settings = useQuery({ queryKey: [path], queryFn: () => api<NotificationSettingDto>(path) });
  useEffect(() => {
    if (settings.data) form.setFieldsValue({ ...settings.data, webhookUrl: settings.data.webhookUrl ?? '' });
  }, [settings.data, form]);
  const save = useMutation({
    mutationFn: (input: unknown) => api<NotificationSettingDto>(path, { method: 'PUT', body: input }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: [path] });
      void message.success(t('common.saved'));
    },
    onError: (error) => void zodForm.showServerErrors(error),
  });
  const isEnabled = Form.useWatch('isWebhookEnabled', form) as boolean | undefined;

  if (settings.error) return <Alert type="error" showIcon title={settings.error.message} />;
  if (!settings.data) return <Skeleton active />;
  return (
    <div data-testid="notification-settings">
      <PageHeader title={t('notificationUi.settings.title')} hint={t('notificationUi.settings.hint')} />
      <Card size="small" style={{ maxWidth: 640 }}>
        <Form
          form={form}
          layout="vertical"
          onValuesChange={zodForm.clearChanged}
          onFinish={(v: Values) => {
            const url = typeof v.webhookUrl === 'string' ? v.webhookUrl.trim() : '';
            zodForm.submit({ webhookUrl: url || null, webhookFormat: v.webhookFormat, isWebhookEnabled: Boolean(v.isWebhookEnabled), allowAnonymousReports: Boolean(v.allowAnonymousReports) }, (parsed) => save.mutate(parsed));
          }}
        >
          <Form.Item name="isWebhookEnabled" label={t('notificationUi.settings.enabled')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="webhookFormat" label={t('notificationUi.settings.format')}>
            <Radio.Group
              options={[
                { value: 'wecom', label: t('notificationUi.settings.wecom') },
                { value: 'dingtalk', label: t('notificationUi.settings.dingtalk') },
              ]}
            />
          </Form.Item>
          <Form.Item name="webhookUrl" label={t('notificationUi.settings.url')} extra={t('notificationUi.settings.urlHint')} required={isEnabled}>
            <Input placeholder="https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…" inputMode="url" />
          </Form.Item>
          <Form.Item name="allowAnonymousReports" label={t('notificationUi.settings.anonymous')} extra={t('notificationUi.settings.anonymousHint')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
