/* The only Kysely user of document control: controlled_document, its versions and distribution. */
import type { Expression, SqlBool } from 'kysely';
import type { Executor } from '../../db/with-transaction.js';
import { afterKey } from '../../db/keyset.js';
import { enterpriseBesideKey, enterpriseColumn, searchPage } from '../../db/text-search.js';
import type { ControlledDocumentVersionTable } from '../../db/tables/document-tables.js';

export async function findDocument(db: Executor, enterpriseId: string, id: string) {
  return db
    .selectFrom('controlled_document as d')
    .leftJoin('person as p', 'p.id', 'd.owner_person_id')
    .selectAll('d')
    .select('p.name as owner_name')
    .where('d.enterprise_id', '=', enterpriseId)
    .where('d.id', '=', id)
    .executeTakeFirst();
}
export type DocumentRow = NonNullable<Awaited<ReturnType<typeof findDocument>>>;

export async function versionsOf(db: Executor, enterpriseId: string, documentId: string) {
  return db
    .selectFrom('controlled_document_version as v')
    .leftJoin('user as u', 'u.id', 'v.approved_by_user_id')
    .selectAll('v')
    .select('u.display_name as approved_by_name')
    .where('v.enterprise_id', '=', enterpriseId)
    .where('v.document_id', '=', documentId)
    .orderBy('v.version_no', 'desc')
    .execute();
}
export type VersionRow = Awaited<ReturnType<typeof versionsOf>>[number];

export async function distributionOf(db: Executor, enterpriseId: string, documentId: string) {
  return db
    .selectFrom('controlled_document_distribution as x')
    .innerJoin('post as p', 'p.id', 'x.post_id')
    .select(['p.id', 'p.name'])
    .where(enterpriseBesideKey(db, 'x.enterprise_id'), '=', enterpriseId)
    .where('x.document_id', '=', documentId)
    .orderBy('p.name')
    .execute();
}

/** One page, newest first; `q` searches number, title and the newest version's text (db/text-search.ts). */
export async function listDocumentRows(db: Executor, enterpriseId: string, q: DocumentListFilter) {
  const text = q.q;
  if (!text) return documentPage(db, enterpriseId, q);
  return searchPage({
    db,
    table: 'controlled_document',
    enterpriseId,
    text,
    order: 'desc',
    after: q.after,
    limit: q.limit,
    page: (match, bound, limit, byRowid) => documentPage(db, enterpriseId, { ...q, limit }, match, bound, byRowid),
  });
}

interface DocumentListFilter {
  type?: string;
  q?: string;
  after?: { at: string; id: string };
  limit: number;
}

function documentPage(db: Executor, enterpriseId: string, q: DocumentListFilter, match?: Expression<SqlBool>, bound?: Expression<SqlBool>, byRowid?: boolean) {
  let query = db.selectFrom('controlled_document').selectAll().where(enterpriseColumn('enterprise_id', byRowid), '=', enterpriseId);
  if (q.type) query = query.where('type', '=', q.type);
  if (match) query = query.where(match);
  if (bound) query = query.where(bound);
  if (q.after) query = query.where(afterKey('created_at', 'id', q.after, 'desc'));
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(q.limit).execute();
}

/** One page of the legal register, oldest first, on legal_requirement_list_idx (list-plans.int.test.ts). */
export function listLegalRequirementRows(db: Executor, enterpriseId: string, q: { includeArchived?: boolean; after?: { at: string; id: string }; limit: number }) {
  let query = db.selectFrom('legal_requirement').select(['id', 'created_at']).where('enterprise_id', '=', enterpriseId);
  if (!q.includeArchived) query = query.where('archived_at', 'is', null);
  if (q.after) query = query.where(afterKey('created_at', 'id', q.after, 'asc'));
  return query.orderBy('created_at', 'asc').orderBy('id', 'asc').limit(q.limit).execute();
}

