import { z } from 'zod';
import { problemSchema } from '../../../schemas/common.js';
import { declaredBodySchema } from './late-body.js';
import type { AnyRouteDef } from './route.js';

function jsonSchemaOf(schema: z.ZodType, io: 'input' | 'output'): unknown {
  try {
    return z.toJSONSchema(schema, { io, unrepresentable: 'any' });
  } catch {
    return {};
  }
}

/** The OpenAPI document is generated from the same schemas the routes validate with. */
export function buildOpenApi(routes: readonly AnyRouteDef[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const path = r.url.replace(/:(\w+)/g, '{$1}');
    const parameters: unknown[] = [];
    for (const match of r.url.matchAll(/:(\w+)/g)) {
      parameters.push({ name: match[1], in: 'path', required: true, schema: { type: 'string' } });
    }
    if (r.query) {
      const js = jsonSchemaOf(r.query, 'input') as { properties?: Record<string, unknown> };
      for (const [name, schema] of Object.entries(js.properties ?? {})) parameters.push({ name, in: 'query', required: false, schema });
    }
    const access =
      r.access.kind === 'tenant' ? `roles: ${r.access.roles.join(', ')}` : r.access.kind === 'public' ? 'public' : r.access.kind;
    paths[path] ??= {};
    paths[path][r.method.toLowerCase()] = {
      summary: r.summary,
      description: `Access: ${access}`,
      tags: r.tags,
      parameters,
      ...(r.body || r.consumes
        ? {
            requestBody: {
              required: true,
              content: r.consumes
                ? { [r.consumes]: { schema: { type: 'string', format: 'binary' } } }
                : { 'application/json': { schema: jsonSchemaOf(declaredBodySchema(r.body as z.ZodType), 'input') } },
            },
          }
        : {}),
      responses: {
        [String(r.successStatus ?? (r.method === 'POST' ? 201 : 200))]: {
          description: 'OK',
          content: r.produces
            ? { [r.produces]: { schema: { type: 'string', format: 'binary' } } }
            : { 'application/json': { schema: r.response ? jsonSchemaOf(r.response, 'output') : {} } },
        },
        default: { description: 'Problem', content: { 'application/problem+json': { schema: jsonSchemaOf(problemSchema, 'output') } } },
      },
      ...(r.access.kind === 'public' ? {} : { security: [{ session: [] }] }),
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Shuangkong API', version: '1' },
    components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'sk_session' } } },
    paths,
  };
}
