/* Issue 18 item 1: the training sessions and the certificate register page by an index bound — each
 * filter read in page order from an index led by the enterprise, page 1 and a deep page, on SQLite and
 * PostgreSQL (they returned every session of every year, and every certificate, at once). */
import { CompiledQuery, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDeps } from '../../app-deps.js';
import type { Database } from '../../db/database.js';
import type { CertificateTable, TrainingAttendeeTable, TrainingSessionTable } from '../../db/tables/training-tables.js';
import { seedDemo } from '../../demo/seed-demo.js';
import { certificateState } from '../../../domain/training/training-status.js';
import { ManualClock } from '../../platform/clock.js';
import { loadConfig } from '../../platform/config.js';
import { newId } from '../../platform/ids.js';
import { analyzeAsProduction, capturing, expectIndexPage, explain, planOf as planIn } from '../../test/query-plans.js';
import { isDbAvailable } from '../../test/test-app.js';
import { createTestDb, testDialect } from '../../test/test-db.js';
import { backfillAttendeeDates } from '../../db/migrations/202612090020-training-attendee-page.js';
import { backfillCertificateStates } from '../../db/migrations/202612090030-certificate-state-page.js';
import { certificateStates } from '../../../schemas/training.js';
import { listCertificatePage, listSessions, refreshCertificateStates, updateCertificate, updateSession } from './training.repository.js';

const dialect = testDialect();
const day = (n: number) => new Date(Date.parse('2020-01-01T00:00:00.000Z') + n * 86_400_000).toISOString().slice(0, 10);