/** Per document: its current and draft versions, and how many posts it is distributed to. */
export async function listSummaries(db: Executor, enterpriseId: string, documentIds: string[]) {
  if (!documentIds.length) return { versions: [], posts: [] };
  const [versions, posts] = await Promise.all([
    db
      .selectFrom('controlled_document_version')
      .select(['document_id', 'version_no', 'status', 'issued_on'])
      .where('enterprise_id', '=', enterpriseId)
      .where('document_id', 'in', documentIds)
      .where('status', 'in', ['approved', 'draft'])
      .execute(),
    db
      .selectFrom('controlled_document_distribution')
      .select(['document_id', (eb) => eb.fn.countAll<string | number>().as('n')])
      .where(enterpriseBesideKey(db, 'enterprise_id'), '=', enterpriseId)
      .where('document_id', 'in', documentIds)
      .groupBy('document_id')
      .execute(),
  ]);
  return { versions, posts };
}

/** The current versions of the documents distributed to a post (withdrawn documents have none). */
export async function currentDocumentsOfPost(db: Executor, enterpriseId: string, postId: string) {
  return db
    .selectFrom('controlled_document_distribution as x')
    .innerJoin('controlled_document as d', 'd.id', 'x.document_id')
    .innerJoin('controlled_document_version as v', (j) => j.onRef('v.document_id', '=', 'd.id').on('v.status', '=', 'approved'))
    .select(['d.id as document_id', 'd.number', 'd.title', 'd.type', 'v.id as version_id', 'v.version_no', 'v.issued_on', 'v.file_path'])
    .where('x.enterprise_id', '=', enterpriseId)
    .where('x.post_id', '=', postId)
    .where('d.withdrawn_at', 'is', null)
    .orderBy('d.number')
    .execute();
}

export async function insertVersion(db: Executor, row: ControlledDocumentVersionTable) {
  await db.insertInto('controlled_document_version').values(row).execute();
  await setSearchText(db, row.enterprise_id, row.document_id, row.content);
}

/**
 * Keeps the document's searched text (content_text) to its newest version's headings: called with
 * every version inserted and every draft saved (the newest version is the one being written).
 */
export async function setSearchText(db: Executor, enterpriseId: string, documentId: string, contentJson: string) {
  const content = JSON.parse(contentJson) as Record<string, unknown>;
  const text = Object.values(content)
    .filter((v): v is string => typeof v === 'string' && v !== '')
    .join('\n');
  await db.updateTable('controlled_document').set({ content_text: text }).where('enterprise_id', '=', enterpriseId).where('id', '=', documentId).execute();
}

export async function livePostIds(db: Executor, enterpriseId: string, ids: string[]) {
  if (!ids.length) return [];
  return (await db.selectFrom('post').select('id').where('enterprise_id', '=', enterpriseId).where('archived_at', 'is', null).where('id', 'in', ids).execute()).map((r) => r.id);
}

export async function livePersonExists(db: Executor, enterpriseId: string, personId: string) {
  return Boolean(await db.selectFrom('person').select('id').where('enterprise_id', '=', enterpriseId).where('archived_at', 'is', null).where('id', '=', personId).executeTakeFirst());
}

export async function enterpriseBasics(db: Executor, enterpriseId: string) {
  return db.selectFrom('enterprise').select(['name', 'principal_name', 'time_zone']).where('id', '=', enterpriseId).executeTakeFirst();
}

/** Documents in force with a review date, for the due items. */
export async function documentsWithReviewDates(db: Executor, enterpriseId: string) {
  return db
    .selectFrom('controlled_document')
    .select(['id', 'number', 'title', 'review_due_on', 'owner_person_id'])
    .where('enterprise_id', '=', enterpriseId)
    .where('withdrawn_at', 'is', null)
    .where('review_due_on', 'is not', null)
    .execute();
}

/** Every document with its current version (if any), for the indicators. */
export async function documentCurrentRows(db: Executor, enterpriseId: string) {
  return db
    .selectFrom('controlled_document as d')
    .leftJoin('controlled_document_version as v', (j) => j.onRef('v.document_id', '=', 'd.id').on('v.status', '=', 'approved'))
    .select(['d.type', 'd.withdrawn_at', 'd.review_due_on', 'v.id as current_id', 'v.issued_on'])
    .where('d.enterprise_id', '=', enterpriseId)
    .execute();
}
