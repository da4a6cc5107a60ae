import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { ExpectedSigner } from '../../schemas/sign-offs.js';
import type { WorkPermitDetail } from '../../schemas/work-permits.js';
import { api, ApiError } from '../app/phone-api';
import { useApi } from '../app/use-api';
import { currentLocale } from '../i18n/i18n';
import { formatDateTime } from '../ui/format';
import { ErrorNotice, Shell, Skeleton } from '../ui/shell';
import { SignOffPanel } from '../ui/sign-off-panel';

/** 附件2's four checks, in its order and words (reference/work-permit-rules.ts). */
const checkCodes = ['prepare', 'skills', 'tools', 'surroundings'] as const;

/**
 * A hazardous-work permit on the phone (issue 11 §3): what, where, when, who; the risks and
 * measures; gas readings; each worker's 一备三查 — four ticks and a signature — and what still keeps
 * the work from starting. The server starts the work after the last required signature.
 */
export function PermitPage() {
  const { t } = useTranslation();
  const { permitId = '' } = useParams();
  const { data: permit, error, reload } = useApi<WorkPermitDetail>(`/api/v1/work-permits/${encodeURIComponent(permitId)}`);
  const [ticks, setTicks] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  if (!permit) {
    return (
      <Shell title={t('permits.title')} backTo="/permits">
        {error ? <ErrorNotice error={error} onRetry={reload} /> : <Skeleton rows={4} />}
      </Shell>
    );
  }
  const when = (iso: string) => formatDateTime(iso, currentLocale());
  const ticksOf = (personId: string) => ticks[personId] ?? permit.prework.find((p) => p.person.id === personId)?.checks ?? [];
  const toggle = (personId: string, code: string) => {
    const current = ticksOf(personId);
    setTicks({ ...ticks, [personId]: current.includes(code) ? current.filter((c) => c !== code) : [...current, code] });
  };

  const prepare = (signer: ExpectedSigner) => {
    if (signer.role !== 'prework') return null;
    const current = ticksOf(signer.personId);
    return {
      isReady: checkCodes.every((c) => current.includes(c)),
      beforeSign: async () => {
        await api(`/api/v1/work-permits/${permit.id}/prework`, { body: { personId: signer.personId, checks: current } });
      },
      node: (
        <div className="prework-checks" data-testid={`prework-${signer.personId}`}>
          <div className="section-title" style={{ marginTop: 0 }}>
            {t('permits.prework', { name: signer.personName })}
          </div>
          {checkCodes.map((code, i) => (
            <label key={code} className={`check-row${current.includes(code) ? ' is-on' : ''}`}>
              <input type="checkbox" checked={current.includes(code)} onChange={() => toggle(signer.personId, code)} />
              <span>
                {['（一）', '（二）', '（三）', '（四）'][i]}
                {t(`permits.check.${code}`)}
              </span>
            </label>
          ))}
        </div>
      ),
    };
  };

  const start = async () => {
    setMessage(null);
    try {
      await api(`/api/v1/work-permits/${permit.id}/start`, { body: {} });
      reload();
    } catch (e) {
      setMessage({ kind: 'error', text: e instanceof ApiError ? e.message : t('errors.network') });
    }
  };

  const status = permit.effectiveStatus;
  return (
    <Shell title={`${permit.workTypeLabel}`} backTo="/permits">
      <section className="card">
        <div style={{ display: 'flex', gap: 6, marginBottom: 6 }}>
          <span className={`badge ${status === 'in_progress' ? 'done' : status === 'expired' ? 'late' : ''}`} data-testid="permit-status" data-status={status}>
            {t(`permits.status.${status}`)}
          </span>
        </div>
        <h2 style={{ fontSize: 17 }}>{permit.content}</h2>
        <dl className="kv" style={{ marginTop: 8 }}>
          <dt>{t('permits.place')}</dt>
          <dd>{permit.place}</dd>
          <dt>{t('permits.window')}</dt>
          <dd>
            {when(permit.windowStart)} – {when(permit.windowEnd)}
          </dd>
          <dt>{t('permits.workers')}</dt>
          <dd>{permit.workers.map((w) => w.name).join('、')}</dd>
          <dt>{t('permits.guardian')}</dt>
          <dd>{permit.guardian.name}</dd>
          <dt>{t('permits.approver')}</dt>
          <dd>{permit.approver.name}</dd>
          {permit.accidentTypes.length > 0 && (
            <>
              <dt>{t('permits.accidentTypes')}</dt>
              <dd>{permit.accidentTypes.map((a) => `（${a.seq}）${a.label}`).join(' ')}</dd>
            </>
          )}
          {permit.scenes && (
            <>
              <dt>{t('permits.scenes')}</dt>
              <dd>{permit.scenes}</dd>
            </>
          )}
        </dl>
      </section>

      {permit.startBlockers.length > 0 && permit.status === 'issued' && (
        <div className="notice warn" data-testid="permit-blockers">
          <strong>{t('permits.notYet')}</strong>
          <ul style={{ margin: '6px 0 0', paddingLeft: 18 }}>
            {permit.startBlockers.map((b, i) => (
              <li key={i}>{b.message}</li>
            ))}
          </ul>
        </div>
      )}
      {permit.startBlockers.length === 0 && permit.status === 'issued' && (
        <button type="button" className="btn primary" onClick={() => void start()} data-testid="permit-start">
          {t('permits.start')}
        </button>
      )}
      {status === 'in_progress' && <div className="notice ok">{t('permits.running', { time: when(permit.startedAt as string) })}</div>}
      {message && <div className={`notice ${message.kind}`}>{message.text}</div>}

      {permit.risks.length > 0 && (
        <section className="card">
          <div className="section-title" style={{ marginTop: 0 }}>
            {t('permits.risks')}
          </div>
          <ul className="events">
            {permit.risks.map((r, i) => (
              <li key={i}>{r}</li>
            ))}
          </ul>
        </section>
      )}
      <section className="card">
        <div className="section-title" style={{ marginTop: 0 }}>
          {t('permits.measures')}
        </div>
        <ul className="events">
          {permit.measures.map((m) => (
            <li key={m.index}>
              {m.isConfirmed ? '✓ ' : '○ '}
              {m.text} <span className="muted">· {m.responsible.name}</span>
            </li>
          ))}
        </ul>
      </section>
      {permit.needsGasTest && (
        <section className="card">
          <div className="section-title" style={{ marginTop: 0 }}>
            {t('permits.gas')}
          </div>
          {permit.gasReadings.length === 0 ? (
            <p className="muted">{t('permits.noGas')}</p>
          ) : (
            <ul className="events">
              {permit.gasReadings.map((g) => (
                <li key={g.id}>
                  {when(g.measuredAt)} · {g.point} · {g.substance} {g.value} {g.unit} · {g.isPass ? t('permits.pass') : t('permits.fail')} · {g.tester.name}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      {permit.prework.some((p) => p.requiredCertificates.length > 0) && (
        <section className="card">
          <div className="section-title" style={{ marginTop: 0 }}>
            {t('permits.certificates')}
          </div>
          <ul className="events">
            {permit.prework.map((p) => (
              <li key={p.person.id}>
                {p.person.name}：{p.requiredCertificates.map((c) => c.label).join('、')} ·{' '}
                {p.certificates === null ? t('permits.certNotRecorded') : p.certificates.length ? p.certificates.map((c) => c.number).join('、') : t('permits.certMissing')}
              </li>
            ))}
          </ul>
        </section>
      )}

      <SignOffPanel subjectType="work-permit" subjectId={permit.id} onSigned={reload} prepare={prepare} />
    </Shell>
  );
}
