import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { TaskDetailDto } from '../../schemas/inspections.js';
import { useApi } from '../app/use-api';
import { enqueueAndSend, newEntryBase, type SendOutcome } from '../outbox/outbox';
import type { InspectionResultDraft } from '../outbox/outbox-store';
import { formatDueTime } from '../ui/format';
import { PhotoInput } from '../ui/photo-input';
import { ErrorNotice, Shell, Skeleton } from '../ui/shell';
import { usePhotos } from '../ui/use-photos';
import { useTimeZone } from './tasks-page';

type Result = InspectionResultDraft['result'];
interface Answer {
  result: Result | null;
  note: string;
  photoKeys: string[];
}
type Item = TaskDetailDto['items'][number];

const results: Result[] = ['pass', 'fail', 'na'];

function answerOf(item: Item, answers: Record<string, Answer>): Answer {
  return answers[item.id] ?? { result: item.latestRecord?.result ?? null, note: item.latestRecord?.note ?? '', photoKeys: [] };
}

/** Changed against the record already on the server (or no record yet): only these are sent. */
function isChanged(item: Item, a: Answer): boolean {
  const r = item.latestRecord;
  if (!r) return a.result !== null;
  return a.result !== r.result || a.note.trim() !== r.note || a.photoKeys.length > 0;
}

