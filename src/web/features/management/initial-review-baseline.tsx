import { Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReviewDto } from '../../../schemas/initial-review.js';

const pct = (rate: number | null, none: string) => (rate === null ? none : `${Math.round(rate * 1000) / 10}%`);

/** The baseline as the records showed it when the snapshot was taken (pre-filled, read-only). */
export function BaselineTable({ baseline: b }: { baseline: ReviewDto['baseline'] }) {
  const { t } = useTranslation();
  const none = t('ohsSystemUi.baseline.noData');
  const list = (names: string[]) => (names.length ? names.join('、') : t('ohsSystemUi.baseline.none'));
  const notRecorded = <Tag data-testid="baseline-not-recorded">{t('ohsSystemUi.baseline.notRecorded')}</Tag>;
  const c = b.risks.countsByLevel;
  const rows: { key: string; value: React.ReactNode }[] = [
    { key: 'sizeClass', value: `${t(`sizeClass.${b.enterprise.sizeClass}`)}（${t('ohsSystemUi.baseline.headcount', { n: b.enterprise.headcount })}）` },
    { key: 'posts', value: t('ohsSystemUi.baseline.postsValue', { total: b.posts.total, management: b.posts.management }) },
    { key: 'postsWithoutDuties', value: list(b.posts.withoutDuties) },
    { key: 'risks', value: t('ohsSystemUi.baseline.risksValue', { total: b.risks.accepted, major: c.major, significant: c.significant, general: c.general, low: c.low }) },
    { key: 'postsWithoutRisk', value: list(b.posts.withoutRisk) },
    { key: 'uncontrolled', value: String(b.risks.uncontrolled) },
    { key: 'hazards', value: t('ohsSystemUi.baseline.hazardsValue', { found: b.hazards.found, rate: pct(b.hazards.onTimeRectificationRate, none), openMajor: b.hazards.openMajor, overdue: b.hazards.overdue }) },
    { key: 'inspections', value: pct(b.inspections.completionRate, none) },
    { key: 'postsWithoutList', value: list(b.inspections.postsWithoutList) },
    { key: 'training', value: t('ohsSystemUi.baseline.trainingValue', { ok: b.training.peopleCompliant, people: b.training.people, valid: b.training.certificatesValid, certificates: b.training.certificates }) },
    { key: 'emergency', value: t('ohsSystemUi.baseline.emergencyValue', { inForce: b.emergency.plansInForce, plans: b.emergency.plans, drills: b.emergency.drillsHeld }) },
    { key: 'accidents', value: t('ohsSystemUi.baseline.accidentsValue', { since: b.accidents.since, n: b.accidents.accidents }) },
    { key: 'documents', value: b.documents === null ? notRecorded : t('ohsSystemUi.baseline.documentsValue', { n: b.documents.inForce }) },
    { key: 'laws', value: b.laws === null ? notRecorded : t('ohsSystemUi.baseline.lawsValue', { n: b.laws.items }) },
  ];
  return (
    <Table
      rowKey="key"
      size="small"
      pagination={false}
      showHeader={false}
      dataSource={rows}
      data-testid="baseline"
      columns={[
        { key: 'label', width: 260, render: (_v, row) => t(`ohsSystemUi.baseline.${row.key}`) },
        { key: 'value', render: (_v, row) => <span data-testid={`baseline-${row.key}`}>{row.value}</span> },
      ]}
    />
  );
}
