import { sql } from 'kysely';
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Database } from '../../db/database.js';
import { afterKey } from '../../db/keyset.js';
import { preparedMarker } from '../../db/pg-prepared.js';
import { enterpriseColumn, isSqlite, searchPage, sqliteIndexedBy } from '../../db/text-search.js';
import type { Executor } from '../../db/with-transaction.js';

/** A worker's view (see hazard-read.service.ts): what they reported, what they own, and their posts' hazards. */
export interface WorkerScope {
  userId: string;
  personId: string | null;
  /** The posts the person holds, when known: the list then reads one index range per condition (workerPage). */
  postIds?: string[];
}

function visibleToWorker(eb: ExpressionBuilder<Database, 'hazard'>, enterpriseId: string, scope: WorkerScope) {
  const person = scope.personId;
  return eb.or([
    eb('hazard.reporter_user_id', '=', scope.userId),
    eb('hazard.rectifier_user_id', '=', scope.userId),
    ...(person
      ? [
          eb.exists(
            eb
              .selectFrom('rectification_plan')
              .select('rectification_plan.hazard_id')
              .whereRef('rectification_plan.hazard_id', '=', 'hazard.id')
              .where('rectification_plan.enterprise_id', '=', enterpriseId)
              .where('rectification_plan.owner_person_id', '=', person),
          ),
          eb('hazard.post_id', 'in', eb.selectFrom('person_post').select('person_post.post_id').where('person_post.enterprise_id', '=', enterpriseId).where('person_post.person_id', '=', person)),
        ]
      : []),
  ]);
}

export interface HazardFilter {
  status?: string;
  grade?: string;
  postId?: string;
  areaId?: string;
  /** true: deadline passed and still owed; false: not overdue. */
  overdue?: boolean;
  now: string;
  from?: string;
  to?: string;
  q?: string;
  /** Only hazards this user reported. */
  reportedBy?: string;
  /** Set for workers: only what they may see. */
  workerScope?: WorkerScope;
  after?: { at: string; id: string };
  limit: number;
}

const finished = ['closed', 'rejected'];
/** Still owed (not closed, not rejected): the WHERE of the partial index hazard_owed_page_idx, verbatim. */
const owedLiteral = sql<SqlBool>`hazard.status not in ('closed', 'rejected')`;

/** The filtered list, newest first, keyset-paged on (created_at, id) — never OFFSET, never a count. */
export function listHazardRows(db: Executor, enterpriseId: string, f: HazardFilter): Promise<HazardRow[]> {
  const q = f.q;
  if (!q) return hazardPage(db, enterpriseId, f);
  // Literal, case-insensitive for Latin letters, through the full-text index (db/text-search.ts).
  return searchPage({
    db,
    table: 'hazard',
    enterpriseId,
    text: q,
    order: 'desc',
    after: f.after,
    limit: f.limit,
    page: (match, bound, limit, byRowid) => hazardPage(db, enterpriseId, { ...f, limit }, match, bound, byRowid),
  });
}

/** The hazard with the names of its post, area and reporter: the row the list and the detail read. */
function selectHazardRow(db: Executor, from: 'hazard' = 'hazard') {
  return db
    .selectFrom(from)
    .leftJoin('post', 'post.id', 'hazard.post_id')
    .leftJoin('area', 'area.id', 'hazard.area_id')
    .leftJoin('person as reporter_person', 'reporter_person.id', 'hazard.reporter_person_id')
    .leftJoin('user as reporter_user', 'reporter_user.id', 'hazard.reporter_user_id')
    .selectAll('hazard')
    .select(['post.name as post_name', 'area.name as area_name', 'reporter_person.name as reporter_person_name', 'reporter_user.display_name as reporter_user_name']);
}

