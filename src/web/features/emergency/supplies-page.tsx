import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, InputNumber, Select, Space, Tag, Typography } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { periods } from '../../../schemas/risks.js';
import { type SupplyDto, supplyCreateSchema, supplyUpdateSchema } from '../../../schemas/emergency.js';
import { api } from '../../app/api/api-client';
import { useCanManage } from '../../app/auth/use-me';
import { type FormValues, nullIfEmpty } from '../../app/ui/resource-form-drawer';
import { ResourceListPage } from '../../app/ui/resource-list-page';
import { useAreas, usePosts } from '../org/use-org-lookups';
import { usePeople } from '../risks/use-people';
import { emergencyPaths } from './emergency-api';
import { DateField } from '../../app/ui/date-field';

function SupplyFields() {
  const { t } = useTranslation();
  const areas = useAreas();
  const posts = usePosts();
  const people = usePeople();
  return (
    <>
      <Form.Item name="name" label={t('emergencyUi.supplies.name')} required>
        <Input maxLength={200} data-testid="supply-name" />
      </Form.Item>
      <Space wrap>
        <Form.Item name="quantity" label={t('emergencyUi.supplies.quantity')} required>
          <InputNumber min={0} max={1_000_000} precision={0} data-testid="supply-quantity" />
        </Form.Item>
        <Form.Item name="minQuantity" label={t('emergencyUi.supplies.minQuantity')}>
          <InputNumber min={0} max={1_000_000} precision={0} />
        </Form.Item>
        <Form.Item name="unit" label={t('emergencyUi.supplies.unit')}>
          <Input maxLength={20} style={{ width: 80 }} />
        </Form.Item>
      </Space>
      <Form.Item name="areaId" label={t('emergencyUi.supplies.area')}>
        <Select allowClear options={areas.options} showSearch={{ optionFilterProp: 'label' }} />
      </Form.Item>
      <Form.Item name="location" label={t('emergencyUi.supplies.location')}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="responsiblePersonId" label={t('emergencyUi.supplies.responsible')}>
        <Select allowClear options={people.options} showSearch={{ optionFilterProp: 'label' }} />
      </Form.Item>
      <Form.Item name="expiresOn" label={t('emergencyUi.supplies.expiresOn')}>
        <DateField style={{ width: 180 }} data-testid="supply-expires" />
      </Form.Item>
      <Form.Item name="checkPeriod" label={t('emergencyUi.supplies.checkPeriod')}>
        <Select allowClear options={periods.map((p) => ({ value: p, label: t(`riskUi.period.${p}`) }))} />
      </Form.Item>
      <Form.Item name="checkPostId" label={t('emergencyUi.supplies.checkPost')}>
        <Select allowClear options={posts.options} showSearch={{ optionFilterProp: 'label' }} />
      </Form.Item>
    </>
  );
}

/** 应急物资: the register; a check period and post put a check item on that post's list; expired or short ones raise a hazard. */
export function SuppliesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const canManage = useCanManage();
  const areas = useAreas();
  const posts = usePosts();
  const people = usePeople();
  const check = useMutation({
    mutationFn: () => api<{ checked: number; hazardsRaised: number }>('/api/v1/emergency-supply-checks', { method: 'POST' }),
    onSuccess: async (r) => {
      await client.invalidateQueries({ queryKey: [emergencyPaths.supplies] });
      void message.success(t('emergencyUi.supplies.checked', { checked: r.checked, raised: r.hazardsRaised }));
    },
    onError: (e) => void message.error(e.message),
  });
  const columns: ColumnType<SupplyDto>[] = [
    {
      key: 'name',
      title: t('emergencyUi.supplies.name'),
      render: (_v, s) => (
        <Space size={4} wrap>
          <Typography.Text strong>{s.name}</Typography.Text>
          {s.isExpired && <Tag color="error">{t('emergencyUi.supplies.expired')}</Tag>}
          {!s.isExpired && s.isExpiringSoon && <Tag color="warning">{t('emergencyUi.supplies.expiringSoon')}</Tag>}
          {s.isShort && <Tag color="error">{t('emergencyUi.supplies.short')}</Tag>}
        </Space>
      ),
    },
    { key: 'quantity', title: t('emergencyUi.supplies.quantity'), render: (_v, s) => `${s.quantity}${s.unit}${s.minQuantity ? ` (≥${s.minQuantity})` : ''}` },
    { key: 'place', title: t('emergencyUi.supplies.location'), render: (_v, s) => [areas.nameOf(s.areaId), s.location].filter(Boolean).join(' · ') },
    { key: 'responsible', title: t('emergencyUi.supplies.responsible'), render: (_v, s) => people.nameOf(s.responsiblePersonId) },
    { key: 'expires', title: t('emergencyUi.supplies.expiresOn'), dataIndex: 'expiresOn' },
    { key: 'check', title: t('emergencyUi.supplies.checkPeriod'), render: (_v, s) => (s.checkPeriod ? `${t(`riskUi.period.${s.checkPeriod}`)} · ${posts.nameOf(s.checkPostId)}` : '') },
  ];
  return (
    <>
      {canManage && (
        <div style={{ textAlign: 'right', marginBottom: -8 }}>
          <Button onClick={() => check.mutate()} loading={check.isPending} data-testid="check-supplies">
            {t('emergencyUi.supplies.checkNow')}
          </Button>
        </div>
      )}
      <ResourceListPage<SupplyDto>
        testId="emergency-supplies"
        path={emergencyPaths.supplies}
        title={t('emergencyUi.supplies.title')}
        hint={t('emergencyUi.supplies.hint')}
        columns={columns}
        filters={[{ name: 'areaId', placeholder: t('emergencyUi.supplies.area'), options: areas.options, width: 180 }]}
        form={{
          createSchema: supplyCreateSchema,
          updateSchema: supplyUpdateSchema,
          createTitle: t('emergencyUi.supplies.createTitle'),
          editTitle: t('emergencyUi.supplies.editTitle'),
          emptyValues: { quantity: 1, minQuantity: 0, unit: '个' },
          toFormValues: (s) => ({ ...s }),
          fromFormValues: (v: FormValues) => ({
            name: v.name ?? '',
            quantity: v.quantity ?? 0,
            minQuantity: v.minQuantity ?? 0,
            unit: v.unit || '个',
            areaId: nullIfEmpty(v.areaId),
            location: v.location ?? '',
            responsiblePersonId: nullIfEmpty(v.responsiblePersonId),
            expiresOn: nullIfEmpty(v.expiresOn),
            checkPeriod: nullIfEmpty(v.checkPeriod),
            checkPostId: nullIfEmpty(v.checkPostId),
          }),
          fields: <SupplyFields />,
        }}
      />
    </>
  );
}
