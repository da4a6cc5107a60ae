/* The only file of the training feature that touches Kysely. Every query is scoped by enterprise. */
import { certificateStateSpan } from '../../../domain/training/training-status.js';
import { afterKey } from '../../db/keyset.js';
import { enterpriseBesideKey } from '../../db/text-search.js';
import type { Executor } from '../../db/with-transaction.js';
import type { CertificateTable, TrainingScoreTable, TrainingSessionTable } from '../../db/tables/training-tables.js';

export type SessionRow = TrainingSessionTable & { post_name: string | null };

export function insertSession(db: Executor, row: TrainingSessionTable) {
  return db.insertInto('training_session').values(row).execute();
}

/** A change of the date also moves the attendees' copy of it (a person's page order). */
export async function updateSession(db: Executor, enterpriseId: string, id: string, patch: Partial<TrainingSessionTable>) {
  await db.updateTable('training_session').set(patch).where('enterprise_id', '=', enterpriseId).where('id', '=', id).execute();
  if (patch.held_on !== undefined) {
    await db.updateTable('training_attendee').set({ held_on: patch.held_on }).where('enterprise_id', '=', enterpriseId).where('session_id', '=', id).execute();
  }
}

const sessionSelect = (db: Executor, enterpriseId: string) =>
  db
    .selectFrom('training_session as s')
    .leftJoin('post as p', (j) => j.onRef('p.id', '=', 's.post_id').onRef('p.enterprise_id', '=', 's.enterprise_id'))
    .selectAll('s')
    .select('p.name as post_name')
    .where('s.enterprise_id', '=', enterpriseId);

export function findSession(db: Executor, enterpriseId: string, id: string): Promise<SessionRow | undefined> {
  return sessionSelect(db, enterpriseId).where('s.id', '=', id).executeTakeFirst();
}

/**
 * Sessions newest first by (held_on, id). A page (`after`, `limit`) reads one range of
 * training_session_held_idx (a year is a range of it) or, by status, training_session_status_page_idx.
 * A person's sessions are read from their attendee rows, which carry the session's date:
 * one range of training_attendee_person_page_idx in the same order (a status with it is checked on
 * each of the person's sessions). Without a limit (the records, the register, due items) it reads at
 * most 2,000.
 */
export function listSessions(
  db: Executor,
  enterpriseId: string,
  q: { from?: string; to?: string; status?: string; personId?: string; after?: { at: string; id: string }; limit?: number },
): Promise<SessionRow[]> {
  if (q.personId) return listSessionsOfPerson(db, enterpriseId, q.personId, q);
  let query = sessionSelect(db, enterpriseId);
  if (q.after) query = query.where(afterKey('s.held_on', 's.id', q.after, 'desc'));
  if (q.from) query = query.where('s.held_on', '>=', q.from);
  if (q.to) query = query.where('s.held_on', '<=', q.to);
  if (q.status) query = query.where('s.status', '=', q.status);
  return query.orderBy('s.held_on', 'desc').orderBy('s.id', 'desc').limit(q.limit ?? 2000).execute();
}

function listSessionsOfPerson(
  db: Executor,
  enterpriseId: string,
  personId: string,
  q: { from?: string; to?: string; status?: string; after?: { at: string; id: string }; limit?: number },
): Promise<SessionRow[]> {
  let query = db
    .selectFrom('training_attendee as a')
    .innerJoin('training_session as s', (j) => j.onRef('s.id', '=', 'a.session_id').onRef('s.enterprise_id', '=', 'a.enterprise_id'))
    .leftJoin('post as p', (j) => j.onRef('p.id', '=', 's.post_id').onRef('p.enterprise_id', '=', 's.enterprise_id'))
    .selectAll('s')
    .select('p.name as post_name')
    .where('a.enterprise_id', '=', enterpriseId)
    .where('a.person_id', '=', personId);
  if (q.after) query = query.where(afterKey('a.held_on', 'a.session_id', q.after, 'desc'));
  if (q.from) query = query.where('a.held_on', '>=', q.from);
  if (q.to) query = query.where('a.held_on', '<=', q.to);
  if (q.status) query = query.where('s.status', '=', q.status);
  return query.orderBy('a.held_on', 'desc').orderBy('a.session_id', 'desc').limit(q.limit ?? 2000).execute();
}

