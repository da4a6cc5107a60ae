/* Recurring inspection tasks (seed 001 Art. 15). A task is one person's active items of one post for
 * one period window. Items naming no responsible person fall to every current holder of the post
 * (Art. 13 bases the list on the post's duties), each getting their own task. Holders of an item's
 * supervising post (Art. 14) also get it, on their own task for the same post and window.
 * Materialisation is idempotent by the unique key (post, person, period, window_start), so the
 * minute scheduler, the on-read check and a second server node can all run it at once. */
import type { AppDeps } from '../../app-deps.js';
import type { InspectionRecordTable, InspectionTaskTable } from '../../db/database.js';
import { fromDbBool, fromDbCount, fromDbJson } from '../../db/codecs.js';
import type { Executor } from '../../db/with-transaction.js';
import { isPeriod, type PeriodWindow, windowAt } from '../../../domain/inspection/period-window.js';
import type { EnterpriseRole } from '../../../schemas/auth.js';
import type { RecordDto, StatsDto, TaskDetailDto, TaskDto, TaskListQuery, TaskPage } from '../../../schemas/inspections.js';
import { decodeCursor, toPage } from '../../platform/http/cursor.js';
import { AppError, notFound } from '../../platform/http/app-error.js';
import { newId } from '../../platform/ids.js';
import { toPublishedItemDto } from './inspection-lists.service.js';
import * as lists from './inspection-lists.repository.js';
import * as repo from './inspection-tasks.repository.js';
import { canSeeAllTasks } from './inspections.policy.js';
import { loadCalendar } from './shifts.service.js';
import { taskPlanMemoOf } from './task-plan-memo.js';

export async function materialiseTasks(
  deps: Pick<AppDeps, 'db'>,
  enterpriseId: string,
  at: Date,
): Promise<{ created: number; missed: number; until: number }> {
  const calendar = await loadCalendar(deps.db, enterpriseId);
  const assignments = await repo.listActiveItemAssignments(deps.db, enterpriseId);
  const windows = new Map<string, PeriodWindow>();
  const rows = new Map<string, InspectionTaskTable>();
  const createdAt = at.toISOString();
  for (const a of assignments) {
    const personId = a.person_id;
    if (!isPeriod(a.period)) continue;
    let w = windows.get(a.period);
    if (!w) {
      w = windowAt(a.period, at, { timeZone: calendar.timeZone, shifts: calendar.shifts });
      windows.set(a.period, w);
    }
    const key = `${a.post_id}|${personId}|${a.period}`;
    if (rows.has(key)) continue;
    rows.set(key, {
      id: newId(),
      enterprise_id: enterpriseId,
      post_id: a.post_id,
      responsible_person_id: personId,
      period: a.period,
      shift_code: w.shiftCode,
      window_start: w.start.toISOString(),
      window_end: w.end.toISOString(),
      status: 'open',
      created_at: createdAt,
      completed_at: null,
    });
  }
  // Reads first, so the usual on-read call writes nothing; the insert still ignores a concurrent twin.
  const wanted = [...rows.values()];
  const existing = await repo.listExistingTaskKeys(
    deps.db,
    enterpriseId,
    [...new Set(wanted.map((r) => r.post_id))],
    [...new Set(wanted.map((r) => r.window_start))],
  );
  const missing = wanted.filter((r) => !existing.has(`${r.post_id}|${r.responsible_person_id}|${r.period}|${r.window_start}`));
  const created = missing.length ? await repo.insertTasksIgnoringExisting(deps.db, missing) : 0;
  // Due at the window's end: from then on an untouched task is missed.
  let nextDue = await repo.earliestOpenWindowEnd(deps.db, enterpriseId);
  let missed = 0;
  if (nextDue !== null && nextDue <= createdAt) {
    missed = await repo.markMissed(deps.db, enterpriseId, createdAt);
    nextDue = await repo.earliestOpenWindowEnd(deps.db, enterpriseId, createdAt);
  }
  // Right until a window computed here ends or a task still open falls due (task-plan-memo.ts).
  const until = Math.min(...[...windows.values()].map((w) => w.end.getTime()), nextDue ? Date.parse(nextDue) : Infinity);
  return { created, missed, until };
}

