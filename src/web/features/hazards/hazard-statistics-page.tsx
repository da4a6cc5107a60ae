import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Row, Segmented, Select, Skeleton, Statistic, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StatsDto } from '../../../schemas/inspections.js';
import { api } from '../../app/api/api-client';
import { PageHeader } from '../../app/ui/page-header';
import { StatisticsSubmit } from '../oversight/statistics-submit';
import { formatCny, formatDate, type HazardStatisticsDto, useEnterpriseTimeZone } from './hazard-api';

const percent = (rate: number | null | undefined) => (rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(1)}%`);

/** 16号令 Art. 14: quarterly (due the 15th of the next quarter) and yearly (due 31 January) figures. */
export function HazardStatisticsPage() {
  const { t, i18n } = useTranslation();
  const tz = useEnterpriseTimeZone();
  const now = new Date();
  const thisYear = now.getFullYear();
  const [year, setYear] = useState(thisYear);
  const [quarter, setQuarter] = useState<number | 'year'>(Math.floor(now.getMonth() / 3) + 1);
  const query = { year, quarter: quarter === 'year' ? undefined : quarter };
  const stats = useQuery({ queryKey: ['/api/v1/hazard-statistics', query], queryFn: () => api<HazardStatisticsDto>('/api/v1/hazard-statistics', { query }) });
  const period = stats.data?.period;
  const tasks = useQuery({
    queryKey: ['/api/v1/inspection-stats', period?.start, period?.end],
    enabled: Boolean(period),
    queryFn: () => api<StatsDto>('/api/v1/inspection-stats', { query: { from: period?.start, to: period?.end } }),
  });
  const s = stats.data;
  const isPastDue = period ? new Date(period.dueDate) < now : false;

  const rows = s
    ? [
        { id: 'found', label: t('hazardUi.stats.found'), general: s.foundGeneral, major: s.foundMajor, total: s.found },
        { id: 'fixed', label: t('hazardUi.stats.fixed'), general: s.fixedGeneral, major: s.fixedMajor, total: s.fixed },
      ]
    : [];

  return (
    <div data-testid="hazard-statistics">
      <PageHeader
        title={t('hazardUi.stats.title')}
        hint={t('hazardUi.stats.hint')}
        extra={
          <div className="page-toolbar" style={{ margin: 0 }}>
            <StatisticsSubmit year={year} quarter={quarter === 'year' ? null : quarter} hasEnded={period ? new Date(period.end) <= now : false} />
            <Select value={year} onChange={setYear} style={{ width: 100 }} options={[0, 1, 2, 3].map((d) => ({ value: thisYear - d, label: String(thisYear - d) }))} />
            <Segmented
              value={quarter}
              onChange={(v) => setQuarter(v as number | 'year')}
              options={[1, 2, 3, 4].map((q) => ({ value: q, label: t('hazardUi.stats.quarter', { q }) })).concat([{ value: 'year' as never, label: t('hazardUi.stats.wholeYear') }])}
            />
          </div>
        }
      />
      {!s ? (
        <Skeleton active />
      ) : (
        <>
          <Alert
            type={isPastDue ? 'warning' : 'info'}
            showIcon
            style={{ marginBottom: 12 }}
            title={t('hazardUi.stats.due', { date: formatDate(s.period.dueDate, tz, i18n.language) })}
            description={t('hazardUi.stats.range', { from: formatDate(s.period.start, tz, i18n.language), to: formatDate(new Date(new Date(s.period.end).getTime() - 1).toISOString(), tz, i18n.language) })}
          />
          <Row gutter={[8, 8]} style={{ marginBottom: 12 }}>
            {[
              { key: 'found', title: t('hazardUi.stats.found'), value: s.found },
              { key: 'fixed', title: t('hazardUi.stats.fixed'), value: s.fixed },
              { key: 'major', title: t('hazardUi.stats.major'), value: s.foundMajor, colour: s.foundMajor > 0 ? '#d9363e' : undefined },
              { key: 'open', title: t('hazardUi.stats.open'), value: s.open },
            ].map((c) => (
              <Col key={c.key} xs={12} md={6}>
                <Card size="small">
                  <Statistic title={c.title} value={c.value} styles={{ content: { color: c.colour } }} />
                </Card>
              </Col>
            ))}
            <Col xs={24} md={6}>
              <Card size="small">
                <Statistic title={t('hazardUi.stats.funds')} value={formatCny(s.fundsCny, i18n.language)} />
              </Card>
            </Col>
            <Col xs={8} md={6}>
              <Card size="small">
                <Statistic title={t('hazardUi.stats.taskCompletion')} value={tasks.data ? percent(tasks.data.completionRate) : '…'} />
                {/* Issue 8 §9: "100%" with 63 tasks open read as all done; the rate counts ended tasks only, and says so. */}
                {tasks.data && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="task-completion-basis">
                    {t('hazardUi.stats.taskCompletionBasis', { done: tasks.data.tasks.done, closed: tasks.data.tasks.done + tasks.data.tasks.missed, open: tasks.data.tasks.open })}
                  </Typography.Text>
                )}
              </Card>
            </Col>
            <Col xs={8} md={6}>
              <Card size="small">
                <Statistic title={t('hazardUi.stats.onTime')} value={percent(s.onTimeRectificationRate)} />
              </Card>
            </Col>
            <Col xs={8} md={6}>
              <Card size="small">
                <Statistic title={t('hazardUi.stats.closure')} value={percent(s.closureRate)} />
              </Card>
            </Col>
          </Row>
          <Card size="small" title={t('hazardUi.stats.table')}>
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={rows}
              columns={[
                { key: 'label', title: '', dataIndex: 'label' },
                { key: 'general', title: t('hazardUi.grade.general'), dataIndex: 'general', align: 'right' },
                { key: 'major', title: t('hazardUi.grade.major'), dataIndex: 'major', align: 'right' },
                { key: 'total', title: t('hazardUi.stats.total'), dataIndex: 'total', align: 'right' },
              ]}
            />
            {tasks.data && (
              <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
                {t('hazardUi.stats.tasks', { done: tasks.data.tasks.done, missed: tasks.data.tasks.missed, open: tasks.data.tasks.open, late: tasks.data.records.late })}
              </Typography.Paragraph>
            )}
          </Card>
        </>
      )}
    </div>
  );
}
