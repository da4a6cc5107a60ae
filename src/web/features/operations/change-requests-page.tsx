import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Popconfirm, Select, Space, Tag, Tooltip, Typography } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { changeKinds, type ChangeStatus, type ChangeStep } from '../../../domain/management/change-lifecycle.js';
import { type ChangeRequestDto, changeRequestCreateSchema, changeRequestUpdateSchema } from '../../../schemas/change-requests.js';
import { api } from '../../app/api/api-client';
import { useCanManage } from '../../app/auth/use-me';
import { type FormValues, nullIfEmpty } from '../../app/ui/resource-form-drawer';
import { ResourceListPage } from '../../app/ui/resource-list-page';
import { useAllItems } from '../../app/ui/use-paged-list';
import { orgPaths } from '../org/use-org-lookups';
import { usePeople } from '../risks/use-people';
import { DateField } from '../../app/ui/date-field';

const path = '/api/v1/change-requests';
/** The next steps a request in this status offers. */
const nextSteps: Record<ChangeStatus, ChangeStep[]> = { requested: ['review'], reviewed: ['approve', 'reject'], approved: ['implement'], rejected: [], implemented: ['close'], closed: [] };

function useOptions(p: string) {
  const q = useAllItems<{ id: string; name: string }>(p);
  return (q.data ?? []).map((i) => ({ value: i.id, label: i.name }));
}

function ChangeFields() {
  const { t } = useTranslation();
  const people = usePeople();
  const posts = useOptions(orgPaths.posts);
  const areas = useOptions(orgPaths.areas);
  const equipment = useOptions(orgPaths.equipment);
  const materials = useOptions(orgPaths.materials);
  const sel = (name: string, label: string, options: { value: string; label: string }[]) => (
    <Form.Item name={name} label={label}>
      <Select allowClear options={options} showSearch={{ optionFilterProp: 'label' }} />
    </Form.Item>
  );
  return (
    <>
      <Form.Item name="name" label={t('operationsUi.change.name')} required>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="kind" label={t('operationsUi.change.kind')} required>
        <Select options={changeKinds.map((k) => ({ value: k, label: t(`operationsUi.change.kinds.${k}`) }))} />
      </Form.Item>
      <Form.Item name="description" label={t('operationsUi.change.description')}>
        <Input.TextArea rows={3} maxLength={4000} />
      </Form.Item>
      {sel('requestedByPersonId', t('operationsUi.change.requestedBy'), people.options)}
      <Typography.Paragraph type="secondary">{t('operationsUi.change.scopeHint')}</Typography.Paragraph>
      {sel('postId', t('operationsUi.change.post'), posts)}
      {sel('areaId', t('operationsUi.change.area'), areas)}
      {sel('equipmentId', t('operationsUi.change.equipment'), equipment)}
      {sel('materialId', t('operationsUi.change.material'), materials)}
      <Form.Item name="plannedOn" label={t('operationsUi.change.plannedOn')}>
        <DateField style={{ width: 180 }} />
      </Form.Item>
    </>
  );
}

function StepButtons({ request }: { request: ChangeRequestDto }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const step = useMutation({
    mutationFn: (s: ChangeStep) => api<ChangeRequestDto>(`${path}/${request.id}/${s}`, { method: 'POST', body: {} }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: [path] });
      void message.success(t('operationsUi.saved'));
    },
    onError: (e) => void message.error(e.message),
  });
  if (request.archivedAt) return null;
  return (
    <Space size={0}>
      {nextSteps[request.status].map((s) => (
        <Popconfirm key={s} title={t(`operationsUi.change.confirm.${s}`)} onConfirm={() => step.mutate(s)} okText={t('operationsUi.confirm')} cancelText={t('common.cancel')}>
          <Button size="small" type="link" danger={s === 'reject'} data-testid={`change-${s}`}>
            {t(`operationsUi.change.steps.${s}`)}
          </Button>
        </Popconfirm>
      ))}
    </Space>
  );
}

/** 变更管理: a change names what it changes; its risks are listed, flagged at the risk review, then approved, implemented and closed. */
export function ChangeRequestsPage() {
  const { t } = useTranslation();
  const canManage = useCanManage();
  const columns: ColumnType<ChangeRequestDto>[] = [
    { key: 'name', title: t('operationsUi.change.name'), render: (_v, r) => <Typography.Text strong>{r.name}</Typography.Text> },
    { key: 'kind', title: t('operationsUi.change.kind'), render: (_v, r) => t(`operationsUi.change.kinds.${r.kind}`) },
    { key: 'status', title: t('operationsUi.change.status'), render: (_v, r) => <Tag color={r.status === 'closed' ? 'green' : r.status === 'rejected' ? 'red' : 'blue'}>{t(`operationsUi.change.statuses.${r.status}`)}</Tag> },
    {
      key: 'risks',
      title: t('operationsUi.change.risks'),
      render: (_v, r) => (
        <Space size={4} wrap>
          {r.touchedRisks.length === 0 && <Typography.Text type="secondary">{t('operationsUi.change.noRisks')}</Typography.Text>}
          {r.touchedRisks.map((k) => (
            <Tooltip key={k.id} title={k.reviewReason ?? ''}>
              <Tag color={k.isFlaggedByThisChange ? 'orange' : undefined}>
                {k.objectName}
                {k.level ? ` · ${t(`level.${k.level}`)}` : ''}
                {k.isFlaggedByThisChange ? ` · ${t('operationsUi.change.flagged')}` : ''}
              </Tag>
            </Tooltip>
          ))}
        </Space>
      ),
    },
    { key: 'plannedOn', title: t('operationsUi.change.plannedOn'), dataIndex: 'plannedOn' },
    ...(canManage ? [{ key: 'steps', title: t('operationsUi.change.next'), render: (_v: unknown, r: ChangeRequestDto) => <StepButtons request={r} /> }] : []),
  ];
  return (
    <ResourceListPage<ChangeRequestDto>
      testId="change-requests"
      path={path}
      title={t('operationsUi.change.title')}
      hint={t('operationsUi.change.hint')}
      columns={columns}
      filters={[{ name: 'status', placeholder: t('operationsUi.change.status'), options: (Object.keys(nextSteps) as ChangeStatus[]).map((s) => ({ value: s, label: t(`operationsUi.change.statuses.${s}`) })) }]}
      form={{
        createSchema: changeRequestCreateSchema,
        updateSchema: changeRequestUpdateSchema,
        createTitle: t('operationsUi.change.createTitle'),
        editTitle: t('operationsUi.change.editTitle'),
        emptyValues: { kind: 'process' },
        toFormValues: (r) => ({ ...r }),
        fromFormValues: (v: FormValues) => ({
          name: v.name ?? '',
          kind: v.kind,
          description: v.description ?? '',
          requestedByPersonId: nullIfEmpty(v.requestedByPersonId),
          postId: nullIfEmpty(v.postId),
          areaId: nullIfEmpty(v.areaId),
          equipmentId: nullIfEmpty(v.equipmentId),
          materialId: nullIfEmpty(v.materialId),
          plannedOn: nullIfEmpty(v.plannedOn),
        }),
        fields: <ChangeFields />,
      }}
    />
  );
}
