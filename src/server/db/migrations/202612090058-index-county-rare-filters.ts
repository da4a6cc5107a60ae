import { type Kysely, sql } from 'kysely';

// Issue 18 item 1: the county view's rare filters — stop-work in force, demonstration enterprise, open
// major hazard — were tested row by row: a page of the few matching enterprises walked the county's
// (or town's) index of the sort column past every other enterprise (10,000 enterprises in one county:
// PostgreSQL scanned and sorted the county, SQLite walked its whole index). One partial index per
// filter and sort column, holding only the matching rows, in page order: led by the county (the county
// view) and by the county and the town (a town's view). The predicates are the exact terms
// county.repository.ts writes (rareFilters), so both planners match them.
const rareFilters = {
  stop: 'stop_work_in_force > 0',
  demo: 'is_demonstration = 1',
  major: 'open_major_hazards > 0',
} as const;
const columns = ['name', 'open_hazards', 'overdue_hazards', 'open_major_hazards', 'sa_score', 'last_activity_at', 'supervision_grade'];

const names = () =>
  Object.entries(rareFilters).flatMap(([flag, predicate]) =>
    columns.flatMap((column) => [
      { name: `enterprise_indicator_${flag}_${column}_idx`, keys: ['county_code', column, 'enterprise_id'], predicate },
      { name: `enterprise_indicator_town_${flag}_${column}_idx`, keys: ['county_code', 'town_code', column, 'enterprise_id'], predicate },
    ]),
  );

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const { name, keys, predicate } of names()) {
    await sql`create index ${sql.id(name)} on enterprise_indicator (${sql.join(keys.map((k) => sql.id(k)))}) where ${sql.raw(predicate)}`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const { name } of names()) await db.schema.dropIndex(name).execute();
}
