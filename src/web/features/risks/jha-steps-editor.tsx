import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Form, Input, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Job hazard analysis: the job's steps in order, each with its hazards; place inside the risk form. */
export function JhaStepsEditor() {
  const { t } = useTranslation();
  return (
    <Form.List name="jhaSteps">
      {(fields, { add, remove }) => (
        <div style={{ marginBottom: 16 }} data-testid="jha-steps">
          <Typography.Text strong>{t('riskUi.field.jhaSteps')}</Typography.Text>
          {fields.map((field, index) => (
            <Row gutter={8} key={field.key} align="middle" style={{ marginTop: 6 }}>
              <Col flex="28px">{index + 1}.</Col>
              <Col flex="1">
                <Form.Item name={[field.name, 'step']} noStyle>
                  <Input placeholder={t('riskUi.field.jhaStep')} maxLength={200} />
                </Form.Item>
              </Col>
              <Col flex="1.4">
                <Form.Item name={[field.name, 'hazards']} noStyle>
                  <Input placeholder={t('riskUi.field.jhaHazards')} maxLength={500} />
                </Form.Item>
              </Col>
              <Col flex="32px">
                <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('riskUi.measure.remove')} onClick={() => remove(field.name)} />
              </Col>
            </Row>
          ))}
          <Button type="dashed" size="small" icon={<PlusOutlined />} style={{ marginTop: 6 }} onClick={() => add({ step: '', hazards: '' })}>
            {t('riskUi.field.addJhaStep')}
          </Button>
        </div>
      )}
    </Form.List>
  );
}
