/* Workplace monitoring (职业病危害因素检测) against the limits of GBZ 2.1/2.2 (reference data, values
 * UNCONFIRMED), the exposures each post's risks imply, the 职业病危害项目申报 record, and the one
 * indicator function of occupational health (DESIGN "Indicators"): other features — the issue-15
 * monitoring table — call `occupationalHealthIndicators`, never these tables. A reading over its
 * limit raises a hazard through the hazards feature's intake service, in the same transaction. */
import type { z } from 'zod';
import type { AppDeps } from '../../app-deps.js';
import { withTransaction } from '../../db/with-transaction.js';
import type { OhdDeclarationTable, WorkplaceMonitoringTable } from '../../db/tables/operations-tables.js';
import { exposureKindsOfCodes, isOverLimit } from '../../../domain/operations/occupational-health.js';
import { type ExposureFactorKind, findExposureLimit } from '../../../reference/occupational-exposure-limits.js';
import type { Locale } from '../../../i18n/locale.js';
import { type DeclarationDto, declarationInputSchema, type MonitoringDto, monitoringInputSchema, type monitoringListQuerySchema, type PostExposureDto } from '../../../schemas/occupational-health.js';
import { decodeCursor, toPage } from '../../platform/http/cursor.js';
import { fieldError, referenceMissing } from '../../platform/http/validation.js';
import { newId } from '../../platform/ids.js';
import { allActiveExist } from '../../platform/resource/tenant-resource.repository.js';
import { recordChange } from '../audit/audit.service.js';
import { createHazardInTransaction } from '../hazards/hazard-intake.service.js';
import { risksTouchedBy } from '../risks/risk-change-flags.service.js';
import * as repo from './occupational-health.repository.js';
import { registerToday } from './special-equipment.service.js';

function toMonitoring(r: WorkplaceMonitoringTable, locale: Locale): MonitoringDto {
  const limit = findExposureLimit(r.limit_code);
  return {
    id: r.id,
    areaId: r.area_id,
    postId: r.post_id,
    point: r.point,
    limitCode: r.limit_code,
    factor: limit?.label[locale] ?? r.limit_code,
    kind: limit?.kind ?? 'other',
    unit: limit?.unit ?? '',
    measuredOn: r.measured_on,
    value: Number(r.value),
    limitValue: Number(r.limit_value),
    isOverLimit: Number(r.is_over_limit) === 1,
    agency: r.agency,
    hazardId: r.hazard_id,
    createdAt: r.created_at,
  };
}

export async function addMonitoring(deps: AppDeps, actor: { userId: string; enterpriseId: string }, input: z.infer<typeof monitoringInputSchema>, locale: Locale): Promise<MonitoringDto> {
  const limit = findExposureLimit(input.limitCode);
  if (!limit) throw fieldError('limitCode', { 'zh-CN': '请选择检测因素（职业接触限值表中的一项）', 'en-US': 'Pick the agent measured (an entry of the exposure limit table)' });
  return withTransaction(deps.db, async (trx) => {
    if (input.areaId && !(await allActiveExist(trx, 'area', actor.enterpriseId, [input.areaId]))) throw referenceMissing('areaId');
    if (input.postId && !(await allActiveExist(trx, 'post', actor.enterpriseId, [input.postId]))) throw referenceMissing('postId');
    const now = deps.clock.now();
    const id = newId();
    const limitValue = input.limitValue ?? limit.limit;
    const over = isOverLimit(input.value, limitValue);
    let hazardId: string | null = null;
    if (over) {
      const raised = await createHazardInTransaction(deps, trx, actor, {
        source: 'adhoc',
        postId: input.postId,
        areaId: input.areaId,
        description: `职业病危害因素检测超标：${input.point} ${limit.label['zh-CN']} ${input.value} ${limit.unit}（限值 ${limitValue} ${limit.unit}，${limit.clause}，${input.measuredOn}${input.agency ? `，${input.agency}` : ''}）`,
        clientId: `workplace-monitoring-${id}`,
      });
      hazardId = raised.hazardId;
    }
    const row: WorkplaceMonitoringTable = {
      id,
      enterprise_id: actor.enterpriseId,
      area_id: input.areaId,
      post_id: input.postId,
      point: input.point,
      limit_code: input.limitCode,
      measured_on: input.measuredOn,
      value: input.value,
      limit_value: limitValue,
      is_over_limit: over ? 1 : 0,
      agency: input.agency,
      hazard_id: hazardId,
      recorded_by_user_id: actor.userId,
      created_at: now.toISOString(),
    };
    await repo.insertMonitoring(trx, row);
    const dto = toMonitoring(row, locale);
    await recordChange(trx, actor, now, { entity: 'workplace_monitoring', entityId: id, action: 'create', after: dto });
    return dto;
  });
}

