import { ArrowLeftOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Form, Input, InputNumber, Result, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Me } from '../../../schemas/auth.js';
import { type EnterpriseDto, enterpriseInputSchema, industries } from '../../../schemas/org.js';
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
  const zodForm = useZodForm(form, enterpriseInputSchema);

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
    name: v.name ?? '',
    creditCode: v.creditCode ?? '',
    industry: v.industry,
    regionCode: v.regionCode ?? '',
    address: v.address ?? '',
    headcount: v.headcount,
    revenueCny: v.revenueCny,
    principalName: v.principalName ?? '',
    ...(v.principalPhone ? { principalPhone: v.principalPhone } : {}),
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
          initialValues={{ industry: 'machinery', headcount: 20, revenueCny: 0 }}
          onFinish={(v: Record<string, unknown>) => zodForm.submit(fromForm(v), (parsed) => create.mutate(parsed))}
          onValuesChange={zodForm.clearChanged}
        >
          <Row gutter={12}>
            <Col xs={24} md={14}>
              <Form.Item name="name" label={t('enterprise.name')} required>
                <Input autoFocus maxLength={100} />
              </Form.Item>
            </Col>
            <Col xs={24} md={10}>
              <Form.Item name="creditCode" label={t('enterprise.creditCode')} required extra={t('templateUi.newEnterprise.creditCodeHint')}>
                <Input maxLength={18} style={{ textTransform: 'uppercase' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="industry" label={t('enterprise.industry')} required>
                <Select options={industries.map((i) => ({ value: i, label: t(`industry.${i}`) }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="regionCode" label={t('enterprise.regionCode')} required extra={t('templateUi.newEnterprise.regionHint')}>
                <Input maxLength={6} inputMode="numeric" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="principalName" label={t('enterprise.principalName')} required>
                <Input maxLength={60} />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item name="address" label={t('enterprise.address')} required>
                <Input maxLength={200} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="headcount" label={t('enterprise.headcount')} required>
                <InputNumber min={1} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="revenueCny" label={t('enterprise.revenueCny')} required>
                <InputNumber min={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="principalPhone" label={t('enterprise.principalPhone')}>
                <Input maxLength={11} inputMode="tel" />
              </Form.Item>
            </Col>
          </Row>
          <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="new-enterprise-save">
            {t('templateUi.newEnterprise.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
