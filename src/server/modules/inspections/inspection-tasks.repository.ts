/* Tasks and records: the hot tables of the inspections feature. Every query names enterprise_id. */
import { type ExpressionBuilder, PostgresAdapter, sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { jsonArrayFrom as sqliteJsonArrayFrom } from 'kysely/helpers/sqlite';
import type { Database, InspectionRecordTable, InspectionTaskTable } from '../../db/database.js';
import { afterKey } from '../../db/keyset.js';
import { precompiled } from '../../db/precompiled.js';
import { enterpriseBesideKey } from '../../db/text-search.js';
import type { Executor } from '../../db/with-transaction.js';

/** Active items of live posts, with who does them: the named person, else every holder of the post;
 * plus every holder of the item's live supervising post (Art. 14), on their own task of the same post. */
export async function listActiveItemAssignments(db: Executor, enterpriseId: string): Promise<{ post_id: string; period: string; person_id: string }[]> {
  // Tasks run the published version of each item (seed 001 第十三条): a never-published item runs nothing.
  const activeItems = () =>
    db
      .selectFrom('inspection_item')
      .innerJoin('post', 'post.id', 'inspection_item.post_id')
      .where('inspection_item.enterprise_id', '=', enterpriseId)
      .where('inspection_item.is_active', '=', 1)
      .where('inspection_item.archived_at', 'is', null)
      .where('inspection_item.published_at', 'is not', null)
      .where('post.archived_at', 'is', null);
  const [doers, supervisors] = await Promise.all([
    activeItems()
      .leftJoin('person_post', (j) =>
        j.onRef('person_post.post_id', '=', 'inspection_item.post_id').on('inspection_item.published_responsible_person_id', 'is', null),
      )
      .select(['inspection_item.post_id', 'inspection_item.published_period as period', 'inspection_item.published_responsible_person_id as responsible_person_id', 'person_post.person_id as holder_id'])
      .distinct()
      .execute(),
    activeItems()
      .innerJoin('post as supervisor_post', 'supervisor_post.id', 'inspection_item.published_supervisor_post_id')
      .innerJoin('person_post', 'person_post.post_id', 'inspection_item.published_supervisor_post_id')
      .where('supervisor_post.archived_at', 'is', null)
      .select(['inspection_item.post_id', 'inspection_item.published_period as period', 'person_post.person_id'])
      .distinct()
      .execute(),
  ]);
  const out: { post_id: string; period: string; person_id: string }[] = [];
  for (const d of doers) {
    const personId = d.responsible_person_id ?? d.holder_id;
    if (personId && d.period) out.push({ post_id: d.post_id, period: d.period, person_id: personId });
  }
  return out.concat(supervisors.filter((x): x is { post_id: string; period: string; person_id: string } => x.period !== null));
}

/** INSERT … ON CONFLICT DO NOTHING: the scheduler, the on-read check and a second node may all run it. */
export async function insertTasksIgnoringExisting(db: Executor, rows: InspectionTaskTable[]): Promise<number> {
  let inserted = 0;
  for (let i = 0; i < rows.length; i += 500) {
    const result = await db
      .insertInto('inspection_task')
      .values(rows.slice(i, i + 500))
      .onConflict((oc) => oc.columns(['post_id', 'responsible_person_id', 'period', 'window_start']).doNothing())
      .executeTakeFirst();
    inserted += Number(result.numInsertedOrUpdatedRows ?? 0);
  }
  return inserted;
}

/** Keys of the tasks that already exist for these window starts (to skip writes when nothing is new). */
export async function listExistingTaskKeys(db: Executor, enterpriseId: string, postIds: string[], windowStarts: string[]): Promise<Set<string>> {
  if (!windowStarts.length || !postIds.length) return new Set();
  const rows = await db
    .selectFrom('inspection_task')
    .select(['post_id', 'responsible_person_id', 'period', 'window_start'])
    .where('enterprise_id', '=', enterpriseId)
    .where('post_id', 'in', postIds) // the unique key leads with post_id: an index range per post
    .where('window_start', 'in', windowStarts)
    .execute();
  return new Set(rows.map((r) => `${r.post_id}|${r.responsible_person_id}|${r.period}|${r.window_start}`));
}

/** The earliest end of a still-open task's window (after `after`, when given): when the next one falls due. */
export async function earliestOpenWindowEnd(db: Executor, enterpriseId: string, after?: string): Promise<string | null> {
  let q = db.selectFrom('inspection_task').select('window_end').where('enterprise_id', '=', enterpriseId).where('status', '=', 'open');
  if (after) q = q.where('window_end', '>', after);
  return (await q.orderBy('window_end').limit(1).executeTakeFirst())?.window_end ?? null;
}

export async function markMissed(db: Executor, enterpriseId: string, at: string): Promise<number> {
  const result = await db
    .updateTable('inspection_task')
    .set({ status: 'missed' })
    .where('enterprise_id', '=', enterpriseId)
    .where('status', '=', 'open')
    .where('window_end', '<=', at)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

const taskColumns = [
  'inspection_task.id',
  'inspection_task.post_id',
  'inspection_task.responsible_person_id',
  'inspection_task.period',
  'inspection_task.shift_code',
  'inspection_task.window_start',
  'inspection_task.window_end',
  'inspection_task.status',
  'inspection_task.created_at',
  'inspection_task.completed_at',
  'post.name as post_name',
] as const;

/** Items a task covers: the active, published items (their published version) of the task's post and period that its person does (named, or the
 * post's unassigned ones if they hold it) or supervises (they hold the item's live supervising post, Art. 14).
 * The one rule behind a task's item list and item count, the submission check and the completion check. */
function taskItemsFilter(eb: ExpressionBuilder<Database, 'inspection_item' | 'inspection_task'>) {
  return eb.and([
    eb('inspection_item.post_id', '=', eb.ref('inspection_task.post_id')),
    eb('inspection_item.published_period', '=', eb.ref('inspection_task.period')),
    eb('inspection_item.is_active', '=', 1),
    eb('inspection_item.archived_at', 'is', null),
    eb('inspection_item.published_at', 'is not', null),
    eb.or([
      eb('inspection_item.published_responsible_person_id', '=', eb.ref('inspection_task.responsible_person_id')),
      eb.and([
        eb('inspection_item.published_responsible_person_id', 'is', null),
        eb.exists(
          eb
            .selectFrom('person_post')
            .select('person_post.person_id')
            .whereRef('person_post.post_id', '=', 'inspection_task.post_id')
            .whereRef('person_post.person_id', '=', 'inspection_task.responsible_person_id'),
        ),
      ]),
      eb.exists(
        eb
          .selectFrom('person_post')
          .innerJoin('post as supervisor_post', 'supervisor_post.id', 'person_post.post_id')
          .select('person_post.person_id')
          .whereRef('person_post.post_id', '=', 'inspection_item.published_supervisor_post_id')
          .whereRef('person_post.person_id', '=', 'inspection_task.responsible_person_id')
          .where('supervisor_post.archived_at', 'is', null),
      ),
    ]),
  ]);
}

/** Tasks with their post's name and the count of the items each covers, of one enterprise. */
function taskSelect(db: Executor, enterpriseId: string) {
  return db
    .selectFrom('inspection_task')
    .innerJoin('post', 'post.id', 'inspection_task.post_id')
    .select(taskColumns)
    .select((eb) =>
      eb
        .selectFrom('inspection_item')
        .select(eb.fn.countAll<number>().as('n'))
        .where((ib) => taskItemsFilter(ib as unknown as ExpressionBuilder<Database, 'inspection_item' | 'inspection_task'>))
        .as('item_count'),
    )
    .where('inspection_task.enterprise_id', '=', enterpriseId);
}

/** A page of tasks, newest window first, keyset-paged by (window_end, id) — each filter the list
 * offers (person, status, both, post) has an index led by the enterprise that serves it in this order. */
export function listTasks(
  db: Executor,
  enterpriseId: string,
  filter: { personId?: string; status?: string; postIds?: string[]; after?: { at: string; id: string }; limit: number },
) {
  let q = taskSelect(db, enterpriseId);
  if (filter.personId) q = q.where('inspection_task.responsible_person_id', '=', filter.personId);
  if (filter.status) q = q.where('inspection_task.status', '=', filter.status);
  if (filter.postIds) q = q.where('inspection_task.post_id', 'in', filter.postIds.length ? filter.postIds : ['-']);
  if (filter.after) q = q.where(afterKey('inspection_task.window_end', 'inspection_task.id', filter.after, 'desc'));
  return q.orderBy('inspection_task.window_end', 'desc').orderBy('inspection_task.id', 'desc').limit(filter.limit).execute();
}

// Compiled once (precompiled.ts): read by every submission and task page.
const findTaskQuery = precompiled(['enterpriseId', 'id'], (db, p: { enterpriseId: string; id: string }) =>
  db
    .selectFrom('inspection_task')
    .innerJoin('post', 'post.id', 'inspection_task.post_id')
    .select(taskColumns)
    .where('inspection_task.enterprise_id', '=', p.enterpriseId)
    .where('inspection_task.id', '=', p.id),
);

export async function findTask(db: Executor, enterpriseId: string, id: string) {
  return (await findTaskQuery(db, { enterpriseId, id }))[0];
}

/** A submission's task and what it needs of the task's items (the check, completion, a FAIL's hazard) as ONE row, the items a
 * json array (issue 18 §3: 20 joined rows repeating the task's columns cost a row object each, and on PostgreSQL a round trip);
 * compiled once per dialect. */
const submissionTaskQuery = (arrayOf: typeof jsonArrayFrom) => precompiled(['enterpriseId', 'taskId'], (db, p: { enterpriseId: string; taskId: string }) =>
  db
    .selectFrom('inspection_task')
    .innerJoin('post', 'post.id', 'inspection_task.post_id')
    .select([
      ...taskColumns,
      (eb) =>
        arrayOf(
          eb
            .selectFrom('inspection_item')
            .select(['inspection_item.id', 'inspection_item.measure_id', 'inspection_item.content'])
            .where('inspection_item.enterprise_id', '=', p.enterpriseId)
            .where((ib) => taskItemsFilter(ib as never)),
        ).as('items'),
    ])
    .where('inspection_task.enterprise_id', '=', p.enterpriseId)
    .where('inspection_task.id', '=', p.taskId),
);

/** The task (undefined when not the enterprise's) with its items. */
const submissionTaskPgQuery = submissionTaskQuery(jsonArrayFrom);
const submissionTaskSqliteQuery = submissionTaskQuery(sqliteJsonArrayFrom as unknown as typeof jsonArrayFrom);

export async function findTaskForSubmission(db: Executor, enterpriseId: string, taskId: string) {
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const row = (await (isPostgres ? submissionTaskPgQuery : submissionTaskSqliteQuery)(db, { enterpriseId, taskId }))[0];
  if (!row) return undefined;
  const { items, ...task } = row;
  // SQLite answers the array as its JSON text.
  return { task, items: (typeof items === 'string' ? JSON.parse(items) : items) as { id: string; measure_id: string; content: string }[] };
}

export function listItemsOfTask(db: Executor, enterpriseId: string, taskId: string) {
  return db
    .selectFrom('inspection_item')
    .innerJoin('inspection_task', (j) => j.on('inspection_task.id', '=', taskId).on('inspection_task.enterprise_id', '=', enterpriseId))
    .selectAll('inspection_item')
    .where('inspection_item.enterprise_id', '=', enterpriseId)
    .where((eb) => taskItemsFilter(eb))
    .orderBy('inspection_item.created_at')
    .orderBy('inspection_item.id')
    .execute();
}

/**
 * A task's records (its 20-odd), by inspection_record_task_idx. On SQLite the enterprise column is
 * written `+enterprise_id` (enterpriseBesideKey), which no index serves: without statistics (the product never runs ANALYZE)
 * SQLite preferred inspection_record_received_idx (enterprise_id, received_at) for the order and
 * walked every record of the enterprise — 1.3 s a read at a million records (npm run bench).
 */
export function listRecordsOfTask(db: Executor, enterpriseId: string, taskId: string): Promise<InspectionRecordTable[]> {
  return db
    .selectFrom('inspection_record')
    .selectAll()
    .where(enterpriseBesideKey(db, 'enterprise_id'), '=', enterpriseId)
    .where('task_id', '=', taskId)
    .orderBy('received_at')
    .orderBy('id')
    .execute();
}

export function findRecordsOfTaskByIds(db: Executor, enterpriseId: string, taskId: string, ids: string[]) {
  return db
    .selectFrom('inspection_record')
    .select(['id', 'item_id'])
    .where('enterprise_id', '=', enterpriseId)
    .where('task_id', '=', taskId)
    .where('id', 'in', ids)
    .execute();
}

/** Items of the task with at least one record (corrections keep an item answered). */
/** The hazards raised for FAIL records (a replayed submission answers them as the first answer did). */
export function listHazardsOfRecords(db: Executor, enterpriseId: string, recordIds: string[]): Promise<{ id: string; record_id: string | null }[]> {
  if (recordIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('hazard').select(['id', 'record_id']).where('enterprise_id', '=', enterpriseId).where('record_id', 'in', recordIds).execute();
}

export function listRecordsOfSubmission(db: Executor, enterpriseId: string, submissionId: string): Promise<InspectionRecordTable[]> {
  return db
    .selectFrom('inspection_record')
    .selectAll()
    .where('enterprise_id', '=', enterpriseId)
    .where('submission_id', '=', submissionId)
    .orderBy('id')
    .execute();
}


const setTaskDoneQuery = precompiled(['enterpriseId', 'taskId', 'at', 'itemCount'], (db, p: { enterpriseId: string; taskId: string; at: string; itemCount: number }) =>
  db
    .updateTable('inspection_task')
    .set({ status: 'done', completed_at: p.at })
    .where('enterprise_id', '=', p.enterpriseId)
    .where('id', '=', p.taskId)
    .where('status', '!=', 'done')
    // Every item of the task has a result (records name only the task's items, checked on submission).
    .where((eb) =>
      eb(
        eb
          .selectFrom('inspection_record')
          .innerJoin('inspection_item', 'inspection_item.id', 'inspection_record.item_id')
          .select((e) => e.fn.count('inspection_record.item_id').distinct().as('answered'))
          .where('inspection_record.enterprise_id', '=', p.enterpriseId)
          .where('inspection_record.task_id', '=', p.taskId)
          .where((e) => taskItemsFilter(e as never)),
        '>=',
        p.itemCount,
      ),
    )
    .returning('id'),
);

/** Marks the task done if every one of its `itemCount` items has a result now; true if it did. */
export async function setTaskDoneIfComplete(db: Executor, enterpriseId: string, taskId: string, at: string, itemCount: number): Promise<boolean> {
  return (await setTaskDoneQuery(db, { enterpriseId, taskId, at, itemCount })).length > 0;
}

export function countLiveAttachments(db: Executor, enterpriseId: string, ids: string[]) {
  return db.selectFrom('attachment').select('id').where('enterprise_id', '=', enterpriseId).where('id', 'in', ids).execute();
}

/**
 * Open tasks of a place for one person, due soonest first: a post's own, or those whose items' risks
 * name the area or the equipment. One range of inspection_task_person_status_page_idx (enterprise,
 * person, 'open', window_end, id) in page order — a person's open tasks are the windows open now, a
 * handful — with the place checked on each in SQL; bounded by nature, the limit is a guard.
 */
export function listOpenTasksOfPlace(db: Executor, enterpriseId: string, personId: string, place: { kind: 'post' | 'area' | 'equipment'; id: string }) {
  let q = taskSelect(db, enterpriseId).where('inspection_task.responsible_person_id', '=', personId).where('inspection_task.status', '=', 'open');
  if (place.kind === 'post') q = q.where('inspection_task.post_id', '=', place.id);
  else {
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('inspection_item')
          .innerJoin('control_measure', 'control_measure.id', 'inspection_item.measure_id')
          .innerJoin('risk', 'risk.id', 'control_measure.risk_id')
          .select('inspection_item.id')
          .whereRef('inspection_item.post_id', '=', 'inspection_task.post_id')
          .whereRef('inspection_item.published_period', '=', 'inspection_task.period')
          .where('inspection_item.published_at', 'is not', null)
          .where((ib) =>
            place.kind === 'area' ? ib('risk.area_id', '=', place.id) : ib.and([ib('risk.object_kind', '=', 'equipment'), ib('risk.object_id', '=', place.id)]),
          ),
      ),
    );
  }
  return q.orderBy('inspection_task.window_end', 'asc').orderBy('inspection_task.id', 'asc').limit(200).execute();
}

export function countTasksByStatus(db: Executor, enterpriseId: string, from: string, to: string) {
  return db
    .selectFrom('inspection_task')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('enterprise_id', '=', enterpriseId)
    .where('window_end', '>=', from)
    .where('window_end', '<', to)
    .groupBy('status')
    .execute();
}

export function countRecords(db: Executor, enterpriseId: string, from: string, to: string) {
  return db
    .selectFrom('inspection_record')
    .select([(eb) => eb.fn.countAll<number>().as('total'), sql<number>`sum(is_late)`.as('late')])
    .where('enterprise_id', '=', enterpriseId)
    .where('received_at', '>=', from)
    .where('received_at', '<', to)
    .executeTakeFirst();
}

/** Open tasks and those missed in the window (due items); done ones are the records' business. */
export function listTaskWindows(db: Executor, enterpriseId: string, window: { from: string; to: string; personId?: string }) {
  let q = db
    .selectFrom('inspection_task')
    .innerJoin('post', 'post.id', 'inspection_task.post_id')
    .select(['inspection_task.id', 'inspection_task.period', 'inspection_task.window_end', 'inspection_task.status', 'inspection_task.responsible_person_id', 'post.name as post_name'])
    .where('inspection_task.enterprise_id', '=', enterpriseId)
    .where('inspection_task.window_end', '<=', window.to)
    .where((eb) =>
      eb.or([eb('inspection_task.status', '=', 'open'), eb.and([eb('inspection_task.status', '=', 'missed'), eb('inspection_task.window_end', '>=', window.from)])]),
    );
  if (window.personId) q = q.where('inspection_task.responsible_person_id', '=', window.personId);
  return q.orderBy('inspection_task.window_end').limit(2000).execute();
}