export function InspectionPage() {
  const { t, i18n } = useTranslation();
  const { taskId = '' } = useParams();
  const { data: task, error, isLoading, reload } = useApi<TaskDetailDto>(`/api/v1/inspection-tasks/${encodeURIComponent(taskId)}`);
  const timeZone = useTimeZone();
  const photos = usePhotos(task?.postId ?? null);
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const [outcome, setOutcome] = useState<SendOutcome | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  const items = task?.items ?? [];
  const current = useMemo(() => items.map((item) => ({ item, answer: answerOf(item, answers) })), [items, answers]);
  const doneCount = current.filter((x) => x.answer.result !== null).length;
  const missing = items.length - doneCount;
  const changed = current.filter((x) => isChanged(x.item, x.answer));

  const update = (item: Item, patch: Partial<Answer>) => {
    setOutcome(null);
    setAnswers((all) => ({ ...all, [item.id]: { ...answerOf(item, all), ...patch } }));
  };

  const markRestPass = () => {
    setAnswers((all) => {
      const next = { ...all };
      for (const item of items) if (answerOf(item, all).result === null) next[item.id] = { ...answerOf(item, all), result: 'pass' };
      return next;
    });
  };

  const submit = async () => {
    if (!task || missing > 0 || changed.length === 0) return;
    setIsBusy(true);
    try {
      const keys = changed.flatMap((x) => x.answer.photoKeys);
      const result = await enqueueAndSend({
        ...newEntryBase(`${task.postName} · ${t(`tasks.period.${task.period}`)}`),
        kind: 'inspection',
        taskId: task.id,
        postId: task.postId,
        // The device's time of the inspection: the server keeps it beside its own receipt time.
        capturedAt: new Date().toISOString(),
        results: changed.map(({ item, answer }) => ({
          itemId: item.id,
          result: answer.result as Result,
          note: answer.note.trim(),
          supersedesId: item.latestRecord?.id ?? null,
          photoKeys: answer.photoKeys,
        })),
        photos: photos.toOutbox(keys),
      });
      setOutcome(result);
      if (result.kind !== 'failed') {
        setAnswers({});
        photos.reset();
        if (result.kind === 'sent') reload();
      }
    } finally {
      setIsBusy(false);
    }
  };

  if (!task) {
    return (
      <Shell title={t('tasks.title')} backTo="/tasks" hasTabs={false}>
        {isLoading ? <Skeleton rows={4} /> : <ErrorNotice error={error} onRetry={reload} />}
      </Shell>
    );
  }

  if (outcome && outcome.kind !== 'failed') {
    return (
      <Shell title={task.postName} backTo="/tasks">
        {outcome.kind === 'sent' ? (
          <div className="notice ok" role="status" data-testid="submit-sent">
            <strong>{outcome.hazardCount ? t('inspection.sentHazards', { count: outcome.hazardCount }) : t('inspection.sent')}</strong>
          </div>
        ) : (
          <div className="notice warn" role="status" data-testid="saved-offline">
            <strong>{t('inspection.savedOffline')}</strong>
            {t('inspection.savedOfflineHint')}
          </div>
        )}
        <Link to="/tasks" className="btn primary">
          {t('inspection.toTasks')}
        </Link>
      </Shell>
    );
  }

  const period = t(`tasks.period.${task.period}`) + (task.shiftCode ? ` · ${task.shiftCode}` : '');
  const slotByKey = new Map(photos.slots.map((s) => [s.key, s]));
  return (
    <Shell title={task.postName} backTo="/tasks" hasTabs={false}>
      <div className="muted">
        {period} · {t('tasks.due', { time: formatDueTime(task.windowEnd, i18n.language, timeZone) })}
      </div>
      {task.status === 'done' && <div className="notice warn">{t('inspection.alreadyDone')}</div>}
      <div className="progress">
        <div className="progress-text" data-testid="progress">
          {t('inspection.progress', { done: doneCount, total: items.length })}
        </div>
        <div className="progress-track">
          <div className="progress-fill" style={{ width: `${items.length ? (doneCount / items.length) * 100 : 0}%` }} />
        </div>
      </div>
      {current.map(({ item, answer }, index) => (
        <section key={item.id} className={`item ${answer.result ? `is-${answer.result}` : ''}`} data-testid="inspection-item" aria-label={item.content}>
          <p className="item-content">
            {index + 1}. {item.content}
          </p>
          <div className="item-meta">
            {t(`inspection.method.${item.method}`)}
            {item.latestRecord && (
              <>
                {' · '}
                {t('inspection.recorded', { result: t(`inspection.${item.latestRecord.result}`) })}
                {item.latestRecord.isLate && ` · ${t('inspection.late')}`}
              </>
            )}
          </div>
          <div className="choice" role="group">
            {results.map((r) => (
              <button key={r} type="button" className={r} aria-pressed={answer.result === r} onClick={() => update(item, { result: r })}>
                {t(`inspection.${r}`)}
              </button>
            ))}
          </div>
          {answer.result === 'fail' && (
            <div className="fail-hint" data-testid="fail-hint">
              ⚠ {t('inspection.failWillCreate')}
            </div>
          )}
          {(answer.result === 'fail' || answer.result === 'na' || answer.note || answer.photoKeys.length > 0) && (
            <div className="item-extra">
              <textarea
                className="input"
                rows={2}
                placeholder={t('inspection.notePlaceholder')}
                aria-label={t('inspection.note')}
                maxLength={1000}
                value={answer.note}
                onChange={(e) => update(item, { note: e.target.value })}
              />
              <div className="photos">
                {answer.photoKeys.map((key) => {
                  const slot = slotByKey.get(key);
                  return slot ? (
                    <div key={key} className="photo-thumb">
                      <img src={slot.url} alt="" />
                      <button
                        type="button"
                        aria-label={t('inspection.removePhoto')}
                        onClick={() => {
                          photos.remove(key);
                          update(item, { photoKeys: answer.photoKeys.filter((k) => k !== key) });
                        }}
                      >
                        ×
                      </button>
                    </div>
                  ) : null;
                })}
                {answer.photoKeys.length < 9 && (
                  <PhotoInput
                    label={t('inspection.photo')}
                    testId="item-photo"
                    onFile={async (file) => {
                      const key = await photos.add(file);
                      setAnswers((all) => {
                        const a = answerOf(item, all);
                        return { ...all, [item.id]: { ...a, photoKeys: [...a.photoKeys, key] } };
                      });
                    }}
                  />
                )}
              </div>
            </div>
          )}
        </section>
      ))}
      {missing > 0 && (
        <button type="button" className="btn ghost" onClick={markRestPass} data-testid="rest-pass">
          {t('inspection.restPass', { count: missing })}
        </button>
      )}
      {outcome?.kind === 'failed' && (
        <div className="notice error" role="alert" data-testid="submit-failed">
          {outcome.message}
          {outcome.errors.map((e) => (
            <div key={e.path}>{e.message}</div>
          ))}
        </div>
      )}
      <div style={{ height: 16 }} />
      <div className="submit-bar">
        <div className="inner">
          <button type="button" className="btn primary" disabled={isBusy || missing > 0 || changed.length === 0} onClick={() => void submit()} data-testid="submit-inspection">
            {isBusy ? t('inspection.submitting') : missing > 0 ? t('inspection.incomplete', { count: missing }) : t('inspection.submit')}
          </button>
        </div>
      </div>
    </Shell>
  );
}
