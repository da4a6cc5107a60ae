import { LockOutlined, SafetyCertificateOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { loginSchema, type LoginInput, type Me } from '../../../schemas/auth.js';
import { api } from '../api/api-client';
import { useZodForm } from '../forms/use-zod-form';
import { LanguageSwitch } from '../layout/language-switch';
import { useSetupStatus } from '../../features/setup/use-setup-status';
import { meKey, useMe } from './use-me';

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const client = useQueryClient();
  const { data: me } = useMe();
  const [form] = Form.useForm<LoginInput>();
  const zodForm = useZodForm(form, loginSchema);
  // After login, go back to the page that sent us here (e.g. a risk card opened from its QR code).
  const from = (location.state as { from?: string } | null)?.from;
  const target = from && from !== '/login' ? from : '/';
  const login = useMutation({
    mutationFn: (input: LoginInput) => api<Me>('/api/v1/auth/login', { method: 'POST', body: input }),
    onSuccess: (result) => {
      client.setQueryData(meKey, result);
      navigate(target, { replace: true });
    },
    onError: (error) => zodForm.showServerErrors(error),
  });
  const setup = useSetupStatus(!me);
  if (me) return <Navigate to={target} replace />;
  if (setup.data?.isSetupNeeded) return <Navigate to="/setup" replace />;

  return (
    <div className="login-screen">
      <div style={{ position: 'absolute', top: 12, right: 12 }}>
        <LanguageSwitch />
      </div>
      <Card style={{ width: '100%', maxWidth: 380 }} variant="borderless">
        <div style={{ textAlign: 'center', marginBottom: 24 }}>
          <SafetyCertificateOutlined style={{ fontSize: 40, color: '#1f4e8c' }} />
          <Typography.Title level={3} style={{ margin: '8px 0 4px' }}>
            {t('app.fullName')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('app.tagline')}</Typography.Text>
        </div>
        {login.error && !zodForm.hasFieldErrors(login.error) && (
          <Alert type="error" showIcon style={{ marginBottom: 16 }} title={login.error.message} />
        )}
        <Form form={form} layout="vertical" size="large" onFinish={(values) => zodForm.submit(values, (input) => login.mutate(input))} onValuesChange={zodForm.clearChanged} requiredMark={false}>
          <Form.Item name="username" label={t('login.username')}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={login.isPending}>
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
