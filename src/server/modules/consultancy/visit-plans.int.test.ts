/* Issue 18 item 1: the enterprise's consultancy visits (GET /engagement-visits, and its pending ones)
 * page by an index bound on SQLite and PostgreSQL — they were every visit of every engagement at once,
 * then the pending ones were the enterprise's visits walked and each checked against sign_off. */
import type { CompiledQuery, Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDeps } from '../../app-deps.js';
import type { Database } from '../../db/database.js';
import type { EngagementVisitTable } from '../../db/tables/consultancy-tables.js';
import type { SignOffTable } from '../../db/tables/sign-off-tables.js';
import { seedDemo } from '../../demo/seed-demo.js';
import { ManualClock } from '../../platform/clock.js';
import { loadConfig } from '../../platform/config.js';
import { newId } from '../../platform/ids.js';
import { analyzeAsProduction, capturing, explain } from '../../test/query-plans.js';
import { isDbAvailable } from '../../test/test-app.js';
import { createTestDb, testDialect } from '../../test/test-db.js';
import { backfillEngagementTeams } from '../../db/migrations/202612090040-engagement-team.js';
import { listEngagementsOfUser, listVisitsOfEnterprise } from './consultancy.repository.js';
import { backfillVisitConfirmation } from '../../db/migrations/202612090010-visit-pending-page.js';
import { listEnterpriseVisits, visitSignerRole, visitSubjectType } from './engagement-visits.service.js';

const dialect = testDialect();

