import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Form, Input, Modal, Select, Space, Tag, Typography } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { monitoringFrequencies, type MonitoringStatus, monitoringSubjects } from '../../../domain/improvement/monitoring-table.js';
import type { MonitoringItemDto, MonitoringTableDto } from '../../../schemas/monitoring.js';
import { api } from '../../app/api/api-client';
import { PageHeader } from '../../app/ui/page-header';
import { ResponsiveTable } from '../../app/ui/responsive-table';
import { useAllItems } from '../../app/ui/use-paged-list';
import { usePeople } from '../risks/use-people';
import { improvementPaths, useIsManager, useStep } from './improvement-api';
import { DateField } from '../../app/ui/date-field';

type TableRow = MonitoringTableDto['rows'][number] & { id: string };
const statusColour: Record<MonitoringStatus, string> = { ok: 'green', attention: 'red', not_recorded: 'default', manual: 'blue' };

/** 绩效测量和监测 (seed 000 四(一)): the plan, and the period's measurement and monitoring table. */
export function MonitoringPage() {
  const { t } = useTranslation();
  const isManager = useIsManager();
  const [isCreating, setCreating] = useState(false);
  const items = useAllItems<MonitoringItemDto>(improvementPaths.monitoringItems);
  const today = new Date();
  const quarterStart = new Date(today.getFullYear(), Math.floor(today.getMonth() / 3) * 3, 1);
  const ymd = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  const [period, setPeriod] = useState({ from: ymd(quarterStart), to: ymd(new Date(quarterStart.getFullYear(), quarterStart.getMonth() + 3, 0)) });
  const table = useQuery({ queryKey: [improvementPaths.monitoringItems, 'table', period], queryFn: () => api<MonitoringTableDto>('/api/v1/monitoring-table', { query: period }) });
  const planColumns: ColumnType<MonitoringItemDto>[] = [
    { key: 'subject', title: t('improvementUi.monitoring.subject'), render: (_v, i) => t(`improvementUi.monitoring.subjects.${i.subject}`) },
    { key: 'what', dataIndex: 'name', title: t('improvementUi.monitoring.what') },
    { key: 'method', dataIndex: 'method', title: t('improvementUi.monitoring.method') },
    { key: 'frequency', title: t('improvementUi.monitoring.frequency'), render: (_v, i) => t(`improvementUi.monitoring.frequencies.${i.frequency}`) },
    { key: 'owner', title: t('improvementUi.monitoring.owner'), render: (_v, i) => i.ownerName ?? '—' },
  ];
  const resultColumns: ColumnType<TableRow>[] = [
    { key: 'what', title: t('improvementUi.monitoring.what'), render: (_v, r) => `${t(`improvementUi.monitoring.subjects.${r.subject}`)} · ${r.what}` },
    { key: 'method', title: t('improvementUi.monitoring.method'), render: (_v, r) => `${r.method}（${t(`improvementUi.monitoring.frequencies.${r.frequency}`)}）` },
    { key: 'owner', title: t('improvementUi.monitoring.owner'), render: (_v, r) => r.ownerName ?? '—' },
    { key: 'result', dataIndex: 'result', title: t('improvementUi.monitoring.result') },
    { key: 'status', title: t('improvementUi.monitoring.status'), render: (_v, r) => <Tag color={statusColour[r.status]}>{t(`improvementUi.monitoring.statuses.${r.status}`)}</Tag> },
  ];
  return (
    <div data-testid="monitoring-page">
      <PageHeader
        title={t('improvementUi.monitoring.title')}
        hint={t('improvementUi.monitoring.hint')}
        extra={
          isManager && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('improvementUi.monitoring.createTitle')}
            </Button>
          )
        }
      />
      <ResponsiveTable<MonitoringItemDto> rowKey="id" dataSource={items.data ?? []} columns={planColumns} loading={items.isLoading} locale={{ emptyText: t('common.empty') }} />
      <Card
        size="small"
        style={{ marginTop: 16 }}
        title={t('improvementUi.monitoring.table')}
        extra={
          <Space wrap>
            <Typography.Text>{t('improvementUi.monitoring.from')}</Typography.Text>
            <DateField value={period.from} allowClear={false} onChange={(v) => v && setPeriod({ ...period, from: v })} style={{ width: 150 }} />
            <Typography.Text>{t('improvementUi.monitoring.to')}</Typography.Text>
            <DateField value={period.to} allowClear={false} onChange={(v) => v && setPeriod({ ...period, to: v })} style={{ width: 150 }} />
          </Space>
        }
      >
        <ResponsiveTable<TableRow> rowKey="id" dataSource={(table.data?.rows ?? []).map((r) => ({ ...r, id: r.itemId }))} columns={resultColumns} loading={table.isLoading} locale={{ emptyText: t('common.empty') }} />
      </Card>
      <CreateItem isOpen={isCreating} onClose={() => setCreating(false)} />
    </div>
  );
}

function CreateItem({ isOpen, onClose }: { isOpen: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const people = usePeople();
  const save = useStep<MonitoringItemDto>(improvementPaths.monitoringItems, () => onClose());
  return (
    <Modal open={isOpen} title={t('improvementUi.monitoring.createTitle')} onCancel={onClose} onOk={() => form.submit()} okButtonProps={{ loading: save.isPending }} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ subject: 'hazards', frequency: 'month' }}
        onFinish={(v: { subject: string; name?: string; method?: string; frequency: string; ownerPersonId?: string }) =>
          save.mutate({ path: improvementPaths.monitoringItems, body: { subject: v.subject, name: v.name ?? '', method: v.method ?? '', frequency: v.frequency, ownerPersonId: v.ownerPersonId } })
        }
      >
        <Form.Item name="subject" label={t('improvementUi.monitoring.subject')}>
          <Select options={monitoringSubjects.map((s) => ({ value: s, label: t(`improvementUi.monitoring.subjects.${s}`) }))} />
        </Form.Item>
        <Form.Item name="name" label={t('improvementUi.monitoring.what')} required>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="method" label={t('improvementUi.monitoring.method')}>
          <Input maxLength={1000} />
        </Form.Item>
        <Form.Item name="frequency" label={t('improvementUi.monitoring.frequency')}>
          <Select options={monitoringFrequencies.map((f) => ({ value: f, label: t(`improvementUi.monitoring.frequencies.${f}`) }))} />
        </Form.Item>
        <Form.Item name="ownerPersonId" label={t('improvementUi.monitoring.owner')} required>
          <Select options={people.options} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
