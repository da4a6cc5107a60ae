/* Issue 18: the plans of the statements that are not lists — detail pages, a record's children,
 * lookups by a parent id, a detail page's counts, the reads inside writes — on SQLite as production
 * has it, without planner statistics (the product never runs ANALYZE there). SQLite then prices an
 * index bound on `enterprise_id = ?` alone like any other equality, and may walk every row of the
 * enterprise through it while another index reaches the record's few rows: a task's records read
 * through inspection_record_received_idx cost 1.3 s at a million records.
 *
 * The product's real statements: one record of every collection made through the API
 * (collection-records.factory.ts), every GET route read by its owner — each `:id` route with its
 * record, each collection — an inspection submitted with a failed item (the hazard it raises) and
 * the hazard's steps; every SQL text the SQLite connection prepares is recorded with its first
 * values and explained. The rule (docs/architecture.md, "SQLite plans hold without planner statistics"):
 * no table that grows with use is read whole, and no table is read through an index bound by
 * `enterprise_id` alone when the statement fixes by equality a reference column (`id`, `…_id`) that
 * another index of the table starts with, alone or right after `enterprise_id`. A repository meets it
 * with `enterpriseBesideKey` (db/text-search.ts) or an index. */
import type SqliteDatabase from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allRoutes } from '../app.js';
import { createRecordOfEachCollection, type RecordsOfEachCollection } from '../test/factories/collection-records.factory.js';
import { createEnterpriseWithUsers } from '../test/factories/enterprise.factory.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { clientId, fivePlan, hazardWorld } from '../modules/hazards/hazard-test-setup.js';
import { onDialect } from '../test/test-db.js';

/** Tables that do not grow with use (a few rows an enterprise or an installation configures, or one per enterprise); read whole, they cost little. */
const smallTables: Record<string, string> = {
  kysely_migration: 'the schema version, read at start',
};

/**
 * Indexes walked on purpose by the enterprise alone, with filters checked on the rows: what bounds them.
 */
const walkedByDesign: Record<string, string> = {
  accident_page_idx: 'the accident register, a few dozen entries a year, filtered in page order (accidents.repository.ts)',
};

interface Sent {
  sql: string;
  parameters: unknown[];
}

