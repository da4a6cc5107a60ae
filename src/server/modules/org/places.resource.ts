import type { z } from 'zod';
import { fromDbBool, toDbBool } from '../../db/codecs.js';
import { allRoles, managerRoles } from '../../../schemas/auth.js';
import {
  type AreaDto,
  areaDtoSchema,
  areaInputSchema,
  areaListQuerySchema,
  areaUpdateSchema,
  type EquipmentDto,
  equipmentDtoSchema,
  equipmentInputSchema,
  equipmentListQuerySchema,
  equipmentUpdateSchema,
  type MaterialDto,
  materialDtoSchema,
  materialInputSchema,
  materialListQuerySchema,
  materialUpdateSchema,
} from '../../../schemas/org.js';
import type { ResourceSpec } from '../../platform/resource/tenant-resource.js';
import { findRow, type Row } from '../../platform/resource/tenant-resource.repository.js';
import { AppError } from '../../platform/http/app-error.js';
import { findLiveAreaByName } from './places.repository.js';
import { flagRisksOfChangedObject, reevaluateRisksOfChangedArea } from '../risks/risks.service.js';

const stamps = (r: Row) => ({ createdAt: r.created_at, updatedAt: r.updated_at as string, archivedAt: r.archived_at });

export const areaSpec: ResourceSpec<AreaDto, z.infer<typeof areaInputSchema>, z.infer<typeof areaUpdateSchema>, z.infer<typeof areaListQuerySchema>> = {
  table: 'area',
  path: '/api/v1/areas',
  tag: 'org',
  readRoles: allRoles,
  writeRoles: managerRoles,
  createSchema: areaInputSchema,
  updateSchema: areaUpdateSchema,
  dtoSchema: areaDtoSchema,
  listQuerySchema: areaListQuerySchema,
  searchColumns: ['name', 'description'],
  filters: { orgUnitId: 'org_unit_id' },
  references: { orgUnitId: 'org_unit' },
  toColumns: (input) => ({
    ...(input.name !== undefined && { name: input.name }),
    ...(input.description !== undefined && { description: input.description }),
    ...(input.orgUnitId !== undefined && { org_unit_id: input.orgUnitId }),
    ...(input.hazardKinds !== undefined && { hazard_kinds: JSON.stringify(input.hazardKinds) }),
    ...(input.maxPeopleAtOnce !== undefined && { max_people_at_once: input.maxPeopleAtOnce }),
  }),
  // Issue 8 §9: a second live area of the same name was accepted silently; now 409 naming the field
  // (a concurrent twin meets the partial unique index area_live_name_uq, mapped the same way).
  validate: async (trx, enterpriseId, id, input) => {
    if (input.name === undefined) return;
    const twin = await findLiveAreaByName(trx, enterpriseId, input.name);
    if (twin && twin.id !== id) {
      throw new AppError('CONFLICT', { detail: input.name }, [
        { path: 'name', message: { 'zh-CN': `已有名为“${input.name}”的区域，请换一个名称或使用已有区域`, 'en-US': `An area named "${input.name}" exists; choose another name or use that area` } },
      ]);
    }
  },
  // Seed 001 第七条 / Art. 6: a change of the area re-evaluates (its facts) and flags the risks placed there
  // or on posts working there. A new area has no risks yet, so on create this finds nothing.
  afterWrite: async (trx, enterpriseId, id, input) => {
    const row = await findRow(trx, 'area', enterpriseId, id);
    if (row) await reevaluateRisksOfChangedArea(trx, enterpriseId, id, row.name as string, input as Record<string, unknown>, new Date(row.updated_at as string));
  },
  toDtos: async (_db, _e, rows) =>
    rows.map((r) => ({
      id: r.id,
      name: r.name as string,
      description: r.description as string,
      orgUnitId: r.org_unit_id as string | null,
      hazardKinds: JSON.parse((r.hazard_kinds as string | null) ?? '[]') as AreaDto['hazardKinds'],
      maxPeopleAtOnce: Number(r.max_people_at_once ?? 0),
      ...stamps(r),
    })),
};

