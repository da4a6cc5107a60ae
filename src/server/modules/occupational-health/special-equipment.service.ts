/* 特种设备 register (issue 14 §10, seed 000 三(五)2(7)): each item with its 特种设备目录 category
 * (src/reference/special-equipment-categories.ts), 使用登记证, and its periodic inspections (定期检验,
 * insert-only, with the agency's report); the next due date feeds the due items. */
import type { z } from 'zod';
import type { AppDeps } from '../../app-deps.js';
import { withTransaction, type Executor } from '../../db/with-transaction.js';
import type { SpecialEquipmentInspectionTable } from '../../db/tables/operations-tables.js';
import { dateState } from '../../../domain/operations/date-state.js';
import { localDateOf } from '../../../domain/emergency/supply-state.js';
import { type InspectionResult, nextInspectionDue } from '../../../domain/operations/occupational-health.js';
import { findSpecialEquipmentCategory, type SpecialEquipmentCategoryCode } from '../../../reference/special-equipment-categories.js';
import { allRoles, managerRoles } from '../../../schemas/auth.js';
import {
  type EquipmentInspectionDto,
  equipmentInspectionInputSchema,
  type SpecialEquipmentDto,
  specialEquipmentCreateSchema,
  specialEquipmentListQuerySchema,
  specialEquipmentSchema,
  specialEquipmentUpdateSchema,
} from '../../../schemas/occupational-health.js';
import { AppError, notFound } from '../../platform/http/app-error.js';
import { newId } from '../../platform/ids.js';
import type { ResourceSpec } from '../../platform/resource/tenant-resource.js';
import type { Row } from '../../platform/resource/tenant-resource.repository.js';
import { recordChange } from '../audit/audit.service.js';
import * as repo from './occupational-health.repository.js';

/** Days ahead an inspection shows as due soon (and the owner is notified). */
export const inspectionWarningDays = 30;

const toInspection = (r: SpecialEquipmentInspectionTable): EquipmentInspectionDto => ({
  id: r.id,
  specialEquipmentId: r.special_equipment_id,
  inspectedOn: r.inspected_on,
  agency: r.agency,
  reportNo: r.report_no,
  result: r.result as InspectionResult,
  nextDueOn: r.next_due_on,
  notes: r.notes,
  createdAt: r.created_at,
});

export async function registerToday(db: Executor, enterpriseId: string, now: Date): Promise<string> {
  return localDateOf(now, await repo.timeZoneOf(db, enterpriseId));
}

export async function specialEquipmentDtos(db: Executor, enterpriseId: string, rows: Row[], now: Date): Promise<SpecialEquipmentDto[]> {
  const today = await registerToday(db, enterpriseId, now);
  const inspections = await repo.listInspections(db, enterpriseId, rows.map((r) => r.id));
  return rows.map((r) => {
    const last = inspections.find((i) => i.special_equipment_id === r.id);
    const nextDueOn = last ? last.next_due_on : (r.first_due_on as string | null);
    const category = r.category as SpecialEquipmentCategoryCode;
    return {
      id: r.id,
      name: r.name as string,
      equipmentId: r.equipment_id as string | null,
      category,
      categoryLabel: findSpecialEquipmentCategory(category)?.label['zh-CN'] ?? category,
      registrationNo: r.registration_no as string,
      cycleMonths: Number(r.cycle_months),
      firstDueOn: r.first_due_on as string | null,
      responsiblePersonId: r.responsible_person_id as string | null,
      lastInspection: last ? toInspection(last) : null,
      nextDueOn,
      dueState: dateState(nextDueOn, today, inspectionWarningDays),
      createdAt: r.created_at,
      updatedAt: r.updated_at as string,
      archivedAt: r.archived_at,
    };
  });
}

type Create = z.infer<typeof specialEquipmentCreateSchema>;
type Update = z.infer<typeof specialEquipmentUpdateSchema>;

export function specialEquipmentSpec(deps: AppDeps): ResourceSpec<SpecialEquipmentDto, Create, Update, z.infer<typeof specialEquipmentListQuerySchema>> {
  return {
    table: 'special_equipment',
    path: '/api/v1/special-equipment',
    tag: 'occupational-health',
    readRoles: allRoles,
    writeRoles: managerRoles,
    createSchema: specialEquipmentCreateSchema,
    updateSchema: specialEquipmentUpdateSchema,
    dtoSchema: specialEquipmentSchema,
    listQuerySchema: specialEquipmentListQuerySchema,
    searchColumns: ['name', 'registration_no'],
    filters: { category: 'category' },
    references: { equipmentId: 'equipment', responsiblePersonId: 'person' },
    toColumns: (input) => {
      // A new item without a cycle (null) takes its category's (UNCONFIRMED reference value).
      const cycle = input.cycleMonths === null ? findSpecialEquipmentCategory(input.category ?? '')?.cycleMonths : input.cycleMonths;
      return {
        ...(input.name !== undefined && { name: input.name }),
        ...(input.equipmentId !== undefined && { equipment_id: input.equipmentId }),
        ...(input.category !== undefined && { category: input.category }),
        ...(input.registrationNo !== undefined && { registration_no: input.registrationNo }),
        ...(cycle !== undefined && { cycle_months: cycle }),
        ...(input.firstDueOn !== undefined && { first_due_on: input.firstDueOn }),
        ...(input.responsiblePersonId !== undefined && { responsible_person_id: input.responsiblePersonId }),
      };
    },
    toDtos: (db, enterpriseId, rows) => specialEquipmentDtos(db, enterpriseId, rows, deps.clock.now()),
  };
}

/** Records a periodic inspection (insert-only) with its audit row; the next due date follows from it. */
export async function addEquipmentInspection(deps: AppDeps, actor: { userId: string; enterpriseId: string }, id: string, input: z.infer<typeof equipmentInspectionInputSchema>): Promise<EquipmentInspectionDto> {
  return withTransaction(deps.db, async (trx) => {
    const item = await repo.findSpecialEquipment(trx, actor.enterpriseId, id);
    if (!item) throw notFound('special_equipment');
    if (item.archived_at) throw new AppError('ARCHIVED', { entity: 'special_equipment' });
    const now = deps.clock.now();
    const row: SpecialEquipmentInspectionTable = {
      id: newId(),
      enterprise_id: actor.enterpriseId,
      special_equipment_id: id,
      inspected_on: input.inspectedOn,
      agency: input.agency,
      report_no: input.reportNo,
      result: input.result,
      next_due_on: nextInspectionDue({ inspectedOn: input.inspectedOn, result: input.result, cycleMonths: Number(item.cycle_months), reportedNextDueOn: input.nextDueOn }),
      notes: input.notes,
      recorded_by_user_id: actor.userId,
      created_at: now.toISOString(),
    };
    await repo.insertInspection(trx, row);
    const dto = toInspection(row);
    await recordChange(trx, actor, now, { entity: 'special_equipment_inspection', entityId: row.id, action: 'create', after: dto });
    return dto;
  });
}

export async function listEquipmentInspections(deps: AppDeps, enterpriseId: string, id: string): Promise<EquipmentInspectionDto[]> {
  if (!(await repo.findSpecialEquipment(deps.db, enterpriseId, id))) throw notFound('special_equipment');
  return (await repo.listInspections(deps.db, enterpriseId, [id])).map(toInspection);
}
