/* Issue 18 §1: the administrator's enterprises (GET /enterprises) page by (name, id) — they were every
 * live enterprise read whole. Plan on SQLite and PostgreSQL (page 1 and a deep page: one range of
 * enterprise_name_page_idx, no scan, no sort) and the pages joining up to exactly the live enterprises. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnterpriseTable } from '../../db/database.js';
import { withTransaction } from '../../db/with-transaction.js';
import { newId } from '../../platform/ids.js';
import { createEnterpriseWithUsers } from '../../test/factories/enterprise.factory.js';
import { expectIndexPage, planOf } from '../../test/query-plans.js';
import { createTestApp, isDbAvailable, type TestApp, testPassword } from '../../test/test-app.js';
import { testDialect } from '../../test/test-db.js';
import { createUser } from '../auth/auth.service.js';
import { listAllEnterprises } from './enterprise.repository.js';

const dialect = testDialect();

describe.runIf(isDbAvailable())(`administrator's enterprise list (${dialect})`, () => {
  let t: TestApp;
  let admin: string;
  let member: string;
  const live: { id: string; name: string }[] = [];

  beforeAll(async () => {
    t = await createTestApp({ loginRatePerMinute: 10_000 });
    const db = t.deps.db;
    const first = await createEnterpriseWithUsers(t.deps, 'listfirst', ['safety_manager']);
    member = await t.login(first.usernames.safety_manager as string);
    await withTransaction(db, (trx) => createUser(t.deps, trx, { username: 'root', displayName: 'root', password: testPassword, isAdmin: true }));
    admin = await t.login('root');
    const model = (await db.selectFrom('enterprise').selectAll().where('id', '=', first.enterpriseId).executeTakeFirstOrThrow()) as EnterpriseTable;
    // 3,000 enterprises: Chinese and Latin names, some sharing a prefix; one in ten archived (not listed).
    const rows: EnterpriseTable[] = Array.from({ length: 3000 }, (_, i) => ({
      ...model,
      id: newId(),
      name: `${['青岛', '济南', 'Acme', '烟台'][i % 4]} ${String((i * 7919) % 3000).padStart(4, '0')} 厂`,
      credit_code: `LIST${String(i).padStart(14, '0')}`,
      archived_at: i % 10 === 9 ? '2026-01-01T00:00:00.000Z' : null,
    }));
    for (let i = 0; i < rows.length; i += 200) await db.insertInto('enterprise').values(rows.slice(i, i + 200)).execute();
    live.push(...(await db.selectFrom('enterprise').select(['id', 'name']).where('archived_at', 'is', null).orderBy('name').orderBy('id').execute()));
  });
  afterAll(() => t?.close());

  it('pages by one range of enterprise_name_page_idx, page 1 and after 2,000 enterprises', async () => {
    const deep = live[2000] as { id: string; name: string };
    for (const after of [undefined, { at: deep.name, id: deep.id }]) {
      const plan = await planOf(t.deps.db as never, dialect, 'enterprise', (db) => listAllEnterprises(db, { after, limit: 51 }));
      expectIndexPage(plan, 'enterprise_name_page_idx', after ? ['name', 'id'] : []);
    }
  });

  it('pages of 200 (and of 7) join up to exactly the live enterprises in name order, for the administrator only', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query = cursor ? `?limit=200&cursor=${cursor}` : '?limit=200';
      const res = await t.request(admin, 'GET', `/api/v1/enterprises${query}`);
      expect(res.statusCode).toBe(200);
      const body = res.json() as { items: { id: string }[]; nextCursor: string | null };
      expect(body.items.length).toBeLessThanOrEqual(200);
      seen.push(...body.items.map((e) => e.id));
      cursor = body.nextCursor;
      pages += 1;
    } while (cursor && pages < 100);
    expect(seen).toEqual(live.map((e) => e.id));
    expect(pages).toBe(Math.ceil(live.length / 200));
    // Small pages at the start join up as well.
    const p1 = (await t.request(admin, 'GET', '/api/v1/enterprises?limit=7')).json();
    const p2 = (await t.request(admin, 'GET', `/api/v1/enterprises?limit=7&cursor=${p1.nextCursor}`)).json();
    expect([...p1.items, ...p2.items].map((e: { id: string }) => e.id)).toEqual(live.slice(0, 14).map((e) => e.id));
    // A member sees their own enterprise, in one page.
    const mine = (await t.request(member, 'GET', '/api/v1/enterprises')).json();
    expect(mine.items.map((e: { name: string }) => e.name)).toEqual(['listfirst 机械厂']);
    expect(mine.nextCursor).toBeNull();
    expect((await t.request(admin, 'GET', '/api/v1/enterprises?cursor=nonsense')).statusCode).toBe(400);
  });
});
