import { type Kysely, sql, type SqlBool } from 'kysely';
import { signatureInForce } from '../../platform/sign-off/sign-off.repository.js';

// Issue 18 item 1: the enterprise's visits waiting for its confirmation (GET /engagement-visits?pending)
// were the enterprise's visits walked in page order, each checked against sign_off. The visit now carries
// its confirmation (`is_confirmed`, kept by the visit's afterSign hook with sign-off's one in-force
// predicate, and backfilled here with the same predicate), and a partial index holds the pending ones in
// page order. The subject and role are the visit's ('engagement-visit', 'enterprise').
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('engagement_visit').addColumn('is_confirmed', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await backfillVisitConfirmation(db);
  await db.schema
    .createIndex('engagement_visit_pending_page_idx')
    .on('engagement_visit')
    .columns(['enterprise_id', 'visited_on', 'id'])
    .where(sql.raw<SqlBool>('is_confirmed = 0'))
    .execute();
}

export async function backfillVisitConfirmation(db: Kysely<unknown>): Promise<void> {
  const inForce = signatureInForce({
    enterpriseId: sql.ref('engagement_visit.enterprise_id'),
    subjectType: 'engagement-visit',
    subjectId: sql.ref('engagement_visit.id'),
    role: 'enterprise',
  });
  await sql`update engagement_visit set is_confirmed = case when ${inForce} then 1 else 0 end`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('engagement_visit_pending_page_idx').execute();
  await db.schema.alterTable('engagement_visit').dropColumn('is_confirmed').execute();
}
