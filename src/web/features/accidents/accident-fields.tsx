import { Col, Form, Input, InputNumber, Radio, Row, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { accidentKinds } from '../../../schemas/accidents.js';
import { useAllItems } from '../../app/ui/use-paged-list';
import type { EquipmentDto } from '../../../schemas/org.js';
import { orgPaths, useAreas, usePosts } from '../org/use-org-lookups';
import { useReference } from '../risks/risk-api';
import { DateField } from '../../app/ui/date-field';

/** The fields of an accident entry; the same on registration and correction. */
export function AccidentFields() {
  const { t } = useTranslation();
  const posts = usePosts();
  const areas = useAreas();
  const equipment = useAllItems<EquipmentDto>(orgPaths.equipment);
  const types = useReference('accident-types');
  return (
    <>
      <Form.Item name="kind" label={t('accidentUi.field.kind')} required>
        <Radio.Group options={accidentKinds.map((k) => ({ value: k, label: t(`accidentUi.kind.${k}`) }))} optionType="button" />
      </Form.Item>
      <Form.Item name="occurredOn" label={t('accidentUi.field.occurredOn')} required>
        <DateField data-testid="accident-date" />
      </Form.Item>
      <Form.Item name="postId" label={t('accidentUi.field.post')} extra={t('accidentUi.field.placeHint')}>
        <Select allowClear options={posts.options} showSearch={{ optionFilterProp: 'label' }} data-testid="accident-post" />
      </Form.Item>
      <Form.Item name="areaId" label={t('accidentUi.field.area')}>
        <Select allowClear options={areas.options} showSearch={{ optionFilterProp: 'label' }} />
      </Form.Item>
      <Form.Item name="equipmentId" label={t('accidentUi.field.equipment')}>
        <Select allowClear options={(equipment.data ?? []).map((e) => ({ value: e.id, label: e.name }))} showSearch={{ optionFilterProp: 'label' }} />
      </Form.Item>
      <Form.Item name="accidentTypeCode" label={t('accidentUi.field.type')}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          options={(types.data?.items ?? []).map((i) => ({ value: i.code, label: `${i.code} ${i.label}` }))}
          data-testid="accident-type"
        />
      </Form.Item>
      <Form.Item name="peopleInvolved" label={t('accidentUi.field.peopleInvolved')}>
        <Input maxLength={500} />
      </Form.Item>
      <Row gutter={8}>
        <Col span={8}>
          <Form.Item name="deaths" label={t('accidentUi.field.deaths')}>
            <InputNumber min={0} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="seriousInjuries" label={t('accidentUi.field.seriousInjuries')}>
            <InputNumber min={0} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="minorInjuries" label={t('accidentUi.field.minorInjuries')}>
            <InputNumber min={0} precision={0} style={{ width: '100%' }} data-testid="accident-minor" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="directLossCny" label={t('accidentUi.field.directLossCny')}>
        <InputNumber min={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="isMajorPropertyLoss" label={t('accidentUi.field.isMajorPropertyLoss')} valuePropName="checked">
        <Switch />
      </Form.Item>
      <Form.Item name="description" label={t('accidentUi.field.description')} required>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={4000} data-testid="accident-description" />
      </Form.Item>
      <Form.Item name="causeAnalysis" label={t('accidentUi.field.causeAnalysis')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={4000} />
      </Form.Item>
      <Form.Item name="correctiveActions" label={t('accidentUi.field.correctiveActions')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={4000} />
      </Form.Item>
      <Form.Item name="authorityReport" label={t('accidentUi.field.authorityReport')} extra={t('accidentUi.field.authorityReportHint')}>
        <Input maxLength={1000} />
      </Form.Item>
    </>
  );
}

const fields = [
  'kind',
  'occurredOn',
  'postId',
  'areaId',
  'equipmentId',
  'peopleInvolved',
  'accidentTypeCode',
  'deaths',
  'seriousInjuries',
  'minorInjuries',
  'directLossCny',
  'isMajorPropertyLoss',
  'description',
  'causeAnalysis',
  'correctiveActions',
  'authorityReport',
] as const;
const nullable = new Set(['postId', 'areaId', 'equipmentId', 'accidentTypeCode']);
const counts = new Set(['deaths', 'seriousInjuries', 'minorInjuries', 'directLossCny']);

/** Form values → API input: cleared selects are null, empty numbers 0. */
export function toAccidentInput(v: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    fields.map((f) => {
      const value = v[f];
      if (nullable.has(f)) return [f, value === undefined || value === '' ? null : value];
      if (counts.has(f)) return [f, value === undefined || value === null ? 0 : value];
      if (f === 'isMajorPropertyLoss') return [f, Boolean(value)];
      return [f, value ?? ''];
    }),
  );
}

/** Only what the correction changes (a correction names its fields; the rest stays as it was). */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(after).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(before[k])));
}
