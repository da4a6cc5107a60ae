import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { PostEmergencyCardDto } from '../../schemas/emergency.js';
import { useApi } from '../app/use-api';
import { ErrorNotice, Shell, Skeleton } from '../ui/shell';

const stepKeys = ['stop', 'alarm', 'isolate', 'firstAid', 'evacuation', 'assemblyPoint'] as const;

/** tel: wants digits and +; the register keeps the number as people write it ("0371-1234 5678"). */
export const telHref = (phone: string) => `tel:${phone.replace(/[^0-9+]/g, '')}`;

/**
 * /m/p/:postId/emergency — a post's first minutes (issue 13 §4, §5): the call buttons first (one tap
 * dials), then the post's first steps of self and mutual rescue, the on-site plan in force, the
 * supplies nearby. Kept on the phone by useApi, so it still shows without a connection.
 */
export function PostEmergencyPage() {
  const { t } = useTranslation();
  const { postId = '' } = useParams();
  const { data, error, isLoading, reload } = useApi<PostEmergencyCardDto>(`/api/v1/posts/${encodeURIComponent(postId)}/emergency-card`);
  if (!data) {
    return (
      <Shell title={t('emergency.title')} backTo={`/p/${postId}`}>
        {isLoading ? <Skeleton rows={4} /> : <ErrorNotice error={error} onRetry={reload} />}
      </Shell>
    );
  }
  const calls = [
    ...data.contacts.map((c) => ({ key: c.id, label: [c.organisation, c.name].filter(Boolean).join(' '), duty: c.duty, phone: c.phone })),
    ...(data.onsitePlan?.contents.externalContacts ?? [])
      .filter((x) => !data.contacts.some((c) => c.phone === x.phone))
      .map((x, i) => ({ key: `plan-${i}`, label: x.name, duty: '', phone: x.phone })),
  ];
  return (
    <Shell title={`${data.postName} · ${t('emergency.title')}`} backTo={`/p/${postId}`}>
      <div className="section-title">{t('emergency.call')}</div>
      {calls.length === 0 && <p className="empty">{t('emergency.noContacts')}</p>}
      <div data-testid="call-buttons">
        {calls.map((c) => (
          <a key={c.key} href={telHref(c.phone)} className="btn big call" data-testid="call-button">
            <span aria-hidden>☎</span>
            <span style={{ textAlign: 'left', lineHeight: 1.2 }}>
              {c.label}
              <br />
              <small style={{ fontWeight: 400 }}>
                {c.phone}
                {c.duty ? ` · ${c.duty}` : ''}
              </small>
            </span>
          </a>
        ))}
      </div>
      <div className="section-title">{t('emergency.firstSteps')}</div>
      {data.firstSteps ? (
        <section className="card" data-testid="first-steps">
          {stepKeys.map((k) =>
            data.firstSteps?.[k] ? (
              <div key={k} className="kv" style={{ marginBottom: 8 }}>
                <strong>{t(`emergency.steps.${k}`)}</strong>
                <div style={{ whiteSpace: 'pre-wrap' }}>{data.firstSteps[k]}</div>
              </div>
            ) : null,
          )}
        </section>
      ) : (
        <p className="empty">{t('emergency.noSteps')}</p>
      )}
      {data.onsitePlan && (
        <details className="card">
          <summary>
            {t('emergency.onsitePlan')}：{data.onsitePlan.title}
          </summary>
          <div style={{ whiteSpace: 'pre-wrap', marginTop: 6 }}>
            <p>{data.onsitePlan.contents.alarmAndHelp}</p>
            <p>{data.onsitePlan.contents.responseDuties}</p>
            <p>{data.onsitePlan.contents.specialRoles}</p>
          </div>
        </details>
      )}
      {data.supplies.length > 0 && (
        <>
          <div className="section-title">{t('emergency.supplies')}</div>
          <section className="card">
            {data.supplies.map((s) => (
              <div key={s.id}>
                {s.name} {s.quantity}
                {s.unit} · {s.location || '—'}
              </div>
            ))}
          </section>
        </>
      )}
    </Shell>
  );
}
