/* The county view's side of `npm run bench` (issue 17): a scratch database with BENCH_ENTERPRISES
 * generated enterprises in one county (370102) and their precomputed indicator rows, the product's API
 * and a bare Fastify route running the same repository query; prints one JSON line, serves until
 * SIGTERM, then drops the database. Also times the query alone (no HTTP) for the "bare SQL" figure, and
 * a self-assessment campaign over the whole county (half the enterprises concluded on its sheet, with
 * findings and their actions): its progress through the API and the service's one query alone. */
import os from 'node:os';
import Fastify from 'fastify';
import { sql } from 'kysely';
import type { AppDeps } from '../src/server/app-deps.js';
import { buildApp } from '../src/server/app.js';
import { migrateToLatest } from '../src/server/db/migrate.js';
import type { EnterpriseIndicatorTable } from '../src/server/db/tables/oversight-tables.js';
import type { EnterpriseTable } from '../src/server/db/tables/org-tables.js';
import { seedDemo } from '../src/server/demo/seed-demo.js';
import { listIndicators, type IndicatorFilter, type SortColumn } from '../src/server/modules/oversight/county.repository.js';
import { campaignProgress } from '../src/server/modules/oversight/campaigns.service.js';
import type { PersonTable } from '../src/server/db/tables/org-tables.js';
import type { SelfAssessmentTable, StandardizationActionTable } from '../src/server/db/tables/standardization-tables.js';
import { systemClock } from '../src/server/platform/clock.js';
import { loadConfig } from '../src/server/platform/config.js';
import { newId } from '../src/server/platform/ids.js';
import { createScratchDb } from '../src/server/test/scratch-db.js';
import { benchPassword } from './inspections-data.js';

const kind = process.env.BENCH_DB === 'sqlite' ? 'sqlite' : 'postgres';
const count = Number(process.env.BENCH_ENTERPRISES ?? 10_000);
const county = '370102';
const towns = ['370102001', '370102002', '370102003', '370102004', '370102005', '370102006', '370102007', '370102008'];
const industries = ['machinery', 'light_industry', 'textile', 'building_materials', 'commerce'];

const scratch = await createScratchDb(kind, 'sk_bench_county', 10);
const { db } = scratch;
const config = { ...loadConfig({ DATA_DIR: os.tmpdir() }), loginRatePerMinute: 1_000_000 };
const deps: AppDeps = { db: db.kysely, dialect: db.dialect, clock: systemClock, config };
await migrateToLatest(db.kysely);
await seedDemo(deps, benchPassword);
const started = performance.now();
const now = new Date().toISOString();
const campaignId = newId();
await db.kysely
  .insertInto('oversight_campaign')
  .values({ id: campaignId, county_code: county, title: '小微企业自评自改', sheet_ref: 'gbt33000-starter', deadline: '2099-12-31', town_codes: '[]', created_by_user_id: null, created_at: new Date(Date.now() - 86_400_000).toISOString() })
  .execute();
for (const code of towns.slice(2)) await db.kysely.insertInto('oversight_town').values({ code, county_code: county, name: `街道 ${code.slice(-3)}`, created_at: now }).onConflict((oc) => oc.doNothing()).execute();
for (let start = 0; start < count; start += 500) {
  const enterprises: EnterpriseTable[] = [];
  const indicators: EnterpriseIndicatorTable[] = [];
  const people: PersonTable[] = [];
  const assessments: SelfAssessmentTable[] = [];
  const actions: StandardizationActionTable[] = [];
  for (let i = start; i < Math.min(count, start + 500); i++) {
    const id = newId();
    const name = `县域企业 ${String(i).padStart(5, '0')} 有限公司`;
    enterprises.push({
      id, name, credit_code: `BENCH${String(i).padStart(13, '0')}`, industry: industries[i % industries.length] as string, region_code: county, address: '济南', headcount: 10 + (i % 90),
      revenue_cny: 1_000_000, size_class: i % 3 ? 'small' : 'micro', principal_name: '负责人', principal_phone: null, time_zone: 'Asia/Shanghai', created_at: now, updated_at: now, archived_at: null,
    });
    const major = i % 20 === 0 ? 1 : 0; // one in twenty has an open major hazard
    indicators.push({
      enterprise_id: id, county_code: county, town_code: towns[i % towns.length] as string, name, industry: industries[i % industries.length] as string, size_class: i % 3 ? 'small' : 'micro',
      is_demonstration: i % 50 === 0 ? 1 : 0, posts_major: i % 7 === 0 ? 1 : 0, posts_significant: i % 5, open_hazards: i % 13, overdue_hazards: i % 4 === 0 ? i % 6 : 0, open_major_hazards: major,
      stop_work_in_force: major && i % 40 === 0 ? 1 : 0, inspection_completion: 60 + (i % 41), training_compliance: 50 + (i % 51), sa_score: i % 9 === 0 ? -1 : 6000 + (i % 3500), sa_grade: '',
      supervision_grade: major ? 'D' : (['A', 'B', 'C'][i % 3] as string), grade_reasons: '[]', facts: '{}', last_activity_at: new Date(Date.now() - (i % 1000) * 60_000).toISOString(), refreshed_at: now,
    });
    // The campaign: every other enterprise has assessed on its sheet (one in three of those still in progress); a concluded one has 0–4 findings, the first closed, the second open.
    if (i % 2 === 0) {
      const assessmentId = newId();
      const isConcluded = i % 3 !== 0;
      const findings = isConcluded ? i % 5 : null;
      assessments.push({
        id: assessmentId, enterprise_id: id, title: '自评', sheet_ref: 'gbt33000-starter', sheet: '{}', profile_code: 'seed004-1000', planned_start: now.slice(0, 10), planned_end: now.slice(0, 10), team: '[]',
        status: isConcluded ? 'concluded' : 'in_progress', proposals: null, proposals_at: null, result: isConcluded ? JSON.stringify({ score1000: 600 + (i % 400) }) : null, created_by_user_id: null,
        created_at: now, updated_at: now, concluded_at: isConcluded ? now : null, concluded_by_user_id: null, finding_count: findings,
      });
      if (findings) {
        const personId = newId();
        people.push({ id: personId, enterprise_id: id, name: '负责人', phone: null, org_unit_id: null, hire_date: null, is_contractor: 0, created_at: now, updated_at: now, archived_at: null });
        for (let k = 0; k < Math.min(findings, 2); k++) {
          actions.push({
            id: newId(), enterprise_id: id, assessment_id: assessmentId, item_code: `5.${k + 1}`, kind: 'action', description: '整改', owner_person_id: personId, deadline: '2099-12-31', hazard_id: null,
            status: k === 0 ? 'done' : 'open', created_by_user_id: null, created_at: now, closed_at: k === 0 ? now : null, closed_note: k === 0 ? '已整改' : null,
          });
        }
      }
    }
  }
  await db.kysely.insertInto('enterprise').values(enterprises).execute();
  await db.kysely.insertInto('enterprise_indicator').values(indicators).execute();
  if (people.length) await db.kysely.insertInto('person').values(people).execute();
  if (assessments.length) await db.kysely.insertInto('self_assessment').values(assessments).execute();
  if (actions.length) await db.kysely.insertInto('standardization_action').values(actions).execute();
}
const generatedMs = performance.now() - started;
await sql`analyze`.execute(db.kysely);