function pageQuery(db: Executor, enterpriseId: string, f: HazardFilter, match?: Expression<SqlBool>, bound?: Expression<SqlBool>, byRowid?: boolean) {
  // Overdue alone: the owed hazards in page order, their deadline tested in the index (migration
  // 202612100100). SQLite, without statistics, prices that wider index above the page index for a
  // deep page and would walk every hazard: INDEXED BY names it there. Any other filter, a search or a
  // worker's view keeps the planner's choice.
  const owedOnly = f.overdue === true && !match && !f.status && !f.grade && !f.postId && !f.areaId && !f.reportedBy && !f.workerScope;
  let query = selectHazardRow(db, sqliteIndexedBy(db, 'hazard', 'hazard_owed_page_idx', owedOnly)).where(enterpriseColumn('hazard.enterprise_id', byRowid), '=', enterpriseId);
  if (f.status) query = query.where('hazard.status', '=', f.status);
  if (f.grade) query = query.where('hazard.grade', '=', f.grade);
  if (f.postId) query = query.where('hazard.post_id', '=', f.postId);
  if (f.areaId) query = query.where('hazard.area_id', '=', f.areaId);
  // Written with the literal list the partial index hazard_owed_page_idx is defined with: SQLite uses
  // a partial index only when the query repeats its WHERE terms, and a bound parameter does not.
  if (f.overdue === true) query = query.where(owedLiteral).where('hazard.deadline', 'is not', null).where('hazard.deadline', '<', f.now);
  if (f.overdue === false) {
    query = query.where((eb) => eb.or([eb('hazard.deadline', 'is', null), eb('hazard.deadline', '>=', f.now), eb('hazard.status', 'in', finished)]));
  }
  if (f.from) query = query.where('hazard.created_at', '>=', f.from);
  // A cursor before `to` already bounds the range from above: leave it the only upper bound, or
  // the database takes `to` for the index range and filters every row between it and the cursor.
  if (f.to && !(f.after && f.after.at < f.to)) query = query.where('hazard.created_at', '<', f.to);
  if (match) query = query.where(match);
  if (bound) query = query.where(bound);
  if (f.reportedBy) query = query.where('hazard.reporter_user_id', '=', f.reportedBy);
  if (f.after) {
    const { at, id } = f.after;
    query = query.where(afterKey('hazard.created_at', 'hazard.id', { at, id }, 'desc'));
  }
  return query.orderBy('hazard.created_at', 'desc').orderBy('hazard.id', 'desc');
}

function hazardPage(db: Executor, enterpriseId: string, f: HazardFilter, match?: Expression<SqlBool>, bound?: Expression<SqlBool>, byRowid?: boolean) {
  // What a worker reported is in their view: "reported by me" needs no scope on top.
  const scope = f.workerScope && f.reportedBy !== f.workerScope.userId ? f.workerScope : undefined;
  if (scope?.postIds) return workerPage(db, enterpriseId, { ...f, workerScope: scope }, scope.postIds, match, bound, byRowid);
  let query = pageQuery(db, enterpriseId, { ...f, workerScope: scope }, match, bound, byRowid);
  if (scope) query = query.where((eb) => visibleToWorker(eb, enterpriseId, scope));
  // The enterprise's page by its page indexes (no search, no one person's view): on PostgreSQL a
  // named statement, planned once (db/pg-prepared.ts), its LIMIT written out so the generic plan is
  // priced for a page. Not a search (its plan depends on its text), nor `reportedBy` / a worker's
  // scope (their generic plans join and sort all of a person's hazards; measured on the bench data).
  if (!match && !f.reportedBy && !scope) return query.modifyFront(preparedMarker).limit(sql.lit(Math.trunc(f.limit))).execute();
  return query.limit(f.limit).execute();
}
export type HazardRow = Awaited<ReturnType<ReturnType<typeof pageQuery>['execute']>>[number];

/**
 * A worker's page: the OR of visibleToWorker as a UNION ALL of one page per condition, each read in
 * page order from its own index range (reporter / rectifier page indexes, the post page index once per
 * post held, the plans the person owns through rectification_plan_owner_idx), then merged here: the
 * first `limit` of the union are among the first `limit` of each part. One statement; the same rows
 * as the OR, which as a filter walked the enterprise's whole list for a worker with few hazards.
 */
