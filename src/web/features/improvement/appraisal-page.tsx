import { FileExcelOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Space, Tabs } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppraisalDto } from '../../../schemas/appraisal.js';
import { api, withQuery } from '../../app/api/api-client';
import { PageHeader } from '../../app/ui/page-header';
import { ResponsiveTable } from '../../app/ui/responsive-table';
import { DateField } from '../../app/ui/date-field';

type Row = AppraisalDto['rows'][number];
const pct = (r: number | null) => (r === null ? '—' : `${Math.round(r * 1000) / 10}%`);

/** 考核 (001 第二十一条): the period's figures per person, post and department, exportable. */
export function AppraisalPage() {
  const { t } = useTranslation();
  const year = new Date().getFullYear();
  const [period, setPeriod] = useState({ from: `${year}-01-01`, to: `${year}-12-31` });
  const [scope, setScope] = useState<Row['scope']>('person');
  const data = useQuery({ queryKey: ['/api/v1/appraisal', period], queryFn: () => api<AppraisalDto>('/api/v1/appraisal', { query: period }) });
  const columns: ColumnType<Row>[] = [
    { key: 'name', dataIndex: 'name', title: t('improvementUi.appraisal.name') },
    ...(scope === 'person' ? [] : [{ key: 'people', dataIndex: 'people', title: t('improvementUi.appraisal.people') }]),
    { key: 'tasks', title: t('improvementUi.appraisal.tasks'), render: (_v, r) => `${r.tasksOnTime}/${r.tasksDue}（${pct(r.taskOnTimeRate)}）` },
    { key: 'hazards', dataIndex: 'hazardsReported', title: t('improvementUi.appraisal.hazardsReported') },
    { key: 'rectified', title: t('improvementUi.appraisal.rectified'), render: (_v, r) => `${r.rectifiedOnTime}/${r.rectificationsClosed}（${pct(r.rectifiedOnTimeRate)}）` },
    { key: 'training', title: t('improvementUi.appraisal.training'), render: (_v, r) => `${r.trainingMet}/${r.trainingKnown}` },
    { key: 'quiz', title: t('improvementUi.appraisal.quiz'), render: (_v, r) => `${r.quizPassed}/${r.quizChecks}${r.quizAveragePercent === null ? '' : `，${r.quizAveragePercent}`}` },
  ];
  return (
    <div data-testid="appraisal-page">
      <PageHeader
        title={t('improvementUi.appraisal.title')}
        hint={t('improvementUi.appraisal.hint')}
        extra={
          <Button icon={<FileExcelOutlined />} href={withQuery('/api/v1/appraisal.xlsx', period)}>
            {t('improvementUi.appraisal.xlsx')}
          </Button>
        }
      />
      <Space className="page-toolbar" wrap>
        <span>{t('improvementUi.appraisal.from')}</span>
        <DateField value={period.from} allowClear={false} onChange={(v) => v && setPeriod({ ...period, from: v })} style={{ width: 160 }} />
        <span>{t('improvementUi.appraisal.to')}</span>
        <DateField value={period.to} allowClear={false} onChange={(v) => v && setPeriod({ ...period, to: v })} style={{ width: 160 }} />
      </Space>
      <Tabs activeKey={scope} onChange={(k) => setScope(k as Row['scope'])} items={(['person', 'post', 'department'] as const).map((s) => ({ key: s, label: t(`improvementUi.appraisal.scopes.${s}`) }))} />
      <ResponsiveTable<Row> rowKey="id" dataSource={(data.data?.rows ?? []).filter((r) => r.scope === scope)} columns={columns} loading={data.isLoading} locale={{ emptyText: t('common.empty') }} />
    </div>
  );
}
