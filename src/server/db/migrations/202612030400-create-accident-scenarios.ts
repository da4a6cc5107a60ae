import type { Kysely } from 'kysely';

// 岗位"事故假想" (seed 003 附件1; issue 11 §2): one sheet per front-line post and year. The sheet
// row holds the current content and its revision number; every save also inserts the whole
// content as a revision row (insert-only history), and signatures (sign_off, subject
// 'accident-scenario') attest one revision, so a later edit needs signing again.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('accident_scenario')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('post_id', 'text', (c) => c.notNull().references('post.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('accident_seqs', 'text', (c) => c.notNull()) // JSON array of seed 003 numbers (1–20)
    .addColumn('scenes', 'text', (c) => c.notNull()) // 最易发生事故场景
    .addColumn('checks', 'text', (c) => c.notNull()) // 防范检查要求
    .addColumn('emergency', 'text', (c) => c.notNull()) // 紧急应对措施
    .addColumn('improvements', 'text', (c) => c.notNull()) // JSON array of texts: 存在问题改进措施
    .addColumn('created_by_user_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // One sheet per post and year: two "start" taps at once → one row, the other 409.
  await db.schema.createIndex('accident_scenario_post_year_idx').on('accident_scenario').columns(['enterprise_id', 'post_id', 'year']).unique().execute();

  await db.schema
    .createTable('accident_scenario_revision')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('scenario_id', 'text', (c) => c.notNull().references('accident_scenario.id'))
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull()) // JSON AccidentScenarioContent
    .addColumn('edited_by_user_id', 'text')
    .addColumn('edited_at', 'text', (c) => c.notNull())
    .execute();
  // Two saves from the same revision at once → one lands, the other 409.
  await db.schema.createIndex('accident_scenario_revision_idx').on('accident_scenario_revision').columns(['scenario_id', 'revision']).unique().execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('accident_scenario_revision').ifExists().execute();
  await db.schema.dropTable('accident_scenario').ifExists().execute();
}