export const equipmentSpec: ResourceSpec<
  EquipmentDto,
  z.infer<typeof equipmentInputSchema>,
  z.infer<typeof equipmentUpdateSchema>,
  z.infer<typeof equipmentListQuerySchema>
> = {
  table: 'equipment',
  path: '/api/v1/equipment',
  tag: 'org',
  readRoles: allRoles,
  writeRoles: managerRoles,
  createSchema: equipmentInputSchema,
  updateSchema: equipmentUpdateSchema,
  dtoSchema: equipmentDtoSchema,
  listQuerySchema: equipmentListQuerySchema,
  searchColumns: ['name', 'model', 'code'],
  filters: { areaId: 'area_id' },
  references: { areaId: 'area' },
  refineList: (query, q) => (q.isSpecial === undefined ? query : query.where('is_special', '=', toDbBool(q.isSpecial))),
  afterWrite: async (trx, enterpriseId, id, input) => {
    // A new row has no risks naming it yet, so only an update can flag anything.
    const row = await findRow(trx, 'equipment', enterpriseId, id);
    if (row) await flagRisksOfChangedObject(trx, enterpriseId, 'equipment', id, input as Record<string, unknown>, new Date(row.updated_at as string));
  },
  toColumns: (input) => ({
    ...(input.name !== undefined && { name: input.name }),
    ...(input.model !== undefined && { model: input.model }),
    ...(input.code !== undefined && { code: input.code }),
    ...(input.areaId !== undefined && { area_id: input.areaId }),
    ...(input.isSpecial !== undefined && { is_special: toDbBool(input.isSpecial) }),
    ...(input.isMajorHazardInstallation !== undefined && { is_major_hazard_installation: toDbBool(input.isMajorHazardInstallation) }),
  }),
  toDtos: async (_db, _e, rows) =>
    rows.map((r) => ({
      id: r.id,
      name: r.name as string,
      model: r.model as string,
      code: r.code as string,
      areaId: r.area_id as string | null,
      isSpecial: fromDbBool(r.is_special as number),
      isMajorHazardInstallation: fromDbBool(r.is_major_hazard_installation as number),
      ...stamps(r),
    })),
};

export const materialSpec: ResourceSpec<
  MaterialDto,
  z.infer<typeof materialInputSchema>,
  z.infer<typeof materialUpdateSchema>,
  z.infer<typeof materialListQuerySchema>
> = {
  table: 'material',
  path: '/api/v1/materials',
  tag: 'org',
  readRoles: allRoles,
  writeRoles: managerRoles,
  createSchema: materialInputSchema,
  updateSchema: materialUpdateSchema,
  dtoSchema: materialDtoSchema,
  listQuerySchema: materialListQuerySchema,
  searchColumns: ['name', 'cas_no'],
  filters: { areaId: 'area_id', dangerousClass: 'dangerous_class' },
  references: { areaId: 'area' },
  afterWrite: async (trx, enterpriseId, id, input) => {
    // A new row has no risks naming it yet, so only an update can flag anything.
    const row = await findRow(trx, 'material', enterpriseId, id);
    if (row) await flagRisksOfChangedObject(trx, enterpriseId, 'material', id, input as Record<string, unknown>, new Date(row.updated_at as string));
  },
  toColumns: (input) => ({
    ...(input.name !== undefined && { name: input.name }),
    ...(input.dangerousClass !== undefined && { dangerous_class: input.dangerousClass }),
    ...(input.casNo !== undefined && { cas_no: input.casNo }),
    ...(input.maxStock !== undefined && { max_stock: input.maxStock }),
    ...(input.areaId !== undefined && { area_id: input.areaId }),
  }),
  toDtos: async (_db, _e, rows) =>
    rows.map((r) => ({
      id: r.id,
      name: r.name as string,
      dangerousClass: r.dangerous_class as MaterialDto['dangerousClass'],
      casNo: r.cas_no as string,
      maxStock: r.max_stock as string,
      areaId: r.area_id as string | null,
      ...stamps(r),
    })),
};
