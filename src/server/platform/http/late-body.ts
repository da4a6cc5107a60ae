import { z } from 'zod';
import type { RouteContext } from './route.js';
import { parseOrThrow } from './validation.js';

/**
 * The body is read only after the record is found and the caller may act on it, so another
 * enterprise's id is "not found" (never "your body is wrong") and an account that may not act
 * is refused whatever it sends. OpenAPI still shows the real schema.
 */
export function lateBody<T>(schema: z.ZodType<T>) {
  return {
    body: z.unknown().meta(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>),
    parse: (ctx: RouteContext<unknown, unknown, unknown>): T => parseOrThrow(schema, ctx.request.body ?? {}, ctx.locale),
  };
}
