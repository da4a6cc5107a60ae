import { Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { industries } from '../../../schemas/org.js';
import { RegionPicker } from './region-picker';

/** Form values of the enterprise part, as the shared schema wants them. */
export function enterpriseFromForm(v: Record<string, unknown>) {
  return {
    name: v.name ?? '',
    creditCode: v.creditCode ?? '',
    industry: v.industry,
    regionCode: v.regionCode ?? '',
    address: v.address ?? '',
    headcount: v.headcount,
    revenueCny: v.revenueCny,
    principalName: v.principalName ?? '',
    ...(v.principalPhone ? { principalPhone: v.principalPhone } : {}),
  };
}

export const enterpriseInitialValues = { industry: 'machinery', headcount: 20, revenueCny: 0 };

/** The enterprise's registration fields (first-run set-up, and the administrator's or consultant's "new enterprise"). */
export function EnterpriseFields({ prefix = [] }: { prefix?: string[] }) {
  const { t } = useTranslation();
  const n = (name: string) => [...prefix, name];
  return (
    <Row gutter={12}>
      <Col xs={24} md={14}>
        <Form.Item name={n('name')} label={t('enterprise.name')} required>
          <Input autoFocus maxLength={100} />
        </Form.Item>
      </Col>
      <Col xs={24} md={10}>
        <Form.Item name={n('creditCode')} label={t('enterprise.creditCode')} required extra={t('templateUi.newEnterprise.creditCodeHint')}>
          <Input maxLength={18} style={{ textTransform: 'uppercase' }} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name={n('industry')} label={t('enterprise.industry')} required>
          <Select options={industries.map((i) => ({ value: i, label: t(`industry.${i}`) }))} />
        </Form.Item>
      </Col>
      <Col xs={24} md={16}>
        <Form.Item name={n('regionCode')} label={t('setup.region')} required extra={t('setup.regionSource')}>
          <RegionPicker />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item name={n('address')} label={t('enterprise.address')} required>
          <Input maxLength={200} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name={n('headcount')} label={t('enterprise.headcount')} required>
          <InputNumber min={1} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name={n('revenueCny')} label={t('enterprise.revenueCny')} required>
          <InputNumber min={0} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name={n('principalName')} label={t('enterprise.principalName')} required>
          <Input maxLength={60} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name={n('principalPhone')} label={t('enterprise.principalPhone')}>
          <Input maxLength={11} inputMode="tel" />
        </Form.Item>
      </Col>
    </Row>
  );
}

export function firstLoginFromForm(v: Record<string, unknown>) {
  return {
    role: v.role,
    displayName: v.displayName ?? '',
    username: v.username ?? '',
    ...(v.phone ? { phone: v.phone } : {}),
    password: v.password ?? '',
  };
}

/** The first login of an enterprise: its principal or its safety manager. */
export function FirstLoginFields({ prefix }: { prefix: string[] }) {
  const { t } = useTranslation();
  const n = (name: string) => [...prefix, name];
  return (
    <Row gutter={12}>
      <Col xs={24} md={8}>
        <Form.Item name={n('role')} label={t('setup.firstLoginRole')} required>
          <Select options={(['safety_manager', 'principal'] as const).map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name={n('displayName')} label={t('setup.firstLoginName')} required>
          <Input maxLength={60} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name={n('phone')} label={t('setup.firstLoginPhone')}>
          <Input maxLength={11} inputMode="tel" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name={n('username')} label={t('setup.firstLoginUsername')} required extra={t('setup.firstLoginUsernameHint')}>
          <Input maxLength={64} autoComplete="off" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name={n('password')} label={t('setup.firstLoginPassword')} required extra={t('setup.firstLoginPasswordHint')}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Col>
    </Row>
  );
}
