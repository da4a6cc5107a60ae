/* Emergency plans (seed 000 三(五)3): one plan per scenario, with versions under the shared
 * approval rule (src/domain/approval/versioned-approval.ts). Only a draft is edited; approving needs
 * the principal and all eight contents; approved versions are never changed — a revision is a new
 * draft, the old version is kept and marked superseded. */
import type { AppDeps } from '../../app-deps.js';
import { withTransaction, type Executor } from '../../db/with-transaction.js';
import { approve, currentVersion, nextDraftNumber, openDraft, type VersionRefusal, type VersionStatus, withdraw } from '../../../domain/approval/versioned-approval.js';
import { missingPlanContents } from '../../../domain/emergency/plan-contents.js';
import { addYears, localDateOf } from '../../../domain/emergency/supply-state.js';
import type { Locale } from '../../../i18n/locale.js';
import { accidentTypes } from '../../../reference/accident-types.js';
import { planContentLabels, planReviewYears, type PlanKind, scenarios } from '../../../reference/emergency-plans.js';
import {
  type DraftUpdateInput,
  emptyPlanContents,
  type PlanContentsInput,
  type PlanCreateInput,
  type PlanDetailDto,
  type PlanDto,
  type PlanVersionDto,
  type ScenarioProposalDto,
} from '../../../schemas/emergency.js';
import { AppError, notFound } from '../../platform/http/app-error.js';
import { fieldError, referenceMissing } from '../../platform/http/validation.js';
import { newId } from '../../platform/ids.js';
import { recordChange } from '../audit/audit.service.js';
import * as repo from './emergency.repository.js';

export interface EmergencyActor {
  userId: string;
  enterpriseId: string;
}

const refusalText: Record<VersionRefusal, Record<Locale, string>> = {
  not_draft: { 'zh-CN': '只有草稿可以批准或修改，已批准的版本不能更改', 'en-US': 'only a draft is approved or edited; an approved version is never changed' },
  draft_exists: { 'zh-CN': '已有一份修订草稿，请先完成它', 'en-US': 'a draft revision is already open; finish it first' },
  nothing_to_revise: { 'zh-CN': '还没有可修订的版本', 'en-US': 'there is no version to revise yet' },
  already_obsolete: { 'zh-CN': '预案已废止', 'en-US': 'the plan is withdrawn' },
};
const conflict = (reason: VersionRefusal) => new AppError('PLAN_VERSION_CONFLICT', { reasonZh: refusalText[reason]['zh-CN'], reasonEn: refusalText[reason]['en-US'] });

export function toVersionDto(r: repo.VersionRow): PlanVersionDto {
  const contents = { ...emptyPlanContents, ...(JSON.parse(r.contents) as Partial<PlanContentsInput>) };
  return {
    id: r.id,
    versionNo: r.version_no,
    status: r.status as VersionStatus,
    contents,
    missingContents: missingPlanContents(contents),
    revisionReason: r.revision_reason,
    drillReviewId: r.drill_review_id,
    createdAt: r.created_at,
    approvedByUserId: r.approved_by_user_id,
    approvedByName: r.approved_by_name ?? null,
    approvedAt: r.approved_at,
    issuedOn: r.issued_on,
    reviewDueOn: r.review_due_on,
    supersededAt: r.superseded_at,
    obsoleteAt: r.obsolete_at,
  };
}

const facts = (vs: repo.VersionRow[]) => vs.map((v) => ({ id: v.id, versionNo: v.version_no, status: v.status as VersionStatus }));

function toPlanDto(p: repo.PlanRow, versions: repo.VersionRow[]): PlanDetailDto {
  const current = currentVersion(facts(versions));
  const draft = openDraft(facts(versions));
  const byId = new Map(versions.map((v) => [v.id, v]));
  return {
    id: p.id,
    kind: p.kind as PlanKind,
    title: p.title,
    scenarioCode: p.scenario_code,
    postId: p.post_id,
    postName: p.post_name ?? null,
    documentNumber: p.document_number,
    current: current ? toVersionDto(byId.get(current.id) as repo.VersionRow) : null,
    draft: draft ? toVersionDto(byId.get(draft.id) as repo.VersionRow) : null,
    createdAt: p.created_at,
    archivedAt: p.archived_at,
    versions: versions.map(toVersionDto),
  };
}

export async function getPlanDetail(db: Executor, enterpriseId: string, planId: string): Promise<PlanDetailDto> {
  const plan = await repo.findPlan(db, enterpriseId, planId);
  if (!plan) throw notFound('emergency_plan');
  return toPlanDto(plan, await repo.listVersions(db, enterpriseId, [plan.id]));
}

