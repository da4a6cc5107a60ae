import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { TrainingSessionDto } from '../../schemas/training.js';
import { useApi } from '../app/use-api';
import { ErrorNotice, Shell, Skeleton } from '../ui/shell';
import { SignOffPanel } from '../ui/sign-off-panel';

/** 培训签到: the session a QR code on the trainer's screen opens; each attendee signs (issue 12 §2). */
export function TrainingSessionPage() {
  const { t } = useTranslation();
  const { sessionId = '' } = useParams();
  const { data: s, error, isLoading, reload } = useApi<TrainingSessionDto>(`/api/v1/training-sessions/${encodeURIComponent(sessionId)}`);
  if (!s) {
    return (
      <Shell title={t('training.title')} backTo="/tasks">
        {isLoading ? <Skeleton rows={3} /> : <ErrorNotice error={error} onRetry={reload} />}
      </Shell>
    );
  }
  return (
    <Shell title={t('training.title')} backTo="/tasks">
      <section className="card" data-testid="training-session">
        <h2 style={{ margin: '0 0 6px', fontSize: 17 }}>{s.title}</h2>
        <div className="muted">
          {t('training.when', { date: s.heldOn, hours: s.hours })}
          {s.trainer ? ` · ${t('training.trainer', { name: s.trainer })}` : ''}
        </div>
        {s.content && (
          <details style={{ marginTop: 8 }}>
            <summary>{t('training.content')}</summary>
            <div style={{ whiteSpace: 'pre-wrap', marginTop: 6 }}>{s.content}</div>
          </details>
        )}
      </section>
      <SignOffPanel subjectType="training-session" subjectId={s.id} onSigned={reload} />
    </Shell>
  );
}
