import { type Kysely, type SqlBool, sql } from 'kysely';

// Issue 18: every list pages by an index bound, and each filter the UI offers has an index that
// serves it in page order, led by the enterprise: the database walks one page of index entries
// instead of sorting or filtering every row before the cursor. The row-value cursor
// (src/server/db/keyset.ts) bounds the last two columns (created_at/at, id).
//
// Partial indexes keep the rare states dense: owed hazards (overdue filter, a few hundred among
// tens of thousands closed), unread notifications, risks flagged for review. Their WHERE is
// repeated literally by the queries that use them (SQLite matches partial indexes by the terms).
export async function up(db: Kysely<unknown>): Promise<void> {
  const index = (name: string, table: string, columns: string[]) => db.schema.createIndex(name).on(table).columns(columns).execute();

  // Hazards: status and post exist (202611231120); grade, area, "reported by me" and owed are new.
  await index('hazard_grade_page_idx', 'hazard', ['enterprise_id', 'grade', 'created_at', 'id']);
  await index('hazard_area_page_idx', 'hazard', ['enterprise_id', 'area_id', 'created_at', 'id']);
  await index('hazard_reporter_page_idx', 'hazard', ['enterprise_id', 'reporter_user_id', 'created_at', 'id']);
  await db.schema
    .createIndex('hazard_owed_page_idx')
    .on('hazard')
    .columns(['enterprise_id', 'created_at', 'id'])
    .where(sql.raw<SqlBool>(`status not in ('closed', 'rejected')`))
    .execute();

  // Audit log (newest first on (at, id)): by entity, by entity and record, by action, by actor.
  await db.schema.dropIndex('audit_log_entity_idx').execute();
  await index('audit_log_entity_page_idx', 'audit_log', ['enterprise_id', 'entity', 'at', 'id']);
  await index('audit_log_record_page_idx', 'audit_log', ['enterprise_id', 'entity', 'entity_id', 'at', 'id']);
  await index('audit_log_action_page_idx', 'audit_log', ['enterprise_id', 'action', 'at', 'id']);
  await index('audit_log_actor_page_idx', 'audit_log', ['enterprise_id', 'actor_user_id', 'at', 'id']);

  // Notifications of one user, newest first; unread only as a partial index.
  await db.schema.dropIndex('notification_user_idx').execute();
  await index('notification_user_page_idx', 'notification', ['enterprise_id', 'user_id', 'created_at', 'id']);
  await db.schema
    .createIndex('notification_unread_page_idx')
    .on('notification')
    .columns(['enterprise_id', 'user_id', 'created_at', 'id'])
    .where(sql.raw<SqlBool>('read_at is null'))
    .execute();

  // Risk register (oldest first on (created_at, id)): by post, area, level, control tier, status, review flag.
  await db.schema.dropIndex('risk_post_idx').execute();
  await db.schema.dropIndex('risk_area_idx').execute();
  await db.schema.dropIndex('risk_review_idx').execute();
  await index('risk_post_page_idx', 'risk', ['enterprise_id', 'post_id', 'created_at', 'id']);
  await index('risk_area_page_idx', 'risk', ['enterprise_id', 'area_id', 'created_at', 'id']);
  await index('risk_level_page_idx', 'risk', ['enterprise_id', 'level', 'created_at', 'id']);
  await index('risk_tier_page_idx', 'risk', ['enterprise_id', 'control_tier', 'created_at', 'id']);
  await index('risk_status_page_idx', 'risk', ['enterprise_id', 'status', 'created_at', 'id']);
  await db.schema
    .createIndex('risk_review_page_idx')
    .on('risk')
    .columns(['enterprise_id', 'created_at', 'id'])
    .where(sql.raw<SqlBool>('review_flagged_at is not null'))
    .execute();

  // People by org unit (the other org lists are a few dozen rows per enterprise).
  await index('person_org_unit_page_idx', 'person', ['enterprise_id', 'org_unit_id', 'created_at', 'id']);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const name of [
    'person_org_unit_page_idx',
    'risk_review_page_idx',
    'risk_status_page_idx',
    'risk_tier_page_idx',
    'risk_level_page_idx',
    'risk_area_page_idx',
    'risk_post_page_idx',
    'notification_unread_page_idx',
    'notification_user_page_idx',
    'audit_log_actor_page_idx',
    'audit_log_action_page_idx',
    'audit_log_record_page_idx',
    'audit_log_entity_page_idx',
    'hazard_owed_page_idx',
    'hazard_reporter_page_idx',
    'hazard_area_page_idx',
    'hazard_grade_page_idx',
  ]) {
    await db.schema.dropIndex(name).execute();
  }
  await db.schema.createIndex('risk_review_idx').on('risk').columns(['enterprise_id', 'review_flagged_at']).execute();
  await db.schema.createIndex('risk_area_idx').on('risk').columns(['enterprise_id', 'area_id']).execute();
  await db.schema.createIndex('risk_post_idx').on('risk').columns(['enterprise_id', 'post_id']).execute();
  await db.schema.createIndex('notification_user_idx').on('notification').columns(['enterprise_id', 'user_id', 'created_at']).execute();
  await db.schema.createIndex('audit_log_entity_idx').on('audit_log').columns(['enterprise_id', 'entity', 'entity_id']).execute();
}
