import type { AppDeps } from '../../app-deps.js';
import { fromDbJson } from '../../db/codecs.js';
import { withTransaction, type Executor } from '../../db/with-transaction.js';
import { DomainError } from '../../../domain/domain-error.js';
import { checkShifts, defaultShifts, defaultTimeZone, type ShiftDefinition } from '../../../domain/inspection/period-window.js';
import type { ShiftsDto, ShiftsInput } from '../../../schemas/inspections.js';
import { notFound } from '../../platform/http/app-error.js';
import { fieldError } from '../../platform/http/validation.js';
import { recordChange } from '../audit/audit.service.js';
import * as repo from './inspection-lists.repository.js';

export interface Calendar {
  timeZone: string;
  shifts: readonly ShiftDefinition[];
  isDefault: boolean;
  updatedAt: string | null;
}

/** The enterprise's time zone and shift roster (one 24-hour shift from 08:00 until it defines its own). */
export async function loadCalendar(db: Executor, enterpriseId: string): Promise<Calendar> {
  const row = await repo.findEnterpriseSettings(db, enterpriseId);
  if (!row) throw notFound('enterprise');
  const shifts = fromDbJson<ShiftDefinition[]>(row.shifts ?? null);
  return { timeZone: row.time_zone || defaultTimeZone, shifts: shifts ?? defaultShifts, isDefault: !shifts, updatedAt: row.updated_at ?? null };
}

export async function getShifts(deps: AppDeps, enterpriseId: string): Promise<ShiftsDto> {
  const c = await loadCalendar(deps.db, enterpriseId);
  return { shifts: [...c.shifts], isDefault: c.isDefault, timeZone: c.timeZone, updatedAt: c.updatedAt };
}

export async function putShifts(deps: AppDeps, actor: { userId: string; enterpriseId: string }, input: ShiftsInput): Promise<ShiftsDto> {
  try {
    checkShifts(input.shifts);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const problem = error.params.problem;
    throw fieldError(error.field ?? 'shifts', {
      'zh-CN': problem === 'overlap' ? '班次时间重叠' : problem === 'gap' ? '班次之间有空档，班次须覆盖全天 24 小时' : `班次定义无效：${error.message}`,
      'en-US': problem === 'overlap' ? 'Shifts overlap' : problem === 'gap' ? 'Shifts leave a gap; they must cover the 24 hours' : `Invalid shifts: ${error.message}`,
    });
  }
  const now = deps.clock.now();
  await withTransaction(deps.db, async (trx) => {
    const before = await loadCalendar(trx, actor.enterpriseId);
    await repo.upsertShifts(trx, actor.enterpriseId, JSON.stringify(input.shifts), actor.userId, now.toISOString());
    await recordChange(trx, actor, now, { entity: 'shift_definition', entityId: actor.enterpriseId, action: 'update', before: before.shifts, after: input.shifts });
  });
  return getShifts(deps, actor.enterpriseId);
}
