/* Control measures (seed 001 Art. 8–9) and the inspection item each one becomes (Art. 13). */
import type { AppDeps } from '../../app-deps.js';
import { withTransaction, type Executor } from '../../db/with-transaction.js';
import type { Locale } from '../../../i18n/locale.js';
import type { MeasureFullDto, MeasureInput, MeasureUpdateInput } from '../../../schemas/risks.js';
import { AppError, notFound } from '../../platform/http/app-error.js';
import { referenceMissing } from '../../platform/http/validation.js';
import { newId } from '../../platform/ids.js';
import { allActiveExist } from '../../platform/resource/tenant-resource.repository.js';
import { recordChange } from '../audit/audit.service.js';
import { findPost } from '../org/posts.service.js';
import { getRiskDetail, getRiskRow, loadMeasures } from './risk-read.service.js';
import * as repo from './risks.repository.js';
import { checkMeasureFitsPost } from './risks.service.js';

type Actor = { userId: string; enterpriseId: string };

async function checkInspectionRefs(trx: Executor, enterpriseId: string, inspection: Partial<MeasureInput['inspection']> | undefined) {
  if (inspection?.responsiblePersonId && !(await allActiveExist(trx, 'person', enterpriseId, [inspection.responsiblePersonId]))) {
    throw referenceMissing('inspection.responsiblePersonId');
  }
  if (inspection?.supervisorPostId && !(await allActiveExist(trx, 'post', enterpriseId, [inspection.supervisorPostId]))) {
    throw referenceMissing('inspection.supervisorPostId');
  }
}

/** The risk must be live and its post too: nothing is added to an archived post's list. */
async function liveRiskAndPost(trx: Executor, enterpriseId: string, riskId: string) {
  const risk = await getRiskRow(trx, enterpriseId, riskId);
  if (risk.archived_at) throw new AppError('ARCHIVED', { entity: 'risk' });
  const post = await findPost(trx, enterpriseId, risk.post_id);
  if (!post || post.archived_at) throw new AppError('ARCHIVED', { entity: 'post' });
  return { risk, post };
}

export async function getMeasure(db: Executor, enterpriseId: string, measureId: string): Promise<MeasureFullDto> {
  const m = await repo.findMeasure(db, enterpriseId, measureId);
  if (!m) throw notFound('control_measure');
  const [dto] = (await loadMeasures(db, enterpriseId, [m.risk_id], true)).filter((x) => x.id === measureId);
  if (!dto) throw notFound('control_measure');
  return dto;
}

/** For routes: 404 before anything else is read (another enterprise's measure does not exist). */
export async function assertMeasureExists(db: Executor, enterpriseId: string, measureId: string): Promise<void> {
  if (!(await repo.findMeasure(db, enterpriseId, measureId))) throw notFound('control_measure');
}

export async function addMeasure(deps: AppDeps, actor: Actor, riskId: string, input: MeasureInput, locale: Locale) {
  await withTransaction(deps.db, async (trx) => {
    const { risk, post } = await liveRiskAndPost(trx, actor.enterpriseId, riskId);
    checkMeasureFitsPost(post.kind, input);
    await checkInspectionRefs(trx, actor.enterpriseId, input.inspection);
    const now = deps.clock.now();
    const at = now.toISOString();
    const measureId = newId();
    await repo.insertMeasure(trx, {
      id: measureId,
      enterprise_id: actor.enterpriseId,
      risk_id: riskId,
      type: input.type,
      phase: input.phase,
      duty_item: input.dutyItem,
      text: input.text,
      position: await repo.nextMeasurePosition(trx, actor.enterpriseId, riskId),
      created_at: at,
      updated_at: at,
      archived_at: null,
    });
    await repo.insertInspectionItem(trx, {
      id: newId(),
      enterprise_id: actor.enterpriseId,
      post_id: risk.post_id,
      measure_id: measureId,
      content: input.inspection.content,
      method: input.inspection.method,
      period: input.inspection.period,
      responsible_person_id: input.inspection.responsiblePersonId,
      supervisor_post_id: input.inspection.supervisorPostId,
      is_active: risk.status === 'accepted' ? 1 : 0,
      template_ref: null,
      responsible_is_holders: input.inspection.responsibleIsPostHolders ? 1 : 0,
      // A new item is a draft: tasks run it once the post's list is published (seed 001 第十三条).
      published_content: null,
      published_method: null,
      published_period: null,
      published_responsible_person_id: null,
      published_supervisor_post_id: null,
      published_at: null,
      created_at: at,
      updated_at: at,
      archived_at: null,
    });
    await recordChange(trx, actor, now, { entity: 'control_measure', entityId: measureId, action: 'create', after: { riskId, ...input } });
  });
  return getRiskDetail(deps.db, actor.enterpriseId, riskId, locale);
}

