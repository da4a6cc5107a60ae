import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { HazardDto } from '../../schemas/hazards.js';
import { useApi } from '../app/use-api';
import { formatDateTime } from '../ui/format';
import { ErrorNotice, Shell, Skeleton } from '../ui/shell';

interface HazardPage {
  items: HazardDto[];
  nextCursor: string | null;
}

export function HazardCard({ hazard }: { hazard: HazardDto }) {
  const { t, i18n } = useTranslation();
  return (
    <Link to={`/hazards/${hazard.id}`} className="card" data-testid="hazard-card">
      <div className="card-row">
        <div className="grow">
          <h2 style={{ fontSize: 16, fontWeight: 500 }}>{hazard.description}</h2>
          <div className="meta">
            {[hazard.postName ?? hazard.areaName, formatDateTime(hazard.createdAt, i18n.language)].filter(Boolean).join(' · ')}
          </div>
          <div style={{ marginTop: 6, display: 'flex', gap: 6, flexWrap: 'wrap' }}>
            <span className={`badge ${hazard.status === 'closed' ? 'done' : hazard.status === 'submitted_for_acceptance' ? 'queued' : ''}`}>
              {t(`hazards.status.${hazard.status}`)}
            </span>
            {hazard.grade === 'major' && <span className="badge major">{t('hazards.grade.major')}</span>}
            {hazard.isOverdue && <span className="badge late">{t('hazards.overdue')}</span>}
          </div>
        </div>
        <span className="chev" aria-hidden>
          ›
        </span>
      </div>
    </Link>
  );
}

/** The worker's own reports, with those waiting for their acceptance first (Art. 18: the reporter accepts). */
export function HazardsPage() {
  const { t } = useTranslation();
  // "Mine" is the server's reportedByMe filter: the reporter accepts (Art. 18), so their waiting ones come first.
  const waiting = useApi<HazardPage>('/api/v1/hazards?reportedByMe=true&status=submitted_for_acceptance&limit=200');
  const recent = useApi<HazardPage>('/api/v1/hazards?reportedByMe=true&limit=100');
  const toAccept = waiting.data?.items ?? [];
  const others = (recent.data?.items ?? []).filter((h) => !toAccept.some((x) => x.id === h.id));
  return (
    <Shell title={t('hazards.title')}>
      {(waiting.isLoading || recent.isLoading) && !recent.data && <Skeleton />}
      {recent.error && !recent.data ? <ErrorNotice error={recent.error} onRetry={recent.reload} /> : null}
      {toAccept.length > 0 && <div className="section-title">{t('hazards.toAccept')}</div>}
      {toAccept.map((h) => (
        <HazardCard key={h.id} hazard={h} />
      ))}
      {others.length > 0 && <div className="section-title">{t('hazards.title')}</div>}
      {recent.data && others.length === 0 && toAccept.length === 0 && <p className="empty">{t('hazards.empty')}</p>}
      {others.map((h) => (
        <HazardCard key={h.id} hazard={h} />
      ))}
    </Shell>
  );
}
