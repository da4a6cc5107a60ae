import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../app/session';
import { discardEntry, drain } from './outbox';
import { useOutbox } from './use-outbox';

/** What waits on the phone, and what the server refused for good (shown, never silently dropped). */
export function OutboxPanel() {
  const { t } = useTranslation();
  const outbox = useOutbox();
  const { me } = useSession();
  if (!outbox.entries.length) return null;
  return (
    <section className="outbox-list" data-testid="outbox-panel">
      <div className="section-title">{t('outbox.waiting', { count: outbox.entries.length })}</div>
      {(outbox.needsLogin || !me) && (
        <div className="notice warn">
          <Link to={`/login?next=${encodeURIComponent('/tasks')}`}>{t('outbox.needsLogin')}</Link>
        </div>
      )}
      {outbox.entries.map((e) => (
        <div key={e.id} className={`card ${e.state === 'failed' ? 'failed' : ''}`} data-testid="outbox-entry">
          <div className="card-row">
            <div className="grow">
              <h2 style={{ fontSize: 16 }}>{e.kind === 'inspection' ? t('outbox.kindInspection') : t('outbox.kindHazard')}</h2>
              <div className="meta">{e.label}</div>
              {e.state === 'failed' && <div className="field-error">{t('outbox.failed', { message: e.error ?? '' })}</div>}
            </div>
          </div>
          {e.state === 'failed' && (
            <button type="button" className="btn ghost" style={{ marginTop: 8 }} onClick={() => void discardEntry(e.id)}>
              {t('outbox.discard')}
            </button>
          )}
        </div>
      ))}
      {outbox.entries.some((e) => e.state === 'pending') && (
        <button type="button" className="btn ghost" disabled={outbox.isSending} onClick={() => void drain({ force: true })}>
          {outbox.isSending ? t('outbox.sending') : t('outbox.sendNow')}
        </button>
      )}
    </section>
  );
}