export async function listMonitoring(deps: AppDeps, enterpriseId: string, q: z.infer<typeof monitoringListQuerySchema>, locale: Locale) {
  const rows = await repo.listMonitoring(deps.db, enterpriseId, { isOverLimit: q.isOverLimit === undefined ? undefined : q.isOverLimit === 'true', after: decodeCursor(q.cursor), limit: q.limit + 1 });
  const page = toPage(rows, q.limit, (r) => ({ at: r.created_at, id: r.id }), (r) => toMonitoring(r, locale));
  return page;
}

/** The exposure factors each live post's risks imply, with the latest reading per agent at the post. */
export async function postExposures(deps: AppDeps, enterpriseId: string, locale: Locale): Promise<PostExposureDto[]> {
  const posts = await repo.listLivePosts(deps.db, enterpriseId);
  const risks = await risksTouchedBy(deps.db, enterpriseId, { postIds: posts.map((p) => p.id), areaIds: [], objectIds: [] });
  const readings = await repo.listMonitoring(deps.db, enterpriseId, { postIds: posts.map((p) => p.id), limit: 10_000 });
  return posts.map((p) => {
    const mine = risks.filter((r) => r.postId === p.id && r.status !== 'rejected');
    const seen = new Set<string>();
    const latest = readings.filter((r) => r.post_id === p.id && !seen.has(r.limit_code) && seen.add(r.limit_code)).map((r) => toMonitoring(r, locale));
    return { postId: p.id, postName: p.name, kinds: exposureKindsOfCodes(mine.flatMap((r) => r.hazardFactorCodes)), riskCount: mine.length, latestReadings: latest };
  });
}

const toDeclaration = (r: OhdDeclarationTable): DeclarationDto => ({
  id: r.id,
  kind: r.kind as DeclarationDto['kind'],
  declaredOn: r.declared_on,
  authority: r.authority,
  receiptNo: r.receipt_no,
  factors: JSON.parse(r.factors) as ExposureFactorKind[],
  exposedCount: Number(r.exposed_count),
  notes: r.notes,
  createdAt: r.created_at,
});

export async function addDeclaration(deps: AppDeps, actor: { userId: string; enterpriseId: string }, input: z.infer<typeof declarationInputSchema>): Promise<DeclarationDto> {
  return withTransaction(deps.db, async (trx) => {
    const now = deps.clock.now();
    const row: OhdDeclarationTable = {
      id: newId(),
      enterprise_id: actor.enterpriseId,
      kind: input.kind,
      declared_on: input.declaredOn,
      authority: input.authority,
      receipt_no: input.receiptNo,
      factors: JSON.stringify(input.factors),
      exposed_count: input.exposedCount,
      notes: input.notes,
      recorded_by_user_id: actor.userId,
      created_at: now.toISOString(),
    };
    await repo.insertDeclaration(trx, row);
    const dto = toDeclaration(row);
    await recordChange(trx, actor, now, { entity: 'ohd_declaration', entityId: row.id, action: 'create', after: dto });
    return dto;
  });
}

export async function listDeclarations(deps: AppDeps, enterpriseId: string): Promise<DeclarationDto[]> {
  return (await repo.listDeclarations(deps.db, enterpriseId)).map(toDeclaration);
}

/**
 * Occupational health figures of a period (local days, inclusive): workplace readings taken and over
 * their limit (and the share within limits), health examinations owed and overdue today, the latest
 * 职业病危害项目申报. The one function other features read (the monitoring table of issue 15).
 */
export async function occupationalHealthIndicators(deps: AppDeps, enterpriseId: string, period: { from: string; to: string }) {
  const readings = await repo.listMonitoring(deps.db, enterpriseId, { from: period.from, to: period.to, limit: 100_000 });
  const overLimit = readings.filter((r) => Number(r.is_over_limit) === 1).length;
  const today = await registerToday(deps.db, enterpriseId, deps.clock.now());
  const latestExams = [...(await repo.latestExamIds(deps.db, enterpriseId)).values()];
  const examsOverdue = latestExams.filter((e) => e.next_due_on !== null && e.next_due_on < today).length;
  const declarations = await repo.listDeclarations(deps.db, enterpriseId);
  return {
    readings: readings.length,
    readingsOverLimit: overLimit,
    /** Share of readings within their limits, 0–100; null without readings. */
    readingsWithinLimitRate: readings.length ? Math.round(((readings.length - overLimit) / readings.length) * 1000) / 10 : null,
    peopleExamined: latestExams.length,
    examsOverdue,
    lastDeclarationOn: declarations[0]?.declared_on ?? null,
  };
}
export type OccupationalHealthIndicators = Awaited<ReturnType<typeof occupationalHealthIndicators>>;
