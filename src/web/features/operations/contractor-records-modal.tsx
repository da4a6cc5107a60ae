import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, InputNumber, List, Modal, Segmented, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ContractorDto, type ContractorRecordDto, evaluationResults, supervisionResults } from '../../../schemas/contractors.js';
import { api } from '../../app/api/api-client';
import { useCanManage } from '../../app/auth/use-me';
import { useRecentPermits } from '../frontline/frontline-api';
import { usePeople } from '../risks/use-people';
import { DateField } from '../../app/ui/date-field';

/** A contractor's supervision rounds and evaluations (insert-only), and the form adding one. */
export function ContractorRecordsModal({ contractor, onClose }: { contractor: ContractorDto; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const canManage = useCanManage();
  const people = usePeople();
  const permits = useRecentPermits();
  const [kind, setKind] = useState<'supervision' | 'evaluation'>('supervision');
  const [form] = Form.useForm();
  const path = `/api/v1/contractors/${contractor.id}`;
  const records = useQuery({ queryKey: [path, 'records'], queryFn: () => api<{ items: ContractorRecordDto[] }>(`${path}/records`) });
  const add = useMutation({
    mutationFn: (body: Record<string, unknown>) => api<ContractorRecordDto>(`${path}/${kind === 'supervision' ? 'supervisions' : 'evaluations'}`, { method: 'POST', body }),
    onSuccess: async () => {
      form.resetFields();
      await client.invalidateQueries({ queryKey: [path, 'records'] });
      await client.invalidateQueries({ queryKey: ['/api/v1/contractors'] });
      void message.success(t('operationsUi.saved'));
    },
    onError: (e) => void message.error(e.message),
  });
  const results = kind === 'supervision' ? supervisionResults : evaluationResults;
  const submit = (v: Record<string, unknown>) =>
    add.mutate(
      kind === 'supervision'
        ? { onDate: v.onDate, result: v.result, notes: v.notes ?? '', supervisorPersonId: v.supervisorPersonId ?? null, workPermitId: v.workPermitId ?? null }
        : { onDate: v.onDate, result: v.result, notes: v.notes ?? '', score: v.score ?? null },
    );
  return (
    <Modal open title={`${contractor.name} · ${t('operationsUi.contractors.records')}`} onCancel={onClose} footer={null} width={720}>
      <List
        size="small"
        loading={records.isLoading}
        dataSource={records.data?.items ?? []}
        locale={{ emptyText: t('common.empty') }}
        renderItem={(r) => (
          <List.Item>
            <Typography.Text>
              {r.onDate} <Tag>{t(`operationsUi.contractors.kinds.${r.kind}`)}</Tag>
              <Tag color={r.result === 'violation' || r.result === 'unqualified' ? 'red' : 'green'}>{t(`operationsUi.contractors.results.${r.result}`)}</Tag>
              {r.score !== null && `${r.score} · `}
              {people.nameOf(r.personId)} {r.notes}
            </Typography.Text>
          </List.Item>
        )}
      />
      {canManage && (
        <Form form={form} layout="vertical" onFinish={submit} style={{ marginTop: 16 }}>
          <Segmented value={kind} onChange={(v) => setKind(v as typeof kind)} options={(['supervision', 'evaluation'] as const).map((k) => ({ value: k, label: t(`operationsUi.contractors.kinds.${k}`) }))} style={{ marginBottom: 12 }} />
          <Form.Item name="onDate" label={t('operationsUi.contractors.onDate')} rules={[{ required: true }]}>
            <DateField style={{ width: 180 }} />
          </Form.Item>
          <Form.Item name="result" label={t('operationsUi.contractors.result')} rules={[{ required: true }]}>
            <Select options={results.map((r) => ({ value: r, label: t(`operationsUi.contractors.results.${r}`) }))} />
          </Form.Item>
          {kind === 'supervision' ? (
            <>
              <Form.Item name="supervisorPersonId" label={t('operationsUi.contractors.supervisor')}>
                <Select allowClear options={people.options} showSearch={{ optionFilterProp: 'label' }} />
              </Form.Item>
              <Form.Item name="workPermitId" label={t('operationsUi.contractors.permit')}>
                <Select allowClear options={(permits.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.workTypeLabel} · ${p.content}` }))} showSearch={{ optionFilterProp: 'label' }} />
              </Form.Item>
            </>
          ) : (
            <Form.Item name="score" label={t('operationsUi.contractors.score')}>
              <InputNumber min={0} max={100} />
            </Form.Item>
          )}
          <Form.Item name="notes" label={t('operationsUi.contractors.notes')}>
            <Input.TextArea rows={2} maxLength={4000} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={add.isPending}>
            {t('operationsUi.contractors.add')}
          </Button>
        </Form>
      )}
    </Modal>
  );
}
