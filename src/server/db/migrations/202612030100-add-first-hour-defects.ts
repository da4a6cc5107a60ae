import { type Kysely, sql } from 'kysely';

// Issue 8 §9, defects seen in the first hour.
// - A photo sent twice when 发送 is tapped before its upload ends: the phone names each photo with a
//   client key; the second upload of the same key answers the first attachment (one row, no orphan).
// - Duplicate area names were accepted silently: one live area per name and enterprise. Areas that
//   already share a name keep the oldest name; the others get " (2)", " (3)" … so the index can exist.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('attachment').addColumn('client_key', 'text').execute();
  await db.schema.createIndex('attachment_client_key_uq').on('attachment').columns(['enterprise_id', 'client_key']).unique().where(sql.ref('client_key'), 'is not', null).execute();

  const rows = await sql<{ id: string; enterprise_id: string; name: string }>`
    select id, enterprise_id, name from area where archived_at is null order by enterprise_id, name, created_at, id`.execute(db);
  const seen = new Map<string, number>();
  for (const r of rows.rows) {
    const key = `${r.enterprise_id}\u0000${r.name}`;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    if (n > 1) await sql`update area set name = ${`${r.name} (${n})`} where id = ${r.id}`.execute(db);
  }
  await db.schema.createIndex('area_live_name_uq').on('area').columns(['enterprise_id', 'name']).unique().where(sql.ref('archived_at'), 'is', null).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('area_live_name_uq').execute();
  await db.schema.dropIndex('attachment_client_key_uq').execute();
  await db.schema.alterTable('attachment').dropColumn('client_key').execute();
}
