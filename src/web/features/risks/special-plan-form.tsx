import { Button, Col, Form, Input, InputNumber, Row, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { type RiskDetailDto, specialControlPlanInputSchema } from '../../../schemas/risks.js';
import { api } from '../../app/api/api-client';
import { riskPaths } from './risk-api';
import { useRiskMutation } from './use-risk-mutation';

/** The special control plan a 重大 / 较大 risk needs (objective, measures, people, funds, schedule). */
export function SpecialPlanForm({ risk, onDone }: { risk: RiskDetailDto; onDone(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const save = useRiskMutation((input: unknown) => api(`${riskPaths.risks}/${risk.id}/special-control-plan`, { method: 'PUT' as 'POST', body: input } /* api-client's type lists no PUT; fetch sends it as is */), onDone);
  const plan = risk.specialControlPlan;
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={plan ?? { fundsCny: 0 }}
      onFinish={(values: Record<string, unknown>) => {
        const parsed = specialControlPlanInputSchema.safeParse(values);
        if (!parsed.success) {
          form.setFields(parsed.error.issues.map((i) => ({ name: i.path as never, errors: [i.message] })));
          return;
        }
        save.mutate(parsed.data);
      }}
      data-testid="special-plan-form"
    >
      <Row gutter={8}>
        <Col xs={24} md={12}>
          <Form.Item name="objective" label={t('riskUi.plan.objective')} required>
            <Input.TextArea autoFocus autoSize={{ minRows: 2 }} maxLength={2000} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="measures" label={t('riskUi.plan.measures')} required>
            <Input.TextArea autoSize={{ minRows: 2 }} maxLength={4000} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="people" label={t('riskUi.plan.people')} required>
            <Input maxLength={1000} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="fundsCny" label={t('riskUi.plan.funds')} required>
            <InputNumber min={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="schedule" label={t('riskUi.plan.schedule')} required>
            <Input maxLength={1000} />
          </Form.Item>
        </Col>
      </Row>
      <Space>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('common.save')}
        </Button>
        <Button onClick={onDone}>{t('common.cancel')}</Button>
      </Space>
    </Form>
  );
}
