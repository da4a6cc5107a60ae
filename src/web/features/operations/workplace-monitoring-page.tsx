import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Form, Input, InputNumber, Select, Space, Tabs, Tag, Typography } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { nextDeclarationDue } from '../../../domain/operations/occupational-health.js';
import { exposureFactorKinds, exposureLimits } from '../../../reference/occupational-exposure-limits.js';
import { type DeclarationDto, declarationKinds, type MonitoringDto, type PostExposureDto } from '../../../schemas/occupational-health.js';
import { api } from '../../app/api/api-client';
import { useCanManage } from '../../app/auth/use-me';
import { PageHeader } from '../../app/ui/page-header';
import { nullIfEmpty } from '../../app/ui/resource-form-drawer';
import { ResponsiveTable } from '../../app/ui/responsive-table';
import { useAllItems, usePagedList } from '../../app/ui/use-paged-list';
import { orgPaths } from '../org/use-org-lookups';
import { RecordModal } from './record-modal';
import { DateField } from '../../app/ui/date-field';

const readingsPath = '/api/v1/workplace-monitoring';
const declarationsPath = '/api/v1/ohd-declarations';

function Readings() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en-US' ? 'en-US' : 'zh-CN';
  const canManage = useCanManage();
  const [isAdding, setIsAdding] = useState(false);
  const [overOnly, setOverOnly] = useState<string | undefined>();
  const posts = useAllItems<{ id: string; name: string }>(orgPaths.posts);
  const areas = useAllItems<{ id: string; name: string }>(orgPaths.areas);
  const list = usePagedList<MonitoringDto>(readingsPath, { isOverLimit: overOnly });
  const columns: ColumnType<MonitoringDto>[] = [
    { key: 'point', title: t('operationsUi.monitoring.point'), render: (_v, r) => <Typography.Text strong>{r.point}</Typography.Text> },
    { key: 'factor', title: t('operationsUi.monitoring.factor'), dataIndex: 'factor' },
    { key: 'measuredOn', title: t('operationsUi.monitoring.measuredOn'), dataIndex: 'measuredOn' },
    { key: 'value', title: t('operationsUi.monitoring.value'), render: (_v, r) => <Tag color={r.isOverLimit ? 'red' : 'green'}>{`${r.value} / ${r.limitValue} ${r.unit}`}</Tag> },
    { key: 'state', title: t('operationsUi.monitoring.state'), render: (_v, r) => (r.isOverLimit ? t('operationsUi.monitoring.over') : t('operationsUi.monitoring.within')) },
    { key: 'agency', title: t('operationsUi.monitoring.agency'), dataIndex: 'agency' },
  ];
  return (
    <div data-testid="workplace-monitoring">
      <PageHeader
        title={t('operationsUi.monitoring.title')}
        hint={t('operationsUi.monitoring.hint')}
        extra={canManage && <Button type="primary" icon={<PlusOutlined />} onClick={() => setIsAdding(true)}>{t('operationsUi.monitoring.add')}</Button>}
      />
      <div className="page-toolbar">
        <Select allowClear placeholder={t('operationsUi.monitoring.state')} style={{ width: 160 }} value={overOnly} onChange={setOverOnly} options={[{ value: 'true', label: t('operationsUi.monitoring.over') }, { value: 'false', label: t('operationsUi.monitoring.within') }]} />
      </div>
      <ResponsiveTable<MonitoringDto> dataSource={list.items} columns={columns} loading={list.isLoading} locale={{ emptyText: t('common.empty') }} />
      {isAdding && (
        <RecordModal
          title={t('operationsUi.monitoring.add')}
          path={readingsPath}
          refresh={[readingsPath, '/api/v1/occupational-exposures']}
          toBody={(v) => ({ postId: nullIfEmpty(v.postId), areaId: nullIfEmpty(v.areaId), point: v.point ?? '', limitCode: v.limitCode, measuredOn: v.measuredOn, value: v.value, limitValue: nullIfEmpty(v.limitValue), agency: v.agency ?? '' })}
          onClose={() => setIsAdding(false)}
          fields={
            <>
              <Form.Item name="point" label={t('operationsUi.monitoring.point')} rules={[{ required: true }]}>
                <Input maxLength={200} />
              </Form.Item>
              <Form.Item name="postId" label={t('operationsUi.ppe.post')}>
                <Select allowClear options={(posts.data ?? []).map((p) => ({ value: p.id, label: p.name }))} showSearch={{ optionFilterProp: 'label' }} />
              </Form.Item>
              <Form.Item name="areaId" label={t('operationsUi.change.area')}>
                <Select allowClear options={(areas.data ?? []).map((a) => ({ value: a.id, label: a.name }))} showSearch={{ optionFilterProp: 'label' }} />
              </Form.Item>
              <Form.Item name="limitCode" label={t('operationsUi.monitoring.factor')} rules={[{ required: true }]} extra={t('operationsUi.monitoring.limitHint')}>
                <Select options={exposureLimits.map((l) => ({ value: l.code, label: `${l.label[locale]} · ${l.limit} ${l.unit}（${l.clause}）` }))} />
              </Form.Item>
              <Form.Item name="measuredOn" label={t('operationsUi.monitoring.measuredOn')} rules={[{ required: true }]}>
                <DateField style={{ width: 180 }} />
              </Form.Item>
              <Form.Item name="value" label={t('operationsUi.monitoring.value')} rules={[{ required: true }]}>
                <InputNumber min={0} />
              </Form.Item>
              <Form.Item name="limitValue" label={t('operationsUi.monitoring.limitValue')}>
                <InputNumber min={0} />
              </Form.Item>
              <Form.Item name="agency" label={t('operationsUi.monitoring.agency')}>
                <Input maxLength={200} />
              </Form.Item>
            </>
          }
        />
      )}
    </div>
  );
}