/** What every task read runs first: materialise, unless this process did so since the last change and no window has ended since. */
export async function ensureTasks(deps: Pick<AppDeps, 'db' | 'clock' | 'config'>, enterpriseId: string): Promise<void> {
  const now = deps.clock.now();
  const memo = taskPlanMemoOf(deps.db, deps.config.taskPlanCacheSeconds * 1000);
  if (memo.isFresh(enterpriseId, now.getTime())) return;
  const generation = memo.generation();
  const { until } = await materialiseTasks(deps, enterpriseId, now);
  memo.remember(enterpriseId, generation, now.getTime(), until);
}

/** The scheduler's minute job: every live enterprise, one after the other; one failing does not stop the rest. */
export async function materialiseAllEnterprises(deps: Pick<AppDeps, 'db' | 'clock' | 'config'>): Promise<{ enterprises: number; failed: number }> {
  const ids = await lists.listLiveEnterpriseIds(deps.db);
  let failed = 0;
  for (const { id } of ids) {
    try {
      const now = deps.clock.now();
      const memo = taskPlanMemoOf(deps.db, deps.config.taskPlanCacheSeconds * 1000);
      const generation = memo.generation();
      memo.remember(id, generation, now.getTime(), (await materialiseTasks(deps, id, now)).until);
    } catch {
      failed++; // e.g. a shift roster made invalid by hand; that enterprise's on-read check reports it
    }
  }
  return { enterprises: ids.length, failed };
}

type TaskRow = NonNullable<Awaited<ReturnType<typeof repo.findTask>>>;

function toTaskDto(r: TaskRow, itemCount: number): TaskDto {
  return {
    id: r.id,
    postId: r.post_id,
    postName: r.post_name,
    responsiblePersonId: r.responsible_person_id,
    period: r.period as TaskDto['period'],
    shiftCode: r.shift_code,
    windowStart: r.window_start,
    windowEnd: r.window_end,
    status: r.status as TaskDto['status'],
    itemCount,
    createdAt: r.created_at,
    completedAt: r.completed_at,
  };
}

export function toRecordDto(r: InspectionRecordTable, hazardId?: string | null): RecordDto {
  return {
    id: r.id,
    itemId: r.item_id,
    result: r.result as RecordDto['result'],
    note: r.note,
    personId: r.person_id,
    capturedAt: r.captured_at,
    receivedAt: r.received_at,
    isLate: fromDbBool(r.is_late),
    submissionId: r.submission_id,
    supersedesId: r.supersedes_id,
    photoIds: fromDbJson<string[]>(r.photo_ids) ?? [],
    ...(hazardId !== undefined && { hazardId }),
  };
}

export interface TaskViewer {
  userId: string;
  enterpriseId: string;
  role: EnterpriseRole;
  /** From the session (AuthContext.personId) when it was loaded with it. */
  personId?: string | null;
}

export async function findActorPersonId(db: Executor, enterpriseId: string, userId: string): Promise<string | null> {
  return (await lists.findActorPerson(db, enterpriseId, userId))?.person_id ?? null;
}

/** The viewer's person: the session's when it came with it, else looked up. */
export async function personIdOf(db: Executor, viewer: TaskViewer): Promise<string | null> {
  return viewer.personId !== undefined ? viewer.personId : findActorPersonId(db, viewer.enterpriseId, viewer.userId);
}

export async function listTasks(deps: AppDeps, viewer: TaskViewer, query: Omit<TaskListQuery, 'limit'> & { limit: number }): Promise<TaskPage> {
  const after = decodeCursor(query.cursor);
  await ensureTasks(deps, viewer.enterpriseId);
  const isMineOnly = query.mine === true || !canSeeAllTasks(viewer.role);
  let personId = query.personId;
  if (isMineOnly) {
    const own = await personIdOf(deps.db, viewer);
    if (!own) return { items: [], nextCursor: null }; // a login not linked to a person has no tasks of its own
    personId = own;
  }
  const rows = await repo.listTasks(deps.db, viewer.enterpriseId, {
    personId,
    status: query.status,
    postIds: query.postId ? [query.postId] : undefined,
    after,
    limit: query.limit + 1,
  });
  return toPage(rows, query.limit, (r) => ({ at: r.window_end, id: r.id }), (r) => toTaskDto(r, fromDbCount(r.item_count)));
}

