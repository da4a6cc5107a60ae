import { ArrowLeftOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Form, Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Me } from '../../../schemas/auth.js';
import { enterpriseRegistrationSchema } from '../../../schemas/accounts.js';
import type { EnterpriseDto } from '../../../schemas/org.js';
import { EnterpriseFields, enterpriseFromForm, enterpriseInitialValues, FirstLoginFields, firstLoginFromForm } from '../setup/enterprise-fields';
import { api } from '../../app/api/api-client';
import { meKey, useCurrentUser } from '../../app/auth/use-me';
import { useZodForm } from '../../app/forms/use-zod-form';
import { PageHeader } from '../../app/ui/page-header';

/** Who may register an enterprise: the administrator and consultants (the server checks it too). */
export function mayCreateEnterprise(me: Me): boolean {
  return me.user.isAdmin || me.memberships.some((m) => m.role === 'consultant');
}

/**
 * New enterprise (admin, consultants): register it, enter it, then go on to the template wizard.
 * A consultant becomes its member on creation; the administrator joins it as its consultant.
 */
export function NewEnterprisePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [form] = Form.useForm();
  const zodForm = useZodForm(form, enterpriseRegistrationSchema, ['firstLogin']);

  const create = useMutation({
    mutationFn: async (input: unknown) => {
      const enterprise = await api<EnterpriseDto>('/api/v1/enterprises', { method: 'POST', body: input });
      // The administrator is no member of what it registers; it joins as the consultant setting it up.
      if (me.user.isAdmin && !me.memberships.some((m) => m.enterpriseId === enterprise.id)) {
        await api(`/api/v1/enterprises/${enterprise.id}/members`, { method: 'POST', body: { username: me.user.username, role: 'consultant' } });
      }
      const updated = await api<Me>('/api/v1/auth/active-enterprise', { method: 'POST', body: { enterpriseId: enterprise.id } });
      return { enterprise, updated };
    },
    onSuccess: async ({ enterprise, updated }) => {
      client.setQueryData(meKey, updated);
      await client.invalidateQueries();
      void message.success(t('templateUi.newEnterprise.created', { name: enterprise.name }));
      navigate('/templates/wizard');
    },
    onError: (error) => {
      if (!zodForm.showServerErrors(error)) void message.error(error.message);
    },
  });

  if (!mayCreateEnterprise(me)) return <Result status="403" title={t('app.forbidden')} />;

  const fromForm = (v: Record<string, unknown>) => ({
    ...enterpriseFromForm(v),
    ...(v.withFirstLogin ? { firstLogin: firstLoginFromForm((v.firstLogin ?? {}) as Record<string, unknown>) } : {}),
  });

  return (
    <div data-testid="new-enterprise" style={{ maxWidth: 900, margin: '0 auto', padding: '24px 16px' }}>
      <PageHeader
        title={t('templateUi.newEnterprise.title')}
        hint={t('templateUi.newEnterprise.hint')}
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)}>
            {t('templateUi.newEnterprise.back')}
          </Button>
        }
      />
      <Card style={{ maxWidth: 860 }}>
        {me.user.isAdmin && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('templateUi.newEnterprise.adminNote')} />}
        <Form
          form={form}
          layout="vertical"
          initialValues={{ ...enterpriseInitialValues, withFirstLogin: true, firstLogin: { role: 'principal' } }}
          onFinish={(v: Record<string, unknown>) => zodForm.submit(fromForm(v), (parsed) => create.mutate(parsed))}
          onValuesChange={zodForm.clearChanged}
        >
          <EnterpriseFields />
          {/* Issue 8 §1: whoever registers an enterprise creates its first logins in the same step. */}
          <Form.Item name="withFirstLogin" valuePropName="checked">
            <Checkbox data-testid="with-first-login">{t('setup.firstLoginOptional')}</Checkbox>
          </Form.Item>
          <Form.Item noStyle shouldUpdate={(a, b) => a.withFirstLogin !== b.withFirstLogin}>
            {({ getFieldValue }) =>
              getFieldValue('withFirstLogin') ? (
                <>
                  <FirstLoginFields prefix={['firstLogin']} />
                  <Typography.Paragraph type="secondary">{t('setup.firstLoginOneTime')}</Typography.Paragraph>
                </>
              ) : null
            }
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="new-enterprise-save">
            {t('templateUi.newEnterprise.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
