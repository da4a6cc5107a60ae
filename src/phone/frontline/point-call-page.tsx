import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { PointCallCardDto } from '../../schemas/point-and-call.js';
import { newClientId } from '../app/client-id';
import { api, ApiError } from '../app/phone-api';
import { useSession } from '../app/session';
import { useApi } from '../app/use-api';
import { ErrorNotice, Shell, Skeleton } from '../ui/shell';

const checkerRoles = ['principal', 'safety_manager', 'dept_head', 'team_leader'];

/** /m/p/:postId/point-call — the post's 手指口述 card on the phone; a team leader records a spot check here (issue 11 §4). */
export function PointCallPhonePage() {
  const { t } = useTranslation();
  const { postId = '' } = useParams();
  const { me } = useSession();
  const { data: card, error, reload } = useApi<PointCallCardDto>(`/api/v1/posts/${encodeURIComponent(postId)}/point-call-card`);
  const [performer, setPerformer] = useState<string | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [isSending, setIsSending] = useState(false);
  const title = card ? `${card.postName} · ${t('pointCall.title')}` : t('pointCall.title');
  if (!card) {
    return (
      <Shell title={title} backTo={`/p/${postId}`}>
        {error ? <ErrorNotice error={error} onRetry={reload} /> : <Skeleton rows={5} />}
      </Shell>
    );
  }
  const record = async (isCorrect: boolean) => {
    if (!performer) return;
    setIsSending(true);
    setMessage(null);
    try {
      await api(`/api/v1/posts/${encodeURIComponent(postId)}/point-call-spot-checks`, { body: { performerPersonId: performer, isCorrect, clientId: newClientId() } });
      setMessage({ kind: 'ok', text: t('pointCall.recorded') });
      setPerformer(null);
      reload();
    } catch (e) {
      setMessage({ kind: 'error', text: e instanceof ApiError ? e.message : t('errors.network') });
    } finally {
      setIsSending(false);
    }
  };
  const isChecker = me?.role !== undefined && me?.role !== null && checkerRoles.includes(me.role);
  return (
    <Shell title={title} backTo={`/p/${postId}`}>
      {card.isDraft && <div className="notice warn">{t('pointCall.draft')}</div>}
      <ol className="events" style={{ paddingLeft: 0, listStyle: 'none' }} data-testid="point-call-steps">
        {card.steps.map((s, i) => (
          <li key={i} className="card" style={{ marginBottom: 8 }}>
            <div className="muted">
              {i + 1}. {s.step}
            </div>
            <div style={{ fontSize: 17, fontWeight: 600 }}>
              {t('pointCall.look')}：{s.look}
            </div>
            <div style={{ fontSize: 17, color: '#b45309' }}>
              {t('pointCall.say')}：“{s.say}”
            </div>
          </li>
        ))}
      </ol>
      {isChecker && !card.isDraft && (
        <section className="card" data-testid="point-call-spot">
          <div className="section-title" style={{ marginTop: 0 }}>
            {t('pointCall.spot')}
          </div>
          <div className="signer-picks">
            {card.workers.map((w) => (
              <button key={w.id} type="button" className={`btn ghost${performer === w.id ? ' is-picked' : ''}`} aria-pressed={performer === w.id} onClick={() => setPerformer(w.id)}>
                {w.name}
              </button>
            ))}
          </div>
          <div className="btn-row">
            <button type="button" className="btn primary" disabled={!performer || isSending} onClick={() => void record(true)}>
              {t('pointCall.correct')}
            </button>
            <button type="button" className="btn danger" disabled={!performer || isSending} onClick={() => void record(false)}>
              {t('pointCall.incorrect')}
            </button>
          </div>
        </section>
      )}
      {message && <div className={`notice ${message.kind}`}>{message.text}</div>}
    </Shell>
  );
}
