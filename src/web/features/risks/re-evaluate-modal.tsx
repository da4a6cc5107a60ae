import { Form, Input, Modal, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { evaluationCreateSchema, evaluationStages, type RiskDetailDto } from '../../../schemas/risks.js';
import { api } from '../../app/api/api-client';
import { EvaluationFields, type EvaluationFormValues, EvaluationPreview, evaluationBody, toEvaluationFormValues } from './evaluation-fields';
import { toFieldName } from './field-paths';
import { riskPaths } from './risk-api';
import { useRiskMutation } from './use-risk-mutation';

/** Re-evaluate a risk (inherent or residual), starting from its current evaluation, with the live preview and a note. */
export function ReEvaluateModal({ risk, isOpen, onClose }: { risk: RiskDetailDto; isOpen: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<EvaluationFormValues & { stage: string; note: string }>();
  const save = useRiskMutation((input: unknown) => api(`${riskPaths.risks}/${risk.id}/evaluations`, { method: 'POST', body: input }), onClose);
  function submit() {
    const v = form.getFieldsValue(true) as EvaluationFormValues & { stage: string; note?: string };
    const parsed = evaluationCreateSchema.safeParse({ stage: v.stage, note: v.note ?? '', evaluation: evaluationBody(v) ?? { method: v.evalMethod } });
    if (!parsed.success) {
      form.setFields(parsed.error.issues.map((i) => ({ name: toFieldName(i.path as (string | number)[], v) as never, errors: [i.message] })));
      return;
    }
    save.mutate(parsed.data);
  }
  const current = risk.residualEvaluation ?? risk.inherentEvaluation;
  return (
    <Modal
      title={t('riskUi.eval.reEvaluate')}
      open={isOpen}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={save.isPending}
      width={760}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'reevaluate-save' } as never}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ ...toEvaluationFormValues(current?.inputs), stage: risk.measureCount > 0 ? 'residual' : 'inherent', note: '' }}
      >
        <Form.Item name="stage" label={t('riskUi.eval.stage')}>
          <Radio.Group optionType="button" options={evaluationStages.map((s) => ({ value: s, label: t(`riskUi.eval.stages.${s}`) }))} />
        </Form.Item>
        <EvaluationFields />
        <EvaluationPreview />
        <Form.Item name="note" label={t('riskUi.eval.note')} required style={{ marginTop: 12 }}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={1000} placeholder={t('riskUi.eval.notePlaceholder')} />
        </Form.Item>
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}
