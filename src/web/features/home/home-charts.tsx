import { Card, Empty, Space, Tag, Typography } from 'antd';
import { type ReactNode, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { HomeSummaryDto } from '../../../schemas/home.js';
import { levelOrder, levelPaint } from '../publication/level-colours';
import { EChart } from './echart';

const statusColour = { due: 'processing', overdue: 'error', done: 'success' } as const;

/** A chart with its list link and, beside it, the same figures as a table (readable without the chart, checked by the tests). */
function ChartCard({ id, title, link, linkText, chart, table, isOpen = false }: { id: string; title: string; link: string; linkText: string; chart: ReactNode; table: ReactNode; isOpen?: boolean }) {
  return (
    <Card size="small" title={title} extra={<Link to={link} data-testid={`${id}-link`}>{linkText}</Link>} data-testid={id} className="home-chart">
      {chart}
      <details className="home-table-details" open={isOpen}>
        <summary>
          <Typography.Text type="secondary">{title}</Typography.Text>
        </summary>
        {table}
      </details>
    </Card>
  );
}

/** The five charts of the home page (issue 15 §7), from GET /api/v1/home-summary. */
export function HomeCharts({ summary, isStatic = false }: { summary: HomeSummaryDto; isStatic?: boolean }) {
  const { t } = useTranslation();
  const levelName = (l: string) => t(`level.${l}`);
  const featureName = (f: string) => t(`dueItemUi.features.${f}`, { defaultValue: f });
  const options = useMemo(() => {
    const posts = summary.riskByPost.slice(0, 15).reverse();
    return {
      risk: {
        tooltip: { trigger: 'axis' },
        legend: { top: 0 },
        grid: { left: 8, right: 16, top: 28, bottom: 8, containLabel: true },
        xAxis: { type: 'value', minInterval: 1 },
        yAxis: { type: 'category', data: posts.map((p) => p.postName) },
        series: levelOrder.map((l) => ({ name: levelName(l), type: 'bar', stack: 'level', itemStyle: { color: levelPaint[l].fill }, data: posts.map((p) => p.counts[l]) })),
      },
      hazards: {
        tooltip: { trigger: 'axis' },
        legend: { top: 0 },
        grid: { left: 8, right: 16, top: 28, bottom: 8, containLabel: true },
        xAxis: { type: 'category', data: summary.hazardsByMonth.map((m) => m.month) },
        yAxis: { type: 'value', minInterval: 1 },
        series: [
          { name: t('homeUi.charts.hazards.found'), type: 'bar', itemStyle: { color: '#fa8c16' }, data: summary.hazardsByMonth.map((m) => m.found) },
          { name: t('homeUi.charts.hazards.closed'), type: 'bar', itemStyle: { color: '#52c41a' }, data: summary.hazardsByMonth.map((m) => m.closed) },
        ],
      },
      overdue: {
        tooltip: { trigger: 'axis' },
        grid: { left: 8, right: 16, top: 8, bottom: 8, containLabel: true },
        xAxis: { type: 'category', data: summary.overdueByFeature.map((o) => featureName(o.feature)) },
        yAxis: { type: 'value', minInterval: 1 },
        series: [{ type: 'bar', itemStyle: { color: '#f5222d' }, data: summary.overdueByFeature.map((o) => o.count) }],
      },
      objectives: {
        tooltip: { trigger: 'axis' },
        legend: { top: 0 },
        grid: { left: 8, right: 16, top: 28, bottom: 8, containLabel: true },
        xAxis: { type: 'value' },
        yAxis: { type: 'category', data: summary.objectives.map((o) => o.name) },
        series: [
          { name: t('homeUi.charts.objectives.target'), type: 'bar', itemStyle: { color: '#d9d9d9' }, data: summary.objectives.map((o) => o.targetValue) },
          { name: t('homeUi.charts.objectives.current'), type: 'bar', itemStyle: { color: '#1677ff' }, data: summary.objectives.map((o) => o.currentValue ?? 0) },
        ],
      },
      week: {
        tooltip: { trigger: 'axis' },
        grid: { left: 8, right: 16, top: 8, bottom: 8, containLabel: true },
        xAxis: { type: 'category', data: summary.week.map((d) => d.day.slice(5)) },
        yAxis: { type: 'value', minInterval: 1 },
        series: [{ type: 'bar', itemStyle: { color: '#1677ff' }, data: summary.week.map((d) => d.items.length) }],
      },
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [summary, t]);
  const height = isStatic ? 180 : 260;
  const weekItems = summary.week.flatMap((d) => d.items.map((i) => ({ ...i, day: d.day })));
  return (
    <div className="home-charts">
      <ChartCard
        id="chart-risk-by-post"
        title={t('homeUi.charts.riskByPost.title')}
        link="/risks"
        isOpen={isStatic}
        linkText={t('homeUi.charts.riskByPost.link')}
        chart={summary.riskByPost.length ? <EChart option={options.risk} height={Math.max(height, 28 * Math.min(summary.riskByPost.length, 15) + 40)} testId="echart-risk" isStatic={isStatic} /> : <Empty />}
        table={
          <table className="home-table" data-testid="table-risk-by-post">
            <thead>
              <tr>
                <th>{t('homeUi.charts.riskByPost.post')}</th>
                {levelOrder.map((l) => (
                  <th key={l}>{levelName(l)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {summary.riskByPost.map((p) => (
                <tr key={p.postId} data-post={p.postName}>
                  <td>{p.postName}</td>
                  {levelOrder.map((l) => (
                    <td key={l} data-level={l}>
                      {p.counts[l]}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        }
      />
      <ChartCard
        id="chart-hazards"
        title={t('homeUi.charts.hazards.title')}
        link="/hazards"
        isOpen={isStatic}
        linkText={t('homeUi.charts.hazards.link')}
        chart={<EChart option={options.hazards} height={height} testId="echart-hazards" isStatic={isStatic} />}
        table={
          <table className="home-table" data-testid="table-hazards">
            <thead>
              <tr>
                <th>{t('homeUi.charts.hazards.month')}</th>
                <th>{t('homeUi.charts.hazards.found')}</th>
                <th>{t('homeUi.charts.hazards.closed')}</th>
              </tr>
            </thead>
            <tbody>
              {summary.hazardsByMonth.map((m) => (
                <tr key={m.month} data-month={m.month}>
                  <td>{m.month}</td>
                  <td data-figure="found">{m.found}</td>
                  <td data-figure="closed">{m.closed}</td>
                </tr>
              ))}
            </tbody>
          </table>
        }
      />
      <ChartCard
        id="chart-overdue"
        title={t('homeUi.charts.overdue.title')}
        link="/due-items"
        isOpen={isStatic}
        linkText={t('homeUi.charts.overdue.link')}
        chart={summary.overdueByFeature.length ? <EChart option={options.overdue} height={height} testId="echart-overdue" isStatic={isStatic} /> : <Empty />}
        table={
          <table className="home-table" data-testid="table-overdue">
            <thead>
              <tr>
                <th>{t('homeUi.charts.overdue.kind')}</th>
                <th>{t('homeUi.charts.overdue.count')}</th>
              </tr>
            </thead>
            <tbody>
              {summary.overdueByFeature.map((o) => (
                <tr key={o.feature} data-feature={o.feature}>
                  <td>{featureName(o.feature)}</td>
                  <td data-figure="count">{o.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        }
      />
      <ChartCard
        id="chart-objectives"
        title={t('homeUi.charts.objectives.title')}
        link="/management/objectives"
        isOpen={isStatic}
        linkText={t('homeUi.charts.objectives.link')}
        chart={summary.objectives.length ? <EChart option={options.objectives} height={height} testId="echart-objectives" isStatic={isStatic} /> : <Empty />}
        table={
          <table className="home-table" data-testid="table-objectives">
            <thead>
              <tr>
                <th>{t('homeUi.charts.objectives.objective')}</th>
                <th>{t('homeUi.charts.objectives.target')}</th>
                <th>{t('homeUi.charts.objectives.current')}</th>
              </tr>
            </thead>
            <tbody>
              {summary.objectives.map((o) => (
                <tr key={o.id} data-objective={o.name}>
                  <td>{o.name}</td>
                  <td data-figure="target">
                    {o.targetValue}
                    {o.unit}
                  </td>
                  <td data-figure="current">{o.currentValue === null ? '—' : `${o.currentValue}${o.unit}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        }
      />
      <ChartCard
        id="chart-week"
        title={t('homeUi.charts.week.title')}
        link="/calendar"
        isOpen={isStatic}
        linkText={t('homeUi.charts.week.link')}
        chart={<EChart option={options.week} height={isStatic ? 140 : 180} testId="echart-week" isStatic={isStatic} />}
        table={
          <table className="home-table" data-testid="table-week">
            <thead>
              <tr>
                <th>{t('homeUi.charts.week.day')}</th>
                <th>{t('homeUi.charts.week.count')}</th>
              </tr>
            </thead>
            <tbody>
              {summary.week.map((d) => (
                <tr key={d.day} data-day={d.day}>
                  <td>{d.day}</td>
                  <td data-figure="count">{d.items.length}</td>
                </tr>
              ))}
            </tbody>
          </table>
        }
      />
      {!isStatic && (
        <Card size="small" title={t('homeUi.charts.week.title')} data-testid="week-list">
          {weekItems.length === 0 ? (
            <Typography.Text type="secondary">{t('homeUi.charts.week.none')}</Typography.Text>
          ) : (
            <Space direction="vertical" size={2}>
              {weekItems.slice(0, 20).map((i) => (
                <span key={`${i.kind}|${i.link}|${i.day}|${i.title}`}>
                  <Tag>{i.day.slice(5)}</Tag>
                  <Tag color={statusColour[i.status]}>{t(`dueItemUi.statuses.${i.status}`)}</Tag>
                  <Link to={i.link}>{i.title}</Link>
                </span>
              ))}
            </Space>
          )}
        </Card>
      )}
    </div>
  );
}