async function workerPage(db: Executor, enterpriseId: string, f: HazardFilter, postIds: string[], match?: Expression<SqlBool>, bound?: Expression<SqlBool>, byRowid?: boolean): Promise<HazardRow[]> {
  const scope = f.workerScope as WorkerScope;
  const person = scope.personId;
  type Part = (eb: ExpressionBuilder<Database, 'hazard'>) => Expression<SqlBool>;
  // Without planner statistics (the product never runs ANALYZE on SQLite) SQLite walks the owned-plans
  // part down hazard_list_idx, the enterprise's whole list in page order, testing each hazard against
  // the person's plans; with the enterprise not an index bound there it reads the person's plans
  // through rectification_plan_owner_idx and each hazard by its id, then sorts those few.
  const ownedPart = person ? 2 + new Set(postIds).size : -1;
  const parts: Part[] = [(eb) => eb('hazard.reporter_user_id', '=', scope.userId), (eb) => eb('hazard.rectifier_user_id', '=', scope.userId)];
  for (const postId of new Set(postIds)) parts.push((eb) => eb('hazard.post_id', '=', postId));
  if (person) {
    parts.push((eb) =>
      eb('hazard.id', 'in', eb.selectFrom('rectification_plan').select('rectification_plan.hazard_id').where('rectification_plan.enterprise_id', '=', enterpriseId).where('rectification_plan.owner_person_id', '=', person)),
    );
  }
  const unbound = (i: number) => byRowid || (i === ownedPart && isSqlite(db));
  const page = (part: Part, i: number) => db.selectFrom(pageQuery(db, enterpriseId, f, match, bound, unbound(i)).where(part).limit(f.limit).as(`part${i}`)).selectAll();
  const [first, ...rest] = parts.map(page);
  let union = first as ReturnType<typeof page>;
  for (const next of rest) union = union.unionAll(next);
  const seen = new Set<string>();
  const rows = (await union.execute()).filter((r) => !seen.has(r.id) && seen.add(r.id));
  rows.sort((a, b) => (a.created_at === b.created_at ? (a.id < b.id ? 1 : -1) : a.created_at < b.created_at ? 1 : -1));
  return rows.slice(0, f.limit);
}

export function findHazardRow(db: Executor, enterpriseId: string, hazardId: string, workerScope?: WorkerScope): Promise<HazardRow | undefined> {
  let query = selectHazardRow(db).where('hazard.enterprise_id', '=', enterpriseId).where('hazard.id', '=', hazardId);
  if (workerScope) query = query.where((eb) => visibleToWorker(eb, enterpriseId, workerScope));
  return query.executeTakeFirst();
}

/** Ledger rows: the hazard with its plan, owner and acceptance (the last accept event). */
export async function listLedgerExtras(db: Executor, enterpriseId: string, hazardIds: string[]) {
  if (!hazardIds.length) return { plans: [], accepts: [], submits: [], stopWorks: [] };
  const plans = await db
    .selectFrom('rectification_plan')
    .leftJoin('person', 'person.id', 'rectification_plan.owner_person_id')
    .select(['rectification_plan.hazard_id', 'rectification_plan.measure', 'rectification_plan.funds_cny', 'rectification_plan.deadline', 'rectification_plan.interim_measure', 'person.name as owner_name'])
    .where('rectification_plan.enterprise_id', '=', enterpriseId)
    .where('rectification_plan.hazard_id', 'in', hazardIds)
    .execute();
  const accepts = await db
    .selectFrom('hazard_event')
    .leftJoin('user', 'user.id', 'hazard_event.actor_user_id')
    .select(['hazard_event.hazard_id', 'hazard_event.at', 'user.display_name as actor_name'])
    .where('hazard_event.enterprise_id', '=', enterpriseId)
    .where('hazard_event.hazard_id', 'in', hazardIds)
    .where('hazard_event.action', '=', 'accept')
    .execute();
  // Issue 8 §7: the "after" photos travel in the submit events (latest last).
  const submits = await db
    .selectFrom('hazard_event')
    .select(['hazard_event.hazard_id', 'hazard_event.at', 'hazard_event.id', 'hazard_event.data'])
    .where('hazard_event.enterprise_id', '=', enterpriseId)
    .where('hazard_event.hazard_id', 'in', hazardIds)
    .where('hazard_event.action', '=', 'submit')
    .orderBy('hazard_event.at')
    .orderBy('hazard_event.id')
    .execute();
  // Issue 9 §10: 停产撤人 in the ledger.
  const stopWorks = await db
    .selectFrom('stop_work')
    .select(['stop_work.hazard_id', 'stop_work.stopped_at', 'stop_work.people_withdrawn', 'stop_work.lifted_at'])
    .where('stop_work.enterprise_id', '=', enterpriseId)
    .where('stop_work.hazard_id', 'in', hazardIds)
    .orderBy('stop_work.stopped_at')
    .execute();
  return { plans, accepts, submits, stopWorks };
}

