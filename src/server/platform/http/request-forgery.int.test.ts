/* Issue 10, finding 3: a page on another site cannot make a logged-in browser change anything —
 * body-less POSTs (archive, logout) and text/plain or form bodies are refused; the product's own
 * pages, scripts and uploads still work. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnterpriseWithUsers } from '../../test/factories/enterprise.factory.js';
import { createTestApp, isDbAvailable, type TestApp } from '../../test/test-app.js';

describe.skipIf(!isDbAvailable())('request forgery', () => {
  let t: TestApp;
  let cookie: string;

  beforeAll(async () => {
    t = await createTestApp({ loginRatePerMinute: 10_000, allowedOrigins: ['https://safety.example.com'] });
    const e = await createEnterpriseWithUsers(t.deps, 'csrf', ['safety_manager']);
    cookie = await t.login(e.usernames.safety_manager as string);
  });
  afterAll(() => t.close());

  const newPost = async (name: string) => {
    const res = await t.request(cookie, 'POST', '/api/v1/posts', { name, kind: 'operation', headcount: 1 });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const isArchived = async (id: string) => (await t.request(cookie, 'GET', `/api/v1/posts/${id}`)).json().archivedAt !== null;
  const raw = (url: string, headers: Record<string, string>, payload?: string) =>
    t.app.inject({ method: 'POST', url, headers: { cookie, host: 'shuangkong.local:3000', ...headers }, ...(payload !== undefined ? { payload } : {}) });

  it('refuses a body-less POST sent from another site, and changes nothing', async () => {
    const id = await newPost('车工 csrf');
    const foreign = await raw(`/api/v1/posts/${id}/archive`, { origin: 'https://evil.example', 'content-type': 'text/plain' });
    expect(foreign.statusCode, foreign.body).toBe(403);
    expect(foreign.headers['content-type']).toContain('application/problem+json');
    expect(foreign.json().code).toBe('FOREIGN_ORIGIN');
    expect(foreign.json().detail).toContain('其他网站');
    const noType = await raw(`/api/v1/posts/${id}/archive`, { origin: 'https://evil.example' });
    expect(noType.statusCode).toBe(403);
    const fetchMetadata = await raw(`/api/v1/posts/${id}/archive`, { 'sec-fetch-site': 'cross-site' });
    expect(fetchMetadata.statusCode).toBe(403);
    const sibling = await raw(`/api/v1/posts/${id}/archive`, { 'sec-fetch-site': 'same-site' });
    expect(sibling.statusCode).toBe(403);
    const opaque = await raw(`/api/v1/posts/${id}/archive`, { origin: 'null' });
    expect(opaque.statusCode).toBe(403);
    expect(await isArchived(id)).toBe(false);
    // Logout from another site leaves the session alive.
    const logout = await raw('/api/v1/auth/logout', { origin: 'http://evil.example:3000', 'content-type': 'text/plain' });
    expect(logout.statusCode).toBe(403);
    expect((await t.request(cookie, 'GET', '/api/v1/auth/me')).statusCode).toBe(200);
  });

  it('accepts the same writes from the product’s own pages, a configured proxy origin and non-browser clients', async () => {
    const id = await newPost('钳工 csrf');
    const own = await raw(`/api/v1/posts/${id}/archive`, { origin: 'http://shuangkong.local:3000', 'sec-fetch-site': 'same-origin' });
    expect(own.statusCode, own.body).toBe(200);
    // Behind a TLS-terminating proxy the page says https while the server sees plain HTTP on the same host.
    const restored = await raw(`/api/v1/posts/${id}/restore`, { origin: 'https://shuangkong.local:3000' });
    expect(restored.statusCode, restored.body).toBe(200);
    const proxied = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/posts/${id}`,
      headers: { cookie, host: '127.0.0.1:3000', origin: 'https://safety.example.com', 'content-type': 'application/json; charset=utf-8' },
      payload: JSON.stringify({ headcount: 3 }),
    });
    expect(proxied.statusCode, proxied.body).toBe(200);
    const script = await raw(`/api/v1/posts/${id}/archive`, {});
    expect(script.statusCode).toBe(200);
    const typedAddress = await raw(`/api/v1/posts/${id}/restore`, { 'sec-fetch-site': 'none' });
    expect(typedAddress.statusCode).toBe(200);
  });

  it('requires JSON on every write that carries a body, from any origin', async () => {
    const before = (await t.request(cookie, 'GET', '/api/v1/posts')).json().items.length;
    const body = JSON.stringify({ name: '焊工 csrf', kind: 'operation', headcount: 1 });
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const res = await raw('/api/v1/posts', { 'content-type': type }, body);
      expect(res.statusCode, `${type} ${res.body}`).toBe(415);
      expect(res.json().code).toBe('BODY_NOT_JSON');
    }
    const untyped = await t.app.inject({ method: 'POST', url: '/api/v1/posts', headers: { cookie }, payload: Buffer.from(body) });
    expect(untyped.statusCode, untyped.body).toBe(415);
    const en = await raw('/api/v1/posts', { 'content-type': 'text/plain', 'accept-language': 'en-US' }, body);
    expect(en.json().detail).toContain('must be JSON');
    // Login too (it sets the session cookie a forged form would otherwise plant).
    const login = await raw('/api/v1/auth/login', { 'content-type': 'text/plain' }, JSON.stringify({ username: 'x', password: 'y' }));
    expect(login.statusCode).toBe(415);
    expect((await t.request(cookie, 'GET', '/api/v1/posts')).json().items.length).toBe(before);
  });

  it('checks the origin of uploads, which carry their own binary types', async () => {
    const png = Buffer.from('89504e470d0a1a0a', 'hex');
    const foreign = await t.app.inject({
      method: 'POST',
      url: '/api/v1/risk-map/floor-plan',
      headers: { cookie, origin: 'https://evil.example', 'content-type': 'image/png' },
      payload: png,
    });
    expect(foreign.statusCode).toBe(403);
    const own = await t.app.inject({ method: 'POST', url: '/api/v1/risk-map/floor-plan', headers: { cookie, 'content-type': 'image/png' }, payload: png });
    expect(own.statusCode).not.toBe(403);
    expect(own.statusCode).not.toBe(415);
  });
});
