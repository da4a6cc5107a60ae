/* Change management (变更管理, issue 14 §7, seed 000 一(二)3; seed 001 第六条). A change request names
 * what it changes (a post, an area, an equipment, a material); its DTO lists the live risks those
 * touch, read through the risk module (risk-change-flags.service.ts). The risk review step flags
 * them for re-identification — the same flag an org change sets — then the request is approved or
 * rejected, implemented and closed. Every step is one transaction with its audit row. */
import type { z } from 'zod';
import type { AppDeps } from '../../app-deps.js';
import { withTransaction, type Executor } from '../../db/with-transaction.js';
import { type ChangeKind, type ChangeStatus, type ChangeStep, changeTransition, isEditable } from '../../../domain/management/change-lifecycle.js';
import { allRoles, managerRoles } from '../../../schemas/auth.js';
import { type ChangeRequestDto, changeRequestCreateSchema, changeRequestListQuerySchema, changeRequestSchema, changeRequestUpdateSchema } from '../../../schemas/change-requests.js';
import { AppError, notFound } from '../../platform/http/app-error.js';
import type { ResourceSpec } from '../../platform/resource/tenant-resource.js';
import type { Row } from '../../platform/resource/tenant-resource.repository.js';
import { recordChange } from '../audit/audit.service.js';
import { flagRisksForChange, risksTouchedBy } from '../risks/risk-change-flags.service.js';

type Create = z.infer<typeof changeRequestCreateSchema>;
type Update = z.infer<typeof changeRequestUpdateSchema>;

const statusText: Record<ChangeStatus, { 'zh-CN': string; 'en-US': string }> = {
  requested: { 'zh-CN': '已申请（待风险评审）', 'en-US': 'requested (risk review pending)' },
  reviewed: { 'zh-CN': '已完成风险评审', 'en-US': 'risk-reviewed' },
  approved: { 'zh-CN': '已批准', 'en-US': 'approved' },
  rejected: { 'zh-CN': '已驳回', 'en-US': 'rejected' },
  implemented: { 'zh-CN': '已实施', 'en-US': 'implemented' },
  closed: { 'zh-CN': '已关闭', 'en-US': 'closed' },
};
const wrongState = (needs: ChangeStatus) =>
  new AppError('RECORD_WRONG_STATE', { entity: 'change_request', reasonZh: `此步骤须在“${statusText[needs]['zh-CN']}”状态下进行`, reasonEn: `this step needs the request ${statusText[needs]['en-US']}` });

const scopeOf = (r: Row) => ({
  postIds: r.post_id ? [r.post_id as string] : [],
  areaIds: r.area_id ? [r.area_id as string] : [],
  objectIds: [r.equipment_id, r.material_id].filter((v): v is string => typeof v === 'string'),
});

async function toDtos(db: Executor, enterpriseId: string, rows: Row[]): Promise<ChangeRequestDto[]> {
  const out: ChangeRequestDto[] = [];
  for (const r of rows) {
    const flagged = new Set(JSON.parse(r.flagged_risk_ids as string) as string[]);
    const touched = await risksTouchedBy(db, enterpriseId, scopeOf(r));
    out.push({
      id: r.id,
      name: r.name as string,
      kind: r.kind as ChangeKind,
      description: r.description as string,
      requestedByPersonId: r.requested_by_person_id as string | null,
      postId: r.post_id as string | null,
      areaId: r.area_id as string | null,
      equipmentId: r.equipment_id as string | null,
      materialId: r.material_id as string | null,
      plannedOn: r.planned_on as string | null,
      status: r.status as ChangeStatus,
      reviewNotes: r.review_notes as string,
      reviewedAt: r.reviewed_at as string | null,
      decisionNote: r.decision_note as string,
      decidedAt: r.decided_at as string | null,
      implementedAt: r.implemented_at as string | null,
      closeNote: r.close_note as string,
      closedAt: r.closed_at as string | null,
      touchedRisks: touched.map((t) => ({ id: t.id, postId: t.postId, objectName: t.objectName, level: t.level, status: t.status, reviewReason: t.reviewReason, isFlaggedByThisChange: flagged.has(t.id) })),
      createdAt: r.created_at,
      updatedAt: r.updated_at as string,
      archivedAt: r.archived_at,
    });
  }
  return out;
}

async function findRequest(db: Executor, enterpriseId: string, id: string) {
  return db.selectFrom('change_request').selectAll().where('enterprise_id', '=', enterpriseId).where('id', '=', id).executeTakeFirst();
}

