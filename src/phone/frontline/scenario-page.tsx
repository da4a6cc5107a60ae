import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { henanAccidentTypes } from '../../reference/accident-types.js';
import type { AccidentScenarioDetail, AccidentScenarioList } from '../../schemas/accident-scenarios.js';
import { api, ApiError } from '../app/phone-api';
import { useApi } from '../app/use-api';
import { currentLocale } from '../i18n/i18n';
import { ErrorNotice, Shell, Skeleton } from '../ui/shell';
import { SignOffPanel } from '../ui/sign-off-panel';

type Draft = Pick<AccidentScenarioDetail, 'accidentSeqs' | 'scenes' | 'checks' | 'emergency'> & { improvements: string[] };

const draftOf = (d: AccidentScenarioDetail): Draft => ({
  accidentSeqs: d.accidentSeqs,
  scenes: d.scenes,
  checks: d.checks,
  emergency: d.emergency,
  improvements: d.improvements.map((i) => i.text),
});

/**
 * /m/p/:postId/scenario — the post's 事故假想 of this year on the phone (seed 003 附件1; issue 11 §2):
 * start it pre-filled, tick the accident types, complete the four text rows, add improvement
 * items, then each worker signs (unsaved edits are saved first; a save asks every signature again).
 */
export function ScenarioPage() {
  const { t } = useTranslation();
  const { postId = '' } = useParams();
  const list = useApi<AccidentScenarioList>(`/api/v1/accident-scenarios?postId=${encodeURIComponent(postId)}`);
  const item = list.data?.items[0];
  const [detail, setDetail] = useState<AccidentScenarioDetail | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [newItem, setNewItem] = useState('');
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  /** Remounts the sign-off panel after a save from the button or a signature (the sheet's revision changed). */
  const [panelKey, setPanelKey] = useState(0);
  const scenarioId = item?.scenario?.id ?? null;

  const load = async (id: string) => {
    const d = await api<AccidentScenarioDetail>(`/api/v1/accident-scenarios/${encodeURIComponent(id)}`);
    setDetail(d);
    setDraft(draftOf(d));
  };
  useEffect(() => {
    if (scenarioId && detail?.id !== scenarioId) void load(scenarioId).catch((e: unknown) => setMessage({ kind: 'error', text: e instanceof Error ? e.message : String(e) }));
  }, [scenarioId]); // eslint-disable-line react-hooks/exhaustive-deps

  const fail = (e: unknown) => setMessage({ kind: 'error', text: e instanceof ApiError ? e.message : t('errors.network') });
  const start = async () => {
    if (!list.data) return;
    setIsBusy(true);
    setMessage(null);
    try {
      const d = await api<AccidentScenarioDetail>('/api/v1/accident-scenarios', { body: { postId, year: list.data.year } });
      setDetail(d);
      setDraft(draftOf(d));
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) list.reload();
      else fail(e);
    } finally {
      setIsBusy(false);
    }
  };

  const title = item ? `${item.postName} · ${t('scenario.title')}` : t('scenario.title');
  if (!list.data || (scenarioId && !detail)) {
    return (
      <Shell title={title} backTo={`/p/${postId}`}>
        {list.error ? <ErrorNotice error={list.error} onRetry={list.reload} /> : <Skeleton rows={4} />}
        {message && <div className={`notice ${message.kind}`}>{message.text}</div>}
      </Shell>
    );
  }
  if (!detail || !draft) {
    return (
      <Shell title={title} backTo={`/p/${postId}`}>
        <section className="card">
          <div className="section-title" style={{ marginTop: 0 }}>
            {t('scenario.year', { year: list.data.year })}
          </div>
          <p>{t('scenario.intro')}</p>
          <button type="button" className="btn primary" disabled={isBusy || !item} onClick={() => void start()} data-testid="scenario-start">
            {t('scenario.start')}
          </button>
        </section>
        {message && <div className={`notice ${message.kind}`}>{message.text}</div>}
      </Shell>
    );
  }

  const saved = draftOf(detail);
  const isDirty = JSON.stringify(saved) !== JSON.stringify(draft);
  const save = async (isFromButton: boolean) => {
    setIsBusy(true);
    setMessage(null);
    try {
      const d = await api<AccidentScenarioDetail>(`/api/v1/accident-scenarios/${detail.id}`, { method: 'PUT', body: { revision: detail.revision, ...draft } });
      setDetail(d);
      setDraft(draftOf(d));
      setMessage({ kind: 'ok', text: t('scenario.saved', { revision: d.revision }) });
      if (isFromButton) setPanelKey((k) => k + 1);
    } catch (e) {
      fail(e);
      throw e;
    } finally {
      setIsBusy(false);
    }
  };
  const toggle = (seq: number) =>
    setDraft({ ...draft, accidentSeqs: draft.accidentSeqs.includes(seq) ? draft.accidentSeqs.filter((s) => s !== seq) : [...draft.accidentSeqs, seq].sort((a, b) => a - b) });
  const text = (key: 'scenes' | 'checks' | 'emergency') => (
    <label className="field">
      <span>{t(`scenario.${key}`)}</span>
      <textarea className="input" rows={5} value={draft[key]} onChange={(e) => setDraft({ ...draft, [key]: e.target.value })} data-testid={`scenario-${key}`} />
    </label>
  );
  const locale = currentLocale();
  const hazardOf = (text: string) => detail.improvements.find((i) => i.text === text)?.hazardId ?? null;

  return (
    <Shell title={title} backTo={`/p/${postId}`}>
      <section className="card">
        <div style={{ display: 'flex', gap: 6, alignItems: 'center' }}>
          <span className={`badge ${detail.status === 'reviewed' ? 'done' : ''}`} data-testid="scenario-status" data-status={detail.status}>
            {t(`scenario.status.${detail.status}`)}
          </span>
          <span className="muted">
            {t('scenario.year', { year: detail.year })} · {t('scenario.signed', { signed: detail.signedCount, total: detail.workerCount })}
          </span>
        </div>
      </section>

      <div className="section-title">{t('scenario.accidentTypes')}</div>
      <section className="card" data-testid="scenario-types">
        {henanAccidentTypes.map((a) => (
          <label key={a.seq} className={`check-row${draft.accidentSeqs.includes(a.seq) ? ' is-on' : ''}`}>
            <input type="checkbox" checked={draft.accidentSeqs.includes(a.seq)} onChange={() => toggle(a.seq)} />
            <span>
              （{a.seq}）{a.label[locale]}
            </span>
          </label>
        ))}
      </section>
      {text('scenes')}
      {text('checks')}
      {text('emergency')}

      <div className="field">
        <span>{t('scenario.improvements')}</span>
        <ul className="events" data-testid="scenario-improvements">
          {draft.improvements.map((it, i) => (
            <li key={`${i}-${it}`} style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
              <span className="grow" style={{ flex: 1 }}>
                {i + 1}. {it} {hazardOf(it) && <span className="badge done">{t('scenario.hazard')}</span>}
              </span>
              <button type="button" className="btn ghost" style={{ width: 'auto', minHeight: 40 }} onClick={() => setDraft({ ...draft, improvements: draft.improvements.filter((_x, j) => j !== i) })}>
                {t('scenario.remove')}
              </button>
            </li>
          ))}
        </ul>
        <div style={{ display: 'flex', gap: 8 }}>
          <input className="input" value={newItem} placeholder={t('scenario.improvementPlaceholder')} onChange={(e) => setNewItem(e.target.value)} data-testid="scenario-new-improvement" />
          <button
            type="button"
            className="btn"
            style={{ width: 'auto' }}
            disabled={!newItem.trim()}
            onClick={() => {
              setDraft({ ...draft, improvements: [...draft.improvements, newItem.trim()] });
              setNewItem('');
            }}
            data-testid="scenario-add-improvement"
          >
            {t('scenario.add')}
          </button>
        </div>
      </div>

      {isDirty && (
        <div className="notice warn" data-testid="scenario-dirty">
          {t('scenario.dirty')}
          {detail.signedCount > 0 ? ` ${t('scenario.resign')}` : ''}
        </div>
      )}
      <button type="button" className="btn primary" disabled={!isDirty || isBusy} onClick={() => void save(true).catch(() => undefined)} data-testid="scenario-save">
        {t('scenario.save')}
      </button>
      {message && (
        <div className={`notice ${message.kind}`} data-testid="scenario-message">
          {message.text}
        </div>
      )}

      <SignOffPanel
        key={panelKey}
        subjectType="accident-scenario"
        subjectId={detail.id}
        onSigned={() => void load(detail.id).then(() => setPanelKey((k) => k + 1))}
        prepare={() => ({ node: null, isReady: !isBusy, beforeSign: async () => (isDirty ? save(false) : undefined) })}
      />
    </Shell>
  );
}
