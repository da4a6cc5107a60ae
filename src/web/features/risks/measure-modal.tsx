import { Col, Form, Input, Modal, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PostDto } from '../../../schemas/org.js';
import {
  inspectionMethods,
  type MeasureFullDto,
  measureCreateSchema,
  measureTypes,
  measureUpdateSchema,
  periods,
  phases,
  type RiskDetailDto,
} from '../../../schemas/risks.js';
import { api } from '../../app/api/api-client';
import { riskPaths, useReference } from './risk-api';
import { useRiskMutation } from './use-risk-mutation';

/** The measure's current values in the form's shape (its first inspection item is the one the form edits). */
function toMeasureFormValues(measure: MeasureFullDto) {
  const item = measure.inspectionItems[0];
  return {
    type: measure.type,
    phase: measure.phase,
    dutyItem: measure.dutyItem ?? undefined,
    text: measure.text,
    inspection: { content: item?.content ?? '', method: item?.method ?? 'look', period: item?.period ?? 'day' },
  };
}

interface Props {
  risk: RiskDetailDto;
  postKind: PostDto['kind'];
  /** The measure to change (PATCH /api/v1/control-measures/:id); null = add a new one to the risk. */
  editing?: MeasureFullDto | null;
  isOpen: boolean;
  onClose(): void;
}

/** Add a control measure with its inspection item, or change an existing one — the same form. */
export function MeasureModal({ risk, postKind, editing = null, isOpen, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const types = useReference('measure-types');
  const item = editing?.inspectionItems[0];
  // The form does not show who inspects and supervises; the schema's partial inspection would default both to null, so send them as they are.
  const keptAssignment = { responsiblePersonId: item?.responsiblePersonId ?? null, supervisorPostId: item?.supervisorPostId ?? null };
  const save = useRiskMutation(
    (input: unknown) =>
      editing
        ? api(`/api/v1/control-measures/${editing.id}`, { method: 'PATCH', body: input })
        : api(`${riskPaths.risks}/${risk.id}/measures`, { method: 'POST', body: input }),
    onClose,
  );
  return (
    <Modal
      title={editing ? `${t('common.edit')} · ${t('riskUi.measure.text')}` : t('riskUi.measure.add')}
      open={isOpen}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      okText={t('common.save')}
      destroyOnHidden
      width={640}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={editing ? toMeasureFormValues(editing) : { type: 'engineering', phase: postKind === 'operation' ? 'before' : null, inspection: { method: 'look', period: 'day' } }}
        onFinish={(v: Record<string, unknown>) => {
          const body = { ...v, phase: v.phase ?? null, dutyItem: v.dutyItem || null };
          const parsed = editing ? measureUpdateSchema.safeParse({ ...body, inspection: { ...(v.inspection as object), ...keptAssignment } }) : measureCreateSchema.safeParse(body);
          if (!parsed.success) {
            form.setFields(parsed.error.issues.map((i) => ({ name: i.path as never, errors: [i.message] })));
            return;
          }
          save.mutate(parsed.data);
        }}
      >
        <Row gutter={8}>
          <Col span={12}>
            <Form.Item name="type" label={t('riskUi.measure.type')}>
              <Select options={measureTypes.map((m) => ({ value: m, label: types.data?.items.find((i) => i.code === m)?.label ?? m }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            {postKind === 'operation' ? (
              <Form.Item name="phase" label={t('riskUi.measure.phase')}>
                <Select allowClear options={phases.map((p) => ({ value: p, label: t(`riskUi.phase.${p}`) }))} />
              </Form.Item>
            ) : (
              <Form.Item name="dutyItem" label={t('riskUi.measure.dutyItem')}>
                <Input maxLength={200} />
              </Form.Item>
            )}
          </Col>
        </Row>
        <Form.Item name="text" label={t('riskUi.measure.text')} required>
          <Input autoFocus maxLength={1000} />
        </Form.Item>
        <Form.Item name={['inspection', 'content']} label={t('riskUi.measure.inspectionContent')} required>
          <Input maxLength={500} />
        </Form.Item>
        <Row gutter={8}>
          <Col span={12}>
            <Form.Item name={['inspection', 'method']} label={t('riskUi.measure.inspectionMethod')}>
              <Select options={inspectionMethods.map((m) => ({ value: m, label: t(`riskUi.inspectionMethod.${m}`) }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name={['inspection', 'period']} label={t('riskUi.measure.period')}>
              <Select options={periods.map((p) => ({ value: p, label: t(`riskUi.period.${p}`) }))} />
            </Form.Item>
          </Col>
        </Row>
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}