/** Facts for the period statistics: hazards found or closed in [start, end). */
export function listStatisticsFacts(db: Executor, enterpriseId: string, start: string, end: string) {
  return db
    .selectFrom('hazard')
    .leftJoin('rectification_plan', 'rectification_plan.hazard_id', 'hazard.id')
    .select(['hazard.grade', 'hazard.status', 'hazard.created_at', 'hazard.closed_at', 'hazard.deadline', 'rectification_plan.funds_cny'])
    .where('hazard.enterprise_id', '=', enterpriseId)
    .where((eb) => eb.or([eb.and([eb('hazard.created_at', '>=', start), eb('hazard.created_at', '<', end)]), eb.and([eb('hazard.closed_at', '>=', start), eb('hazard.closed_at', '<', end)])]))
    .execute();
}

/** Hazards owed with a deadline before `before` (overdue candidates and near deadlines). */
export function listOwedWithDeadlineBefore(db: Executor, enterpriseId: string, before: string) {
  return db
    .selectFrom('hazard')
    .select(['id', 'status', 'deadline', 'escalation_tier', 'overdue_at', 'description', 'post_id'])
    .where('enterprise_id', '=', enterpriseId)
    .where('status', 'not in', finished)
    .where('deadline', 'is not', null)
    .where('deadline', '<', before)
    .execute();
}

/** The overdue flag is set once per deadline: a conditional update makes two runs at once harmless. */
export async function markOverdue(db: Executor, enterpriseId: string, hazardId: string, deadline: string, tier: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('hazard')
    .set({ overdue_at: at, escalation_tier: tier, updated_at: at })
    .where('enterprise_id', '=', enterpriseId)
    .where('id', '=', hazardId)
    .where('deadline', '=', deadline)
    .where('overdue_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Enterprises with an owed hazard whose deadline falls before `before` (the overdue job's work list). */
export async function listEnterprisesWithDeadlinesBefore(db: Executor, before: string): Promise<string[]> {
  const rows = await db
    .selectFrom('hazard')
    .select('enterprise_id')
    .distinct()
    .where('status', 'not in', finished)
    .where('deadline', 'is not', null)
    .where('deadline', '<', before)
    .execute();
  return rows.map((r) => r.enterprise_id);
}

/** Hazards with a rectification deadline up to `to`: owed ones whatever their date, finished ones from `from` (due items). */
export function listDeadlines(db: Executor, enterpriseId: string, window: { from: string; to: string; ownerPersonId?: string }) {
  let q = db
    .selectFrom('hazard')
    .leftJoin('rectification_plan', 'rectification_plan.hazard_id', 'hazard.id')
    .select(['hazard.id', 'hazard.status', 'hazard.deadline', 'hazard.description', 'rectification_plan.owner_person_id'])
    .where('hazard.enterprise_id', '=', enterpriseId)
    .where('hazard.deadline', 'is not', null)
    .where('hazard.deadline', '<=', window.to)
    .where((eb) => eb.or([eb('hazard.status', 'not in', finished), eb('hazard.deadline', '>=', window.from)]));
  if (window.ownerPersonId) q = q.where('rectification_plan.owner_person_id', '=', window.ownerPersonId);
  return q.orderBy('hazard.deadline').limit(2000).execute();
}

/** Hazards still owed: major ones, and those past their deadline at `now` (self-assessment evidence). */
export async function countOwedHazards(db: Executor, enterpriseId: string, now: string): Promise<{ open: number; openMajor: number; overdue: number }> {
  const row = await db
    .selectFrom('hazard')
    .select((eb) => [
      eb.fn.countAll<number>().as('open'),
      eb.fn.sum<number>(eb.case().when('grade', '=', 'major').then(1).else(0).end()).as('open_major'),
      eb.fn.sum<number>(eb.case().when(eb.and([eb('deadline', 'is not', null), eb('deadline', '<', now)])).then(1).else(0).end()).as('overdue'),
    ])
    .where('enterprise_id', '=', enterpriseId)
    .where('status', 'not in', finished)
    .executeTakeFirst();
  return { open: Number(row?.open ?? 0), openMajor: Number(row?.open_major ?? 0), overdue: Number(row?.overdue ?? 0) };
}

/** Stop-work orders (停产停业) not yet lifted. */
export async function countStopWorkInForce(db: Executor, enterpriseId: string): Promise<number> {
  const row = await db.selectFrom('stop_work').select((eb) => eb.fn.countAll<number>().as('n')).where('enterprise_id', '=', enterpriseId).where('lifted_at', 'is', null).executeTakeFirst();
  return Number(row?.n ?? 0);
}