export async function listPlans(deps: AppDeps, enterpriseId: string, q: { kind?: string; postId?: string; includeArchived?: boolean }): Promise<{ items: PlanDto[] }> {
  const plans = await repo.listPlans(deps.db, enterpriseId, q);
  const versions = await repo.listVersions(deps.db, enterpriseId, plans.map((p) => p.id));
  return {
    items: plans.map((p) => {
      const { versions: _omit, ...dto } = toPlanDto(
        p,
        versions.filter((v) => v.plan_id === p.id),
      );
      return dto;
    }),
  };
}

/** Scenarios of seed 000 三(五)3 proposed from the enterprise's accepted risks and its dangerous goods. */
export async function proposeScenarios(deps: AppDeps, enterpriseId: string, locale: Locale): Promise<ScenarioProposalDto[]> {
  const risks = await repo.listRiskAccidentTypes(deps.db, enterpriseId);
  const materials = await repo.listMaterialNames(deps.db, enterpriseId);
  const plans = await repo.listPlans(deps.db, enterpriseId, {});
  const labelOf = new Map(accidentTypes.map((a) => [a.code as string, a.label[locale]]));
  const result: ScenarioProposalDto[] = [];
  for (const s of scenarios) {
    const matching = risks.filter((r) => (JSON.parse(r.accident_type_codes) as string[]).some((c) => (s.accidentTypes as readonly string[]).includes(c)));
    const reasons: string[] = [];
    if (matching.length) {
      const codes = [...new Set(matching.flatMap((r) => (JSON.parse(r.accident_type_codes) as string[]).filter((c) => (s.accidentTypes as readonly string[]).includes(c))))];
      reasons.push(locale === 'zh-CN' ? `${matching.length} 项风险可能导致${codes.map((c) => labelOf.get(c)).join('、')}` : `${matching.length} risks may lead to ${codes.map((c) => labelOf.get(c)).join(', ')}`);
    }
    if (s.isProposedByMaterials && materials.length) {
      reasons.push(locale === 'zh-CN' ? `危险物品：${materials.slice(0, 5).map((m) => m.name).join('、')}` : `Dangerous goods: ${materials.slice(0, 5).map((m) => m.name).join(', ')}`);
    }
    if (s.isAlwaysProposed) reasons.push(locale === 'zh-CN' ? '所有企业都应考虑（实施指南所列情况）' : 'Every enterprise considers it (listed by the guide)');
    if (!reasons.length) continue;
    result.push({
      code: s.code,
      label: s.label[locale],
      kind: s.kind,
      reasons,
      riskCount: matching.length,
      planId: plans.find((p) => p.scenario_code === s.code && !p.archived_at)?.id ?? null,
    });
  }
  return result.sort((a, b) => b.riskCount - a.riskCount);
}

/** A first draft from what the enterprise already recorded: risks of the scenario, its principal, its external numbers. */
async function prefill(db: Executor, enterpriseId: string, scenarioCode: string | null, postId: string | null): Promise<PlanContentsInput> {
  const scenario = scenarios.find((s) => s.code === scenarioCode);
  const contents: PlanContentsInput = { ...emptyPlanContents };
  if (scenario) {
    const risks = (await repo.listRiskAccidentTypes(db, enterpriseId)).filter(
      (r) => (!postId || r.post_id === postId) && (JSON.parse(r.accident_type_codes) as string[]).some((c) => (scenario.accidentTypes as readonly string[]).includes(c)),
    );
    const posts = [...new Set(risks.map((r) => r.post_id))];
    const names = (await Promise.all(posts.map((p) => repo.findPost(db, enterpriseId, p)))).filter(Boolean).map((p) => p?.name);
    contents.potentialEmergencies = `${scenario.label['zh-CN']}${names.length ? `（涉及岗位：${names.join('、')}）` : ''}`;
  }
  const contacts = await repo.listLiveContacts(db, enterpriseId);
  contents.externalContacts = contacts.filter((c) => c.is_external === 1).map((c) => ({ name: c.organisation ? `${c.organisation} ${c.name}`.trim() : c.name, phone: c.phone }));
  return contents;
}

async function checkContentRefs(trx: Executor, enterpriseId: string, contents: Partial<PlanContentsInput>): Promise<void> {
  if (contents.commanderPersonId && !(await repo.liveIdsOf(trx, 'person', enterpriseId, [contents.commanderPersonId])).has(contents.commanderPersonId)) {
    throw referenceMissing('contents.commanderPersonId');
  }
  const supplyIds = [...new Set(contents.supplyIds ?? [])];
  if (supplyIds.length && (await repo.liveIdsOf(trx, 'emergency_supply', enterpriseId, supplyIds)).size !== supplyIds.length) throw referenceMissing('contents.supplyIds');
}

