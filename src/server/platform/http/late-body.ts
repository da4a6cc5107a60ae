import { z } from 'zod';
import type { RouteContext } from './route.js';
import { parseOrThrow } from './validation.js';

const declaredSchemas = new WeakMap<z.ZodType, z.ZodType>();

/** The schema a late body declares (for OpenAPI), or the route's own body schema. */
export function declaredBodySchema(body: z.ZodType): z.ZodType {
  return declaredSchemas.get(body) ?? body;
}

/**
 * The body is read only after the record is found and the caller may act on it, so another
 * enterprise's id is "not found" (never "your body is wrong") and an account that may not act
 * is refused whatever it sends. OpenAPI still shows the real schema.
 */
export function lateBody<T>(schema: z.ZodType<T>) {
  const body = z.unknown();
  // OpenAPI reads the real schema when the document is first asked for (not at every start).
  declaredSchemas.set(body, schema);
  return {
    body,
    parse: (ctx: RouteContext<unknown, unknown, unknown>): T => parseOrThrow(schema, ctx.request.body ?? {}, ctx.locale),
  };
}
