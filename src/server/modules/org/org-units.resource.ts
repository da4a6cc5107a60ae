import type { z } from 'zod';
import { allRoles, managerRoles } from '../../../schemas/auth.js';
import { type OrgUnitDto, orgUnitDtoSchema, orgUnitInputSchema, orgUnitListQuerySchema, orgUnitUpdateSchema } from '../../../schemas/org.js';
import { AppError } from '../../platform/http/app-error.js';
import type { ResourceSpec } from '../../platform/resource/tenant-resource.js';
import { listOrgUnitParents } from './org-units.repository.js';

type CreateIn = z.infer<typeof orgUnitInputSchema>;
type UpdateIn = z.infer<typeof orgUnitUpdateSchema>;

/** Would putting `id` under `parentId` close a loop in the tree? */
export function wouldCreateCycle(parents: Map<string, string | null>, id: string, parentId: string): boolean {
  let cursor: string | null | undefined = parentId;
  const seen = new Set<string>();
  while (cursor) {
    if (cursor === id || seen.has(cursor)) return true;
    seen.add(cursor);
    cursor = parents.get(cursor);
  }
  return false;
}

export const orgUnitSpec: ResourceSpec<OrgUnitDto, CreateIn, UpdateIn, z.infer<typeof orgUnitListQuerySchema>> = {
  table: 'org_unit',
  path: '/api/v1/org-units',
  tag: 'org',
  readRoles: allRoles,
  writeRoles: managerRoles,
  createSchema: orgUnitInputSchema,
  updateSchema: orgUnitUpdateSchema,
  dtoSchema: orgUnitDtoSchema,
  listQuerySchema: orgUnitListQuerySchema,
  searchColumns: ['name'],
  filters: { kind: 'kind', parentId: 'parent_id' },
  references: { parentId: 'org_unit' },
  toColumns: (input) => ({
    ...(input.name !== undefined && { name: input.name }),
    ...(input.kind !== undefined && { kind: input.kind }),
    ...(input.parentId !== undefined && { parent_id: input.parentId }),
  }),
  toDtos: async (_db, _enterpriseId, rows) =>
    rows.map((r) => ({
      id: r.id,
      name: r.name as string,
      kind: r.kind as OrgUnitDto['kind'],
      parentId: r.parent_id as string | null,
      createdAt: r.created_at,
      updatedAt: r.updated_at as string,
      archivedAt: r.archived_at,
    })),
  validate: async (trx, enterpriseId, id, input) => {
    if (!id || !input.parentId) return;
    const rows = await listOrgUnitParents(trx, enterpriseId);
    const parents = new Map(rows.map((r) => [r.id, r.parent_id]));
    if (wouldCreateCycle(parents, id, input.parentId)) throw new AppError('ORG_UNIT_CYCLE', {}, [{ path: 'parentId', message: { 'zh-CN': '上级单位不能是自身或其下级', 'en-US': 'Cannot be its own ancestor' } }]);
  },
};
