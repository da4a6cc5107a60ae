import type { Kysely } from 'kysely';

// Issue 18 §1: a consultant's engagements (the desk, GET /engagements, the enterprises it may work in)
// were found by `team_user_ids LIKE '%"<user>"%'` — a scan of every engagement of the installation —
// and a lead's by consultancy_id, which no index led. One engagement_team row per team member (written
// by insertEngagement with the engagement; the team is set once) is the consultant's index; backfilled
// here from each engagement's JSON team.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('engagement_team')
    .addColumn('engagement_id', 'text', (c) => c.notNull().references('engagement.id'))
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('engagement_team_pk', ['user_id', 'engagement_id'])
    .execute();
  await db.schema.createIndex('engagement_consultancy_idx').on('engagement').columns(['consultancy_id', 'enterprise_id']).execute();
  await backfillEngagementTeams(db);
}

export async function backfillEngagementTeams(db: Kysely<unknown>): Promise<void> {
  const k = db as unknown as Kysely<{ engagement: { id: string; team_user_ids: string }; engagement_team: { engagement_id: string; user_id: string } }>;
  const rows = await k.selectFrom('engagement').select(['id', 'team_user_ids']).execute();
  const team = rows.flatMap((r) => [...new Set(JSON.parse(r.team_user_ids) as string[])].map((user_id) => ({ engagement_id: r.id, user_id })));
  for (let i = 0; i < team.length; i += 200) {
    await k.insertInto('engagement_team').values(team.slice(i, i + 200)).onConflict((oc) => oc.doNothing()).execute();
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('engagement_consultancy_idx').execute();
  await db.schema.dropTable('engagement_team').execute();
}
