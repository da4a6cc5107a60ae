/* The OHS policy (issue 14 §3, seed 000 三(一)): drafted with the four commitments, approved by the
 * principal through the one versioned approval (src/domain/approval/versioned-approval.ts), and
 * acknowledged by every employee through the sign-off mechanism (subject 'ohs-policy': the version
 * in force; a new approved version asks everyone again). */
import type { AppDeps } from '../../app-deps.js';
import { withTransaction, type Executor } from '../../db/with-transaction.js';
import { approve, currentVersion, nextDraftNumber, openDraft, type VersionRefusal, type VersionStatus } from '../../../domain/approval/versioned-approval.js';
import { draftPolicy, missingCommitments } from '../../../domain/management/policy-draft.js';
import type { Locale } from '../../../i18n/locale.js';
import type { PolicyDto, PolicyVersionDto } from '../../../schemas/management.js';
import { AppError } from '../../platform/http/app-error.js';
import { newId } from '../../platform/ids.js';
import { registerSignOffSubject } from '../../platform/sign-off/sign-off-registry.js';
import { recordChange } from '../audit/audit.service.js';

export const policySubjectType = 'ohs-policy';

const refusalText: Record<VersionRefusal, Record<Locale, string>> = {
  not_draft: { 'zh-CN': '只有草稿可以批准或修改，已批准的版本不能更改', 'en-US': 'only a draft is approved or edited; an approved version is never changed' },
  draft_exists: { 'zh-CN': '已有一份草稿，请先完成它', 'en-US': 'a draft is already open; finish it first' },
  nothing_to_revise: { 'zh-CN': '还没有可修订的版本', 'en-US': 'there is no version to revise yet' },
  already_obsolete: { 'zh-CN': '方针已废止', 'en-US': 'the policy is withdrawn' },
};
const conflict = (reason: VersionRefusal) => new AppError('POLICY_VERSION_CONFLICT', { reasonZh: refusalText[reason]['zh-CN'], reasonEn: refusalText[reason]['en-US'] });

interface Actor {
  userId: string;
  enterpriseId: string;
}

async function versionsOf(db: Executor, enterpriseId: string) {
  return db
    .selectFrom('ohs_policy_version as v')
    .leftJoin('user as u', 'u.id', 'v.approved_by_user_id')
    .selectAll('v')
    .select('u.display_name as approved_by_name')
    .where('v.enterprise_id', '=', enterpriseId)
    .orderBy('v.version_no', 'desc')
    .execute();
}
type VersionRow = Awaited<ReturnType<typeof versionsOf>>[number];

const toDto = (r: VersionRow): PolicyVersionDto => ({
  id: r.id,
  versionNo: r.version_no,
  status: r.status as VersionStatus,
  text: r.text,
  missingCommitments: missingCommitments(r.text),
  approvedByName: r.approved_by_name ?? null,
  approvedAt: r.approved_at,
  createdAt: r.created_at,
});

/** The main risks named in the draft: the enterprise's major and significant accepted risks. */
async function mainRisks(db: Executor, enterpriseId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('risk')
    .select('object_name')
    .where('enterprise_id', '=', enterpriseId)
    .where('status', '=', 'accepted')
    .where('level', 'in', ['major', 'significant'])
    .orderBy('object_name')
    .limit(20)
    .execute();
  return [...new Set(rows.map((r) => r.object_name))];
}

export async function getPolicy(db: Executor, enterpriseId: string, locale: Locale): Promise<PolicyDto> {
  const versions = (await versionsOf(db, enterpriseId)).map(toDto);
  const enterprise = await db.selectFrom('enterprise').select('name').where('id', '=', enterpriseId).executeTakeFirst();
  return {
    current: currentVersion(versions),
    draft: openDraft(versions),
    versions,
    proposedText: draftPolicy({ enterpriseName: enterprise?.name ?? '', mainRisks: await mainRisks(db, enterpriseId) }, locale),
  };
}

