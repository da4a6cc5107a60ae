import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { changePasswordSchema } from '../../../schemas/auth.js';
import { api } from '../../app/api/api-client';
import { meKey, useCurrentUser } from '../../app/auth/use-me';
import { useZodForm } from '../../app/forms/use-zod-form';
import { PageHeader } from '../../app/ui/page-header';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export function ChangePasswordPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const zodForm = useZodForm(form, changePasswordSchema);
  const change = useMutation({
    mutationFn: (input: unknown) => api('/api/v1/auth/password', { method: 'POST', body: input }),
    onSuccess: () => {
      form.resetFields();
      void message.success(t('password.changed'));
      // A one-time password is gone: the rest of the app opens again.
      void client.invalidateQueries({ queryKey: meKey });
    },
    onError: (error) => {
      if (!zodForm.showServerErrors(error)) void message.error(error.message);
    },
  });

  function submit({ confirm, ...input }: Values) {
    if (confirm !== input.newPassword) {
      form.setFields([{ name: 'confirm', errors: [t('password.mismatch')] }]);
      return;
    }
    zodForm.submit(input, (parsed) => change.mutate(parsed));
  }

  return (
    <div data-testid="password-page">
      <PageHeader title={t('password.title')} />
      <Card style={{ maxWidth: 480 }}>
        {me.user.mustChangePassword && <Alert type="warning" showIcon title={t('mustChange.notice')} style={{ marginBottom: 12 }} data-testid="must-change" />}
        <Alert type="info" showIcon title={t('password.hint')} style={{ marginBottom: 16 }} />
        <Form form={form} layout="vertical" onFinish={submit} onValuesChange={zodForm.clearChanged} requiredMark={false}>
          <Form.Item name="currentPassword" label={t('password.current')}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item name="newPassword" label={t('password.new')}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item name="confirm" label={t('password.confirm')}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={change.isPending}>
            {t('common.save')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
