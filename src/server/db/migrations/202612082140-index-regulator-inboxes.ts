import { type Kysely, sql } from 'kysely';

// Issue 18 item 1: the regulator's inboxes (GET /bureau-reports, GET /oversight/statistics) page newest
// first by keyset with an index led by the regulator's scope. The scope of an enterprise is its
// enterprise_indicator row's county and town (what the county view filters on); the inbox rows carry a
// copy, written by the insert and kept by upsertFigures / setAssignment (county.repository.ts). An
// enterprise without an indicator row is in no scope (null), as in the county view. The enterprise
// page indexes serve a regulator linked by membership (one range per linked enterprise).
const tables = [
  ['bureau_report', 'reported_at'],
  ['statistics_submission', 'submitted_at'],
] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [table, at] of tables) {
    await db.schema.alterTable(table).addColumn('county_code', 'text').execute();
    await db.schema.alterTable(table).addColumn('town_code', 'text').execute();
    await sql`update ${sql.table(table)} set
      county_code = (select i.county_code from enterprise_indicator i where i.enterprise_id = ${sql.table(table)}.enterprise_id),
      town_code = (select i.town_code from enterprise_indicator i where i.enterprise_id = ${sql.table(table)}.enterprise_id)`.execute(db);
    await db.schema.createIndex(`${table}_county_page_idx`).on(table).columns(['county_code', at, 'id']).execute();
    await db.schema.createIndex(`${table}_town_page_idx`).on(table).columns(['county_code', 'town_code', at, 'id']).execute();
    await db.schema.createIndex(`${table}_enterprise_page_idx`).on(table).columns(['enterprise_id', at, 'id']).execute();
  }
  // Its enterprise page index ends in the whole page key.
  await db.schema.dropIndex('bureau_report_enterprise_idx').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('bureau_report_enterprise_idx').on('bureau_report').columns(['enterprise_id', 'reported_at']).execute();
  for (const [table] of tables) {
    for (const index of ['county', 'town', 'enterprise']) await db.schema.dropIndex(`${table}_${index}_page_idx`).execute();
    await db.schema.alterTable(table).dropColumn('town_code').execute();
    await db.schema.alterTable(table).dropColumn('county_code').execute();
  }
}
