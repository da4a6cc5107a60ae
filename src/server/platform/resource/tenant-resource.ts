/* Create / read / update / archive for one enterprise-owned resource, with the tenant guard, the
 * shared schemas, keyset pages and the audit log wired the same way for every resource. */
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.js';
import { withTransaction, type Executor } from '../../db/with-transaction.js';
import type { EnterpriseRole } from '../../../schemas/auth.js';
import { idParamsSchema, pageSchema } from '../../../schemas/common.js';
import { recordChange } from '../../modules/audit/audit.service.js';
import { AppError, notFound } from '../http/app-error.js';
import { decodeCursor, toPage } from '../http/cursor.js';
import { type AnyRouteDef, defineRoute, requireTenant, requireUser } from '../http/route.js';
import { referenceMissing } from '../http/validation.js';
import { newId } from '../ids.js';
import { allActiveExist, type AnySelect, findRow, insertRow, listRows, type Row, type TenantTable, updateRow } from './tenant-resource.repository.js';

export interface ResourceSpec<Dto, CreateIn, UpdateIn, ListQ extends { cursor?: string; limit: number; q?: string; includeArchived?: boolean }> {
  table: TenantTable;
  /** Plural kebab-case collection path, e.g. /api/v1/org-units. */
  path: string;
  tag: string;
  readRoles: readonly EnterpriseRole[];
  writeRoles: readonly EnterpriseRole[];
  createSchema: z.ZodType<CreateIn>;
  updateSchema: z.ZodType<UpdateIn>;
  dtoSchema: z.ZodType<Dto>;
  listQuerySchema: z.ZodType<ListQ>;
  searchColumns: string[];
  /** Query parameter → column, for equality filters. */
  filters: Partial<Record<keyof ListQ & string, string>>;
  /** Input field → table whose live row of the same enterprise it must name. */
  references: Partial<Record<string, TenantTable | { table: TenantTable; many: true }>>;
  toColumns(input: Partial<CreateIn> | UpdateIn): Record<string, unknown>;
  toDtos(db: Executor, enterpriseId: string, rows: Row[]): Promise<Dto[]>;
  /** Extra list narrowing that is not a plain column filter (e.g. people holding a post). */
  refineList?(query: AnySelect, listQuery: ListQ): AnySelect;
  /** Checks beyond references, inside the transaction (e.g. no cycles in the org tree). */
  validate?(trx: Executor, enterpriseId: string, id: string | null, input: Partial<CreateIn> | UpdateIn): Promise<void>;
  /** Writes to side tables after the row itself (e.g. a person's posts). */
  afterWrite?(trx: Executor, enterpriseId: string, id: string, input: Partial<CreateIn> | UpdateIn, actor: { userId: string; enterpriseId: string }): Promise<void>;
  /** After the row is archived or restored, inside the transaction. */
  afterArchive?(trx: Executor, enterpriseId: string, id: string, isArchived: boolean): void;
}

export function createResourceService<Dto, CreateIn, UpdateIn, ListQ extends { cursor?: string; limit: number; q?: string; includeArchived?: boolean }>(
  deps: AppDeps,
  spec: ResourceSpec<Dto, CreateIn, UpdateIn, ListQ>,
) {
  const { db, clock } = deps;

  async function checkReferences(trx: Executor, enterpriseId: string, input: Record<string, unknown>): Promise<void> {
    for (const [field, target] of Object.entries(spec.references)) {
      const value = input[field];
      if (value === undefined || value === null || !target) continue;
      const table = typeof target === 'string' ? target : target.table;
      const ids = Array.isArray(value) ? (value as string[]) : [value as string];
      if (!(await allActiveExist(trx, table, enterpriseId, ids))) throw referenceMissing(field);
    }
  }

  async function getDto(exec: Executor, enterpriseId: string, id: string): Promise<Dto> {
    const row = await findRow(exec, spec.table, enterpriseId, id);
    // Another enterprise's row is indistinguishable from a missing one.
    if (!row) throw notFound(spec.table);
    const [dto] = await spec.toDtos(exec, enterpriseId, [row]);
    return dto as Dto;
  }

  return {
    /** 404 unless the id names a row of this enterprise (archived or not). */
    async mustExist(enterpriseId: string, id: string): Promise<void> {
      if (!(await findRow(db, spec.table, enterpriseId, id))) throw notFound(spec.table);
    },
    async list(enterpriseId: string, query: ListQ) {
      const equals: Record<string, unknown> = {};
      for (const [param, column] of Object.entries(spec.filters)) {
        if (column) equals[column as string] = (query as Record<string, unknown>)[param];
      }
      const rows = await listRows(db, spec.table, {
        enterpriseId,
        equals,
        search: query.q ? { columns: spec.searchColumns, text: query.q } : undefined,
        includeArchived: query.includeArchived ?? false,
        after: decodeCursor(query.cursor),
        limit: query.limit + 1,
        refine: spec.refineList ? (q) => spec.refineList!(q, query) : undefined,
      });
      const page = toPage(rows, query.limit, (r) => ({ at: r.created_at, id: r.id }), (r) => r);
      return { items: await spec.toDtos(db, enterpriseId, page.items), nextCursor: page.nextCursor };
    },

    get: (enterpriseId: string, id: string) => getDto(db, enterpriseId, id),

    async create(actor: { userId: string; enterpriseId: string }, input: CreateIn, trxIn?: Executor): Promise<Dto> {
      const work = async (trx: Executor) => {
        await checkReferences(trx, actor.enterpriseId, input as Record<string, unknown>);
        await spec.validate?.(trx, actor.enterpriseId, null, input);
        const id = newId();
        const now = clock.now().toISOString();
        await insertRow(trx, spec.table, {
          id,
          enterprise_id: actor.enterpriseId,
          ...spec.toColumns(input),
          created_at: now,
          updated_at: now,
          archived_at: null,
        });
        await spec.afterWrite?.(trx, actor.enterpriseId, id, input, actor);
        const dto = await getDto(trx, actor.enterpriseId, id);
        await recordChange(trx, actor, clock.now(), { entity: spec.table, entityId: id, action: 'create', after: dto });
        return dto;
      };
      return trxIn ? work(trxIn) : withTransaction(db, work);
    },

    async update(actor: { userId: string; enterpriseId: string }, id: string, input: UpdateIn, trxIn?: Executor): Promise<Dto> {
      const work = async (trx: Executor) => {
        const before = await getDto(trx, actor.enterpriseId, id);
        if ((before as { archivedAt: string | null }).archivedAt) throw new AppError('ARCHIVED', { entity: spec.table });
        await checkReferences(trx, actor.enterpriseId, input as Record<string, unknown>);
        await spec.validate?.(trx, actor.enterpriseId, id, input);
        const columns = spec.toColumns(input);
        await updateRow(trx, spec.table, actor.enterpriseId, id, { ...columns, updated_at: clock.now().toISOString() });
        await spec.afterWrite?.(trx, actor.enterpriseId, id, input, actor);
        const after = await getDto(trx, actor.enterpriseId, id);
        await recordChange(trx, actor, clock.now(), { entity: spec.table, entityId: id, action: 'update', before, after });
        return after;
      };
      return trxIn ? work(trxIn) : withTransaction(db, work);
    },

    async setArchived(actor: { userId: string; enterpriseId: string }, id: string, isArchived: boolean): Promise<Dto> {
      return withTransaction(db, async (trx) => {
        const before = await getDto(trx, actor.enterpriseId, id);
        const now = clock.now().toISOString();
        await updateRow(trx, spec.table, actor.enterpriseId, id, { archived_at: isArchived ? now : null, updated_at: now });
        spec.afterArchive?.(trx, actor.enterpriseId, id, isArchived);
        const after = await getDto(trx, actor.enterpriseId, id);
        await recordChange(trx, actor, clock.now(), {
          entity: spec.table,
          entityId: id,
          action: isArchived ? 'archive' : 'restore',
          before,
          after,
        });
        return after;
      });
    },
  };
}

