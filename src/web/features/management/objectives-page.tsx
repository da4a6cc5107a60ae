import { Form, Input, InputNumber, Select, Tag, Typography } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { objectiveComparisons, objectiveMetrics, type ObjectiveState } from '../../../domain/management/objective-metrics.js';
import { type ObjectiveDto, objectiveCreateSchema, objectiveUpdateSchema } from '../../../schemas/management.js';
import { type FormValues, nullIfEmpty } from '../../app/ui/resource-form-drawer';
import { ResourceListPage } from '../../app/ui/resource-list-page';
import { usePeople } from '../risks/use-people';
import { managementPaths } from './management-api';

const stateColors: Record<ObjectiveState, string> = { met: 'green', on_track: 'blue', slipping: 'red', no_data: 'default' };

function ObjectiveFields() {
  const { t } = useTranslation();
  const people = usePeople();
  return (
    <>
      <Form.Item name="name" label={t('managementUi.objectives.name')} required>
        <Input maxLength={200} data-testid="objective-name" />
      </Form.Item>
      <Form.Item name="metric" label={t('managementUi.objectives.metric')} extra={t('managementUi.objectives.metricHint')}>
        <Select allowClear data-testid="objective-metric" options={objectiveMetrics.map((m) => ({ value: m, label: t(`managementUi.metrics.${m}`) }))} />
      </Form.Item>
      <Form.Item name="comparison" label={t('managementUi.objectives.comparison')} required>
        <Select options={objectiveComparisons.map((c) => ({ value: c, label: t(`managementUi.comparisons.${c}`) }))} />
      </Form.Item>
      <Form.Item name="targetValue" label={t('managementUi.objectives.target')} required>
        <InputNumber min={0} data-testid="objective-target" />
      </Form.Item>
      <Form.Item name="unit" label={t('managementUi.objectives.unit')}>
        <Input maxLength={20} />
      </Form.Item>
      <Form.Item name="manualValue" label={t('managementUi.objectives.manualValue')}>
        <InputNumber min={0} />
      </Form.Item>
      <Form.Item name="year" label={t('managementUi.objectives.year')} required>
        <InputNumber min={2000} max={2100} precision={0} />
      </Form.Item>
      <Form.Item name="ownerPersonId" label={t('managementUi.objectives.owner')} required>
        <Select options={people.options} showSearch={{ optionFilterProp: 'label' }} data-testid="objective-owner" />
      </Form.Item>
      <Typography.Title level={5}>{t('managementUi.objectives.programme')}</Typography.Title>
      <Form.Item name="programmeDuties" label={t('managementUi.objectives.duties')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <Form.Item name="programmeMethod" label={t('managementUi.objectives.method')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <Form.Item name="programmeSchedule" label={t('managementUi.objectives.schedule')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <Form.Item name="programmeResources" label={t('managementUi.objectives.resources')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
    </>
  );
}

/** 职业安全健康目标和管理方案 (seed 000 三(四)): each objective's value from the records (or by hand), its target, state and source. */
export function ObjectivesPage() {
  const { t } = useTranslation();
  const columns: ColumnType<ObjectiveDto>[] = [
    { key: 'name', title: t('managementUi.objectives.name'), render: (_v, o) => <Typography.Text strong>{o.name}</Typography.Text> },
    { key: 'year', title: t('managementUi.objectives.year'), dataIndex: 'year' },
    { key: 'owner', title: t('managementUi.objectives.owner'), render: (_v, o) => o.ownerName ?? '—' },
    {
      key: 'value',
      title: t('managementUi.objectives.current'),
      render: (_v, o) => (
        <span data-testid={`objective-value-${o.id}`}>
          {o.currentValue ?? '—'} / {t(`managementUi.comparisons.${o.comparison}`)} {o.targetValue} {o.unit}
        </span>
      ),
    },
    { key: 'state', title: t('managementUi.objectives.state'), render: (_v, o) => <Tag color={stateColors[o.state]}>{t(`managementUi.states.${o.state}`)}</Tag> },
    { key: 'source', title: t('managementUi.objectives.source'), render: (_v, o) => <Typography.Text type="secondary">{o.metric ? t(`managementUi.sources.${o.metric}`) : t('managementUi.sources.manual')}</Typography.Text> },
  ];
  return (
    <ResourceListPage<ObjectiveDto>
      testId="ohs-objectives"
      path={managementPaths.objectives}
      title={t('managementUi.objectives.title')}
      hint={t('managementUi.objectives.hint')}
      columns={columns}
      form={{
        createSchema: objectiveCreateSchema,
        updateSchema: objectiveUpdateSchema,
        createTitle: t('managementUi.objectives.createTitle'),
        editTitle: t('managementUi.objectives.editTitle'),
        emptyValues: { comparison: 'gte', year: new Date().getFullYear() },
        toFormValues: (o) => ({ ...o }),
        fromFormValues: (v: FormValues) => ({
          name: v.name ?? '',
          metric: nullIfEmpty(v.metric),
          comparison: v.comparison ?? 'gte',
          targetValue: v.targetValue ?? 0,
          unit: v.unit ?? '',
          year: v.year,
          ownerPersonId: v.ownerPersonId,
          manualValue: v.manualValue ?? null,
          programmeDuties: v.programmeDuties ?? '',
          programmeMethod: v.programmeMethod ?? '',
          programmeSchedule: v.programmeSchedule ?? '',
          programmeResources: v.programmeResources ?? '',
        }),
        fields: <ObjectiveFields />,
      }}
    />
  );
}
