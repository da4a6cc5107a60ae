import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { HazardDetailDto } from '../../schemas/hazards.js';
import { api, ApiError } from '../app/phone-api';
import { useSession } from '../app/session';
import { useApi } from '../app/use-api';
import { formatDateTime } from '../ui/format';
import { ErrorNotice, Shell, Skeleton } from '../ui/shell';

export function HazardPage() {
  const { t, i18n } = useTranslation();
  const { hazardId = '' } = useParams();
  const { me } = useSession();
  const { data: hazard, error, isLoading, reload } = useApi<HazardDetailDto>(`/api/v1/hazards/${encodeURIComponent(hazardId)}`);
  const [note, setNote] = useState('');
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  if (!hazard) {
    return (
      <Shell title={t('nav.hazards')} backTo="/hazards">
        {isLoading ? <Skeleton rows={3} /> : <ErrorNotice error={error} onRetry={reload} />}
      </Shell>
    );
  }

  const isAcceptable = hazard.status === 'submitted_for_acceptance' || hazard.status === 'fixed_on_spot';
  // Art. 18: the reporter (or their department head) accepts; the server has the last word.
  const mayAccept = isAcceptable && (hazard.reporterUserId === me?.user.id || me?.role === 'dept_head');

  const act = async (action: 'accept' | 'send-back') => {
    if (action === 'send-back' && !note.trim()) {
      setMessage({ kind: 'error', text: `${t('hazards.sendBackReason')}` });
      return;
    }
    setIsBusy(true);
    setMessage(null);
    try {
      await api(`/api/v1/hazards/${hazard.id}/${action}`, { body: action === 'accept' ? { note: note.trim() } : { reason: note.trim() } });
      setMessage({ kind: 'ok', text: action === 'accept' ? t('hazards.accepted') : t('hazards.sentBack') });
      setNote('');
      reload();
    } catch (e) {
      setMessage({ kind: 'error', text: e instanceof ApiError ? e.message : t('errors.network') });
    } finally {
      setIsBusy(false);
    }
  };

  const plan = hazard.rectificationPlan;
  return (
    <Shell title={t(`hazards.status.${hazard.status}`)} backTo="/hazards">
      <section className="card">
        <div style={{ display: 'flex', gap: 6, flexWrap: 'wrap', marginBottom: 6 }}>
          <span className={`badge ${hazard.status === 'closed' ? 'done' : ''}`} data-testid="hazard-status">
            {t(`hazards.status.${hazard.status}`)}
          </span>
          {hazard.grade && <span className={`badge ${hazard.grade === 'major' ? 'major' : ''}`}>{t(`hazards.grade.${hazard.grade}`)}</span>}
          {hazard.isOverdue && <span className="badge late">{t('hazards.overdue')}</span>}
        </div>
        <h2 style={{ fontSize: 17 }}>{hazard.description}</h2>
        <div className="meta">
          {[hazard.postName ?? hazard.areaName, formatDateTime(hazard.createdAt, i18n.language)].filter(Boolean).join(' · ')}
        </div>
        {hazard.photoIds.map((id) => (
          <img key={id} className="hazard-photo" src={`/api/v1/attachments/${id}`} alt="" loading="lazy" />
        ))}
      </section>
      {message && (
        <div className={`notice ${message.kind}`} role={message.kind === 'ok' ? 'status' : 'alert'} data-testid="hazard-message">
          {message.text}
        </div>
      )}
      {plan && (
        <section className="card">
          <div className="section-title" style={{ marginTop: 0 }}>
            {t('hazards.plan')}
          </div>
          <dl className="kv">
            <dt>{t('hazards.measure')}</dt>
            <dd>{plan.measure}</dd>
            <dt>{t('hazards.funds')}</dt>
            <dd>¥{plan.fundsCny}</dd>
            <dt>{t('hazards.deadline')}</dt>
            <dd>{formatDateTime(plan.deadline, i18n.language)}</dd>
            <dt>{t('hazards.interim')}</dt>
            <dd>{plan.interimMeasure}</dd>
          </dl>
        </section>
      )}
      {mayAccept && (
        <section className="card" data-testid="acceptance">
          {/* Issue 8 §7: the report's photo beside the rectified state, to compare before accepting. */}
          <div className="before-after" data-testid="before-after">
            {(['before', 'after'] as const).map((side) => {
              const ids = side === 'before' ? hazard.photoIds : hazard.afterPhotoIds;
              return (
                <figure key={side} data-testid={`photos-${side}`} data-count={ids.length}>
                  <figcaption>{t(`hazards.${side}`)}</figcaption>
                  {ids.length ? ids.slice(0, 2).map((id) => <img key={id} src={`/api/v1/attachments/${id}`} alt="" loading="lazy" />) : <div className="muted">—</div>}
                </figure>
              );
            })}
          </div>
          <label className="field">
            <span>
              {t('hazards.acceptNote')} / {t('hazards.sendBackReason')}
            </span>
            <textarea className="input" rows={2} maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} />
          </label>
          <div className="btn-row">
            <button type="button" className="btn ghost" disabled={isBusy} onClick={() => void act('send-back')}>
              {t('hazards.sendBack')}
            </button>
            <button type="button" className="btn primary" disabled={isBusy} onClick={() => void act('accept')} data-testid="accept-hazard">
              {t('hazards.accept')}
            </button>
          </div>
        </section>
      )}
      <div className="section-title">{t('hazards.history')}</div>
      <section className="card">
        <ul className="events">
          {hazard.events.map((e) => (
            <li key={e.id}>
              {formatDateTime(e.at, i18n.language)} · {t(`hazards.status.${e.toStatus}`, { defaultValue: e.toStatus })}
              {e.actorName ? ` · ${e.actorName}` : ''}
            </li>
          ))}
        </ul>
      </section>
    </Shell>
  );
}
