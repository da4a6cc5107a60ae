import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HazardDetailDto } from '../../../schemas/hazards.js';
import { api } from '../../app/api/api-client';
import { useAreas, usePosts } from '../org/use-org-lookups';

/** Issue 9 §9: correct a wrong field by a new entry in the history (old → new, why); the original stays there. */
export function HazardCorrection({ hazard }: { hazard: HazardDetailDto }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const posts = usePosts();
  const areas = useAreas();
  const [isOpen, setIsOpen] = useState(false);
  const [form] = Form.useForm<{ field: 'description' | 'postId' | 'areaId'; value?: string; reason?: string }>();
  const field = Form.useWatch('field', form);
  const save = useMutation({
    mutationFn: (body: unknown) => api<HazardDetailDto>(`/api/v1/hazards/${hazard.id}/corrections`, { method: 'POST', body }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['/api/v1/hazards'] });
      setIsOpen(false);
      void message.success(t('hazardUi.correction.done'));
    },
    onError: (e) => void message.error(e.message),
  });
  return (
    <>
      <Button
        size="small"
        onClick={() => {
          form.setFieldsValue({ field: 'description', value: hazard.description, reason: '' });
          setIsOpen(true);
        }}
        data-testid="hazard-correct"
      >
        {t('hazardUi.correction.open')}
      </Button>
      <Modal open={isOpen} title={t('hazardUi.correction.title')} onCancel={() => setIsOpen(false)} onOk={() => form.submit()} okButtonProps={{ loading: save.isPending }} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={(v) => save.mutate({ field: v.field, value: v.value ?? '', reason: v.reason ?? '' })}>
          <Form.Item name="field" label={t('hazardUi.correction.field')}>
            <Select
              options={(['description', 'postId', 'areaId'] as const).map((f) => ({ value: f, label: t(`hazardUi.correction.fields.${f}`) }))}
              onChange={(f: string) => form.setFieldsValue({ value: f === 'description' ? hazard.description : f === 'postId' ? (hazard.postId ?? undefined) : (hazard.areaId ?? undefined) })}
            />
          </Form.Item>
          <Form.Item name="value" label={t('hazardUi.correction.value')}>
            {field === 'description' ? <Input.TextArea autoSize={{ minRows: 2 }} maxLength={2000} /> : <Select allowClear options={field === 'postId' ? posts.options : areas.options} showSearch={{ optionFilterProp: 'label' }} />}
          </Form.Item>
          <Form.Item name="reason" label={t('hazardUi.correction.reason')} required>
            <Input maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