export function changeRequestSpec(): ResourceSpec<ChangeRequestDto, Create, Update, z.infer<typeof changeRequestListQuerySchema>> {
  return {
    table: 'change_request',
    path: '/api/v1/change-requests',
    tag: 'management',
    readRoles: allRoles,
    writeRoles: managerRoles,
    createSchema: changeRequestCreateSchema,
    updateSchema: changeRequestUpdateSchema,
    dtoSchema: changeRequestSchema,
    listQuerySchema: changeRequestListQuerySchema,
    searchColumns: ['name', 'description'],
    filters: { status: 'status', kind: 'kind' },
    references: { requestedByPersonId: 'person', postId: 'post', areaId: 'area', equipmentId: 'equipment', materialId: 'material' },
    toColumns: (input) => ({
      ...(input.name !== undefined && { name: input.name }),
      ...(input.kind !== undefined && { kind: input.kind }),
      ...(input.description !== undefined && { description: input.description }),
      ...(input.requestedByPersonId !== undefined && { requested_by_person_id: input.requestedByPersonId }),
      ...(input.postId !== undefined && { post_id: input.postId }),
      ...(input.areaId !== undefined && { area_id: input.areaId }),
      ...(input.equipmentId !== undefined && { equipment_id: input.equipmentId }),
      ...(input.materialId !== undefined && { material_id: input.materialId }),
      ...(input.plannedOn !== undefined && { planned_on: input.plannedOn }),
    }),
    toDtos,
    validate: async (trx, enterpriseId, id) => {
      if (!id) return;
      const row = await findRequest(trx, enterpriseId, id);
      if (row && !isEditable(row.status as ChangeStatus)) throw wrongState('requested');
    },
  };
}

const stepColumns: Record<ChangeStep, (at: string, userId: string, note: string) => Record<string, unknown>> = {
  review: (at, userId, note) => ({ reviewed_at: at, reviewed_by_user_id: userId, review_notes: note }),
  approve: (at, userId, note) => ({ decided_at: at, decided_by_user_id: userId, decision_note: note }),
  reject: (at, userId, note) => ({ decided_at: at, decided_by_user_id: userId, decision_note: note }),
  implement: (at) => ({ implemented_at: at }),
  close: (at, _userId, note) => ({ closed_at: at, close_note: note }),
};

/** One step of the request. The risk review flags the risks the change touches (accepted, live ones). */
export async function changeRequestStep(deps: AppDeps, actor: { userId: string; enterpriseId: string }, id: string, step: ChangeStep, note: string): Promise<ChangeRequestDto> {
  return withTransaction(deps.db, async (trx) => {
    const row = await findRequest(trx, actor.enterpriseId, id);
    if (!row) throw notFound('change_request');
    if (row.archived_at) throw new AppError('ARCHIVED', { entity: 'change_request' });
    const t = changeTransition(row.status as ChangeStatus, step);
    if (!t.ok) throw wrongState(t.needs);
    const [before] = await toDtos(trx, actor.enterpriseId, [row as unknown as Row]);
    const now = deps.clock.now();
    const at = now.toISOString();
    const columns: Record<string, unknown> = { status: t.to, updated_at: at, ...stepColumns[step](at, actor.userId, note) };
    if (step === 'review') {
      const touched = await risksTouchedBy(trx, actor.enterpriseId, scopeOf(row as unknown as Row));
      const flagged = await flagRisksForChange(trx, actor, touched.map((r) => r.id), `变更管理：${row.name}`, now);
      columns.flagged_risk_ids = JSON.stringify(flagged);
    }
    await trx.updateTable('change_request').set(columns).where('enterprise_id', '=', actor.enterpriseId).where('id', '=', id).execute();
    const [after] = await toDtos(trx, actor.enterpriseId, [(await findRequest(trx, actor.enterpriseId, id)) as unknown as Row]);
    await recordChange(trx, actor, now, { entity: 'change_request', entityId: id, action: step, before, after });
    return after as ChangeRequestDto;
  });
}

/**
 * Indicator of change management for a period (the management review's "变更" input): requests made
 * and changes implemented in [from, to), and requests still open now (neither closed nor rejected).
 */
export async function changeIndicators(db: Executor, enterpriseId: string, period: { from: Date; to: Date }): Promise<{ requested: number; implemented: number; open: number }> {
  const [from, to] = [period.from.toISOString(), period.to.toISOString()];
  const row = await db
    .selectFrom('change_request')
    .where('enterprise_id', '=', enterpriseId)
    .where('archived_at', 'is', null)
    .select((eb) => [
      eb.fn.sum<number>(eb.case().when(eb.and([eb('created_at', '>=', from), eb('created_at', '<', to)])).then(1).else(0).end()).as('requested'),
      eb.fn.sum<number>(eb.case().when(eb.and([eb('implemented_at', '>=', from), eb('implemented_at', '<', to)])).then(1).else(0).end()).as('implemented'),
      eb.fn.sum<number>(eb.case().when('status', 'not in', ['closed', 'rejected']).then(1).else(0).end()).as('open'),
    ])
    .executeTakeFirst();
  return { requested: Number(row?.requested ?? 0), implemented: Number(row?.implemented ?? 0), open: Number(row?.open ?? 0) };
}
