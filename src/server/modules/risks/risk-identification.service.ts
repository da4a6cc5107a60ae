/* Identification use cases: create (or propose), accept, reject, re-identify (PATCH), archive. */
import type { AppDeps } from '../../app-deps.js';
import { toDbBool, toDbJson } from '../../db/codecs.js';
import { withTransaction, type Executor } from '../../db/with-transaction.js';
import type { Locale } from '../../../i18n/locale.js';
import type { EnterpriseRole } from '../../../schemas/auth.js';
import { managerRoles } from '../../../schemas/auth.js';
import { identificationFields, type RiskInput, type RiskUpdateInput } from '../../../schemas/risks.js';
import type { RiskTable } from '../../db/database.js';
import { AppError } from '../../platform/http/app-error.js';
import { referenceMissing } from '../../platform/http/validation.js';
import { allActiveExist } from '../../platform/resource/tenant-resource.repository.js';
import { recordChange } from '../audit/audit.service.js';
import { getRiskDetail, getRiskRow } from './risk-read.service.js';
import * as repo from './risks.repository.js';
import { reevaluateRiskRows } from './risk-facts.service.js';
import { checkCodes, checkObjectReference, createRiskInTransaction, recomputePostLevel } from './risks.service.js';

export interface RiskWriter {
  userId: string;
  enterpriseId: string;
  role: EnterpriseRole;
}

export const isManager = (role: EnterpriseRole) => (managerRoles as readonly string[]).includes(role);

/** Roles that may propose a risk for a post they hold (seed 001 Art. 3: 全员参与). */
export const proposerRoles = ['dept_head', 'team_leader', 'worker'] as const satisfies readonly EnterpriseRole[];

/**
 * A non-manager may only propose, and only for a post their own person record holds. Checked
 * before the body is read, so an unlinked account is refused (403) whatever it sends.
 */
export async function assertMayProposeAtAll(deps: AppDeps, actor: RiskWriter): Promise<void> {
  if (isManager(actor.role)) return;
  if (!(await repo.holdsPost(deps.db, actor.enterpriseId, actor.userId, null))) throw new AppError('FORBIDDEN');
}

async function checkOptionalReferences(trx: Executor, enterpriseId: string, input: { areaId?: string | null; responsiblePersonId?: string | null }) {
  if (input.areaId && !(await allActiveExist(trx, 'area', enterpriseId, [input.areaId]))) throw referenceMissing('areaId');
  if (input.responsiblePersonId && !(await allActiveExist(trx, 'person', enterpriseId, [input.responsiblePersonId]))) {
    throw referenceMissing('responsiblePersonId');
  }
}

async function checkItemReferences(trx: Executor, enterpriseId: string, measures: RiskInput['measures']) {
  for (const [i, m] of measures.entries()) {
    const { responsiblePersonId, supervisorPostId } = m.inspection;
    if (responsiblePersonId && !(await allActiveExist(trx, 'person', enterpriseId, [responsiblePersonId]))) {
      throw referenceMissing(`measures.${i}.inspection.responsiblePersonId`);
    }
    if (supervisorPostId && !(await allActiveExist(trx, 'post', enterpriseId, [supervisorPostId]))) {
      throw referenceMissing(`measures.${i}.inspection.supervisorPostId`);
    }
  }
}

export async function createRisk(deps: AppDeps, actor: RiskWriter, input: RiskInput, locale: Locale) {
  const id = await withTransaction(deps.db, async (trx) => {
    let status: 'accepted' | 'proposed' = 'accepted';
    if (!isManager(actor.role)) {
      status = 'proposed';
      // Checked after the post itself, so an unknown post is still "postId does not exist".
      const exists = await allActiveExist(trx, 'post', actor.enterpriseId, [input.postId]);
      if (exists && !(await repo.holdsPost(trx, actor.enterpriseId, actor.userId, input.postId))) throw new AppError('FORBIDDEN');
    }
    await checkOptionalReferences(trx, actor.enterpriseId, input);
    await checkItemReferences(trx, actor.enterpriseId, input.measures);
    const created = await createRiskInTransaction(deps, trx, actor, input, { status, note: status === 'proposed' ? '员工提出' : '风险辨识' });
    return created.riskId;
  });
  return getRiskDetail(deps.db, actor.enterpriseId, id, locale);
}

function assertLive(row: RiskTable) {
  if (row.archived_at) throw new AppError('ARCHIVED', { entity: 'risk' });
}

async function decide(deps: AppDeps, actor: RiskWriter, riskId: string, decision: 'accepted' | 'rejected', reason: string | null, locale: Locale) {
  await withTransaction(deps.db, async (trx) => {
    const row = await getRiskRow(trx, actor.enterpriseId, riskId);
    assertLive(row);
    if (row.status !== 'proposed') throw new AppError('RISK_STATUS_CONFLICT', { status: row.status });
    const now = deps.clock.now();
    const at = now.toISOString();
    await repo.updateRiskColumns(trx, actor.enterpriseId, riskId, {
      status: decision,
      rejection_reason: reason,
      decided_by_user_id: actor.userId,
      decided_at: at,
      updated_at: at,
    });
    const measureIds = (await repo.listMeasuresOfRisks(trx, actor.enterpriseId, [riskId], false)).map((m) => m.id);
    // Accepted: its measures' items go live (DATA-MODEL invariant 2). Rejected: they stay inactive.
    if (decision === 'accepted') await repo.updateItemsOfMeasures(trx, actor.enterpriseId, measureIds, { is_active: 1, updated_at: at });
    await recomputePostLevel(trx, actor.enterpriseId, row.post_id, now);
    await recordChange(trx, actor, now, {
      entity: 'risk',
      entityId: riskId,
      action: decision === 'accepted' ? 'accept' : 'reject',
      before: { status: row.status },
      after: { status: decision, rejectionReason: reason },
    });
  });
  return getRiskDetail(deps.db, actor.enterpriseId, riskId, locale);
}

