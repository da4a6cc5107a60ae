import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allRoutes } from '../../app.js';
import { createTestApp, isDbAvailable, type TestApp } from '../../test/test-app.js';

describe.skipIf(!isDbAvailable())('health and OpenAPI', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('reports health with the database dialect', async () => {
    const res = await t.request(null, 'GET', '/api/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: t.deps.dialect });
  });

  it('documents every route with its access rule and the schemas of its body', async () => {
    const doc = (await t.request(null, 'GET', '/api/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    for (const r of allRoutes(t.deps)) {
      const op = doc.paths[r.url.replace(/:(\w+)/g, '{$1}')]?.[r.method.toLowerCase()];
      expect(op, `${r.method} ${r.url}`).toBeDefined();
      expect(op.description).toMatch(/^Access: /);
    }
    // Issue 10 §5: an operation that reads a body (late, after its record is found) still declares it.
    const readers = allRoutes(t.deps).filter((r) => !r.consumes && /request\.body|bodyOfAssessment|\.parse\(ctx\)/.test(r.handler.toString()));
    expect(readers.length).toBeGreaterThan(20);
    const undeclared = readers
      .filter((r) => {
        const schema = doc.paths[r.url.replace(/:(\w+)/g, '{$1}')][r.method.toLowerCase()].requestBody?.content?.['application/json']?.schema;
        return !schema || Object.keys(schema.properties ?? {}).length === 0;
      })
      .map((r) => `${r.method} ${r.url}`);
    expect(undeclared).toEqual([]);
    const submit = doc.paths['/api/v1/inspection-tasks/{id}/records'].post.requestBody.content['application/json'].schema;
    expect(submit.required).toEqual(expect.arrayContaining(['clientId', 'results']));
    const createPost = doc.paths['/api/v1/posts'].post;
    expect(createPost.requestBody.content['application/json'].schema.required).toEqual(expect.arrayContaining(['name', 'kind']));
  });
});
