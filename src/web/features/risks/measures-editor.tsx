import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Form, Input, Row, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PostDto } from '../../../schemas/org.js';
import { inspectionMethods, measureTypes, periods, phases } from '../../../schemas/risks.js';
import { useReference } from './risk-api';

/** The new risk's measures, one row each with its inspection item; place inside the risk form. */
export function MeasuresEditor({ postKind }: { postKind: PostDto['kind'] }) {
  const { t } = useTranslation();
  const types = useReference('measure-types');
  const typeOptions = measureTypes.map((m) => ({ value: m, label: types.data?.items.find((i) => i.code === m)?.label ?? t(`riskUi.measureType.${m}`) }));
  return (
    <Form.List name="measures">
      {(fields, { add, remove }) => (
        <>
          {fields.map((field, index) => (
            <div key={field.key} className="measure-editor-row" style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: '8px 8px 0', marginBottom: 8 }} data-testid={`measure-row-${index}`}>
              <Row gutter={8}>
                <Col xs={12} md={6}>
                  <Form.Item name={[field.name, 'type']} label={t('riskUi.measure.type')}>
                    <Select options={typeOptions} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={6}>
                  {postKind === 'operation' ? (
                    <Form.Item name={[field.name, 'phase']} label={t('riskUi.measure.phase')}>
                      <Select allowClear options={phases.map((p) => ({ value: p, label: t(`riskUi.phase.${p}`) }))} />
                    </Form.Item>
                  ) : (
                    <Form.Item name={[field.name, 'dutyItem']} label={t('riskUi.measure.dutyItem')}>
                      <Input maxLength={200} />
                    </Form.Item>
                  )}
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item name={[field.name, 'text']} label={t('riskUi.measure.text')}>
                    <Input maxLength={1000} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item name={[field.name, 'inspection', 'content']} label={t('riskUi.measure.inspectionContent')}>
                    <Input maxLength={500} />
                  </Form.Item>
                </Col>
                <Col xs={10} md={5}>
                  <Form.Item name={[field.name, 'inspection', 'method']} label={t('riskUi.measure.inspectionMethod')}>
                    <Select options={inspectionMethods.map((m) => ({ value: m, label: t(`riskUi.inspectionMethod.${m}`) }))} />
                  </Form.Item>
                </Col>
                <Col xs={10} md={5}>
                  <Form.Item name={[field.name, 'inspection', 'period']} label={t('riskUi.measure.period')}>
                    <Select options={periods.map((p) => ({ value: p, label: t(`riskUi.period.${p}`) }))} />
                  </Form.Item>
                </Col>
                <Col xs={4} md={2} style={{ display: 'flex', alignItems: 'center' }}>
                  <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('riskUi.measure.remove')} onClick={() => remove(field.name)} />
                </Col>
              </Row>
            </div>
          ))}
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            block
            data-testid="add-measure"
            onClick={() =>
              add({
                type: 'engineering',
                phase: postKind === 'operation' ? 'before' : null,
                dutyItem: null,
                text: '',
                inspection: { content: '', method: 'look', period: 'day' },
              })
            }
          >
            {t('riskUi.measure.add')}
          </Button>
          {types.data && (
            <Typography.Paragraph type="secondary" style={{ marginTop: 6, fontSize: 12 }}>
              {t('riskUi.measure.orderHint')}
            </Typography.Paragraph>
          )}
        </>
      )}
    </Form.List>
  );
}