onDialect('sqlite', describe)('plans of reads and writes that are not lists (SQLite, no statistics)', () => {
  let t: TestApp;
  let sqlite: SqliteDatabase.Database;
  let prepareUnrecorded: (source: string) => SqliteDatabase.Statement;
  let records: RecordsOfEachCollection;
  const sent = new Map<string, Sent>();
  const answers: string[] = [];

  beforeAll(async () => {
    t = await createTestApp({ loginRatePerMinute: 10_000 });
    sqlite = t.sqlite as SqliteDatabase.Database;
    // Record every statement prepared from now on, with the values of its first run.
    prepareUnrecorded = sqlite.prepare.bind(sqlite);
    sqlite.prepare = ((source: string) => {
      const statement = prepareUnrecorded(source);
      for (const run of ['all', 'run', 'get', 'iterate'] as const) {
        const original = statement[run].bind(statement) as (...args: unknown[]) => unknown;
        (statement as unknown as Record<string, unknown>)[run] = (...args: unknown[]) => {
          if (!sent.has(source)) sent.set(source, { sql: source, parameters: Array.isArray(args[0]) ? args[0] : args });
          return original(...args);
        };
      }
      return statement;
    }) as typeof sqlite.prepare;
    const e = await createEnterpriseWithUsers(t.deps, 'qp', ['safety_manager', 'worker']);
    const manager = await t.login(e.usernames.safety_manager as string);
    records = await createRecordOfEachCollection(t, manager, 'qp');
    const get = async (url: string) => {
      const res = await t.request(manager, 'GET', url);
      answers.push(`${res.statusCode} GET ${url}`);
    };
    await frontLineWrites(t, answers);
    for (const r of allRoutes(t.deps)) {
      if (r.method !== 'GET' || r.access.kind !== 'tenant') continue;
      if (!r.url.includes(':')) await get(r.url);
      const id = records.ids.get(r.url.split('/:id')[0] as string);
      if (r.url.includes(':id') && id) await get(r.url.replace(':id', id).replace(/:[a-zA-Z]+\b/g, '01a2070b-0000-7000-8000-0000000000ff'));
    }
  });
  afterAll(() => t.close());

  it('drives the product: every detail route answered', () => {
    expect(answers.filter((a) => a.startsWith('5')), answers.join('\n')).toEqual([]);
    expect(answers.filter((a) => a.startsWith('200')).length).toBeGreaterThan(100);
    expect(sent.size).toBeGreaterThan(300);
    // Among them the read that walked a million records (a task's records, GET /inspection-tasks/:id).
    expect([...sent.keys()].some((source) => /from "inspection_record" where .*"task_id" = \?/.test(source))).toBe(true);
  });

  const plans = () =>
    [...sent.values()]
      .filter((s) => /^\s*(select|with|update|delete|insert)/i.test(s.sql))
      .map((s) => ({ ...s, plan: (prepareUnrecorded(`explain query plan ${s.sql}`).all(...s.parameters) as { detail: string }[]).map((r) => r.detail.trim()) }));

  it('reads no table that grows with use whole', () => {
    const found: string[] = [];
    for (const p of plans()) {
      if (isExportOfTable(p.sql)) continue;
      const tableOf = aliasesOf(p.sql);
      const ctes = new Set([...p.sql.matchAll(/(?:\bwith|,)\s*"?(\w+)"?\s+as\s*\(/gi)].map((m) => m[1] as string));
      for (const line of p.plan) {
        const scan = /^SCAN (\w+)(?: USING (?:COVERING )?INDEX \w+)?$/.exec(line);
        const table = scan ? (tableOf.get(scan[1] as string) ?? (scan[1] as string)) : undefined;
        if (!table || ctes.has(table) || !tables().has(table) || smallTables[table]) continue;
        // An INSERT's plan lists the child tables of its foreign keys: read only while a deferred violation is pending.
        if (/^\s*insert/i.test(p.sql) && !new RegExp(`\\b${table}\\b`).test(p.sql)) continue;
        found.push(`${line}\n    ${p.sql}`);
      }
    }
    expect(found, found.join('\n')).toEqual([]);
  });

  it("never bounds a read by the enterprise alone where the statement names a record another index reaches", () => {
    const found: string[] = [];
    for (const p of plans()) {
      const tableOf = aliasesOf(p.sql);
      const before = new Set<string>();
      for (const line of p.plan) {
        const access = /^(?:SCAN|SEARCH) (\w+)/.exec(line)?.[1];
        const bound = /^SEARCH (\w+) USING (?:COVERING )?INDEX (\w+) \(enterprise_id=\?\)$/.exec(line);
        if (bound && !walkedByDesign[bound[2] as string]) {
          const name = bound[1] as string;
          const table = tableOf.get(name) ?? name;
          const names = [name, table, ...[...tableOf].filter(([, t]) => t === table).map(([a]) => a)];
          const fixed = referencesFixed(p.sql, names, before);
          const other = indexesOf(table).filter((i) => i.name !== bound[2] && fixed.has((i.columns[0] === 'enterprise_id' ? i.columns[1] : i.columns[0]) ?? ''));
          if (other.length > 0) found.push(`${line} — ${other.map((i) => `${i.name} (${i.columns.join(', ')})`).join(', ')} would serve\n    ${p.sql}`);
        }
        if (access) before.add(access);
      }
    }
    expect(found, found.join('\n')).toEqual([]);
  });

  /** `select * from <table> where enterprise_id = ?`: the enterprise export (enterprise-export.service.ts), an administrator's rare download of every table of the enterprise. */
  const isExportOfTable = (source: string) => /^select \* from "\w+" where enterprise_id = \?$/.test(source);

  let tableNames: Set<string> | undefined;
  const tables = () =>
    (tableNames ??= new Set((prepareUnrecorded("select name from sqlite_master where type = 'table'").all() as { name: string }[]).map((r) => r.name)));
  const indexes = new Map<string, { name: string; columns: string[] }[]>();
  const indexesOf = (table: string) => {
    let found = indexes.get(table);
    if (!found) {
      const names = prepareUnrecorded('select name from pragma_index_list(?)').all(table) as { name: string }[];
      found = names.map(({ name }) => ({ name, columns: (prepareUnrecorded('select name from pragma_index_info(?) order by seqno').all(name) as { name: string }[]).map((c) => c.name) }));
      indexes.set(table, found);
    }
    return found;
  };
});

/**
 * The writes that run all day: a worker's inspection submitted with a failed item (the hazard it
 * raises), a hazard reported on the phone and taken through its steps to published.
 */
async function frontLineWrites(t: TestApp, answers: string[]): Promise<void> {
  const w = await hazardWorld(t, 'qw');
  const send = async (cookie: string, method: 'POST' | 'GET', url: string, body?: object) => {
    const res = await t.request(cookie, method, url, body);
    answers.push(`${res.statusCode} ${method} ${url}`);
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
    return res.json();
  };
  const manager = w.cookies.safety_manager;
  await send(manager, 'POST', '/api/v1/risks', {
    postId: w.postId, objectKind: 'equipment', objectName: '车床', hazardFactorCodes: ['2101'], accidentTypeCodes: ['03'], causes: '防护缺失',
    evaluation: { method: 'LEC', L: 3, E: 6, C: 7 },
    measures: [{ type: 'engineering', phase: 'during', text: '防护罩完好', inspection: { content: '检查防护罩', method: 'look', period: 'day', responsiblePersonId: w.people.worker } }],
  });
  await send(manager, 'POST', `/api/v1/posts/${w.postId}/inspection-list/publish`);
  const task = (await send(w.cookies.worker, 'GET', '/api/v1/inspection-tasks?mine=true&status=open')).items[0];
  const items = (await send(w.cookies.worker, 'GET', `/api/v1/inspection-tasks/${task.id}`)).items as { id: string }[];
  await send(w.cookies.worker, 'POST', `/api/v1/inspection-tasks/${task.id}/records`, {
    clientId: randomUUID(), capturedAt: t.clock.now().toISOString(), results: items.map((i) => ({ itemId: i.id, result: 'fail', note: '防护罩松动' })),
  });
  const hazard = await send(w.cookies.worker, 'POST', '/api/v1/hazards', { description: '车床防护罩缺失', postId: w.postId, areaId: w.areaId, clientId: clientId('qp') });
  const step = (cookie: string, name: string, body: object = {}) => send(cookie, 'POST', `/api/v1/hazards/${hazard.id}/${name}`, body);
  await step(manager, 'confirm', { grade: 'general' });
  await step(manager, 'rectification-plan', fivePlan(w.people.team_leader, new Date(t.clock.now().getTime() + 7 * 86_400_000).toISOString()));
  await step(w.cookies.team_leader, 'submit', { note: '已更换' });
  await step(w.cookies.worker, 'accept', { note: '已验收' });
  await step(manager, 'publish');
  await send(manager, 'GET', '/api/v1/home-summary');
  for (const cookie of [manager, w.cookies.worker]) {
    await send(cookie, 'GET', `/api/v1/hazards/${hazard.id}`);
    await send(cookie, 'GET', '/api/v1/due-items');
  }
}

const keywords = new Set(['where', 'inner', 'left', 'join', 'on', 'order', 'group', 'limit', 'set', 'cross', 'natural', 'union', 'as', 'using', 'indexed', 'not', 'values', 'returning', 'and', 'or']);

/** Alias → table, from `from|join|update "table" [as] "alias"`. */
function aliasesOf(source: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const m of source.matchAll(/\b(?:from|join|update)\s+"?(\w+)"?(?:\s+(?:as\s+)?"?(\w+)"?)?/gi)) {
    if (m[2] && !keywords.has(m[2].toLowerCase())) found.set(m[2], m[1] as string);
  }
  return found;
}

