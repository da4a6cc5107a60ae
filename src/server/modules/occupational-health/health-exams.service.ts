/* Occupational health examinations (职业健康检查: 上岗前/在岗期间/离岗时, issue 14 §10). Each one is
 * insert-only evidence; a person's latest examination states when the next is due (the
 * institution's date, or the product default of src/domain/operations/occupational-health.ts). */
import type { z } from 'zod';
import type { AppDeps } from '../../app-deps.js';
import { withTransaction } from '../../db/with-transaction.js';
import type { HealthExamTable } from '../../db/tables/operations-tables.js';
import { dateState } from '../../../domain/operations/date-state.js';
import { type HealthExamKind, type HealthExamResult, nextExamDue } from '../../../domain/operations/occupational-health.js';
import { type HealthExamDto, healthExamInputSchema, type healthExamListQuerySchema } from '../../../schemas/occupational-health.js';
import { decodeCursor, toPage } from '../../platform/http/cursor.js';
import { notFound } from '../../platform/http/app-error.js';
import { referenceMissing } from '../../platform/http/validation.js';
import { newId } from '../../platform/ids.js';
import { allActiveExist } from '../../platform/resource/tenant-resource.repository.js';
import { recordChange } from '../audit/audit.service.js';
import * as repo from './occupational-health.repository.js';
import { registerToday } from './special-equipment.service.js';

/** Days ahead an examination shows as due soon (and the person is notified). */
export const examWarningDays = 30;

async function toDtos(deps: AppDeps, enterpriseId: string, rows: repo.HealthExamRow[]): Promise<HealthExamDto[]> {
  const today = await registerToday(deps.db, enterpriseId, deps.clock.now());
  const latest = await repo.latestExamIds(deps.db, enterpriseId, [...new Set(rows.map((r) => r.person_id))]);
  return rows.map((r) => {
    const isLatest = latest.get(r.person_id)?.id === r.id;
    return {
      id: r.id,
      personId: r.person_id,
      personName: r.person_name,
      kind: r.kind as HealthExamKind,
      examOn: r.exam_on,
      institution: r.institution,
      result: r.result as HealthExamResult,
      findings: r.findings,
      nextDueOn: r.next_due_on,
      isLatest,
      dueState: isLatest ? dateState(r.next_due_on, today, examWarningDays) : 'none',
      createdAt: r.created_at,
    };
  });
}

export async function addHealthExam(deps: AppDeps, actor: { userId: string; enterpriseId: string }, input: z.infer<typeof healthExamInputSchema>): Promise<HealthExamDto> {
  const id = newId();
  await withTransaction(deps.db, async (trx) => {
    if (!(await allActiveExist(trx, 'person', actor.enterpriseId, [input.personId]))) throw referenceMissing('personId');
    const now = deps.clock.now();
    const row: HealthExamTable = {
      id,
      enterprise_id: actor.enterpriseId,
      person_id: input.personId,
      kind: input.kind,
      exam_on: input.examOn,
      institution: input.institution,
      result: input.result,
      findings: input.findings,
      next_due_on: nextExamDue({ kind: input.kind, result: input.result, examOn: input.examOn, givenNextDueOn: input.nextDueOn }),
      recorded_by_user_id: actor.userId,
      created_at: now.toISOString(),
    };
    await repo.insertHealthExam(trx, row);
    await recordChange(trx, actor, now, { entity: 'health_exam', entityId: id, action: 'create', after: { ...input, nextDueOn: row.next_due_on } });
  });
  return getHealthExam(deps, actor.enterpriseId, id);
}

export async function getHealthExam(deps: AppDeps, enterpriseId: string, id: string): Promise<HealthExamDto> {
  const row = await repo.findHealthExam(deps.db, enterpriseId, id);
  if (!row) throw notFound('health_exam');
  return (await toDtos(deps, enterpriseId, [row]))[0] as HealthExamDto;
}

export async function listHealthExams(deps: AppDeps, enterpriseId: string, q: z.infer<typeof healthExamListQuerySchema>) {
  const rows = await repo.listHealthExams(deps.db, enterpriseId, { personId: q.personId, after: decodeCursor(q.cursor), limit: q.limit + 1 });
  const page = toPage(rows, q.limit, (r) => ({ at: r.created_at, id: r.id }), (r) => r);
  return { items: await toDtos(deps, enterpriseId, page.items), nextCursor: page.nextCursor };
}
