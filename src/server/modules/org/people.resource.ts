import type { z } from 'zod';
import { fromDbBool, toDbBool } from '../../db/codecs.js';
import { allRoles, managerRoles } from '../../../schemas/auth.js';
import { type PersonDto, personDtoSchema, personInputSchema, personListQuerySchema, personUpdateSchema } from '../../../schemas/org.js';
import type { ResourceSpec } from '../../platform/resource/tenant-resource.js';
import { listPostIdsOfPeople, replacePostsOfPerson, whereHoldsPost } from './people.repository.js';

type CreateIn = z.infer<typeof personInputSchema>;
type UpdateIn = z.infer<typeof personUpdateSchema>;

export const personSpec: ResourceSpec<PersonDto, CreateIn, UpdateIn, z.infer<typeof personListQuerySchema>> = {
  table: 'person',
  path: '/api/v1/people',
  tag: 'org',
  readRoles: allRoles,
  writeRoles: managerRoles,
  createSchema: personInputSchema,
  updateSchema: personUpdateSchema,
  dtoSchema: personDtoSchema,
  listQuerySchema: personListQuerySchema,
  searchColumns: ['name', 'phone'],
  filters: { orgUnitId: 'org_unit_id' },
  references: { orgUnitId: 'org_unit', postIds: { table: 'post', many: true } },
  refineList: (query, q) => {
    let out = query;
    if (q.postId) out = whereHoldsPost(out, q.postId);
    if (q.isContractor !== undefined) out = out.where('is_contractor', '=', toDbBool(q.isContractor));
    return out;
  },
  toColumns: (input) => ({
    ...(input.name !== undefined && { name: input.name }),
    ...(input.phone !== undefined && { phone: input.phone }),
    ...(input.orgUnitId !== undefined && { org_unit_id: input.orgUnitId }),
    ...(input.hireDate !== undefined && { hire_date: input.hireDate }),
    ...(input.isContractor !== undefined && { is_contractor: toDbBool(input.isContractor) }),
  }),
  afterWrite: async (trx, enterpriseId, id, input) => {
    if (input.postIds !== undefined) await replacePostsOfPerson(trx, enterpriseId, id, input.postIds);
  },
  toDtos: async (db, enterpriseId, rows) => {
    const posts = await listPostIdsOfPeople(db, enterpriseId, rows.map((r) => r.id));
    return rows.map((r) => ({
      id: r.id,
      name: r.name as string,
      phone: r.phone as string | null,
      orgUnitId: r.org_unit_id as string | null,
      postIds: posts.get(r.id) ?? [],
      hireDate: r.hire_date as string | null,
      isContractor: fromDbBool(r.is_contractor as number),
      createdAt: r.created_at,
      updatedAt: r.updated_at as string,
      archivedAt: r.archived_at,
    }));
  },
};
