import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/auth/use-me';
import { PrintSheet, PrintState } from '../publication/print-sheet';
import { useHomeSummary } from './home-api';
import { HomeCharts } from './home-charts';
import { homeStyles } from './home-page';

/** /print/monthly-summary — the home page's figures on one A4 portrait sheet (issue 15 §7). */
export function MonthlySummaryPrintPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const { data, isPending, error } = useHomeSummary();
  if (!data) return <PrintState isPending={isPending} error={error} />;
  const enterprise = me.memberships.find((m) => m.enterpriseId === me.activeEnterpriseId)?.enterpriseName ?? '';
  return (
    <PrintSheet orientation="portrait" testId="monthly-summary-print">
      <style>{`${homeStyles} .print-sheet .home-charts { grid-template-columns: 1fr 1fr; gap: 6px; } .print-sheet .ant-card-head { min-height: 28px; } .print-sheet a { color: inherit; }`}</style>
      <h1 style={{ textAlign: 'center', margin: '0 0 4px', fontSize: 20 }}>
        {enterprise} {t('homeUi.monthly')}
      </h1>
      <div style={{ textAlign: 'center', fontSize: 12, marginBottom: 6 }}>{t('homeUi.period', { month: data.month, today: data.today })}</div>
      <HomeCharts summary={data} isStatic />
    </PrintSheet>
  );
}
