import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Row, Skeleton, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../app/ui/page-header';
import { OnboardingPanel } from '../onboarding/onboarding-panel';
import { VisitsToConfirmCard } from '../consultancy/visits-to-confirm-card';
import { useHomeSummary } from './home-api';
import { HomeCharts } from './home-charts';

export const homeStyles = `
  .home-charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(420px, 1fr)); gap: 12px; }
  .home-table { width: 100%; border-collapse: collapse; font-size: 12px; margin-top: 4px; }
  .home-table th, .home-table td { border: 1px solid #f0f0f0; padding: 2px 6px; text-align: left; }
  .home-table-details summary { cursor: pointer; font-size: 12px; }
`;

/** 首页 of the principal and the safety manager (issue 15 §7): the month at a glance, each chart linking to its list. */
export function HomePage() {
  const { t } = useTranslation();
  const summary = useHomeSummary();
  if (summary.error) return <Alert type="error" showIcon title={summary.error.message} />;
  if (!summary.data) return <Skeleton active />;
  const s = summary.data;
  return (
    <div data-testid="home-page">
      <style>{homeStyles}</style>
      <PageHeader
        title={t('homeUi.monthly')}
        hint={t('homeUi.period', { month: s.month, today: s.today })}
        extra={
          <Link to="/print/monthly-summary">
            <Button icon={<PrinterOutlined />} data-testid="home-print">
              {t('homeUi.print')}
            </Button>
          </Link>
        }
      />
      {/* A new enterprise lands here: 还差几步 comes first until it is worked down to zero. */}
      <OnboardingPanel />
      <VisitsToConfirmCard />
      <Row gutter={12} style={{ marginBottom: 12 }}>
        <Col xs={12} md={6}>
          <Card size="small"><Statistic title={t('homeUi.figures.open')} value={s.hazardsNow.open} /></Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small"><Statistic title={t('homeUi.figures.overdue')} value={s.hazardsNow.overdue} valueStyle={{ color: s.hazardsNow.overdue ? '#cf1322' : undefined }} /></Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small"><Statistic title={t('homeUi.figures.openMajor')} value={s.hazardsNow.openMajor} /></Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small"><Statistic title={t('homeUi.figures.overdueItems')} value={s.overdueByFeature.reduce((a, b) => a + b.count, 0)} /></Card>
        </Col>
      </Row>
      <HomeCharts summary={s} />
    </div>
  );
}
