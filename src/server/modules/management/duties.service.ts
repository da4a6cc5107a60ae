/* Commitment and duties (issue 14 §2, seed 000 二(一)1–2): the year's record — the top manager's
 * commitment with the four duties (signed through the sign-off mechanism, subject 'ohs-commitment';
 * an edit bumps the revision so the signature must be given again), the person named to build and
 * maintain the system, and the resources (people, money, equipment) — and the duty list of every
 * post (read from the risk module's postDutyLists, never copied) with its holders' acknowledgements
 * (subject 'post-duty-list', revision = the list's fingerprint). */
import { draftCommitment } from '../../../domain/management/duties.js';
import { isSignedBy } from '../../../domain/sign-off/sign-off-chain.js';
import type { Locale } from '../../../i18n/locale.js';
import type { PostDutyListDto, SystemYearDto, SystemYearInput } from '../../../schemas/duties.js';
import type { AppDeps } from '../../app-deps.js';
import { withTransaction, type Executor } from '../../db/with-transaction.js';
import { AppError } from '../../platform/http/app-error.js';
import { referenceMissing } from '../../platform/http/validation.js';
import { newId } from '../../platform/ids.js';
import { allActiveExist } from '../../platform/resource/tenant-resource.repository.js';
import { listSignOffs } from '../../platform/sign-off/sign-off.service.js';
import { recordChange } from '../audit/audit.service.js';
import { postDutyLists } from '../risks/post-duty-list.service.js';

export const commitmentSubjectType = 'ohs-commitment';
export const dutyListSubjectType = 'post-duty-list';

interface Actor {
  userId: string;
  enterpriseId: string;
}

export const findSystemYear = (db: Executor, enterpriseId: string, year: number) =>
  db.selectFrom('ohs_system_year').selectAll().where('enterprise_id', '=', enterpriseId).where('year', '=', year).executeTakeFirst();

async function nameOf(db: Executor, enterpriseId: string, personId: string | null): Promise<string | null> {
  if (!personId) return null;
  return (await db.selectFrom('person').select('name').where('enterprise_id', '=', enterpriseId).where('id', '=', personId).executeTakeFirst())?.name ?? null;
}

/** The year's record, or a proposal (the commitment drafted with the four duties) before it is first saved. */
export async function getSystemYear(db: Executor, enterpriseId: string, year: number, locale: Locale): Promise<SystemYearDto> {
  const row = await findSystemYear(db, enterpriseId, year);
  if (!row) {
    const e = await db.selectFrom('enterprise').select('name').where('id', '=', enterpriseId).executeTakeFirst();
    return { year, id: null, commitmentText: draftCommitment({ enterpriseName: e?.name ?? '', year }, locale), commitmentRevision: 0, principalPersonId: null, principalName: null, builderPersonId: null, builderName: null, resourcesPeople: '', resourcesBudgetCny: null, resourcesEquipment: '', isSigned: false, updatedAt: null };
  }
  const entries = await listSignOffs(db, enterpriseId, commitmentSubjectType, row.id);
  return {
    year,
    id: row.id,
    commitmentText: row.commitment_text,
    commitmentRevision: Number(row.commitment_revision),
    principalPersonId: row.principal_person_id,
    principalName: await nameOf(db, enterpriseId, row.principal_person_id),
    builderPersonId: row.builder_person_id,
    builderName: await nameOf(db, enterpriseId, row.builder_person_id),
    resourcesPeople: row.resources_people,
    resourcesBudgetCny: row.resources_budget_cny === null ? null : Number(row.resources_budget_cny),
    resourcesEquipment: row.resources_equipment,
    isSigned: row.principal_person_id !== null && isSignedBy(entries, String(row.commitment_revision), 'principal', row.principal_person_id),
    updatedAt: row.updated_at,
  };
}