/** A worker may open only their own tasks; others' read as missing. */
export async function getVisibleTask(deps: AppDeps, viewer: TaskViewer, taskId: string): Promise<TaskRow> {
  const task = await repo.findTask(deps.db, viewer.enterpriseId, taskId);
  if (!task) throw notFound('inspection_task');
  if (!canSeeAllTasks(viewer.role)) {
    const own = await personIdOf(deps.db, viewer);
    if (own !== task.responsible_person_id) throw notFound('inspection_task');
  }
  return task;
}

/** Records that no later record of the same task supersedes. */
export function latestRecordsByItem(records: InspectionRecordTable[]): Map<string, InspectionRecordTable> {
  const superseded = new Set(records.map((r) => r.supersedes_id).filter((id): id is string => id !== null));
  const latest = new Map<string, InspectionRecordTable>();
  for (const r of records) if (!superseded.has(r.id)) latest.set(r.item_id, r);
  return latest;
}

export async function getTaskDetail(deps: AppDeps, viewer: TaskViewer, taskId: string): Promise<TaskDetailDto> {
  const task = await getVisibleTask(deps, viewer, taskId);
  const [items, records] = await Promise.all([
    repo.listItemsOfTask(deps.db, viewer.enterpriseId, taskId),
    repo.listRecordsOfTask(deps.db, viewer.enterpriseId, taskId),
  ]);
  const latest = latestRecordsByItem(records);
  return {
    ...toTaskDto(task, items.length),
    items: items.map((i) => {
      const r = latest.get(i.id);
      return { ...toPublishedItemDto(i), latestRecord: r ? toRecordDto(r) : null };
    }),
  };
}

/** What a QR code on a post, an area or a piece of equipment opens: the caller's open tasks there. */
export async function listOpenTasksOfPlace(
  deps: AppDeps,
  viewer: TaskViewer,
  place: { kind: 'post' | 'area' | 'equipment'; id: string },
): Promise<{ placeName: string; items: TaskDto[] }> {
  const found = await lists.findPlaceName(deps.db, place.kind, viewer.enterpriseId, place.id);
  if (!found) throw notFound(place.kind);
  await ensureTasks(deps, viewer.enterpriseId);
  const personId = await personIdOf(deps.db, viewer);
  if (!personId) return { placeName: found.name, items: [] };
  // The task due soonest first (issue 8 §9: the shift's task was listed last, under the month's).
  const rows = await repo.listOpenTasksOfPlace(deps.db, viewer.enterpriseId, personId, place);
  const items = rows.map((r) => toTaskDto(r, fromDbCount(r.item_count)));
  return { placeName: found.name, items };
}

/** Task completion rate (done / (done + missed)) of windows ending in [from, to), and the share of late records. */
export async function getStats(deps: AppDeps, enterpriseId: string, from: Date, to: Date): Promise<StatsDto> {
  if (to.getTime() <= from.getTime()) {
    throw new AppError('VALIDATION', {}, [{ path: 'to', message: { 'zh-CN': '结束时间须晚于开始时间', 'en-US': 'to must be after from' } }]);
  }
  await ensureTasks(deps, enterpriseId);
  const [byStatus, records] = await Promise.all([
    repo.countTasksByStatus(deps.db, enterpriseId, from.toISOString(), to.toISOString()),
    repo.countRecords(deps.db, enterpriseId, from.toISOString(), to.toISOString()),
  ]);
  const n = (s: string) => fromDbCount(byStatus.find((r) => r.status === s)?.n);
  const tasks = { done: n('done'), missed: n('missed'), open: n('open') };
  const total = fromDbCount(records?.total);
  const late = fromDbCount(records?.late);
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    tasks,
    completionRate: tasks.done + tasks.missed ? tasks.done / (tasks.done + tasks.missed) : null,
    records: { total, late },
    lateShare: total ? late / total : null,
  };
}

/** DESIGN "Indicators": posts without a published list, and task completion of windows ending in [from, to). */
export async function inspectionIndicators(deps: AppDeps, enterpriseId: string, from: Date, to: Date) {
  const [withoutList, stats] = await Promise.all([lists.listPostsWithoutPublishedList(deps.db, enterpriseId), getStats(deps, enterpriseId, from, to)]);
  return { postsWithoutList: withoutList.map((p) => p.name), tasks: stats.tasks, completionRate: stats.completionRate, lateShare: stats.lateShare };
}
export type InspectionIndicators = Awaited<ReturnType<typeof inspectionIndicators>>;
