import type { Kysely } from 'kysely';

// Issue 18 item 1: the county view of one town (a town's regulator, or the county filtering by town)
// sorted by a figure. Only the name sort had a town index (enterprise_indicator_town_idx); every other
// sort walked the county's index of that column and dropped the other towns' rows (PostgreSQL, 10,000
// enterprises in 20 towns: ~1,000 rows read for a page of 51) or read the town's rows and sorted them
// (SQLite). One index per sort column led by the county and the town, ending in the page key.
const columns = ['open_hazards', 'overdue_hazards', 'open_major_hazards', 'sa_score', 'last_activity_at', 'supervision_grade'];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const column of columns) {
    await db.schema.createIndex(`enterprise_indicator_town_${column}_idx`).on('enterprise_indicator').columns(['county_code', 'town_code', column, 'enterprise_id']).execute();
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const column of columns) await db.schema.dropIndex(`enterprise_indicator_town_${column}_idx`).execute();
}