/** Saves the year's record; a changed commitment or signer asks for the signature again (a new revision). */
export async function putSystemYear(deps: AppDeps, actor: Actor, year: number, input: SystemYearInput, locale: Locale): Promise<SystemYearDto> {
  return withTransaction(deps.db, async (trx) => {
    for (const [field, id] of [['principalPersonId', input.principalPersonId], ['builderPersonId', input.builderPersonId]] as const) {
      if (id && !(await allActiveExist(trx, 'person', actor.enterpriseId, [id]))) throw referenceMissing(field);
    }
    const now = deps.clock.now().toISOString();
    const before = await findSystemYear(trx, actor.enterpriseId, year);
    const columns = {
      commitment_text: input.commitmentText,
      principal_person_id: input.principalPersonId,
      builder_person_id: input.builderPersonId,
      resources_people: input.resourcesPeople,
      resources_budget_cny: input.resourcesBudgetCny,
      resources_equipment: input.resourcesEquipment,
      updated_at: now,
    };
    if (!before) {
      const id = newId();
      const res = await trx.insertInto('ohs_system_year').values({ id, enterprise_id: actor.enterpriseId, year, commitment_revision: 1, created_at: now, ...columns }).onConflict((oc) => oc.columns(['enterprise_id', 'year']).doNothing()).executeTakeFirst();
      if (Number(res.numInsertedOrUpdatedRows ?? 0) !== 1) throw new AppError('CONFLICT', { detail: String(year) });
      await recordChange(trx, actor, deps.clock.now(), { entity: 'ohs_system_year', entityId: id, action: 'create', after: { year, ...input } });
    } else {
      const isNewRevision = before.commitment_text !== input.commitmentText || before.principal_person_id !== input.principalPersonId;
      const revision = Number(before.commitment_revision) + (isNewRevision ? 1 : 0);
      const res = await trx
        .updateTable('ohs_system_year')
        .set({ ...columns, commitment_revision: revision })
        .where('enterprise_id', '=', actor.enterpriseId)
        .where('id', '=', before.id)
        .where('commitment_revision', '=', before.commitment_revision)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) throw new AppError('CONFLICT', { detail: String(year) });
      await recordChange(trx, actor, deps.clock.now(), { entity: 'ohs_system_year', entityId: before.id, action: 'update', before, after: { ...input, commitmentRevision: revision } });
    }
    return getSystemYear(trx, actor.enterpriseId, year, locale);
  });
}

/** Live holders of each post (person_post), by name. */
export async function holdersOf(db: Executor, enterpriseId: string, postIds: readonly string[]) {
  if (postIds.length === 0) return [];
  return db
    .selectFrom('person_post as pp')
    .innerJoin('person as p', 'p.id', 'pp.person_id')
    .select(['pp.post_id', 'p.id', 'p.name'])
    .where('pp.enterprise_id', '=', enterpriseId)
    .where('p.enterprise_id', '=', enterpriseId)
    .where('pp.post_id', 'in', [...postIds])
    .where('p.archived_at', 'is', null)
    .orderBy('p.name')
    .orderBy('p.id')
    .execute();
}

/** The duty lists with who has acknowledged the list as it stands (and so who has not yet). */
export async function dutyListsWithAcknowledgements(db: Executor, enterpriseId: string, postIds?: readonly string[]): Promise<PostDutyListDto[]> {
  const lists = await postDutyLists(db, enterpriseId, postIds);
  const holders = await holdersOf(db, enterpriseId, lists.map((l) => l.postId));
  const out: PostDutyListDto[] = [];
  for (const l of lists) {
    const entries = await listSignOffs(db, enterpriseId, dutyListSubjectType, l.postId);
    out.push({
      postId: l.postId,
      postName: l.postName,
      postKind: l.postKind,
      items: l.items,
      revision: l.revision,
      holders: holders.filter((h) => h.post_id === l.postId).map((h) => ({ personId: h.id, name: h.name, hasAcknowledged: isSignedBy(entries, l.revision, 'holder', h.id) })),
    });
  }
  return out;
}

/** The caller's own posts' lists (the phone). */
export async function myDutyLists(db: Executor, enterpriseId: string, personId: string | null): Promise<PostDutyListDto[]> {
  if (!personId) return [];
  const posts = await db.selectFrom('person_post').select('post_id').where('enterprise_id', '=', enterpriseId).where('person_id', '=', personId).execute();
  return dutyListsWithAcknowledgements(db, enterpriseId, posts.map((p) => p.post_id));
}