/** The attendee rows carry the session's date (`heldOn`): a person's sessions page by it. */
export async function replaceAttendees(db: Executor, enterpriseId: string, session: { id: string; heldOn: string }, personIds: readonly string[]) {
  const sessionId = session.id;
  await db.deleteFrom('training_attendee').where(enterpriseBesideKey(db, 'enterprise_id'), '=', enterpriseId).where('session_id', '=', sessionId).execute();
  if (personIds.length) {
    await db
      .insertInto('training_attendee')
      .values(personIds.map((person_id) => ({ enterprise_id: enterpriseId, session_id: sessionId, person_id, held_on: session.heldOn })))
      .execute();
  }
}

export function listAttendees(db: Executor, enterpriseId: string, sessionIds: readonly string[]) {
  if (!sessionIds.length) return Promise.resolve([]);
  return db
    .selectFrom('training_attendee as a')
    .innerJoin('person as p', 'p.id', 'a.person_id')
    .select(['a.session_id', 'a.person_id', 'p.name as person_name'])
    .where(enterpriseBesideKey(db, 'a.enterprise_id'), '=', enterpriseId)
    .where('a.session_id', 'in', sessionIds)
    .orderBy('p.name')
    .execute();
}

export function insertScore(db: Executor, row: TrainingScoreTable) {
  return db.insertInto('training_score').values(row).execute();
}

/** Every score row of the sessions, oldest first: the last one of a (session, person) counts. */
export function listScores(db: Executor, enterpriseId: string, sessionIds: readonly string[]) {
  if (!sessionIds.length) return Promise.resolve([]);
  return db
    .selectFrom('training_score')
    .select(['session_id', 'person_id', 'score', 'recorded_at', 'id'])
    .where('enterprise_id', '=', enterpriseId)
    .where('session_id', 'in', sessionIds)
    .orderBy('recorded_at')
    .orderBy('id')
    .execute();
}

export type CertificateRow = CertificateTable & { person_name: string };

const certificateSelect = (db: Executor, enterpriseId: string) =>
  db
    .selectFrom('certificate as c')
    .innerJoin('person as p', 'p.id', 'c.person_id')
    .selectAll('c')
    .select('p.name as person_name')
    .where('c.enterprise_id', '=', enterpriseId)
    .where('c.archived_at', 'is', null);

type CertificateDates = Pick<CertificateTable, 'expires_on' | 'review_due_on'>;

/** The stored state columns of a certificate with these dates on the enterprise's `today`. */
export function certificateStateColumns(dates: CertificateDates, today: string): Pick<CertificateTable, 'state' | 'state_from' | 'state_until'> {
  const span = certificateStateSpan({ expiresOn: dates.expires_on, reviewDueOn: dates.review_due_on }, today);
  return { state: span.state, state_from: span.from, state_until: span.until };
}

export function insertCertificate(db: Executor, row: Omit<CertificateTable, 'state' | 'state_from' | 'state_until'>, today: string) {
  return db.insertInto('certificate').values({ ...row, ...certificateStateColumns(row, today) }).execute();
}

/** A change of the dates (given both, as they will be) recomputes the stored state. */
export function updateCertificate(db: Executor, enterpriseId: string, id: string, patch: Partial<CertificateTable>, dates: { after: CertificateDates; today: string }) {
  return db
    .updateTable('certificate')
    .set({ ...patch, ...certificateStateColumns(dates.after, dates.today) })
    .where('enterprise_id', '=', enterpriseId)
    .where('id', '=', id)
    .execute();
}

/**
 * Recomputes the stored state of the enterprise's certificates whose span does not hold `today` (an
 * index range each of certificate_state_{until,from}_idx: usually none; on a day a state turns, those
 * that turn). The register's state filter calls it before reading.
 */
export async function refreshCertificateStates(db: Executor, enterpriseId: string, today: string): Promise<number> {
  const stale = await db
    .selectFrom('certificate')
    .select(['id', 'expires_on', 'review_due_on'])
    .where('enterprise_id', '=', enterpriseId)
    .where('state_until', '<=', today)
    .unionAll(db.selectFrom('certificate').select(['id', 'expires_on', 'review_due_on']).where('enterprise_id', '=', enterpriseId).where('state_from', '>', today))
    .execute();
  for (const row of stale) {
    await db.updateTable('certificate').set(certificateStateColumns(row, today)).where('enterprise_id', '=', enterpriseId).where('id', '=', row.id).execute();
  }
  return stale.length;
}

