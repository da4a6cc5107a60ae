import { sql, type Kysely } from 'kysely';

// Nonconformities and corrective/preventive actions (issue 15 §4, seed 000 五(一)): one record kind
// for every source; its actions (per round: an ineffective check opens the next round), the risk
// check before implementing, the effectiveness checks (insert-only) and the hazards it raised.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('capa')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('source_kind', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text')
    .addColumn('source_label', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('owner_person_id', 'text', (c) => c.references('person.id'))
    .addColumn('root_cause_method', 'text')
    .addColumn('whys', 'text', (c) => c.notNull()) // JSON array
    .addColumn('fishbone', 'text', (c) => c.notNull()) // JSON object by category
    .addColumn('root_cause', 'text', (c) => c.notNull())
    .addColumn('verify_after_days', 'integer', (c) => c.notNull())
    .addColumn('risk_check', 'text') // JSON { newRisks, hasNewRisks, at, round, byUserId }
    .addColumn('check_due_on', 'text')
    .addColumn('escalated_key', 'text') // what was last escalated (idempotent job)
    .addColumn('created_by_user_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .execute();
  await db.schema.createIndex('capa_enterprise_idx').on('capa').columns(['enterprise_id', 'created_at', 'id']).execute();
  await db.schema.createIndex('capa_status_idx').on('capa').columns(['enterprise_id', 'status', 'created_at', 'id']).execute();
  // One record per source entry: the same finding or accident raised twice → the first record.
  await db.schema.createIndex('capa_source_uq').on('capa').columns(['enterprise_id', 'source_kind', 'source_id']).unique().where(sql.ref('source_id'), 'is not', null).execute();

  await db.schema
    .createTable('capa_action')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('capa_id', 'text', (c) => c.notNull().references('capa.id'))
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('is_preventive', 'integer', (c) => c.notNull())
    .addColumn('owner_person_id', 'text', (c) => c.notNull().references('person.id'))
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('done_at', 'text')
    .addColumn('done_note', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('capa_action_capa_idx').on('capa_action').columns(['enterprise_id', 'capa_id', 'created_at']).execute();

  await db.schema
    .createTable('capa_check')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('capa_id', 'text', (c) => c.notNull().references('capa.id'))
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('is_effective', 'integer', (c) => c.notNull())
    .addColumn('evidence', 'text', (c) => c.notNull())
    .addColumn('checked_by_user_id', 'text', (c) => c.notNull())
    .addColumn('checked_by_person_id', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  // One verdict per round: two checks at once → one lands, the other 409.
  await db.schema.createIndex('capa_check_round_uq').on('capa_check').columns(['capa_id', 'round']).unique().execute();

  await db.schema
    .createTable('capa_hazard')
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('capa_id', 'text', (c) => c.notNull().references('capa.id'))
    .addColumn('hazard_id', 'text', (c) => c.notNull().references('hazard.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('capa_hazard_pk', ['capa_id', 'hazard_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['capa_hazard', 'capa_check', 'capa_action', 'capa']) await db.schema.dropTable(t).execute();
}
