import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import type { Kysely } from 'kysely';
import type { Database } from '../database.js';
import { refreshCertificateStates } from '../../modules/training/training.repository.js';

// Issue 18 item 1: the certificate register filtered by state (valid, expiring, review due, review
// overdue, expired) walked the enterprise's certificates and tested each one's dates. The state turns
// with the day, so the row keeps it with the days it holds on ([state_from, state_until), see
// certificateStateSpan): a state page is one range of certificate_state_page_idx, and a read first
// recomputes the few rows whose span the day has left (the two span indexes). Backfilled here for
// each enterprise's today, by the same repository function.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('certificate').addColumn('state', 'text', (c) => c.notNull().defaultTo('valid')).execute();
  await db.schema.alterTable('certificate').addColumn('state_from', 'text').execute();
  // '' is before every day: each existing row is out of its span until the backfill below.
  await db.schema.alterTable('certificate').addColumn('state_until', 'text', (c) => c.defaultTo('')).execute();
  await db.schema.createIndex('certificate_state_page_idx').on('certificate').columns(['enterprise_id', 'state', 'created_at', 'id']).execute();
  await db.schema.createIndex('certificate_state_until_idx').on('certificate').columns(['enterprise_id', 'state_until']).execute();
  await db.schema.createIndex('certificate_state_from_idx').on('certificate').columns(['enterprise_id', 'state_from']).execute();
  await backfillCertificateStates(db as unknown as Kysely<Database>, new Date());
}

export async function backfillCertificateStates(db: Kysely<Database>, now: Date): Promise<void> {
  const enterprises = await db
    .selectFrom('enterprise')
    .select(['id', 'time_zone'])
    .where((eb) => eb.exists(eb.selectFrom('certificate').select('certificate.id').whereRef('certificate.enterprise_id', '=', 'enterprise.id')))
    .execute();
  for (const e of enterprises) await refreshCertificateStates(db, e.id, format(new TZDate(now.getTime(), e.time_zone), 'yyyy-MM-dd'));
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const index of ['certificate_state_page_idx', 'certificate_state_until_idx', 'certificate_state_from_idx']) await db.schema.dropIndex(index).execute();
  for (const column of ['state_until', 'state_from', 'state']) await db.schema.alterTable('certificate').dropColumn(column).execute();
}
