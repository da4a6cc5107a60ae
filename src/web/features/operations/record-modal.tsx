import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Modal } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api/api-client';

interface Props {
  title: string;
  /** POST target. */
  path: string;
  /** Query keys (collection paths) refreshed after the record is added. */
  refresh: string[];
  initialValues?: Record<string, unknown>;
  toBody(values: Record<string, unknown>): unknown;
  fields: ReactNode;
  onClose(): void;
}

/** Adds one insert-only record (an inspection, an examination, an issue of PPE, a reading): a form in a modal, POSTed as is. */
export function RecordModal({ title, path, refresh, initialValues, toBody, fields, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm();
  const add = useMutation({
    mutationFn: (values: Record<string, unknown>) => api(path, { method: 'POST', body: toBody(values) }),
    onSuccess: async () => {
      for (const key of refresh) await client.invalidateQueries({ queryKey: [key] });
      void message.success(t('operationsUi.saved'));
      onClose();
    },
    onError: (e) => void message.error(e.message),
  });
  return (
    <Modal open title={title} onCancel={onClose} onOk={() => form.submit()} confirmLoading={add.isPending} okText={t('operationsUi.confirm')} cancelText={t('common.cancel')} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={initialValues} onFinish={(v: Record<string, unknown>) => add.mutate(v)}>
        {fields}
      </Form>
    </Modal>
  );
}