export async function createPlan(deps: AppDeps, actor: EmergencyActor, input: PlanCreateInput): Promise<PlanDetailDto> {
  if (input.kind === 'onsite' && !input.postId) {
    throw fieldError('postId', { 'zh-CN': '现场处置方案须指定岗位', 'en-US': 'An on-site plan (现场处置方案) belongs to a post' });
  }
  if (input.scenarioCode && !scenarios.some((s) => s.code === input.scenarioCode)) {
    throw fieldError('scenarioCode', { 'zh-CN': '未知的事故情景', 'en-US': 'Unknown scenario' });
  }
  return withTransaction(deps.db, async (trx) => {
    if (input.postId && !(await repo.liveIdsOf(trx, 'post', actor.enterpriseId, [input.postId])).has(input.postId)) throw referenceMissing('postId');
    const now = deps.clock.now().toISOString();
    const id = newId();
    const year = now.slice(0, 4);
    await repo.insertPlan(trx, {
      id,
      enterprise_id: actor.enterpriseId,
      kind: input.kind,
      scenario_code: input.scenarioCode,
      title: input.title,
      post_id: input.postId,
      document_number: `YJYA-${year}-${String((await repo.countPlans(trx, actor.enterpriseId)) + 1).padStart(3, '0')}`,
      created_at: now,
      updated_at: now,
      archived_at: null,
    });
    const contents = input.isPrefilled ? await prefill(trx, actor.enterpriseId, input.scenarioCode, input.postId) : emptyPlanContents;
    await repo.insertVersion(trx, newVersionRow(actor, id, 1, contents, '首次编制', null, now));
    const dto = await getPlanDetail(trx, actor.enterpriseId, id);
    await recordChange(trx, actor, deps.clock.now(), { entity: 'emergency_plan', entityId: id, action: 'create', after: dto });
    return dto;
  });
}

function newVersionRow(actor: EmergencyActor, planId: string, versionNo: number, contents: PlanContentsInput, reason: string, drillReviewId: string | null, now: string) {
  return {
    id: newId(),
    enterprise_id: actor.enterpriseId,
    plan_id: planId,
    version_no: versionNo,
    status: 'draft',
    contents: JSON.stringify(contents),
    revision_reason: reason,
    drill_review_id: drillReviewId,
    created_by_user_id: actor.userId,
    created_at: now,
    updated_at: now,
    approved_by_user_id: null,
    approved_at: null,
    issued_on: null,
    review_due_on: null,
    superseded_at: null,
    obsolete_at: null,
  };
}

export async function updateDraft(deps: AppDeps, actor: EmergencyActor, planId: string, input: DraftUpdateInput): Promise<PlanDetailDto> {
  return withTransaction(deps.db, async (trx) => {
    const before = await getPlanDetail(trx, actor.enterpriseId, planId);
    if (before.archivedAt) throw new AppError('ARCHIVED', { entity: 'emergency_plan' });
    if (!before.draft) throw conflict('not_draft');
    if (input.contents) await checkContentRefs(trx, actor.enterpriseId, input.contents);
    const now = deps.clock.now().toISOString();
    const contents = { ...before.draft.contents, ...(input.contents ?? {}) };
    const ok = await repo.updateDraft(trx, actor.enterpriseId, before.draft.id, {
      contents: JSON.stringify(contents),
      ...(input.revisionReason !== undefined && { revision_reason: input.revisionReason }),
      updated_at: now,
    });
    if (!ok) throw conflict('not_draft');
    if (input.title !== undefined) await repo.updatePlan(trx, actor.enterpriseId, planId, { title: input.title, updated_at: now });
    const after = await getPlanDetail(trx, actor.enterpriseId, planId);
    await recordChange(trx, actor, deps.clock.now(), { entity: 'emergency_plan_version', entityId: before.draft.id, action: 'update', before: before.draft, after: after.draft });
    return after;
  });
}

