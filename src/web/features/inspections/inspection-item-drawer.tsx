import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Checkbox, Drawer, Form, Grid, Input, Select, Space } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { extraItemInputSchema, type ItemDto, itemUpdateSchema } from '../../../schemas/inspections.js';
import { inspectionMethods, periods } from '../../../schemas/risks.js';
import { api } from '../../app/api/api-client';
import { useZodForm } from '../../app/forms/use-zod-form';
import { nullIfEmpty } from '../../app/ui/resource-form-drawer';
import { usePosts } from '../org/use-org-lookups';
import { usePeople } from '../risks/use-people';

type Values = Record<string, unknown>;

export type ItemDrawerState =
  | { mode: 'closed' }
  | { mode: 'edit'; item: ItemDto }
  /** A new item; with a measure it covers that measure, without one it is an extra item (Art. 13). */
  | { mode: 'create'; postId: string; measureId: string | null; measureText?: string; preset?: Values };

/** Add an inspection item, or change its content, method, period, responsible person and supervising post (Art. 14). */
export function InspectionItemDrawer({ state, onClose }: { state: ItemDrawerState; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const screens = Grid.useBreakpoint();
  const people = usePeople();
  const posts = usePosts();
  const [form] = Form.useForm<Values>();
  const isEdit = state.mode === 'edit';
  const zodForm = useZodForm(form, isEdit ? itemUpdateSchema : extraItemInputSchema);

  useEffect(() => {
    form.resetFields();
    if (state.mode === 'edit') {
      const { content, method, period, responsiblePersonId, responsibleIsPostHolders, supervisorPostId } = state.item;
      form.setFieldsValue({ content, method, period, responsiblePersonId, responsibleIsPostHolders, supervisorPostId });
    } else if (state.mode === 'create') {
      form.setFieldsValue({ method: 'look', period: 'day', ...state.preset });
    }
  }, [state, form]);

  const save = useMutation({
    mutationFn: (input: unknown) =>
      state.mode === 'edit' ? api<ItemDto>(`/api/v1/inspection-items/${state.item.id}`, { method: 'PATCH', body: input }) : api<ItemDto>('/api/v1/inspection-items', { method: 'POST', body: input }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['inspection-list'] });
      void message.success(t('common.saved'));
      onClose();
    },
    onError: (error) => {
      if (!zodForm.showServerErrors(error)) void message.error(error.message);
    },
  });

  function submit(values: Values) {
    const common = {
      content: values.content,
      method: values.method,
      period: values.period,
      responsiblePersonId: nullIfEmpty(values.responsiblePersonId),
      responsibleIsPostHolders: !values.responsiblePersonId && Boolean(values.responsibleIsPostHolders),
      supervisorPostId: nullIfEmpty(values.supervisorPostId),
    };
    const input = state.mode === 'create' ? { ...common, postId: state.postId, measureId: state.measureId } : common;
    zodForm.submit(input, (parsed) => save.mutate(parsed));
  }

  const title = state.mode === 'edit' ? t('inspectionUi.item.editTitle') : state.mode === 'create' && state.measureId ? t('inspectionUi.item.coverTitle') : t('inspectionUi.item.extraTitle');
  return (
    <Drawer
      title={title}
      open={state.mode !== 'closed'}
      onClose={onClose}
      size={screens.md ? 480 : '100%'}
      forceRender
      footer={
        <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="item-save">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {state.mode === 'create' && state.measureText && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('inspectionUi.item.forMeasure', { text: state.measureText })} />}
      {state.mode === 'create' && !state.measureId && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('inspectionUi.item.extraHint')} />}
      <Form form={form} layout="vertical" onFinish={submit} onValuesChange={zodForm.clearChanged}>
        <Form.Item name="content" label={t('inspectionUi.item.content')} required>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
        <Form.Item name="method" label={t('inspectionUi.item.method')} required>
          <Select options={inspectionMethods.map((m) => ({ value: m, label: t(`riskUi.inspectionMethod.${m}`) }))} />
        </Form.Item>
        <Form.Item name="period" label={t('inspectionUi.item.period')} required>
          <Select options={periods.map((p) => ({ value: p, label: t(`riskUi.period.${p}`) }))} />
        </Form.Item>
        <Form.Item name="responsiblePersonId" label={t('inspectionUi.item.responsible')} extra={t('inspectionUi.item.responsibleHint')}>
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={people.options} data-testid="item-responsible" />
        </Form.Item>
        <Form.Item name="responsibleIsPostHolders" valuePropName="checked">
          <Checkbox data-testid="item-post-holders">{t('inspectionUi.item.isPostHolders')}</Checkbox>
        </Form.Item>
        <Form.Item name="supervisorPostId" label={t('inspectionUi.item.supervisor')} extra={t('inspectionUi.item.supervisorHint')}>
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={posts.options} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