export const acceptRisk = (deps: AppDeps, actor: RiskWriter, riskId: string, locale: Locale) => decide(deps, actor, riskId, 'accepted', null, locale);
export const rejectRisk = (deps: AppDeps, actor: RiskWriter, riskId: string, reason: string, locale: Locale) =>
  decide(deps, actor, riskId, 'rejected', reason, locale);

export async function updateRisk(deps: AppDeps, actor: RiskWriter, riskId: string, input: RiskUpdateInput, locale: Locale) {
  await withTransaction(deps.db, async (trx) => {
    const row = await getRiskRow(trx, actor.enterpriseId, riskId);
    assertLive(row);
    if (row.status === 'rejected') throw new AppError('RISK_STATUS_CONFLICT', { status: row.status });
    checkCodes({
      hazardFactorCodes: input.hazardFactorCodes ?? [],
      accidentTypeCodes: input.accidentTypeCodes ?? [],
    });
    await checkOptionalReferences(trx, actor.enterpriseId, input);
    if (input.objectId !== undefined || input.objectKind !== undefined) {
      await checkObjectReference(trx, actor.enterpriseId, input.objectKind ?? (row.object_kind as RiskInput['objectKind']), input.objectId !== undefined ? input.objectId : row.object_id);
    }
    const now = deps.clock.now();
    const at = now.toISOString();
    const isReidentification = identificationFields.some((f) => input[f] !== undefined);
    const patch: Partial<RiskTable> = {
      ...(input.objectKind !== undefined && { object_kind: input.objectKind }),
      ...(input.objectName !== undefined && { object_name: input.objectName }),
      ...(input.objectId !== undefined && { object_id: input.objectId }),
      ...(input.areaId !== undefined && { area_id: input.areaId }),
      ...(input.isNonRoutine !== undefined && { is_non_routine: toDbBool(input.isNonRoutine) }),
      ...(input.hazardFactorCodes !== undefined && { hazard_factor_codes: JSON.stringify(input.hazardFactorCodes) }),
      ...(input.accidentTypeCodes !== undefined && { accident_type_codes: JSON.stringify(input.accidentTypeCodes) }),
      ...(input.causes !== undefined && { causes: input.causes }),
      ...(input.identificationMethod !== undefined && { identification_method: input.identificationMethod }),
      ...(input.jhaSteps !== undefined && { jha_steps: toDbJson(input.jhaSteps) }),
      ...(input.controlTier !== undefined && { control_tier: input.controlTier }),
      ...(input.responsiblePersonId !== undefined && { responsible_person_id: input.responsiblePersonId }),
      // Re-identification answers the change that flagged the risk (seed 001 Art. 6).
      ...(isReidentification && { identified_at: at, identified_by_user_id: actor.userId, review_reason: null, review_flagged_at: null }),
      updated_at: at,
    };
    await repo.updateRiskColumns(trx, actor.enterpriseId, riskId, patch);
    // Its place or object is a 第七条 fact (area hazards, 重大危险源, accidents there): re-evaluate on a move.
    if (input.areaId !== undefined || input.objectId !== undefined || input.objectKind !== undefined) {
      const moved = await repo.findRisk(trx, actor.enterpriseId, riskId);
      if (moved) await reevaluateRiskRows(trx, actor.enterpriseId, [moved], '风险位置或对象变更（第七条）', now, { flag: false });
    }
    await recordChange(trx, actor, now, {
      entity: 'risk',
      entityId: riskId,
      action: isReidentification ? 'reidentify' : 'update',
      before: Object.fromEntries(Object.keys(patch).map((k) => [k, row[k as keyof RiskTable]])),
      after: patch,
    });
  });
  return getRiskDetail(deps.db, actor.enterpriseId, riskId, locale);
}

export async function archiveRisk(deps: AppDeps, actor: RiskWriter, riskId: string, locale: Locale) {
  await withTransaction(deps.db, async (trx) => {
    const row = await getRiskRow(trx, actor.enterpriseId, riskId);
    assertLive(row);
    const now = deps.clock.now();
    const at = now.toISOString();
    await repo.updateRiskColumns(trx, actor.enterpriseId, riskId, { archived_at: at, updated_at: at });
    // An archived risk is inspected no more: its measures and their items go with it.
    const measureIds = (await repo.listMeasuresOfRisks(trx, actor.enterpriseId, [riskId], false)).map((m) => m.id);
    await repo.updateItemsOfMeasures(trx, actor.enterpriseId, measureIds, { is_active: 0, archived_at: at, updated_at: at });
    for (const id of measureIds) await repo.updateMeasureColumns(trx, actor.enterpriseId, id, { archived_at: at, updated_at: at });
    await recomputePostLevel(trx, actor.enterpriseId, row.post_id, now);
    await recordChange(trx, actor, now, { entity: 'risk', entityId: riskId, action: 'archive', before: { archivedAt: null }, after: { archivedAt: at } });
  });
  return getRiskDetail(deps.db, actor.enterpriseId, riskId, locale);
}
