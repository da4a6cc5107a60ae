import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { WorkPermitDto } from '../../schemas/work-permits.js';
import { useSession } from '../app/session';
import { useApi } from '../app/use-api';
import { formatDateTime } from '../ui/format';
import { ErrorNotice, Shell, Skeleton } from '../ui/shell';

const managerRoles = ['principal', 'safety_manager', 'dept_head', 'team_leader'];

/** The permits a person is on (workers, guardian, approver, measure owners); managers see all. */
export function PermitsPage() {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const isManager = managerRoles.includes(me?.role ?? '');
  const { data, error, reload } = useApi<{ items: WorkPermitDto[] }>(`/api/v1/work-permits?limit=30${isManager ? '' : '&mine=true'}`);
  return (
    <Shell title={t('permits.title')}>
      {!data ? (
        error ? <ErrorNotice error={error} onRetry={reload} /> : <Skeleton />
      ) : data.items.length === 0 ? (
        <p className="empty">{t('permits.empty')}</p>
      ) : (
        data.items.map((p) => (
          <Link key={p.id} to={`/permits/${p.id}`} className="card" data-testid="permit-card">
            <div className="card-row">
              <div className="grow">
                <h2>
                  {p.workTypeLabel} · {p.content}
                </h2>
                <div className="meta">
                  {p.place} · {formatDateTime(p.windowStart, i18n.language)}–{formatDateTime(p.windowEnd, i18n.language)}
                </div>
              </div>
              <span className={`badge ${p.effectiveStatus === 'in_progress' ? 'done' : p.effectiveStatus === 'expired' ? 'late' : ''}`}>{t(`permits.status.${p.effectiveStatus}`)}</span>
            </div>
          </Link>
        ))
      )}
    </Shell>
  );
}