describe.runIf(isDbAvailable())(`training list plans (${dialect})`, () => {
  let close: () => Promise<void>;
  let kysely: Kysely<Database>;
  let enterpriseId: string;
  let personIds: string[];
  let attendees: TrainingAttendeeTable[];

  beforeAll(async () => {
    const scratch = await createTestDb();
    close = scratch.drop;
    kysely = scratch.db.kysely;
    const deps: AppDeps = { db: kysely, dialect, clock: new ManualClock(), config: loadConfig({ DATA_DIR: '/tmp/sk-unused' }) };
    const demo = await seedDemo(deps, 'training-plan-123');
    enterpriseId = demo.enterpriseId;
    personIds = (await kysely.selectFrom('person').select('id').where('enterprise_id', '=', enterpriseId).limit(4).execute()).map((p) => p.id);
    const at = new Date().toISOString();
    const sessions: TrainingSessionTable[] = Array.from({ length: 600 }, (_, i) => ({
      id: newId(),
      enterprise_id: i % 6 === 5 ? demo.secondEnterpriseId : enterpriseId,
      title: `培训 ${i}`,
      kind: 'yearly',
      held_on: day(i * 3),
      hours: 2,
      trainer: '',
      audience: '',
      content: '',
      post_id: null,
      status: i % 4 === 0 ? 'planned' : 'held',
      created_at: at,
      updated_at: at,
    }));
    await kysely.insertInto('training_session').values(sessions).execute();
    // One attendee each, a second one on every third session. Written without the session's date (as
    // before migration 202612090020), which the migration's backfill then copies.
    attendees = sessions
      .filter((s) => s.enterprise_id === enterpriseId)
      .flatMap((s, i) => [personIds[i % personIds.length], ...(i % 3 === 0 ? [personIds[(i + 1) % personIds.length]] : [])].map((p) => ({ enterprise_id: enterpriseId, session_id: s.id, person_id: p as string, held_on: '' })));
    await kysely.insertInto('training_attendee').values(attendees).execute();
    await backfillAttendeeDates(kysely as unknown as Kysely<unknown>);
    const certificates: CertificateTable[] = Array.from({ length: 600 }, (_, i) => ({
      id: newId(),
      enterprise_id: i % 6 === 5 ? demo.secondEnterpriseId : enterpriseId,
      person_id: personIds[i % personIds.length] as string,
      kind: 'special_operation',
      operation_code: 'welding_cutting',
      number: `C-${i}`,
      issuer: '',
      issued_on: day(i * 3),
      expires_on: i % 7 === 0 ? null : day(i * 3 + 2190),
      review_due_on: i % 5 === 0 ? null : day(i * 3 + 1095),
      created_at: new Date(Date.parse('2020-01-01T00:00:00.000Z') + i * 3_600_000).toISOString(),
      updated_at: at,
      archived_at: null,
      // As migration 202612090030 leaves the existing rows before its backfill.
      state: 'valid',
      state_from: null,
      state_until: '',
    }));
    await kysely.insertInto('certificate').values(certificates).execute();
    await backfillCertificateStates(kysely, new Date());
    await analyzeAsProduction(kysely);
  });
  afterAll(async () => close?.());

  const planOf = (table: string, run: (db: Kysely<Database>) => Promise<unknown>) => planIn(kysely, dialect, table, run);

  type SessionFilter = Parameters<typeof listSessions>[2];
  const sessionCases: [string, string, string[], () => SessionFilter][] = [
    ['all', 'training_session_held_idx', ['enterprise_id'], () => ({})],
    ['one year', 'training_session_held_idx', ['held_on'], () => ({ from: '2022-01-01', to: '2022-12-31' })],
    ['one status', 'training_session_status_page_idx', ['status'], () => ({ status: 'planned' })],
    // A person's sessions: their attendee rows, which carry the session's date.
    ["one person's", 'training_attendee_person_page_idx', ['person_id'], () => ({ personId: personIds[1] })],
    ["one person's in one year", 'training_attendee_person_page_idx', ['person_id', 'held_on'], () => ({ personId: personIds[1], from: '2021-01-01', to: '2023-12-31' })],
  ];
  for (const [name, index, bound, filter] of sessionCases) {
    it(`sessions — ${name}: page 1 and a deep page read one index range in page order`, async () => {
      const byPerson = filter().personId !== undefined;
      const table = byPerson ? (dialect === 'sqlite' ? 'a' : 'training_attendee') : dialect === 'sqlite' ? 's' : 'training_session';
      const all = await listSessions(kysely, enterpriseId, filter());
      expect(all.length).toBeGreaterThan(60);
      const page1 = await listSessions(kysely, enterpriseId, { ...filter(), limit: 51 });
      expect(page1.map((r) => r.id)).toEqual(all.slice(0, 51).map((r) => r.id));
      const deep = all[40] as (typeof all)[number];
      const after = { at: deep.held_on, id: deep.id };
      const page2 = await listSessions(kysely, enterpriseId, { ...filter(), after, limit: 20 });
      expect(page2.map((r) => r.id)).toEqual(all.slice(41, 61).map((r) => r.id));
      expectIndexPage(await planOf(table, (db) => listSessions(db, enterpriseId, { ...filter(), limit: 51 })), index, bound);
      const plan = await planOf(table, (db) => listSessions(db, enterpriseId, { ...filter(), after, limit: 51 }));
      expectIndexPage(plan, index, bound);
      expect(plan.access, plan.text).toContain(byPerson ? '(held_on,session_id)' : '(held_on,id)');
      if (byPerson) expect(plan.text).not.toContain('training_session_held_idx');
    });
  }

  it("sessions — a person's pages are exactly the sessions they attend, in the list's order, and follow a change of date", async () => {
    const all = await listSessions(kysely, enterpriseId, { limit: 10_000 });
    for (const personId of personIds) {
      const attended = new Set(attendees.filter((a) => a.person_id === personId).map((a) => a.session_id));
      const expected = all.filter((s) => attended.has(s.id)).map((s) => s.id);
      expect(expected.length).toBeGreaterThan(100);
      const seen: string[] = [];
      let after: { at: string; id: string } | undefined;
      for (;;) {
        const page = await listSessions(kysely, enterpriseId, { personId, after, limit: 23 });
        seen.push(...page.map((r) => r.id));
        const last = page[page.length - 1];
        if (page.length < 23 || !last) break;
        after = { at: last.held_on, id: last.id };
      }
      expect(seen).toEqual(expected);
      const planned = await listSessions(kysely, enterpriseId, { personId, status: 'planned', from: '2021-01-01', to: '2022-06-30' });
      expect(planned.map((r) => r.id)).toEqual(all.filter((s) => attended.has(s.id) && s.status === 'planned' && s.held_on >= '2021-01-01' && s.held_on <= '2022-06-30').map((s) => s.id));
    }
    // The oldest session of person 0 moved to the newest date: it leads their page.
    const personId = personIds[0] as string;
    const mine = await listSessions(kysely, enterpriseId, { personId });
    const oldest = mine[mine.length - 1] as (typeof mine)[number];
    await updateSession(kysely, enterpriseId, oldest.id, { held_on: '2030-01-01' });
    const moved = await listSessions(kysely, enterpriseId, { personId, limit: 2 });
    expect(moved.map((r) => [r.id, r.held_on])).toEqual([[oldest.id, '2030-01-01'], [mine[0]?.id, mine[0]?.held_on]]);
    await updateSession(kysely, enterpriseId, oldest.id, { held_on: oldest.held_on });
  });

  type CertificateFilter = Omit<Parameters<typeof listCertificatePage>[2], 'limit'>;
  const certificateCases: [string, string, string[], () => CertificateFilter][] = [
    ['all', 'certificate_list_idx', ['enterprise_id'], () => ({})],
    ["one person's", 'certificate_person_page_idx', ['person_id'], () => ({ personId: personIds[2] })],
    ...certificateStates.map((state): [string, string, string[], () => CertificateFilter] => [state, 'certificate_state_page_idx', ['state'], () => ({ state })]),
  ];
  for (const [name, index, bound, filter] of certificateCases) {
    it(`certificates — ${name}: page 1 and a deep page read one index range in page order`, async () => {
      const table = dialect === 'sqlite' ? 'c' : 'certificate';
      const after = { at: '2020-01-10T00:00:00.000Z', id: newId() };
      expectIndexPage(await planOf(table, (db) => listCertificatePage(db, enterpriseId, { ...filter(), limit: 51 })), index, bound);
      const plan = await planOf(table, (db) => listCertificatePage(db, enterpriseId, { ...filter(), after, limit: 51 }));
      expectIndexPage(plan, index, bound);
      expect(plan.access, plan.text).toContain('(created_at,id)');
    });
  }

  it("certificates — the day's refresh reads the two span indexes (nothing out of its span: no update)", async () => {
    const today = '2024-01-01';
    await refreshCertificateStates(kysely, enterpriseId, today);
    const c = capturing(kysely);
    expect(await refreshCertificateStates(c.db, enterpriseId, today)).toBe(0);
    // The plugin sees the union's second part on its own too: the statement sent is the union.
    const plan = await explain(kysely, dialect, c.sent.find((q) => q.sql.includes('union all')) as CompiledQuery, 'certificate');
    expect(plan.fullScans, plan.text).toEqual([]);
    expect(plan.sorts, plan.text).toBe(0);
    expect(plan.text).toContain('certificate_state_until_idx');
    expect(plan.text).toContain('certificate_state_from_idx');
  });

  it('certificates — each state page is exactly what certificateState computes on the day, as days pass and go back, and the pages join up', async () => {
    const all = await listCertificatePage(kysely, enterpriseId, { limit: 10_000 });
    expect(all).toHaveLength(500);
    // Issued every 3 days from 2020 (valid 6 years, 复审 after 3): each state has its rows on these days.
    // The migration's backfill ran for the real day (after them); then forward, and back again.
    for (const today of ['2026-03-01', '2026-06-15', '2026-02-01']) {
      expect(await refreshCertificateStates(kysely, enterpriseId, today), today).toBeGreaterThan(0);
      expect(await refreshCertificateStates(kysely, enterpriseId, today), today).toBe(0);
      for (const state of certificateStates) {
        const expected = all.filter((r) => certificateState({ expiresOn: r.expires_on, reviewDueOn: r.review_due_on }, today) === state).map((r) => r.id);
        expect(expected.length, `${today} ${state}`).toBeGreaterThan(0);
        const seen: string[] = [];
        let after: { at: string; id: string } | undefined;
        for (;;) {
          const page = await listCertificatePage(kysely, enterpriseId, { state, after, limit: 37 });
          seen.push(...page.map((r) => r.id));
          const last = page[page.length - 1];
          if (page.length < 37 || !last) break;
          after = { at: last.created_at, id: last.id };
        }
        expect(seen, `${today} ${state}`).toEqual(expected);
      }
    }
    // A renewal's new dates are its state at once.
    const today = '2026-02-01';
    const valid = (await listCertificatePage(kysely, enterpriseId, { state: 'valid', limit: 1 }))[0] as (typeof all)[number];
    await updateCertificate(kysely, enterpriseId, valid.id, { expires_on: '2026-01-15' }, { after: { expires_on: '2026-01-15', review_due_on: valid.review_due_on }, today });
    expect((await listCertificatePage(kysely, enterpriseId, { state: 'expired', limit: 1 })).map((r) => r.id)).toEqual([valid.id]);
    await updateCertificate(kysely, enterpriseId, valid.id, { expires_on: valid.expires_on }, { after: valid, today });
    expect((await listCertificatePage(kysely, enterpriseId, { state: 'valid', limit: 1 })).map((r) => r.id)).toEqual([valid.id]);
  });
});