export function findCertificate(db: Executor, enterpriseId: string, id: string): Promise<CertificateRow | undefined> {
  return certificateSelect(db, enterpriseId).where('c.id', '=', id).executeTakeFirst();
}

/**
 * A page of the register, newest registered first by (created_at, id): one range of
 * certificate_list_idx, certificate_person_page_idx for one person, or certificate_state_page_idx for
 * one state — the stored state, so refreshCertificateStates(today) first.
 */
export function listCertificatePage(
  db: Executor,
  enterpriseId: string,
  q: { personId?: string; state?: string; after?: { at: string; id: string }; limit: number },
): Promise<CertificateRow[]> {
  let query = certificateSelect(db, enterpriseId);
  if (q.personId) query = query.where('c.person_id', '=', q.personId);
  if (q.state) query = query.where('c.state', '=', q.state);
  if (q.after) query = query.where(afterKey('c.created_at', 'c.id', q.after, 'desc'));
  return query.orderBy('c.created_at', 'desc').orderBy('c.id', 'desc').limit(q.limit).execute();
}

/** Every certificate of the enterprise or of one person (its records, due items, the permit check). */
export function listCertificates(db: Executor, enterpriseId: string, q: { personId?: string } = {}): Promise<CertificateRow[]> {
  let query = certificateSelect(db, enterpriseId);
  if (q.personId) query = query.where('c.person_id', '=', q.personId);
  return query.orderBy('p.name').orderBy('c.issued_on').execute();
}

/** The people the enterprise view lists: active, with their org unit, posts (names, levels) and roles. */
export async function listPeopleFacts(db: Executor, enterpriseId: string, personId?: string) {
  let people = db
    .selectFrom('person as p')
    .leftJoin('org_unit as u', (j) => j.onRef('u.id', '=', 'p.org_unit_id').onRef('u.enterprise_id', '=', 'p.enterprise_id'))
    .select(['p.id', 'p.name', 'p.hire_date', 'p.is_contractor', 'u.name as org_unit_name'])
    .where('p.enterprise_id', '=', enterpriseId)
    .where('p.archived_at', 'is', null);
  if (personId) people = people.where('p.id', '=', personId);
  const rows = await people.orderBy('p.name').orderBy('p.id').execute();
  const ids = rows.map((r) => r.id);
  const posts = ids.length
    ? await db
        .selectFrom('person_post as pp')
        .innerJoin('post as po', 'po.id', 'pp.post_id')
        .select(['pp.person_id', 'po.name', 'po.level'])
        .where('pp.enterprise_id', '=', enterpriseId)
        // The posts of the enterprise first (post_list_idx), then their holders (person_post_post_idx):
        // person_post has no index led by enterprise_id, and was read whole.
        .where('po.enterprise_id', '=', enterpriseId)
        .where('po.archived_at', 'is', null)
        .execute()
    : [];
  const roles = ids.length
    ? await db.selectFrom('membership').select(['person_id', 'role']).where('enterprise_id', '=', enterpriseId).where('person_id', 'is not', null).execute()
    : [];
  return rows.map((r) => ({
    ...r,
    posts: posts.filter((p) => p.person_id === r.id),
    roles: roles.filter((m) => m.person_id === r.id).map((m) => m.role),
  }));
}

export function findEnterpriseIndustry(db: Executor, enterpriseId: string) {
  return db.selectFrom('enterprise').select(['industry', 'time_zone', 'name']).where('id', '=', enterpriseId).executeTakeFirstOrThrow();
}

export function personBelongs(db: Executor, enterpriseId: string, personIds: readonly string[]) {
  if (!personIds.length) return Promise.resolve([]);
  return db.selectFrom('person').select('id').where('enterprise_id', '=', enterpriseId).where('id', 'in', personIds).where('archived_at', 'is', null).execute();
}

/** The first signature shows the session took place. */
export function markSessionHeld(db: Executor, enterpriseId: string, id: string, at: string) {
  return db.updateTable('training_session').set({ status: 'held', updated_at: at }).where('enterprise_id', '=', enterpriseId).where('id', '=', id).where('status', '=', 'planned').execute();
}

export async function activePostExists(db: Executor, enterpriseId: string, postId: string): Promise<boolean> {
  const row = await db.selectFrom('post').select('id').where('enterprise_id', '=', enterpriseId).where('id', '=', postId).where('archived_at', 'is', null).executeTakeFirst();
  return Boolean(row);
}
