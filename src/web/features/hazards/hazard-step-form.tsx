import { Alert, App, Button, Form, Space } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { isApiError } from '../../app/api/api-client';
import { useZodForm } from '../../app/forms/use-zod-form';
import { type HazardStep, useHazardStep } from './hazard-api';

export type StepValues = Record<string, unknown>;

interface Props {
  hazardId: string;
  step: HazardStep;
  schema: z.ZodType;
  /** Form values → the step's body (dates become ISO instants, empty selects null). */
  toInput?(values: StepValues): unknown;
  initialValues?: StepValues;
  fields?: ReactNode;
  submitLabel: string;
  isDanger?: boolean;
  onValuesChange?(changed: StepValues, all: StepValues): void;
}

/**
 * One lifecycle step as a small form validated with the server's zod schema. A refusal of the
 * lifecycle (403: not the reporter side, not the owner…; 409: someone moved it first) is shown
 * as the server worded it, beside the button, rather than as a toast that vanishes.
 */
export function HazardStepForm({ hazardId, step, schema, toInput, initialValues, fields, submitLabel, isDanger, onValuesChange }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<StepValues>();
  const zodForm = useZodForm(form, schema);
  const mutation = useHazardStep(hazardId);

  function submit(values: StepValues) {
    const input = toInput ? toInput(values) : values;
    zodForm.submit(input, (body) =>
      mutation.mutate(
        { step, body },
        {
          onSuccess: () => void message.success(t('hazardUi.action.done')),
          onError: (error) => void zodForm.showServerErrors(error),
        },
      ),
    );
  }

  const error = mutation.error;
  const isRefusal = isApiError(error) && (error.status === 403 || error.status === 409);
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onFinish={submit}
      onValuesChange={(changed: StepValues, all: StepValues) => {
        zodForm.clearChanged(changed);
        onValuesChange?.(changed, all);
      }}
      data-testid={`step-form-${step}`}
    >
      {fields}
      {error && !zodForm.hasFieldErrors(error) && (
        <Alert
          type={isRefusal ? 'warning' : 'error'}
          showIcon
          style={{ marginBottom: 12 }}
          title={isRefusal ? t(error.status === 409 ? 'hazardUi.action.conflict' : 'hazardUi.action.notAllowed') : t('app.error')}
          description={error.message}
          data-testid="step-error"
        />
      )}
      <Space wrap>
        <Button type="primary" danger={isDanger} htmlType="submit" loading={mutation.isPending} data-testid={`step-submit-${step}`}>
          {submitLabel}
        </Button>
      </Space>
    </Form>
  );
}
