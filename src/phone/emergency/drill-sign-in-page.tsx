import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { DrillDto } from '../../schemas/emergency.js';
import { useApi } from '../app/use-api';
import { ErrorNotice, Shell, Skeleton } from '../ui/shell';
import { SignOffPanel } from '../ui/sign-off-panel';

/** 演练签到: the drill a QR code on the organiser's screen opens; each participant signs (issue 13 §3). */
export function DrillSignInPage() {
  const { t } = useTranslation();
  const { drillId = '' } = useParams();
  const { data: d, error, isLoading, reload } = useApi<DrillDto>(`/api/v1/emergency-drills/${encodeURIComponent(drillId)}`);
  return (
    <Shell title={t('emergency.drill')} backTo="/tasks">
      {!d ? (
        isLoading ? (
          <Skeleton rows={3} />
        ) : (
          <ErrorNotice error={error} onRetry={reload} />
        )
      ) : (
        <>
          <section className="card" data-testid="drill">
            <h2 style={{ margin: '0 0 6px', fontSize: 17 }}>{d.planTitle}</h2>
            <div className="muted">
              {d.heldOn ?? d.plannedOn} · {d.scenario}
            </div>
          </section>
          <SignOffPanel subjectType="emergency-drill" subjectId={d.id} onSigned={reload} />
        </>
      )}
    </Shell>
  );
}
