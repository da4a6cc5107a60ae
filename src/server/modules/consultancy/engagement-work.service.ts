/* The work of an engagement (seed 002): ticking deliverables, producing the phase's reports, recording
 * recording findings as the enterprise's hazards, moving to the next phase. */
import type { AppDeps } from '../../app-deps.js';
import { withTransaction } from '../../db/with-transaction.js';
import { missingToAdvance } from '../../../domain/consultancy/engagement.js';
import { consultancyPhases, deliverableOf, type ReportKind } from '../../../reference/consultancy-phases.js';
import { AppError } from '../../platform/http/app-error.js';
import { fieldError } from '../../platform/http/validation.js';
import { newId } from '../../platform/ids.js';
import { recordChange } from '../audit/audit.service.js';
import { createHazardInTransaction } from '../hazards/hazard-intake.service.js';
import * as repo from './consultancy.repository.js';
import { doneCodes, type EngagementRow } from './engagement.service.js';
import { reportSnapshot } from './engagement-reports.service.js';

const wrongState = (zh: string, en: string) => new AppError('ENGAGEMENT_STATE', { reasonZh: zh, reasonEn: en });

function ensureOpen(row: EngagementRow) {
  if (row.completed_at) throw wrongState('咨询已完成', 'the engagement is completed');
  if (row.ended_at) throw wrongState('咨询服务已结束', 'the engagement has ended');
}

async function tick(trx: Parameters<typeof repo.insertEvent>[0], row: EngagementRow, userId: string, code: string, note: string, at: Date) {
  await repo.insertEvent(trx, { id: newId(), engagement_id: row.id, enterprise_id: row.enterprise_id, kind: 'deliverable', code, note, user_id: userId, at: at.toISOString() });
  await recordChange(trx, { userId, enterpriseId: row.enterprise_id }, at, { entity: 'engagement', entityId: row.id, action: 'deliverable', after: { code, note } });
}

/** A tracked or record deliverable of the current or an earlier phase is ticked (once; again is harmless). */
export async function completeDeliverable(deps: AppDeps, userId: string, row: EngagementRow, code: string, note: string): Promise<void> {
  ensureOpen(row);
  const d = deliverableOf(code);
  if (!d || d.phase > row.phase) throw fieldError('code', { 'zh-CN': '不是本阶段或之前阶段的交付物', 'en-US': 'Not a deliverable of this or an earlier phase' });
  if (d.kind === 'report') throw fieldError('code', { 'zh-CN': '报告由系统生成，请点“生成”', 'en-US': 'A report is produced by the product: use Generate' });
  if ((await doneCodes(deps.db, [row.id])).get(row.id)?.has(code)) return;
  await withTransaction(deps.db, (trx) => tick(trx, row, userId, code, note, deps.clock.now()));
}

/** Produces a report of the current or an earlier phase from the enterprise's records now; the deliverable is done. */
export async function generateReport(deps: AppDeps, userId: string, row: EngagementRow, kind: ReportKind): Promise<{ id: string }> {
  ensureOpen(row);
  const phase = consultancyPhases.find((p) => p.deliverables.some((d) => d.report === kind));
  const deliverable = phase?.deliverables.find((d) => d.report === kind);
  if (!phase || !deliverable || phase.phase > row.phase) throw fieldError('kind', { 'zh-CN': '该报告不属于本阶段或之前阶段', 'en-US': 'That report belongs to a later phase' });
  const snapshot = await reportSnapshot(deps, row);
  const id = newId();
  await withTransaction(deps.db, async (trx) => {
    const at = deps.clock.now();
    await repo.insertReport(trx, { id, engagement_id: row.id, enterprise_id: row.enterprise_id, kind, snapshot: JSON.stringify(snapshot), generated_by_user_id: userId, generated_at: at.toISOString() });
    if (!(await doneCodes(trx, [row.id])).get(row.id)?.has(deliverable.code)) await tick(trx, row, userId, deliverable.code, '', at);
  });
  return { id };
}

/** A consultant's finding on the site walk is a hazard of the enterprise, reported by the consultancy. */
export async function recordFinding(deps: AppDeps, userId: string, row: EngagementRow, input: { description: string; postId?: string; areaId?: string; clientId: string }): Promise<{ hazardId: string }> {
  return withTransaction(deps.db, async (trx) => {
    const { hazardId } = await createHazardInTransaction(deps, trx, { userId, enterpriseId: row.enterprise_id }, { source: 'adhoc', description: input.description, postId: input.postId ?? null, areaId: input.areaId ?? null, reporterName: row.consultancy_name, clientId: input.clientId });
    await repo.insertFinding(trx, { engagement_id: row.id, hazard_id: hazardId, enterprise_id: row.enterprise_id, created_at: deps.clock.now().toISOString() });
    return { hazardId };
  });
}

/** Moves to the next phase once the phase's closing report is produced; after phase 5 the engagement is completed. */
export async function advancePhase(deps: AppDeps, userId: string, row: EngagementRow): Promise<void> {
  ensureOpen(row);
  const codes = new Set((await doneCodes(deps.db, [row.id])).get(row.id)?.keys() ?? []);
  const missing = missingToAdvance(row.phase, codes);
  if (missing.length) throw wrongState(`尚未完成：${missing.map((d) => d.title['zh-CN']).join('、')}`, `not done yet: ${missing.map((d) => d.title['en-US']).join(', ')}`);
  await withTransaction(deps.db, async (trx) => {
    const at = deps.clock.now();
    const isLast = row.phase >= consultancyPhases.length;
    const moved = await repo.updatePhase(trx, row.id, row.phase, { phase: isLast ? row.phase : row.phase + 1, phase_started_at: isLast ? row.phase_started_at : at.toISOString(), completed_at: isLast ? at.toISOString() : null });
    if (!moved) throw new AppError('CONFLICT', { detail: 'phase' });
    await repo.insertEvent(trx, { id: newId(), engagement_id: row.id, enterprise_id: row.enterprise_id, kind: 'advance', code: `phase:${isLast ? 'done' : row.phase + 1}`, note: '', user_id: userId, at: at.toISOString() });
    await recordChange(trx, { userId, enterpriseId: row.enterprise_id }, at, { entity: 'engagement', entityId: row.id, action: 'advance', before: { phase: row.phase }, after: { phase: isLast ? 'completed' : row.phase + 1 } });
  });
}
