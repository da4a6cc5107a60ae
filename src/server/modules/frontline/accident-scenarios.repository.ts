/* The only Kysely user of the 事故假想 slice. Revision rows are insert-only. */
import type { AccidentScenarioRevisionTable, AccidentScenarioTable } from '../../db/database.js';
import type { Executor } from '../../db/with-transaction.js';

export async function insertScenario(db: Executor, row: AccidentScenarioTable): Promise<void> {
  await db.insertInto('accident_scenario').values(row).execute();
}

export function findScenario(db: Executor, enterpriseId: string, id: string): Promise<AccidentScenarioTable | undefined> {
  return db.selectFrom('accident_scenario').selectAll().where('enterprise_id', '=', enterpriseId).where('id', '=', id).executeTakeFirst();
}

export function listScenariosOfYear(db: Executor, enterpriseId: string, year: number): Promise<AccidentScenarioTable[]> {
  return db.selectFrom('accident_scenario').selectAll().where('enterprise_id', '=', enterpriseId).where('year', '=', year).execute();
}

/** Saves the content only over the revision the editor saw: a concurrent save makes this a no-op (false). */
export async function updateScenarioContent(
  db: Executor,
  enterpriseId: string,
  id: string,
  fromRevision: number,
  set: Pick<AccidentScenarioTable, 'accident_seqs' | 'scenes' | 'checks' | 'emergency' | 'improvements' | 'updated_at'>,
): Promise<boolean> {
  const r = await db
    .updateTable('accident_scenario')
    .set({ ...set, revision: fromRevision + 1 })
    .where('enterprise_id', '=', enterpriseId)
    .where('id', '=', id)
    .where('revision', '=', fromRevision)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function insertRevision(db: Executor, row: AccidentScenarioRevisionTable): Promise<void> {
  await db.insertInto('accident_scenario_revision').values(row).execute();
}

/** Live operation (front-line) posts with their org unit's name, by name. */
export function listFrontLinePosts(db: Executor, enterpriseId: string, postId?: string) {
  let q = db
    .selectFrom('post')
    .leftJoin('org_unit', 'org_unit.id', 'post.org_unit_id')
    .select(['post.id', 'post.name', 'post.org_unit_id', 'org_unit.name as org_unit_name'])
    .where('post.enterprise_id', '=', enterpriseId)
    .where('post.kind', '=', 'operation')
    .where('post.archived_at', 'is', null);
  if (postId) q = q.where('post.id', '=', postId);
  return q.orderBy('post.name').orderBy('post.id').execute();
}

export function findPostWithUnit(db: Executor, enterpriseId: string, postId: string) {
  return db
    .selectFrom('post')
    .leftJoin('org_unit', 'org_unit.id', 'post.org_unit_id')
    .select(['post.id', 'post.name', 'post.kind', 'post.org_unit_id', 'post.archived_at', 'org_unit.name as org_unit_name'])
    .where('post.enterprise_id', '=', enterpriseId)
    .where('post.id', '=', postId)
    .executeTakeFirst();
}

/** The post's live people, by name (its workers sign the sheet). */
export function listPostWorkers(db: Executor, enterpriseId: string, postIds: readonly string[]) {
  if (postIds.length === 0) return Promise.resolve([] as { id: string; name: string; post_id: string }[]);
  return db
    .selectFrom('person_post')
    .innerJoin('person', 'person.id', 'person_post.person_id')
    .select(['person.id', 'person.name', 'person_post.post_id'])
    .where('person_post.enterprise_id', '=', enterpriseId)
    .where('person_post.post_id', 'in', [...postIds])
    .where('person.archived_at', 'is', null)
    .orderBy('person.name')
    .orderBy('person.id')
    .execute();
}

/** People whose login has one of `roles`, on the post or in its org unit or the unit above it (a team's workshop). */
export async function findLeadersOfPost(db: Executor, enterpriseId: string, post: { id: string; org_unit_id: string | null }, roles: readonly string[]) {
  const unit = post.org_unit_id
    ? await db.selectFrom('org_unit').select(['id', 'parent_id']).where('enterprise_id', '=', enterpriseId).where('id', '=', post.org_unit_id).executeTakeFirst()
    : undefined;
  const units = [unit?.id, unit?.parent_id].filter((u): u is string => Boolean(u));
  return db
    .selectFrom('membership')
    .innerJoin('person', 'person.id', 'membership.person_id')
    .select(['person.id', 'person.name'])
    .where('membership.enterprise_id', '=', enterpriseId)
    .where('membership.role', 'in', [...roles])
    .where('person.archived_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb('person.id', 'in', eb.selectFrom('person_post').select('person_id').where('enterprise_id', '=', enterpriseId).where('post_id', '=', post.id)),
        ...(units.length ? [eb('person.org_unit_id', 'in', units)] : []),
      ]),
    )
    .orderBy('person.name')
    .orderBy('person.id')
    .execute();
}

/** People whose login has one of `roles` (the fall-back reviewers when a post has no team leader). */
export function findPeopleWithRoles(db: Executor, enterpriseId: string, roles: readonly string[]) {
  return db
    .selectFrom('membership')
    .innerJoin('person', 'person.id', 'membership.person_id')
    .select(['person.id', 'person.name'])
    .where('membership.enterprise_id', '=', enterpriseId)
    .where('membership.role', 'in', [...roles])
    .where('person.archived_at', 'is', null)
    .orderBy('person.name')
    .orderBy('person.id')
    .execute();
}

export async function findPostEmergency(db: Executor, enterpriseId: string, postId: string) {
  const [info, steps] = await Promise.all([
    db.selectFrom('post_emergency_info').select('emergency_actions').where('enterprise_id', '=', enterpriseId).where('post_id', '=', postId).executeTakeFirst(),
    db.selectFrom('post_first_steps').select('steps').where('enterprise_id', '=', enterpriseId).where('post_id', '=', postId).executeTakeFirst(),
  ]);
  return { emergencyActions: info?.emergency_actions ?? '', steps: steps?.steps ?? null };
}

export function findEnterpriseName(db: Executor, enterpriseId: string) {
  return db.selectFrom('enterprise').select('name').where('id', '=', enterpriseId).executeTakeFirst();
}

export function findHazardsByClientIds(db: Executor, enterpriseId: string, clientIds: readonly string[]) {
  if (clientIds.length === 0) return Promise.resolve([] as { id: string; client_id: string | null }[]);
  return db.selectFrom('hazard').select(['id', 'client_id']).where('enterprise_id', '=', enterpriseId).where('client_id', 'in', [...clientIds]).execute();
}