/** The principal approves the open draft; refused, naming them, while any of the eight contents is missing. */
export async function approvePlan(deps: AppDeps, actor: EmergencyActor, planId: string): Promise<PlanDetailDto> {
  return withTransaction(deps.db, async (trx) => {
    const plan = await getPlanDetail(trx, actor.enterpriseId, planId);
    if (plan.archivedAt) throw new AppError('ARCHIVED', { entity: 'emergency_plan' });
    const draft = plan.draft;
    if (!draft) throw conflict('not_draft');
    await checkContentRefs(trx, actor.enterpriseId, draft.contents); // a supply archived since it was linked
    if (draft.missingContents.length) {
      throw new AppError(
        'PLAN_INCOMPLETE',
        {
          missingZh: draft.missingContents.map((k) => planContentLabels[k]['zh-CN']).join('；'),
          missingEn: draft.missingContents.map((k) => planContentLabels[k]['en-US']).join('; '),
        },
        draft.missingContents.map((k) => ({ path: `contents.${k}`, message: { 'zh-CN': `缺少${planContentLabels[k]['zh-CN']}`, 'en-US': `Missing ${planContentLabels[k]['en-US']}` } })),
      );
    }
    const vs = plan.versions.map((v) => ({ id: v.id, versionNo: v.versionNo, status: v.status }));
    const t = approve(vs, draft.id);
    if (!t.ok) throw conflict(t.reason);
    const at = deps.clock.now();
    const enterprise = await repo.findEnterprise(trx, actor.enterpriseId);
    const issuedOn = localDateOf(at, enterprise?.time_zone ?? 'Asia/Shanghai');
    for (const c of t.changes) {
      const from = plan.versions.find((v) => v.id === c.id)?.status as string;
      const patch =
        c.to === 'approved'
          ? { status: 'approved', approved_by_user_id: actor.userId, approved_at: at.toISOString(), issued_on: issuedOn, review_due_on: addYears(issuedOn, planReviewYears), updated_at: at.toISOString() }
          : { status: c.to, superseded_at: at.toISOString(), updated_at: at.toISOString() };
      if (!(await repo.setVersionStatus(trx, actor.enterpriseId, c.id, from, patch))) throw conflict('not_draft');
    }
    const after = await getPlanDetail(trx, actor.enterpriseId, planId);
    await recordChange(trx, actor, at, { entity: 'emergency_plan_version', entityId: draft.id, action: 'approve', before: draft, after: after.current });
    return after;
  });
}

/** Opens a new draft from the version in force (after a drill review, an accident, or the periodic review). */
export async function revisePlan(
  deps: AppDeps,
  actor: EmergencyActor,
  planId: string,
  input: { reason: string; drillReviewId?: string | null },
  trxIn?: Executor,
): Promise<PlanDetailDto> {
  const work = async (trx: Executor) => {
    const plan = await getPlanDetail(trx, actor.enterpriseId, planId);
    if (plan.archivedAt) throw new AppError('ARCHIVED', { entity: 'emergency_plan' });
    if (!input.reason.trim()) throw fieldError('reason', { 'zh-CN': '请写明修订原因', 'en-US': 'Give the reason for the revision' });
    const n = nextDraftNumber(plan.versions.map((v) => ({ id: v.id, versionNo: v.versionNo, status: v.status })));
    if (!n.ok) throw conflict(n.reason);
    const base = plan.current ?? plan.versions[0];
    if (!base) throw conflict('nothing_to_revise');
    const now = deps.clock.now().toISOString();
    const row = newVersionRow(actor, planId, n.versionNo, base.contents, input.reason, input.drillReviewId ?? null, now);
    await repo.insertVersion(trx, row);
    await recordChange(trx, actor, deps.clock.now(), { entity: 'emergency_plan_version', entityId: row.id, action: 'create', after: { planId, versionNo: n.versionNo, reason: input.reason } });
    return getPlanDetail(trx, actor.enterpriseId, planId);
  };
  return trxIn ? work(trxIn) : withTransaction(deps.db, work);
}

/** Withdraws the plan: its live versions become obsolete (kept and marked), the plan is archived. */
export async function withdrawPlan(deps: AppDeps, actor: EmergencyActor, planId: string): Promise<PlanDetailDto> {
  return withTransaction(deps.db, async (trx) => {
    const plan = await getPlanDetail(trx, actor.enterpriseId, planId);
    const t = withdraw(plan.versions.map((v) => ({ id: v.id, versionNo: v.versionNo, status: v.status })));
    if (!t.ok) throw conflict(t.reason);
    const now = deps.clock.now().toISOString();
    for (const c of t.changes) {
      const from = plan.versions.find((v) => v.id === c.id)?.status as string;
      await repo.setVersionStatus(trx, actor.enterpriseId, c.id, from, { status: 'obsolete', obsolete_at: now, updated_at: now });
    }
    await repo.updatePlan(trx, actor.enterpriseId, planId, { archived_at: now, updated_at: now });
    const after = await getPlanDetail(trx, actor.enterpriseId, planId);
    await recordChange(trx, actor, deps.clock.now(), { entity: 'emergency_plan', entityId: planId, action: 'withdraw', before: plan, after });
    return after;
  });
}