function Exposures() {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: ['/api/v1/occupational-exposures'], queryFn: () => api<{ items: PostExposureDto[] }>('/api/v1/occupational-exposures') });
  type ExposureRow = PostExposureDto & { id: string };
  const columns: ColumnType<ExposureRow>[] = [
    { key: 'post', title: t('operationsUi.ppe.post'), render: (_v, p) => <Typography.Text strong>{p.postName}</Typography.Text> },
    { key: 'kinds', title: t('operationsUi.monitoring.exposures'), render: (_v, p) => (p.kinds.length ? <Space size={4} wrap>{p.kinds.map((k) => <Tag key={k}>{t(`operationsUi.factorKinds.${k}`)}</Tag>)}</Space> : '—') },
    { key: 'readings', title: t('operationsUi.monitoring.latest'), render: (_v, p) => <Space size={4} wrap>{p.latestReadings.map((r) => <Tag key={r.id} color={r.isOverLimit ? 'red' : 'green'}>{`${r.factor} ${r.value}${r.unit}`}</Tag>)}</Space> },
  ];
  return (
    <div data-testid="occupational-exposures">
      <PageHeader title={t('operationsUi.monitoring.exposuresTitle')} hint={t('operationsUi.monitoring.exposuresHint')} />
      <ResponsiveTable<ExposureRow> dataSource={(q.data?.items ?? []).map((i) => ({ ...i, id: i.postId }))} columns={columns} loading={q.isLoading} locale={{ emptyText: t('common.empty') }} />
    </div>
  );
}

