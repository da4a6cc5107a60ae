import { useTranslation } from 'react-i18next';
import { PrintSheet, PrintState } from './print-sheet';
import { formatStamp, useRiskMap } from './publication-api';
import { RiskMapCanvas, RiskMapLegend } from './risk-map-canvas';

/** /print/risk-map — the four-colour map on one A4 landscape sheet: title, map, legend, date. */
export function RiskMapPrintPage() {
  const { t } = useTranslation();
  const { data: map, isPending, error } = useRiskMap();
  if (!map) return <PrintState isPending={isPending} error={error} />;
  return (
    <PrintSheet orientation="landscape" testId="risk-map-print">
      <h1 style={{ textAlign: 'center', margin: '0 0 6px', fontSize: 26, letterSpacing: 2 }}>
        {map.enterprise.name} {t('publication.map.printTitle')}
      </h1>
      <RiskMapCanvas map={map} maxHeight="150mm" />
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginTop: 8 }}>
        <RiskMapLegend size="print" />
        <span style={{ fontSize: 12, color: '#595959' }}>
          {t('publication.map.printedAt')}：{formatStamp(new Date().toISOString())}
        </span>
      </div>
    </PrintSheet>
  );
}