describe.runIf(isDbAvailable())(`consultancy visit list plans (${dialect})`, () => {
  let close: () => Promise<void>;
  let kysely: Kysely<Database>;
  let enterpriseId: string;
  let consultants: string[];
  let teamOf: Map<string, string[]>;
  let ledConsultancy: string;

  beforeAll(async () => {
    const scratch = await createTestDb();
    close = scratch.drop;
    kysely = scratch.db.kysely;
    const deps: AppDeps = { db: kysely, dialect, clock: new ManualClock(), config: loadConfig({ DATA_DIR: '/tmp/sk-unused' }) };
    const demo = await seedDemo(deps, 'visit-plan-123');
    enterpriseId = demo.enterpriseId;
    const person = await kysely.selectFrom('person').select('id').where('enterprise_id', '=', enterpriseId).executeTakeFirstOrThrow();
    const at = '2026-01-01T00:00:00.000Z';
    const consultancyId = newId();
    await kysely.insertInto('consultancy').values({ id: consultancyId, name: '咨询', created_at: at }).execute();
    const engagementOf = new Map<string, string>();
    for (const e of [enterpriseId, demo.secondEnterpriseId]) {
      const id = newId();
      engagementOf.set(e, id);
      await kysely
        .insertInto('engagement')
        .values({ id, consultancy_id: consultancyId, enterprise_id: e, team_user_ids: '[]', contract_start: '2020-01-01', contract_end: '2030-01-01', phase: 1, phase_started_at: at, completed_at: null, created_by_user_id: null, created_at: at, scope: '', ended_at: null, ended_by_user_id: null })
        .execute();
    }
    const visits: EngagementVisitTable[] = Array.from({ length: 360 }, (_, i) => {
      const e = i % 6 === 5 ? demo.secondEnterpriseId : enterpriseId;
      return {
        id: newId(),
        engagement_id: engagementOf.get(e) as string,
        enterprise_id: e,
        phase: 1,
        visited_on: new Date(Date.parse('2020-01-01T00:00:00.000Z') + Math.floor(i / 2) * 86_400_000).toISOString().slice(0, 10),
        consultants: '张三',
        work: `工作 ${i}`,
        signer_person_id: null,
        recorded_by_user_id: null,
        recorded_at: at,
        consultant_user_ids: '[]',
        deliverable_codes: '[]',
        is_confirmed: 0,
      };
    });
    await kysely.insertInto('engagement_visit').values(visits).execute();
    // Two in three confirmed; one in nine of those revoked afterwards (pending again).
    const signOffs: SignOffTable[] = [];
    const entry = (v: EngagementVisitTable, action: string, supersedes: string | null): SignOffTable => ({
      id: newId(),
      enterprise_id: v.enterprise_id,
      subject_type: visitSubjectType,
      subject_id: v.id,
      subject_revision: '',
      role: visitSignerRole,
      person_id: person.id,
      action,
      method: 'session',
      user_id: null,
      signature_attachment_id: null,
      statement: '',
      note: '',
      supersedes_id: supersedes,
      chain_key: newId(),
      client_id: null,
      user_agent: '',
      ip: '',
      client_signed_at: null,
      signed_at: at,
    });
    for (const [i, v] of visits.filter((x) => x.enterprise_id === enterpriseId).entries()) {
      if (i % 3 === 0) continue;
      const sign = entry(v, 'sign', null);
      signOffs.push(sign);
      if (i % 9 === 1) signOffs.push(entry(v, 'revoke', sign.id));
    }
    for (let i = 0; i < signOffs.length; i += 100) await kysely.insertInto('sign_off').values(signOffs.slice(i, i + 100)).execute();
    // The entries were written here, not through the sign-off service: the migration's backfill sets each visit's copy.
    await backfillVisitConfirmation(kysely as unknown as Kysely<unknown>);
    // Other consultancies of the installation: a table of one row is scanned, not looked up.
    await kysely.insertInto('consultancy').values(Array.from({ length: 200 }, (_, i) => ({ id: newId(), name: `咨询 ${i}`, created_at: at }))).execute();
    // Engagements of the installation (inserted as before migration 202612090040, then backfilled): of
    // 200 consultancies, with teams of two of 300 consultants.
    const others = (await kysely.selectFrom('consultancy').select('id').where('id', '!=', consultancyId).execute()).map((c) => c.id);
    const enterprises = (await kysely.selectFrom('enterprise').select('id').execute()).map((e) => e.id);
    const user = await kysely.selectFrom('user').select('id').executeTakeFirstOrThrow();
    consultants = Array.from({ length: 300 }, (_, i) => (i === 0 ? user.id : newId()));
    const engagements = Array.from({ length: 3000 }, (_, i) => ({
      id: newId(),
      consultancy_id: others[i % others.length] as string,
      enterprise_id: enterprises[i % enterprises.length] as string,
      team_user_ids: JSON.stringify([consultants[i % 300], consultants[(i * 7 + 1) % 300]]),
      contract_start: '2020-01-01',
      contract_end: '2030-01-01',
      phase: 1,
      phase_started_at: at,
      completed_at: null,
      created_by_user_id: null,
      created_at: at,
      scope: '',
      ended_at: at,
      ended_by_user_id: null,
    }));
    for (let i = 0; i < engagements.length; i += 200) await kysely.insertInto('engagement').values(engagements.slice(i, i + 200)).execute();
    teamOf = new Map(engagements.map((g) => [g.id, JSON.parse(g.team_user_ids) as string[]]));
    ledConsultancy = others[3] as string;
    await kysely.insertInto('consultancy_member').values({ consultancy_id: ledConsultancy, user_id: consultants[0] as string, is_lead: 1, created_at: at }).execute();
    await backfillEngagementTeams(kysely as unknown as Kysely<unknown>);
    await analyzeAsProduction(kysely);
  });
  afterAll(async () => close?.());

  for (const isPending of [false, true]) {
    for (const depth of ['page 1', 'a deep page']) {
      it(`${isPending ? 'pending visits' : 'all visits'}, ${depth}: one range of ${isPending ? 'engagement_visit_pending_page_idx' : 'engagement_visit_page_idx'} in page order; no scan or sort`, async () => {
        const after = depth === 'page 1' ? undefined : { at: '2020-03-01', id: newId() };
        const c = capturing(kysely);
        await listVisitsOfEnterprise(c.db, enterpriseId, { pending: isPending, after, limit: 51 });
        expect(c.sent).toHaveLength(1);
        const plan = await explain(kysely, dialect, c.sent[0] as CompiledQuery, dialect === 'sqlite' ? 'v' : 'engagement_visit');
        expect(plan.fullScans, plan.text).toEqual([]);
        expect(plan.sorts, plan.text).toBe(0);
        expect(plan.access, plan.text).toContain(isPending ? 'engagement_visit_pending_page_idx' : 'engagement_visit_page_idx');
        expect(plan.access, plan.text).toMatch(/\benterprise_id\b/);
        if (after) expect(plan.access, plan.text).toContain('(visited_on,id)');
        // No visit is checked against sign_off to be listed.
        expect(plan.text).not.toContain('sign_off');
      });
    }
  }

  it('pending ones are exactly the visits whose confirmation is not in force, and the pages join up', async () => {
    const all = await listEnterpriseVisits(kysely, enterpriseId, { limit: 1000 }, 'zh-CN');
    expect(all.items).toHaveLength(300);
    expect(all.nextCursor).toBeNull();
    const waiting = all.items.filter((v) => !v.isSigned).map((v) => v.id);
    expect(waiting.length).toBeGreaterThan(100);
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 50; i++) {
      const page = await listEnterpriseVisits(kysely, enterpriseId, { pending: true, limit: 17, cursor }, 'zh-CN');
      seen.push(...page.items.map((v) => v.id));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(seen).toEqual(waiting);
  });

  it("a consultant's engagements: its teams' and its led consultancy's, by index (no scan of the installation's engagements)", async () => {
    for (const [n, user] of consultants.slice(0, 3).entries()) {
      const rows = await listEngagementsOfUser(kysely, user as string);
      const expected = [...teamOf].filter(([id, team]) => team.includes(user as string) || (n === 0 && rows.find((r) => r.id === id)?.consultancy_id === ledConsultancy)).map(([id]) => id);
      const led = n === 0 ? (await kysely.selectFrom('engagement').select('id').where('consultancy_id', '=', ledConsultancy).execute()).map((r) => r.id) : [];
      expect(led.every((id) => rows.some((r) => r.id === id))).toBe(true);
      expect(rows.map((r) => r.id).sort(), user).toEqual([...new Set([...expected, ...led])].sort());
      expect(rows.length).toBeGreaterThan(10);
      const c = capturing(kysely);
      await listEngagementsOfUser(c.db, user as string);
      const plan = await explain(kysely, dialect, c.sent[c.sent.length - 1] as CompiledQuery, dialect === 'sqlite' ? 'g' : 'engagement');
      // The consultancy and enterprise tables are joined by key; only the user's few are sorted by name.
      expect(plan.fullScans, plan.text).toEqual([]);
      // Each engagement read by its id (the set of ids from the two indexes), none walked.
      expect(plan.access, plan.text).toMatch(/\(id ?= ?/);
      expect(plan.access.split('; ').filter((a) => !a.includes('(') && !a.startsWith('Bitmap Heap Scan')), plan.text).toEqual([]); // a bitmap's bound is on its index node
      expect(plan.text).toMatch(/engagement_team_pk|sqlite_autoindex_engagement_team/);
      // The led consultancy's engagements: a range of an index led by consultancy_id (migration
      // 202612090040's, or without statistics SQLite's covering engagement_consultancy_page_idx of
      // 202612090072 — it holds the ids, so no engagement row is read to find them).
      if (n === 0 && dialect === 'sqlite') expect(plan.text).toMatch(/SEARCH l USING (COVERING )?INDEX engagement_consultancy(_page)?_idx \(consultancy_id=\?\)/);
      if (n === 0 && dialect === 'postgres') expect(plan.text).toMatch(/engagement_consultancy(_page)?_idx/);
    }
  });

  it('the migration sets each visit from its entries as the sign-off service reads them (a revoked confirmation is pending)', async () => {
    const all = await listEnterpriseVisits(kysely, enterpriseId, { limit: 1000 }, 'zh-CN');
    const stored = new Map((await kysely.selectFrom('engagement_visit').select(['id', 'is_confirmed']).where('enterprise_id', '=', enterpriseId).execute()).map((v) => [v.id, v.is_confirmed]));
    expect(all.items.map((v) => [v.id, v.isSigned ? 1 : 0])).toEqual(all.items.map((v) => [v.id, stored.get(v.id)]));
    // Both kinds are there: 200 signed, 34 of them revoked afterwards.
    expect(all.items.filter((v) => v.isSigned)).toHaveLength(200 - 34);
  });
});
