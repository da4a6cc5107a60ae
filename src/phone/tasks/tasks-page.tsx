import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShiftsDto, TaskDto, TaskPage } from '../../schemas/inspections.js';
import { api } from '../app/phone-api';
import { useApi } from '../app/use-api';
import { DutyListsToAcknowledge } from '../duties/duty-list-page';
import { listEntries } from '../outbox/outbox-store';
import { OutboxPanel } from '../outbox/outbox-panel';
import { useOutbox } from '../outbox/use-outbox';
import { ErrorNotice, Shell, Skeleton } from '../ui/shell';
import { TaskCard } from './task-card';

export function useTimeZone(): string | undefined {
  return useApi<ShiftsDto>('/api/v1/shifts').data?.timeZone;
}

/** Task ids with a submission still waiting in the outbox. */
export function useQueuedTaskIds(): Set<string> {
  const outbox = useOutbox();
  const [ids, setIds] = useState<Set<string>>(new Set());
  useEffect(() => {
    void listEntries().then((all) => setIds(new Set(all.flatMap((e) => (e.kind === 'inspection' ? [e.taskId] : [])))));
  }, [outbox.entries]);
  return ids;
}

const firstPage = '/api/v1/inspection-tasks?mine=true&limit=100';

/** Older pages of the worker's tasks, fetched on demand after the (kept-on-the-phone) first page. */
function useOlderPages(first: TaskPage | undefined) {
  const [pages, setPages] = useState<TaskPage[]>([]);
  const [isLoading, setIsLoading] = useState(false);
  // A fresh first page starts the history over.
  useEffect(() => setPages([]), [first]);
  const nextCursor = pages.length ? (pages[pages.length - 1]?.nextCursor ?? null) : (first?.nextCursor ?? null);
  const loadMore = () => {
    if (!nextCursor) return;
    setIsLoading(true);
    api<TaskPage>(`${firstPage}&cursor=${encodeURIComponent(nextCursor)}`)
      .then((page) => setPages((p) => [...p, page]))
      .catch(() => undefined) // offline: the button stays, to try again
      .finally(() => setIsLoading(false));
  };
  return { items: pages.flatMap((p) => p.items), nextCursor, isLoading, loadMore };
}

export function TasksPage() {
  const { t } = useTranslation();
  const { data, error, isLoading, isStale, reload } = useApi<TaskPage>(firstPage);
  const older = useOlderPages(data);
  const timeZone = useTimeZone();
  const queued = useQueuedTaskIds();
  const now = new Date();
  const items = [...(data?.items ?? []), ...older.items];
  // Today's work: every open task (newest windows first, so all on the first page); of the closed
  // ones those whose window touches today, and every one the worker asked for with "load more".
  const open = items.filter((x) => x.status === 'open').sort((a, b) => a.windowEnd.localeCompare(b.windowEnd));
  const dayAgo = now.getTime() - 24 * 3600_000;
  const closed = items.filter((x) => x.status !== 'open' && (older.items.length > 0 || new Date(x.windowEnd).getTime() >= dayAgo));

  return (
    <Shell title={t('tasks.title')}>
      {isStale && <div className="stale-strip">{t('app.cachedData')}</div>}
      <OutboxPanel />
      <DutyListsToAcknowledge />
      {isLoading && !data && <Skeleton />}
      {error && !data ? <ErrorNotice error={error} onRetry={reload} /> : null}
      {data && open.length === 0 && <p className="empty">{t('tasks.empty')}</p>}
      {open.map((task) => (
        <TaskCard key={task.id} task={task} timeZone={timeZone} isQueued={queued.has(task.id)} now={now} />
      ))}
      {closed.length > 0 && <div className="section-title">{t('tasks.doneSection')}</div>}
      {closed.map((task) => (
        <TaskCard key={task.id} task={task} timeZone={timeZone} isQueued={queued.has(task.id)} now={now} />
      ))}
      {older.nextCursor && (
        <button type="button" className="btn ghost" style={{ marginTop: 8 }} disabled={older.isLoading} onClick={older.loadMore} data-testid="tasks-load-more">
          {t('tasks.loadMore')}
        </button>
      )}
    </Shell>
  );
}