export async function updateMeasure(deps: AppDeps, actor: Actor, measureId: string, input: MeasureUpdateInput) {
  return withTransaction(deps.db, async (trx) => {
    const before = await getMeasure(trx, actor.enterpriseId, measureId);
    if (before.archivedAt) throw new AppError('ARCHIVED', { entity: 'control_measure' });
    const { post } = await liveRiskAndPost(trx, actor.enterpriseId, before.riskId);
    checkMeasureFitsPost(post.kind, {
      type: input.type ?? before.type,
      phase: input.phase === undefined ? before.phase : input.phase,
      dutyItem: input.dutyItem === undefined ? before.dutyItem : input.dutyItem,
    });
    await checkInspectionRefs(trx, actor.enterpriseId, input.inspection);
    const now = deps.clock.now();
    const at = now.toISOString();
    await repo.updateMeasureColumns(trx, actor.enterpriseId, measureId, {
      ...(input.type !== undefined && { type: input.type }),
      ...(input.phase !== undefined && { phase: input.phase }),
      ...(input.dutyItem !== undefined && { duty_item: input.dutyItem }),
      ...(input.text !== undefined && { text: input.text }),
      updated_at: at,
    });
    const item = before.inspectionItems[0];
    const i = input.inspection;
    if (item && i && Object.keys(i).length) {
      await repo.updateItem(trx, actor.enterpriseId, item.id, {
        ...(i.content !== undefined && { content: i.content }),
        ...(i.method !== undefined && { method: i.method }),
        ...(i.period !== undefined && { period: i.period }),
        ...(i.responsiblePersonId !== undefined && { responsible_person_id: i.responsiblePersonId }),
        ...(i.responsibleIsPostHolders !== undefined && { responsible_is_holders: i.responsibleIsPostHolders ? 1 : 0 }),
        ...(i.supervisorPostId !== undefined && { supervisor_post_id: i.supervisorPostId }),
        updated_at: at,
      });
    }
    const after = await getMeasure(trx, actor.enterpriseId, measureId);
    await recordChange(trx, actor, now, { entity: 'control_measure', entityId: measureId, action: 'update', before, after });
    return after;
  });
}

export async function archiveMeasure(deps: AppDeps, actor: Actor, measureId: string) {
  return withTransaction(deps.db, async (trx) => {
    const before = await getMeasure(trx, actor.enterpriseId, measureId);
    if (before.archivedAt) throw new AppError('ARCHIVED', { entity: 'control_measure' });
    const now = deps.clock.now();
    const at = now.toISOString();
    await repo.updateMeasureColumns(trx, actor.enterpriseId, measureId, { archived_at: at, updated_at: at });
    // Its inspection items go with it: nobody inspects a measure that no longer exists.
    await repo.updateItemsOfMeasures(trx, actor.enterpriseId, [measureId], { is_active: 0, archived_at: at, updated_at: at });
    const after = await getMeasure(trx, actor.enterpriseId, measureId);
    await recordChange(trx, actor, now, { entity: 'control_measure', entityId: measureId, action: 'archive', before, after });
    return after;
  });
}
