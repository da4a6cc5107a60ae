import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Divider, Form, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { setupInputSchema } from '../../../schemas/accounts.js';
import type { Me } from '../../../schemas/auth.js';
import { api } from '../../app/api/api-client';
import { meKey } from '../../app/auth/use-me';
import { useZodForm } from '../../app/forms/use-zod-form';
import { LanguageSwitch } from '../../app/layout/language-switch';
import { EnterpriseFields, enterpriseFromForm, enterpriseInitialValues, FirstLoginFields, firstLoginFromForm } from './enterprise-fields';
import { setupStatusKey, useSetupStatus } from './use-setup-status';

const groups = ['enterprise', 'firstLogin'];

/**
 * /setup — the first-run set-up of an empty installation (SEED_DEMO=false): the enterprise and its
 * first login in one form, then straight to the template wizard (issue 8 §1).
 */
export function SetupPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const client = useQueryClient();
  const status = useSetupStatus(true);
  const [form] = Form.useForm();
  const zodForm = useZodForm(form, setupInputSchema, groups);
  const setup = useMutation({
    mutationFn: (input: unknown) => api<Me>('/api/v1/setup', { method: 'POST', body: input }),
    onSuccess: (me) => {
      client.setQueryData(meKey, me);
      client.setQueryData(setupStatusKey, { isSetupNeeded: false });
      void message.success(t('setup.done'));
      navigate('/templates/wizard', { replace: true });
    },
    onError: (error) => {
      if (!zodForm.showServerErrors(error)) void message.error(error.message);
    },
  });
  if (status.data && !status.data.isSetupNeeded && !setup.isSuccess) return <Navigate to="/login" replace />;

  const fromForm = (v: { enterprise?: Record<string, unknown>; firstLogin?: Record<string, unknown> }) => ({
    enterprise: enterpriseFromForm(v.enterprise ?? {}),
    firstLogin: firstLoginFromForm(v.firstLogin ?? {}),
  });

  return (
    <div data-testid="setup-page" style={{ maxWidth: 900, margin: '0 auto', padding: '24px 16px' }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          <SafetyCertificateOutlined style={{ color: '#1f4e8c' }} /> {t('setup.title')}
        </Typography.Title>
        <LanguageSwitch />
      </div>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {t('setup.hint')}
      </Typography.Paragraph>
      {setup.error && !zodForm.hasFieldErrors(setup.error) && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={setup.error.message} />}
      <Card>
        <Form
          form={form}
          layout="vertical"
          initialValues={{ enterprise: enterpriseInitialValues, firstLogin: { role: 'safety_manager' } }}
          onFinish={(v) => zodForm.submit(fromForm(v), (parsed) => setup.mutate(parsed))}
          onValuesChange={zodForm.clearChanged}
        >
          <Divider titlePlacement="start">{t('setup.enterpriseSection')}</Divider>
          <EnterpriseFields prefix={['enterprise']} />
          <Divider titlePlacement="start">{t('setup.loginSection')}</Divider>
          <Typography.Paragraph type="secondary">{t('setup.loginHint')}</Typography.Paragraph>
          <FirstLoginFields prefix={['firstLogin']} />
          <Button type="primary" size="large" htmlType="submit" loading={setup.isPending} data-testid="setup-submit">
            {t('setup.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
