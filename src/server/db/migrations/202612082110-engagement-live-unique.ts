import { type Kysely, sql } from 'kysely';
import { isSqlite } from '../text-search.js';

// An enterprise may engage a consultancy again after it ended the last engagement: one live (not
// ended) engagement per consultancy and enterprise, instead of one ever. The unique key becomes a
// partial unique index over the live engagements; two identical engagements at once still meet at it
// (409). Dialect branch: SQLite cannot drop a table's unique constraint, so the table is rebuilt there
// with its rows, its enterprise index and the references of the evidence tables unchanged (foreign
// key checks off during the rebuild, the SQLite way, and checked after it).
export async function up(db: Kysely<unknown>): Promise<void> {
  if (isSqlite(db)) {
    await rebuildSqliteEngagement(db);
  } else {
    await sql`alter table engagement drop constraint engagement_consultancy_enterprise_uq`.execute(db);
  }
  await db.schema.createIndex('engagement_live_uq').on('engagement').columns(['consultancy_id', 'enterprise_id']).unique().where(sql.ref('ended_at'), 'is', null).execute();
}

async function rebuildSqliteEngagement(db: Kysely<unknown>): Promise<void> {
  await sql`pragma foreign_keys = off`.execute(db);
  try {
    const { rows } = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(db);
    // Inside a transaction the pragma does nothing, and dropping the table would break its references.
    if (Number(rows[0]?.foreign_keys) !== 0) throw new Error('engagement rebuild: foreign key checks could not be turned off');
    await sql`begin`.execute(db);
    try {
      await db.schema
        .createTable('engagement_new')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('consultancy_id', 'text', (c) => c.notNull().references('consultancy.id'))
        .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
        .addColumn('team_user_ids', 'text', (c) => c.notNull())
        .addColumn('contract_start', 'text', (c) => c.notNull())
        .addColumn('contract_end', 'text', (c) => c.notNull())
        .addColumn('phase', 'integer', (c) => c.notNull())
        .addColumn('phase_started_at', 'text', (c) => c.notNull())
        .addColumn('completed_at', 'text')
        .addColumn('created_by_user_id', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('scope', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('ended_at', 'text')
        .addColumn('ended_by_user_id', 'text')
        .execute();
      const columns = sql.raw('id, consultancy_id, enterprise_id, team_user_ids, contract_start, contract_end, phase, phase_started_at, completed_at, created_by_user_id, created_at, scope, ended_at, ended_by_user_id');
      await sql`insert into engagement_new (${columns}) select ${columns} from engagement`.execute(db);
      await db.schema.dropTable('engagement').execute();
      await db.schema.alterTable('engagement_new').renameTo('engagement').execute();
      await db.schema.createIndex('engagement_enterprise_idx').on('engagement').columns(['enterprise_id']).execute();
      const broken = await sql`pragma foreign_key_check`.execute(db);
      if (broken.rows.length) throw new Error(`engagement rebuild: ${broken.rows.length} broken references`);
      await sql`commit`.execute(db);
    } catch (error) {
      await sql`rollback`.execute(db);
      throw error;
    }
  } finally {
    await sql`pragma foreign_keys = on`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('engagement_live_uq').execute();
  await db.schema.createIndex('engagement_consultancy_enterprise_uq').on('engagement').columns(['consultancy_id', 'enterprise_id']).unique().execute();
}