const app = await buildApp(deps);
await app.listen({ port: 0, host: '127.0.0.1' });
const api = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;

export const countyScenarios: { name: string; query: string; filter: IndicatorFilter; column: SortColumn; order: 'asc' | 'desc' }[] = [
  { name: 'major hazard, by overdue', query: 'hasOpenMajorHazard=true&sort=overdueHazards&order=desc', filter: { hasOpenMajorHazard: true }, column: 'overdue_hazards', order: 'desc' },
  { name: 'one town, by name', query: `townCode=${towns[3]}&sort=name&order=asc`, filter: { townCode: towns[3] }, column: 'name', order: 'asc' },
];
const scope = { countyCode: county, townCode: null };
const bare = Fastify();
bare.get('/county', async (request) => {
  const s = countyScenarios[Number((request.query as { s?: string }).s ?? 0)] ?? countyScenarios[0];
  if (!s) return { items: [] };
  const rows = await listIndicators(db.kysely, scope, s.filter, { column: s.column, order: s.order, limit: 51 });
  return { items: rows.slice(0, 50) };
});
await bare.listen({ port: 0, host: '127.0.0.1' });
const bareBase = `http://127.0.0.1:${(bare.server.address() as { port: number }).port}`;

// The query alone: 300 runs each, sequential, p50/p95 in ms.
const sqlTimes: Record<string, { p50: number; p95: number; rows: number }> = {};
for (const s of countyScenarios) {
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i < 300; i++) {
    const t0 = performance.now();
    rows = (await listIndicators(db.kysely, scope, s.filter, { column: s.column, order: s.order, limit: 51 })).length;
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  sqlTimes[s.name] = { p50: times[150] ?? 0, p95: times[285] ?? 0, rows };
}

const res = await fetch(`${api}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'regulator', password: benchPassword }) });
if (!res.ok) throw new Error(`login regulator: ${res.status}`);
const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] as string;

// The campaign's progress (the town totals and the first page of 50 enterprises): 30 sequential runs each, through the API and the service alone.
const p = (times: number[], q: number) => [...times].sort((a, b) => a - b)[Math.min(times.length - 1, Math.floor(times.length * q))] ?? 0;
const regulatorId = (await db.kysely.selectFrom('user').select('id').where('username', '=', 'regulator').executeTakeFirstOrThrow()).id;
const apiTimes: number[] = [];
const fnTimes: number[] = [];
let progressRows = 0;
for (let i = 0; i < 30; i++) {
  let t0 = performance.now();
  const r = await fetch(`${api}/api/v1/oversight/campaigns/${campaignId}/progress`, { headers: { cookie } });
  if (!r.ok) throw new Error(`campaign progress: ${r.status}`);
  progressRows = ((await r.json()) as { towns: { enterprises: number }[] }).towns.reduce((n, t) => n + t.enterprises, 0);
  apiTimes.push(performance.now() - t0);
  t0 = performance.now();
  await campaignProgress(deps, regulatorId, campaignId);
  fnTimes.push(performance.now() - t0);
}
const campaign = { rows: progressRows, apiP50: p(apiTimes, 0.5), apiP95: p(apiTimes, 0.95), fnP50: p(fnTimes, 0.5), fnP95: p(fnTimes, 0.95) };
console.log(JSON.stringify({ pid: process.pid, api, bare: bareBase, cookie, generatedMs: Math.round(generatedMs), sqlTimes, campaign, scenarios: countyScenarios.map((s) => ({ name: s.name, query: s.query })) }));

process.on('SIGTERM', () => {
  void (async () => {
    await app.close();
    await bare.close();
    await scratch.drop();
    process.exit(0);
  })();
});