/** Saves the draft: opens one (the next number) when none is open, else edits the open one. */
export async function saveDraft(deps: AppDeps, actor: Actor, text: string, locale: Locale): Promise<PolicyDto> {
  return withTransaction(deps.db, async (trx) => {
    const before = await getPolicy(trx, actor.enterpriseId, locale);
    const now = deps.clock.now().toISOString();
    if (before.draft) {
      const res = await trx.updateTable('ohs_policy_version').set({ text, updated_at: now }).where('enterprise_id', '=', actor.enterpriseId).where('id', '=', before.draft.id).where('status', '=', 'draft').executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) throw conflict('not_draft');
      await recordChange(trx, actor, deps.clock.now(), { entity: 'ohs_policy_version', entityId: before.draft.id, action: 'update', before: before.draft, after: { text } });
    } else {
      const n = nextDraftNumber(before.versions.map((v) => ({ id: v.id, versionNo: v.versionNo, status: v.status })));
      if (!n.ok) throw conflict(n.reason);
      const id = newId();
      await trx
        .insertInto('ohs_policy_version')
        .values({ id, enterprise_id: actor.enterpriseId, version_no: n.versionNo, status: 'draft', text, created_by_user_id: actor.userId, created_at: now, updated_at: now, approved_by_user_id: null, approved_at: null, superseded_at: null, obsolete_at: null })
        .execute();
      await recordChange(trx, actor, deps.clock.now(), { entity: 'ohs_policy_version', entityId: id, action: 'create', after: { versionNo: n.versionNo, text } });
    }
    return getPolicy(trx, actor.enterpriseId, locale);
  });
}

/** The principal approves the open draft; the version in force before it becomes superseded (kept). */
export async function approvePolicy(deps: AppDeps, actor: Actor, locale: Locale): Promise<PolicyDto> {
  return withTransaction(deps.db, async (trx) => {
    const before = await getPolicy(trx, actor.enterpriseId, locale);
    if (!before.draft) throw conflict('not_draft');
    const t = approve(before.versions.map((v) => ({ id: v.id, versionNo: v.versionNo, status: v.status })), before.draft.id);
    if (!t.ok) throw conflict(t.reason);
    const at = deps.clock.now().toISOString();
    for (const c of t.changes) {
      const from = before.versions.find((v) => v.id === c.id)?.status as string;
      const patch = c.to === 'approved' ? { status: 'approved', approved_by_user_id: actor.userId, approved_at: at, updated_at: at } : { status: c.to, superseded_at: at, updated_at: at };
      const res = await trx.updateTable('ohs_policy_version').set(patch).where('enterprise_id', '=', actor.enterpriseId).where('id', '=', c.id).where('status', '=', from).executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) throw conflict('not_draft');
    }
    const after = await getPolicy(trx, actor.enterpriseId, locale);
    await recordChange(trx, actor, deps.clock.now(), { entity: 'ohs_policy_version', entityId: before.draft.id, action: 'approve', before: before.draft, after: after.current });
    return after;
  });
}

registerSignOffSubject({
  type: policySubjectType,
  entity: 'ohs_policy_version',
  async describe({ db, enterpriseId, subjectId }) {
    const row = await db.selectFrom('ohs_policy_version').selectAll().where('enterprise_id', '=', enterpriseId).where('id', '=', subjectId).executeTakeFirst();
    if (!row) return null;
    const people = await db.selectFrom('person').select(['id', 'name']).where('enterprise_id', '=', enterpriseId).where('archived_at', 'is', null).orderBy('name').execute();
    const inForce = row.status === 'approved';
    return {
      title: `职业安全健康方针（第 ${row.version_no} 版）`,
      revision: String(row.version_no),
      isOpen: inForce,
      closedReason: inForce ? null : { 'zh-CN': '该版本不是现行方针', 'en-US': 'this version is not the policy in force' },
      expected: people.map((p) => ({
        personId: p.id,
        role: 'reader',
        roleLabel: { 'zh-CN': '员工', 'en-US': 'Employee' },
        statement: { 'zh-CN': `本人已阅读并理解本企业职业安全健康方针（第 ${row.version_no} 版）。`, 'en-US': `I have read and understood the enterprise's OHS policy (version ${row.version_no}).` },
      })),
    };
  },
});
