/* Deductions become actions (issue 16 §5). A site condition becomes a hazard (the hazards feature's
 * own intake, so it runs the hazard lifecycle: confirm, five in place, acceptance); any other
 * nonconformity becomes a corrective action with owner and deadline kept here.
 * SEAM: the management-system CAPA (DESIGN "Corrective actions") does not exist yet. When it lands,
 * `raiseNonconformityAction` calls its service instead of writing standardization_action rows, and
 * this module keeps only the link (item → CAPA id). */
import type { AppDeps } from '../../app-deps.js';
import { fromDbBool } from '../../db/codecs.js';
import { type Executor, withTransaction } from '../../db/with-transaction.js';
import type { ActionDto, ActionInput } from '../../../schemas/standardization.js';
import { AppError, notFound } from '../../platform/http/app-error.js';
import { referenceMissing } from '../../platform/http/validation.js';
import { newId } from '../../platform/ids.js';
import { recordChange } from '../audit/audit.service.js';
import { createHazardInTransaction } from '../hazards/hazard-intake.service.js';
import type { Actor } from './score-sheets.service.js';
import { currentDecisions, getAssessmentRow, sheetOf, toActionDto } from './self-assessment.service.js';
import * as repo from './standardization.repository.js';

async function raiseNonconformityAction(trx: Executor, row: Parameters<typeof repo.insertActionIfAbsent>[1]): Promise<boolean> {
  return repo.insertActionIfAbsent(trx, row);
}

export async function createAction(deps: AppDeps, actor: Actor, assessmentId: string, input: ActionInput): Promise<ActionDto> {
  const assessment = await getAssessmentRow(deps, actor.enterpriseId, assessmentId);
  const item = sheetOf(assessment).items.find((i) => i.code === input.itemCode);
  if (!item) throw notFound('score_item');
  const decision = currentDecisions(await repo.listDecisions(deps.db, actor.enterpriseId, assessmentId)).get(item.code);
  if (!decision || (decision.deduction_cents === 0 && !fromDbBool(decision.is_veto_fired))) {
    throw new AppError('STANDARDIZATION_STATE', { reasonZh: `项目 ${item.code} 没有扣分，无需整改`, reasonEn: `item ${item.code} has no deduction to act on` });
  }
  if ((await repo.findLivePeople(deps.db, actor.enterpriseId, [input.ownerPersonId])).length !== 1) throw referenceMissing('ownerPersonId');
  const now = deps.clock.now();
  const id = newId();
  await withTransaction(deps.db, async (trx) => {
    let hazardId: string | null = null;
    if (input.kind === 'hazard') {
      const h = await createHazardInTransaction(deps, trx, actor, {
        source: 'adhoc',
        postId: input.postId ?? null,
        areaId: input.areaId ?? null,
        description: `【标准化自评 ${item.code}】${input.description}`,
        // One hazard per assessment item: a replayed request finds the first.
        clientId: `standardization:${assessmentId}:${item.code}`,
      });
      hazardId = h.hazardId;
    }
    const inserted = await raiseNonconformityAction(trx, {
      id,
      enterprise_id: actor.enterpriseId,
      assessment_id: assessmentId,
      item_code: item.code,
      kind: input.kind,
      description: input.description,
      owner_person_id: input.ownerPersonId,
      deadline: input.deadline,
      hazard_id: hazardId,
      status: 'open',
      created_by_user_id: actor.userId,
      created_at: now.toISOString(),
      closed_at: null,
      closed_note: null,
    });
    if (!inserted) throw new AppError('CONFLICT', { detail: item.code }, [{ path: 'itemCode', message: { 'zh-CN': '该项目已有整改措施', 'en-US': 'this item already has its action' } }]);
    await recordChange(trx, actor, now, { entity: 'standardization_action', entityId: id, action: 'create', after: { assessmentId, ...input, hazardId } });
  });
  const created = (await repo.listActions(deps.db, actor.enterpriseId, assessmentId)).find((a) => a.id === id);
  if (!created) throw notFound('standardization_action');
  return toActionDto(created);
}

/** A hazard action closes through the hazard's own acceptance; an action of this module closes here, with a note. */
export async function closeAction(deps: AppDeps, actor: Actor, assessmentId: string, actionId: string, note: string): Promise<void> {
  const action = await repo.findAction(deps.db, actor.enterpriseId, actionId);
  if (!action || action.assessment_id !== assessmentId) throw notFound('standardization_action');
  if (action.kind === 'hazard') {
    throw new AppError('STANDARDIZATION_STATE', { reasonZh: '隐患类整改须在隐患排查治理中验收闭环', reasonEn: 'a hazard is closed by its acceptance in hazard management' });
  }
  const now = deps.clock.now();
  await withTransaction(deps.db, async (trx) => {
    if (!(await repo.closeAction(trx, actor.enterpriseId, actionId, now.toISOString(), note))) {
      throw new AppError('STANDARDIZATION_STATE', { reasonZh: '该整改措施已完成', reasonEn: 'the action is already done' });
    }
    await recordChange(trx, actor, now, { entity: 'standardization_action', entityId: actionId, action: 'close', after: { note } });
  });
}
