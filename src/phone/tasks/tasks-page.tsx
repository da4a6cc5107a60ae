import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShiftsDto, TaskDto } from '../../schemas/inspections.js';
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

export function TasksPage() {
  const { t } = useTranslation();
  const { data, error, isLoading, isStale, reload } = useApi<{ items: TaskDto[] }>('/api/v1/inspection-tasks?mine=true&limit=100');
  const timeZone = useTimeZone();
  const queued = useQueuedTaskIds();
  const now = new Date();
  const items = data?.items ?? [];
  // Today's work: every open task; of the closed ones only those whose window touches today.
  const open = items.filter((x) => x.status === 'open').sort((a, b) => a.windowEnd.localeCompare(b.windowEnd));
  const dayAgo = now.getTime() - 24 * 3600_000;
  const closed = items.filter((x) => x.status !== 'open' && new Date(x.windowEnd).getTime() >= dayAgo);

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
    </Shell>
  );
}