function Declarations() {
  const { t } = useTranslation();
  const canManage = useCanManage();
  const [isAdding, setIsAdding] = useState(false);
  const q = useQuery({ queryKey: [declarationsPath], queryFn: () => api<{ items: DeclarationDto[] }>(declarationsPath) });
  const columns: ColumnType<DeclarationDto>[] = [
    { key: 'on', title: t('operationsUi.declaration.declaredOn'), dataIndex: 'declaredOn' },
    { key: 'kind', title: t('operationsUi.declaration.kind'), render: (_v, d) => t(`operationsUi.declaration.kinds.${d.kind}`) },
    { key: 'authority', title: t('operationsUi.declaration.authority'), dataIndex: 'authority' },
    { key: 'receipt', title: t('operationsUi.declaration.receiptNo'), dataIndex: 'receiptNo' },
    { key: 'factors', title: t('operationsUi.monitoring.exposures'), render: (_v, d) => d.factors.map((f) => t(`operationsUi.factorKinds.${f}`)).join('、') },
    { key: 'count', title: t('operationsUi.declaration.exposedCount'), dataIndex: 'exposedCount' },
  ];
  return (
    <div data-testid="ohd-declarations">
      <PageHeader title={t('operationsUi.declaration.title')} hint={t('operationsUi.declaration.hint')} extra={canManage && <Button type="primary" icon={<PlusOutlined />} onClick={() => setIsAdding(true)}>{t('operationsUi.declaration.add')}</Button>} />
      {q.data?.items[0] && (
        <Typography.Paragraph type="secondary" data-testid="ohd-next-due">
          {t('operationsUi.declaration.nextDue', { date: nextDeclarationDue(q.data.items[0].declaredOn) })}
        </Typography.Paragraph>
      )}
      <ResponsiveTable<DeclarationDto> dataSource={q.data?.items ?? []} columns={columns} loading={q.isLoading} locale={{ emptyText: t('common.empty') }} />
      {isAdding && (
        <RecordModal
          title={t('operationsUi.declaration.add')}
          path={declarationsPath}
          refresh={[declarationsPath]}
          initialValues={{ kind: 'initial', factors: [], exposedCount: 0 }}
          toBody={(v) => ({ kind: v.kind, declaredOn: v.declaredOn, authority: v.authority ?? '', receiptNo: v.receiptNo ?? '', factors: v.factors ?? [], exposedCount: v.exposedCount ?? 0, notes: v.notes ?? '' })}
          onClose={() => setIsAdding(false)}
          fields={
            <>
              <Form.Item name="kind" label={t('operationsUi.declaration.kind')} rules={[{ required: true }]}>
                <Select options={declarationKinds.map((k) => ({ value: k, label: t(`operationsUi.declaration.kinds.${k}`) }))} />
              </Form.Item>
              <Form.Item name="declaredOn" label={t('operationsUi.declaration.declaredOn')} rules={[{ required: true }]}>
                <DateField style={{ width: 180 }} />
              </Form.Item>
              <Form.Item name="authority" label={t('operationsUi.declaration.authority')}>
                <Input maxLength={200} />
              </Form.Item>
              <Form.Item name="receiptNo" label={t('operationsUi.declaration.receiptNo')}>
                <Input maxLength={100} />
              </Form.Item>
              <Form.Item name="factors" label={t('operationsUi.monitoring.exposures')}>
                <Select mode="multiple" options={exposureFactorKinds.map((k) => ({ value: k, label: t(`operationsUi.factorKinds.${k}`) }))} />
              </Form.Item>
              <Form.Item name="exposedCount" label={t('operationsUi.declaration.exposedCount')}>
                <InputNumber min={0} precision={0} />
              </Form.Item>
              <Form.Item name="notes" label={t('operationsUi.notes')}>
                <Input.TextArea rows={2} maxLength={2000} />
              </Form.Item>
            </>
          }
        />
      )}
    </div>
  );
}

/** 职业病危害因素: readings against GBZ limits (over the limit raises a hazard), each post's exposures from its risks, and the 申报 record. */
export function WorkplaceMonitoringPage() {
  const { t } = useTranslation();
  return (
    <Tabs
      items={[
        { key: 'readings', label: t('operationsUi.monitoring.title'), children: <Readings /> },
        { key: 'exposures', label: t('operationsUi.monitoring.exposuresTitle'), children: <Exposures /> },
        { key: 'declarations', label: t('operationsUi.declaration.title'), children: <Declarations /> },
      ]}
    />
  );
}
