import type { z } from 'zod';
import { allRoles, managerRoles } from '../../../schemas/auth.js';
import { type PostDto, postDtoSchema, postInputSchema, postListQuerySchema, postUpdateSchema } from '../../../schemas/org.js';
import type { ResourceSpec } from '../../platform/resource/tenant-resource.js';
import { findRow } from '../../platform/resource/tenant-resource.repository.js';
import { fieldError } from '../../platform/http/validation.js';
import { flagRisksOfChangedPost, placePostInAreas } from '../risks/risks.service.js';
import { taskPlanChanged } from '../inspections/task-plan-memo.js';
import { areaIdsOfPosts } from './places.service.js';
import { whereWorksIn } from './places.repository.js';

type CreateIn = z.infer<typeof postInputSchema>;
type UpdateIn = z.infer<typeof postUpdateSchema>;

export const postSpec: ResourceSpec<PostDto, CreateIn, UpdateIn, z.infer<typeof postListQuerySchema>> = {
  table: 'post',
  path: '/api/v1/posts',
  tag: 'org',
  readRoles: allRoles,
  writeRoles: managerRoles,
  createSchema: postInputSchema,
  updateSchema: postUpdateSchema,
  dtoSchema: postDtoSchema,
  listQuerySchema: postListQuerySchema,
  searchColumns: ['name', 'main_equipment', 'main_activities'],
  filters: { kind: 'kind', orgUnitId: 'org_unit_id' },
  references: { orgUnitId: 'org_unit', areaIds: { table: 'area', many: true }, reportsToPostId: 'post' },
  refineList: (query, q) => (q.areaId ? whereWorksIn(query, q.areaId) : query),
  toColumns: (input) => ({
    ...(input.name !== undefined && { name: input.name }),
    ...(input.kind !== undefined && { kind: input.kind }),
    ...(input.orgUnitId !== undefined && { org_unit_id: input.orgUnitId }),
    ...(input.headcount !== undefined && { headcount: input.headcount }),
    ...(input.mainEquipment !== undefined && { main_equipment: input.mainEquipment }),
    ...(input.mainActivities !== undefined && { main_activities: input.mainActivities }),
    ...(input.duties !== undefined && { duties: input.duties }),
    ...(input.reportsToPostId !== undefined && { reports_to_post_id: input.reportsToPostId }),
  }),
  // The org chart is a tree: a post cannot report to itself or to a post below it.
  validate: async (trx, enterpriseId, id, input) => {
    let next = input.reportsToPostId ?? null;
    for (let depth = 0; id && next && depth < 50; depth++) {
      if (next === id) throw fieldError('reportsToPostId', { 'zh-CN': '上级岗位不能是本岗位或其下级岗位', 'en-US': 'A post cannot report to itself or to a post below it' });
      next = ((await findRow(trx, 'post', enterpriseId, next))?.reports_to_post_id as string | null | undefined) ?? null;
    }
  },
  // Seed 001 Art. 6: a changed post (kind, headcount, equipment, activities) flags its risks for re-identification.
  afterWrite: async (trx, enterpriseId, id, input) => {
    const row = await findRow(trx, 'post', enterpriseId, id);
    if (!row) return;
    const at = new Date(row.updated_at as string);
    if (input.areaIds !== undefined) await placePostInAreas(trx, enterpriseId, id, input.areaIds, at);
    await flagRisksOfChangedPost(trx, enterpriseId, id, input as Record<string, unknown>, at);
  },
  // An archived post's items run no more tasks; a restored post's run again.
  afterArchive: (trx, enterpriseId) => taskPlanChanged(trx, enterpriseId),
  toDtos: async (db, enterpriseId, rows) => {
    const areas = await areaIdsOfPosts(db, enterpriseId, rows.map((r) => r.id));
    return rows.map((r) => ({
      id: r.id,
      name: r.name as string,
      kind: r.kind as PostDto['kind'],
      orgUnitId: r.org_unit_id as string | null,
      headcount: Number(r.headcount),
      mainEquipment: r.main_equipment as string,
      mainActivities: r.main_activities as string,
      duties: r.duties as string,
      level: (r.level as PostDto['level']) ?? null,
      templateRef: (r.template_ref as string | null) ?? null,
      areaIds: areas.get(r.id) ?? [],
      reportsToPostId: (r.reports_to_post_id as string | null | undefined) ?? null,
      createdAt: r.created_at,
      updatedAt: r.updated_at as string,
      archivedAt: r.archived_at,
    }));
  },
};
