import type { z } from 'zod';
import type { AppDeps } from '../../app-deps.js';
import type { Executor } from '../../db/with-transaction.js';
import { notFound } from '../../platform/http/app-error.js';
import { lateBody } from '../../platform/http/late-body.js';
import { requireTenant, type RouteContext } from '../../platform/http/route.js';

/**
 * A body read only after the record of `:id` is found in the caller's enterprise: another
 * enterprise's id is 404 whatever the body says (the tenant matrix sends an empty body).
 */
export function lateRecordBody(deps: AppDeps, entity: string, exists: (db: Executor, enterpriseId: string, id: string) => Promise<unknown>) {
  return <T>(schema: z.ZodType<T>) => {
    const l = lateBody(schema);
    return {
      body: l.body,
      parse: async (ctx: RouteContext<{ id: string }, unknown, unknown>): Promise<T> => {
        if (!(await exists(deps.db, requireTenant(ctx.auth).enterpriseId, ctx.params.id))) throw notFound(entity);
        return l.parse(ctx as RouteContext<unknown, unknown, unknown>);
      },
    };
  };
}
