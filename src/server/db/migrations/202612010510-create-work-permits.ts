import type { Kysely } from 'kysely';

// Hazardous-work permits with 一备三查 (seed 003 附件2, issue 11 §3). The permit's content is fixed
// once issued (a correction is a cancellation and a new permit); its state changes are events
// (insert-only), like its gas readings and each worker's four checks. Signatures are sign_off rows.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('work_permit')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('work_type', 'text', (c) => c.notNull())
    .addColumn('grade', 'text')
    .addColumn('content', 'text', (c) => c.notNull()) // 危险作业内容
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('area_id', 'text', (c) => c.references('area.id'))
    .addColumn('post_id', 'text', (c) => c.references('post.id'))
    .addColumn('window_start', 'text', (c) => c.notNull())
    .addColumn('window_end', 'text', (c) => c.notNull())
    .addColumn('worker_ids', 'text', (c) => c.notNull()) // JSON array of person ids
    .addColumn('guardian_person_id', 'text', (c) => c.notNull().references('person.id'))
    .addColumn('approver_person_id', 'text', (c) => c.notNull().references('person.id'))
    .addColumn('risks', 'text', (c) => c.notNull()) // JSON array of texts
    .addColumn('accident_seqs', 'text', (c) => c.notNull()) // JSON array of seed 003 numbers (1–20)
    .addColumn('scenes', 'text', (c) => c.notNull()) // 易出事故场景
    .addColumn('measures', 'text', (c) => c.notNull()) // JSON [{ text, responsiblePersonId }]
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('issued_by_user_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text')
    .addColumn('ended_at', 'text')
    .execute();
  await db.schema.createIndex('work_permit_list_idx').on('work_permit').columns(['enterprise_id', 'created_at', 'id']).execute();

  await db.schema
    .createTable('work_permit_event')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('permit_id', 'text', (c) => c.notNull().references('work_permit.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('data', 'text')
    .execute();
  await db.schema.createIndex('work_permit_event_permit_idx').on('work_permit_event').columns(['permit_id', 'at']).execute();

  await db.schema
    .createTable('work_permit_gas_reading')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('permit_id', 'text', (c) => c.notNull().references('work_permit.id'))
    .addColumn('point', 'text', (c) => c.notNull())
    .addColumn('substance', 'text', (c) => c.notNull())
    .addColumn('value', 'real', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('is_pass', 'integer', (c) => c.notNull())
    .addColumn('measured_at', 'text', (c) => c.notNull())
    .addColumn('tester_person_id', 'text', (c) => c.notNull().references('person.id'))
    .addColumn('recorded_by_user_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('work_permit_gas_permit_idx').on('work_permit_gas_reading').columns(['permit_id', 'measured_at']).execute();

  await db.schema
    .createTable('work_permit_prework')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('permit_id', 'text', (c) => c.notNull().references('work_permit.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('person.id'))
    .addColumn('checks', 'text', (c) => c.notNull()) // JSON array of check codes ticked
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('recorded_by_user_id', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('work_permit_prework_permit_idx').on('work_permit_prework').columns(['permit_id', 'person_id', 'recorded_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['work_permit_prework', 'work_permit_gas_reading', 'work_permit_event', 'work_permit']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