export type ResourceService<Dto, CreateIn, UpdateIn, ListQ extends { cursor?: string; limit: number; q?: string; includeArchived?: boolean }> = ReturnType<
  typeof createResourceService<Dto, CreateIn, UpdateIn, ListQ>
>;

export function resourceRoutes<Dto, CreateIn, UpdateIn, ListQ extends { cursor?: string; limit: number; q?: string; includeArchived?: boolean }>(
  spec: ResourceSpec<Dto, CreateIn, UpdateIn, ListQ>,
  service: ResourceService<Dto, CreateIn, UpdateIn, ListQ>,
): AnyRouteDef[] {
  const tags = [spec.tag];
  const actorOf = (auth: Parameters<typeof requireTenant>[0]) => ({ userId: requireUser(auth).userId, enterpriseId: requireTenant(auth).enterpriseId });
  return [
    defineRoute({
      method: 'GET',
      url: spec.path,
      access: { kind: 'tenant', roles: spec.readRoles },
      summary: `List (paged, filterable, searchable with q)`,
      tags,
      query: spec.listQuerySchema,
      response: pageSchema(spec.dtoSchema),
      handler: async ({ auth, query }) => service.list(requireTenant(auth).enterpriseId, query),
    }),
    defineRoute({
      method: 'GET',
      url: `${spec.path}/:id`,
      access: { kind: 'tenant', roles: spec.readRoles },
      summary: 'Read one',
      tags,
      params: idParamsSchema,
      response: spec.dtoSchema,
      handler: async ({ auth, params }) => service.get(requireTenant(auth).enterpriseId, params.id),
    }),
    defineRoute({
      method: 'POST',
      url: spec.path,
      access: { kind: 'tenant', roles: spec.writeRoles },
      summary: 'Create',
      tags,
      body: spec.createSchema,
      response: spec.dtoSchema,
      handler: async ({ auth, body }) => service.create(actorOf(auth), body),
    }),
    defineRoute({
      method: 'PATCH',
      url: `${spec.path}/:id`,
      access: { kind: 'tenant', roles: spec.writeRoles },
      summary: 'Update',
      tags,
      params: idParamsSchema,
      before: ({ auth, params }) => service.mustExist(requireTenant(auth).enterpriseId, params.id),
      body: spec.updateSchema,
      response: spec.dtoSchema,
      handler: async ({ auth, params, body }) => service.update(actorOf(auth), params.id, body),
    }),
    defineRoute({
      method: 'POST',
      url: `${spec.path}/:id/archive`,
      access: { kind: 'tenant', roles: spec.writeRoles },
      summary: 'Archive (kept for the record, hidden from lists)',
      tags,
      params: idParamsSchema,
      response: spec.dtoSchema,
      successStatus: 200,
      handler: async ({ auth, params }) => service.setArchived(actorOf(auth), params.id, true),
    }),
    defineRoute({
      method: 'POST',
      url: `${spec.path}/:id/restore`,
      access: { kind: 'tenant', roles: spec.writeRoles },
      summary: 'Restore an archived record',
      tags,
      params: idParamsSchema,
      response: spec.dtoSchema,
      successStatus: 200,
      handler: async ({ auth, params }) => service.setArchived(actorOf(auth), params.id, false),
    }),
  ];
}
