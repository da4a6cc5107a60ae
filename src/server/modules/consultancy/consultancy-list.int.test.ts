/* Issue 18 §1: the installation's consultancies (GET /consultancies, by name) and a consultancy's
 * engagements (GET /consultancies/:id/engagements, newest first) page by an index bound — both were read
 * whole. Plans on SQLite and PostgreSQL (page 1 and a deep page: one range of the index, no scan, no
 * sort) and the pages joining up to exactly the rows in order. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngagementTable } from '../../db/tables/consultancy-tables.js';
import { withTransaction } from '../../db/with-transaction.js';
import { newId } from '../../platform/ids.js';
import { createEnterpriseWithUsers } from '../../test/factories/enterprise.factory.js';
import { expectIndexPage, planOf } from '../../test/query-plans.js';
import { createTestApp, isDbAvailable, type TestApp, testPassword } from '../../test/test-app.js';
import { testDialect } from '../../test/test-db.js';
import { createUser } from '../auth/auth.service.js';
import { listConsultancies, listEngagementsOfConsultancy } from './consultancy.repository.js';

const dialect = testDialect();

describe.runIf(isDbAvailable())(`consultancy lists (${dialect})`, () => {
  let t: TestApp;
  let admin: string;
  let big: string;
  let small: string;
  let consultancies: { id: string; name: string }[];

  beforeAll(async () => {
    t = await createTestApp({ loginRatePerMinute: 10_000 });
    const db = t.deps.db;
    const { enterpriseId } = await createEnterpriseWithUsers(t.deps, 'clist', []);
    await withTransaction(db, (trx) => createUser(t.deps, trx, { username: 'root', displayName: 'root', password: testPassword, isAdmin: true }));
    admin = await t.login('root');
    // 2,000 consultancies, names sharing prefixes; engagements: 2,000 of one consultancy (all but one
    // ended), 30 of another, several created at the same instant (the id breaks the tie).
    const rows = Array.from({ length: 2000 }, (_, i) => ({ id: newId(), name: `${['齐鲁', 'Acme', '泰山'][i % 3]}咨询 ${String((i * 7919) % 2000).padStart(4, '0')}`, created_at: '2026-01-01T00:00:00.000Z' }));
    for (let i = 0; i < rows.length; i += 200) await db.insertInto('consultancy').values(rows.slice(i, i + 200)).execute();
    big = rows[0]?.id as string;
    small = rows[1]?.id as string;
    const engagement = (consultancyId: string, i: number): EngagementTable => ({
      id: newId(),
      consultancy_id: consultancyId,
      enterprise_id: enterpriseId,
      team_user_ids: '[]',
      contract_start: '2026-01-01',
      contract_end: '2026-12-31',
      phase: 1,
      phase_started_at: '2026-01-01T00:00:00.000Z',
      completed_at: null,
      created_by_user_id: null,
      created_at: new Date(Date.parse('2024-01-01T00:00:00.000Z') + Math.floor(i / 3) * 3_600_000).toISOString(),
      scope: '',
      ended_at: i === 0 ? null : '2026-06-01T00:00:00.000Z',
      ended_by_user_id: null,
    });
    const engagements = [...Array.from({ length: 2000 }, (_, i) => engagement(big, i)), ...Array.from({ length: 30 }, (_, i) => engagement(small, i))];
    for (let i = 0; i < engagements.length; i += 200) await db.insertInto('engagement').values(engagements.slice(i, i + 200)).execute();
    consultancies = await db.selectFrom('consultancy').select(['id', 'name']).orderBy('name').execute();
  });
  afterAll(() => t?.close());

  it("consultancies page by one range of the unique index on consultancy.name, page 1 and after 1,500", async () => {
    const nameIndex = dialect === 'sqlite' ? 'sqlite_autoindex_consultancy_2' : 'consultancy_name_key';
    const deep = consultancies[1500] as { id: string; name: string };
    for (const after of [undefined, { at: deep.name, id: deep.id }]) {
      const plan = await planOf(t.deps.db as never, dialect, 'consultancy', (db) => listConsultancies(db, { after, limit: 51 }));
      expectIndexPage(plan, nameIndex, after ? ['name'] : []);
    }
  });

  it("a consultancy's engagements page by one range of engagement_consultancy_page_idx, page 1 and after 1,500", async () => {
    const deep = await t.deps.db.selectFrom('engagement').select(['id', 'created_at']).where('consultancy_id', '=', big).orderBy('created_at', 'desc').orderBy('id', 'desc').offset(1500).limit(1).executeTakeFirstOrThrow();
    for (const after of [undefined, { at: deep.created_at, id: deep.id }]) {
      const plan = await planOf(t.deps.db as never, dialect, dialect === 'sqlite' ? 'g' : 'engagement', (db) => listEngagementsOfConsultancy(db, big, { after, limit: 51 }));
      expectIndexPage(plan, 'engagement_consultancy_page_idx', after ? ['consultancy_id', 'created_at', 'id'] : ['consultancy_id']);
    }
  });

  it('pages join up to exactly the consultancies in name order and the engagements newest first', async () => {
    const walk = async (path: string, limit: number) => {
      const ids: string[] = [];
      let cursor: string | null = null;
      do {
        const res = await t.request(admin, 'GET', `${path}?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
        expect(res.statusCode).toBe(200);
        const body = res.json() as { items: { id: string }[]; nextCursor: string | null };
        expect(body.items.length).toBeLessThanOrEqual(limit);
        ids.push(...body.items.map((i) => i.id));
        cursor = body.nextCursor;
      } while (cursor && ids.length < 10_000);
      return ids;
    };
    expect(await walk('/api/v1/consultancies', 200)).toEqual(consultancies.map((c) => c.id));
    const expected = await t.deps.db.selectFrom('engagement').select('id').where('consultancy_id', '=', small).orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
    expect(expected).toHaveLength(30);
    expect(await walk(`/api/v1/consultancies/${small}/engagements`, 7)).toEqual(expected.map((e) => e.id));
    expect((await t.request(admin, 'GET', '/api/v1/consultancies?cursor=nonsense')).statusCode).toBe(400);
  });
});
