import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Drawer, Form, Grid, Space } from 'antd';
import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { api } from '../api/api-client';
import { useZodForm } from '../forms/use-zod-form';

export type FormValues = Record<string, unknown>;

export interface ResourceFormSpec<Dto> {
  createSchema: z.ZodType;
  updateSchema: z.ZodType;
  createTitle: string;
  editTitle: string;
  /** Values of a new record's form. */
  emptyValues: FormValues;
  toFormValues(dto: Dto): FormValues;
  /** Form values → API input (empty selects become null, and so on). */
  fromFormValues?(values: FormValues): FormValues;
  fields: ReactNode;
}

interface Props<Dto> {
  path: string;
  spec: ResourceFormSpec<Dto>;
  isOpen: boolean;
  editing: Dto | null;
  /** Preset values for a new record (e.g. the parent of a new org unit). */
  preset?: FormValues;
  onClose(): void;
}

/** Selects cleared by the user report undefined; the API wants null. */
export function nullIfEmpty(value: unknown): unknown {
  return value === undefined || value === '' ? null : value;
}

/** Create/edit drawer for one record, validated with the shared zod schemas before it is sent. */
export function ResourceFormDrawer<Dto extends { id: string }>({ path, spec, isOpen, editing, preset, onClose }: Props<Dto>) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const screens = Grid.useBreakpoint();
  const zodForm = useZodForm(form, editing ? spec.updateSchema : spec.createSchema);

  // Pages build `spec` inline; read it through a ref so a re-render does not reset what the user typed.
  const latest = useRef({ spec, preset });
  latest.current = { spec, preset };
  const resetSave = useRef(() => {});
  useEffect(() => {
    if (!isOpen) return;
    const { spec: s, preset: p } = latest.current;
    form.resetFields();
    resetSave.current();
    form.setFieldsValue(editing ? s.toFormValues(editing) : { ...s.emptyValues, ...p });
  }, [isOpen, editing, form]);

  const save = useMutation({
    mutationFn: (input: unknown) =>
      editing ? api<Dto>(`${path}/${editing.id}`, { method: 'PATCH', body: input }) : api<Dto>(path, { method: 'POST', body: input }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: [path] });
      void message.success(editing ? t('common.saved') : t('common.created'));
      onClose();
    },
    onError: (error) => {
      if (!zodForm.showServerErrors(error)) void message.error(error.message);
    },
  });

  resetSave.current = save.reset;

  function submit(values: FormValues) {
    const input = spec.fromFormValues ? spec.fromFormValues(values) : values;
    zodForm.submit(input, (parsed) => save.mutate(parsed));
  }

  return (
    <Drawer
      title={editing ? spec.editTitle : spec.createTitle}
      open={isOpen}
      onClose={onClose}
      size={screens.md ? 520 : '100%'}
      forceRender
      footer={
        <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="form-save">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {save.error && zodForm.hasFieldErrors(save.error) && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={t('common.fixErrors')} />}
      <Form form={form} layout="vertical" onFinish={submit} onValuesChange={zodForm.clearChanged} scrollToFirstError>
        {spec.fields}
      </Form>
    </Drawer>
  );
}