/**
 * The reference columns (`id`, `…_id`) of the table (named `names` in the statement) the statement fixes
 * by equality: `= ?` or `in (?…)`, or equal to a column of a table read before it (`joined`) — the
 * values an index led by that column would be searched with.
 */
function referencesFixed(source: string, names: string[], joined: Set<string>): Set<string> {
  const qualifier = `(?:"?(?:${names.join('|')})"?\\.)`;
  const found = new Set<string>();
  for (const m of source.matchAll(new RegExp(`(?<![\\w."])${qualifier}?"?(\\w+)"?\\s*(?:=\\s*\\?|\\bin\\s*\\(\\s*\\?)`, 'gi'))) found.add(m[1] as string);
  for (const m of source.matchAll(new RegExp(`${qualifier}"?(\\w+)"?\\s*=\\s*"?(\\w+)"?\\."?\\w+"?`, 'gi'))) if (joined.has(m[2] as string)) found.add(m[1] as string);
  for (const m of source.matchAll(new RegExp(`"?(\\w+)"?\\."?\\w+"?\\s*=\\s*${qualifier}"?(\\w+)"?`, 'gi'))) if (joined.has(m[1] as string)) found.add(m[2] as string);
  return new Set([...found].filter((c) => c !== 'enterprise_id' && (c === 'id' || c.endsWith('_id'))));
}
