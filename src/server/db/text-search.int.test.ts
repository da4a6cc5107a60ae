/* Issue 18: text search through FTS5 (SQLite) and pg_trgm (PostgreSQL) returns exactly what a
 * substring scan returns — for one-, two- and three-or-more-character Chinese queries, mixed Latin
 * text and LIKE/FTS special characters — by every way SQLite takes to a page, and stays in sync with
 * inserts, updates and deletes. Query plans: search-plans.int.test.ts. */
import { CompiledQuery, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDeps } from '../app-deps.js';
import { seedDemo } from '../demo/seed-demo.js';
import { insertVersion, listDocumentRows } from '../modules/documents/documents.repository.js';
import { listHazardRows } from '../modules/hazards/hazard-list.repository.js';
import { listRiskRows } from '../modules/risks/risks.repository.js';
import { ManualClock } from '../platform/clock.js';
import { loadConfig } from '../platform/config.js';
import { newId } from '../platform/ids.js';
import { listRows } from '../platform/resource/tenant-resource.repository.js';
import { insertHazardRows } from '../test/factories/hazard-rows.factory.js';
import { insertDocumentRows, insertPersonRows } from '../test/factories/search-rows.factory.js';
import { isDbAvailable } from '../test/test-app.js';
import { createTestDb, testDialect } from '../test/test-db.js';
import type { Database } from './database.js';
import * as searchOrderMigration from './migrations/202612080700-create-search-order.js';
import { searchOrderTuning } from './search-order.js';
import { searchTuning } from './text-search.js';
import { analyzeAsProduction } from '../test/query-plans.js';

const dialect = testDialect();

/** A small deterministic generator (mulberry32): the corpus is the same on every run. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Few distinct characters, so short queries hit often and longer ones sometimes.
const hanzi = [...'防护装置缺失油污泄漏电线老化消防通道堵塞配电箱未接地灭火器过期'];
const latin = ['PLC', 'plc', 'Motor', 'AB', 'ab', 'Ab', 'CNC-3', 'x_y', '100%', 'a"b', 'C:\\tmp', "it's"];
const marks = ['：', '，', '。', ' ', '（', '）', '#', '%', '_', '"', '\\'];

function sentence(next: () => number): string {
  const n = 4 + Math.floor(next() * 18);
  let out = '';
  for (let i = 0; i < n; i++) {
    const r = next();
    if (r < 0.7) out += hanzi[Math.floor(next() * hanzi.length)];
    else if (r < 0.85) out += latin[Math.floor(next() * latin.length)];
    else out += marks[Math.floor(next() * marks.length)];
  }
  return out;
}

const contains = (text: string | null | undefined, q: string) => (text ?? '').toLowerCase().includes(q.toLowerCase());

/** Queries: substrings of the corpus of every length from 1 to 6, case-flipped, plus misses and special characters. */
function queriesFrom(texts: string[], next: () => number): string[] {
  const out = new Set<string>(['%', '_', '"', '""', '\\', '100%', 'a"b', 'x_y', "it's", 'plc', 'PLC', 'Motor泄', '龘龘龘', '龘', '无此', 'zzz', ' 防']);
  for (let i = 0; i < 160; i++) {
    const chars = [...(texts[Math.floor(next() * texts.length)] ?? '')];
    const length = 1 + (i % 6);
    if (chars.length < length) continue;
    const start = Math.floor(next() * (chars.length - length + 1));
    let q = chars.slice(start, start + length).join('');
    if (i % 5 === 0) q = q.toUpperCase();
    out.add(q);
  }
  return [...out];
}

describe.runIf(isDbAvailable())(`text search (${dialect})`, () => {
  let close: () => Promise<void>;
  let kysely: Kysely<Database>;
  let enterpriseId: string;
  let otherEnterpriseId: string;
  const now = '2026-12-01T00:00:00.000Z';
  const next = random(18);
  const descriptions = Array.from({ length: 600 }, () => sentence(next));
  let backdatedRowids: number[] = [];

  beforeAll(async () => {
    const scratch = await createTestDb();
    close = scratch.drop;
    kysely = scratch.db.kysely;
    const deps: AppDeps = { db: kysely, dialect, clock: new ManualClock(), config: loadConfig({ DATA_DIR: '/tmp/sk-unused' }) };
    const demo = await seedDemo(deps, 'search-pass-123');
    enterpriseId = demo.enterpriseId;
    otherEnterpriseId = demo.secondEnterpriseId;
    await insertHazardRows(kysely, { enterpriseId, count: descriptions.length, postIds: [], now: Date.parse(now), describe: (i) => descriptions[i] as string });
    // The other enterprise's hazards carry the same texts: a search never returns them.
    await insertHazardRows(kysely, { enterpriseId: otherEnterpriseId, count: 50, postIds: [], now: Date.parse(now), describe: (i) => descriptions[i] as string });
    // Backdated hazards inserted last (an import, a clock set back): out of the rowid order on SQLite (search-order.ts).
    await insertHazardRows(kysely, { enterpriseId, count: 30, postIds: [], now: Date.parse(now) - 100 * 86_400_000, spanDays: 200, describe: (i) => descriptions[i * 17 + 3] as string });
    if (dialect === 'sqlite') {
      const { rows } = await kysely.executeQuery<{ r: number }>(CompiledQuery.raw('select rowid as r from hazard where enterprise_id = ? order by rowid desc limit 30', [enterpriseId]));
      backdatedRowids = rows.map((r) => r.r).sort((a, b) => a - b);
    }
    const at = new Date().toISOString();
    await insertPersonRows(kysely, 150, (i) => ({ enterprise_id: enterpriseId, name: sentence(next).slice(0, 12), phone: i % 3 ? `1390000${String(i).padStart(4, '0')}` : null, created_at: at, updated_at: at }));
    // Documents: number, title and the newest version's text (as documents.repository.ts keeps it).
    await insertDocumentRows(kysely, 200, (i) => ({
      enterprise_id: i % 10 === 9 ? otherEnterpriseId : enterpriseId,
      number: `AQ-${String(i).padStart(3, '0')}${i % 7 ? '' : 'PLC'}`,
      title: sentence(next).slice(0, 20),
      content_text: i % 5 ? [sentence(next), sentence(next), sentence(next)].join('\n') : '',
      created_at: new Date(Date.parse(now) - i * 60_000).toISOString(),
      updated_at: now,
    }));
    await analyzeAsProduction(kysely);
  });

  afterAll(async () => close?.());

  async function hazardIdsMatching(q: string): Promise<string[]> {
    const rows = await listHazardRows(kysely, enterpriseId, { q, now, limit: 100_000 });
    return rows.map((r) => r.id).sort();
  }

  /** Every page of a search by the cursor, checking each comes newest first and continues the last. */
  async function hazardIdsPaged(q: string, limit: number): Promise<string[]> {
    const seen: { created_at: string; id: string }[] = [];
    let after: { at: string; id: string } | undefined;
    for (;;) {
      const page = await listHazardRows(kysely, enterpriseId, { q, now, limit, after });
      seen.push(...page);
      const last = page[page.length - 1];
      if (page.length < limit || !last) break;
      after = { at: last.created_at, id: last.id };
    }
    const key = (r: { created_at: string; id: string }) => `${r.created_at}|${r.id}`;
    expect(seen.map(key), `order for q=${JSON.stringify(q)}`).toEqual(seen.map(key).sort().reverse());
    return seen.map((r) => r.id).sort();
  }

  async function hazardIdsByScan(q: string, known?: { id: string; description: string }[]): Promise<string[]> {
    const rows = known ?? (await kysely.selectFrom('hazard').select(['id', 'description']).where('enterprise_id', '=', enterpriseId).execute());
    return rows
      .filter((r) => contains(r.description, q))
      .map((r) => r.id)
      .sort();
  }

  it('hazards: the same hazards as a substring scan for 1-, 2-, 3+-character Chinese, Latin and special-character queries', async () => {
    const queries = queriesFrom(descriptions, next);
    const lengths = new Set(queries.map((q) => Math.min([...q].length, 3)));
    expect([...lengths].sort()).toEqual([1, 2, 3]);
    let nonEmpty = 0;
    const all = await kysely.selectFrom('hazard').select(['id', 'description']).where('enterprise_id', '=', enterpriseId).execute();
    for (const q of queries) {
      const expected = await hazardIdsByScan(q, all);
      if (expected.length) nonEmpty += 1;
      expect(await hazardIdsMatching(q), `q=${JSON.stringify(q)}`).toEqual(expected);
    }
    // The corpus is built so that most queries find something (a test of empty results only would prove little).
    expect(nonEmpty).toBeGreaterThan(queries.length * 0.8);
  });

  // SQLite answers a page from FTS5 alone, from a walk of the newest rows, or from a walk and then
  // FTS5 beyond it (text-search.ts): small limits here make this corpus take every path.
  it('hazards: paged by the cursor through each of the ways to a page, the same hazards as a substring scan, newest first', async () => {
    const all = await kysely.selectFrom('hazard').select(['id', 'description']).where('enterprise_id', '=', enterpriseId).execute();
    const queries = queriesFrom(descriptions, next).slice(0, 60);
    await inEveryWay(async (way) => {
      for (const q of queries) expect(await hazardIdsPaged(q, 9), `q=${JSON.stringify(q)} ${way}`).toEqual(await hazardIdsByScan(q, all));
    }, [{ walkRows: 400, fewMatches: 2 }, { walkRows: 30, fewMatches: 1000 }]);
  });

  if (dialect === 'sqlite') {
    it('hazards (SQLite): rows inserted out of the list order are listed as such, by the insert trigger and by the migration alike', async () => {
      const listed = async () =>
        (await kysely.executeQuery<{ row_id: number }>(CompiledQuery.raw(`select row_id from search_out_of_order where table_name = 'hazard' and enterprise_id = ? order by row_id`, [enterpriseId]))).rows.map((r) => r.row_id);
      const byTrigger = await listed();
      expect(byTrigger).toEqual(backdatedRowids);
      await searchOrderMigration.down(kysely as unknown as Kysely<unknown>);
      await searchOrderMigration.up(kysely as unknown as Kysely<unknown>);
      expect(await listed()).toEqual(byTrigger);
    });
  }

  it('hazards: search combines with filters and keyset pages', async () => {
    const q = [...(descriptions[7] as string)].slice(0, 3).join('');
    const expected = (await hazardIdsByScan(q)).length;
    const seen: string[] = [];
    let after: { at: string; id: string } | undefined;
    for (;;) {
      const page = await listHazardRows(kysely, enterpriseId, { q, now, limit: 5, after });
      seen.push(...page.map((r) => r.id));
      const last = page[page.length - 1];
      if (page.length < 5 || !last) break;
      after = { at: last.created_at, id: last.id };
    }
    expect(new Set(seen).size).toBe(expected);
    // A filter that keeps few of the matches: SQLite reads more of FTS5 (in order) to fill a page.
    const closedRows = await kysely.selectFrom('hazard').select(['id', 'description']).where('enterprise_id', '=', enterpriseId).where('status', '=', 'closed').execute();
    const byScan = (text: string) => closedRows.filter((r) => contains(r.description, text)).map((r) => r.id).sort();
    // The 3-character start of a description that most closed hazards contain.
    const texts = descriptions.slice(0, 60).map((d) => [...d].slice(0, 3).join(''));
    const common = texts.reduce((best, t) => (byScan(t).length > byScan(best).length ? t : best));
    const closedByScan = byScan(common);
    expect(closedByScan.length).toBeGreaterThan(4);
    await inEveryWay(async (way) => {
      const closed: string[] = [];
      let cursor: { at: string; id: string } | undefined;
      for (;;) {
        const page = await listHazardRows(kysely, enterpriseId, { q: common, status: 'closed', now, limit: 2, after: cursor });
        closed.push(...page.map((r) => r.id));
        const last = page[page.length - 1];
        if (page.length < 2 || !last) break;
        cursor = { at: last.created_at, id: last.id };
      }
      expect(closed.sort(), way).toEqual(closedByScan);
    });
  });

  it('hazards: the index follows inserts, description updates and deletes', async () => {
    const [row] = await listHazardRows(kysely, enterpriseId, { now, limit: 1 });
    const id = row?.id as string;
    await kysely.updateTable('hazard').set({ description: '叉车货叉裂纹 Forklift' }).where('id', '=', id).execute();
    expect(await hazardIdsMatching('货叉裂')).toEqual([id]);
    expect(await hazardIdsMatching('forklift')).toEqual([id]);
    expect(await hazardIdsMatching(row?.description as string)).toEqual(await hazardIdsByScan(row?.description as string));
    await insertHazardRows(kysely, { enterpriseId, count: 1, postIds: [], now: Date.parse(now), describe: () => '行车钢丝绳断股' });
    expect(await hazardIdsMatching('钢丝绳断')).toHaveLength(1);
    await kysely.deleteFrom('hazard').where('id', '=', id).execute();
    expect(await hazardIdsMatching('货叉裂')).toEqual([]);
    expect(await hazardIdsMatching('钢丝绳断')).toHaveLength(1);
  });

  /**
   * Runs `check` with SQLite's ways to a page as configured, then forced down each path: FTS5 in
   * the list's order (search-order.ts; with fewer matches allowed before it gives up, or none out of
   * order), and without it the few matches, the walk, the walk then FTS5 beyond (text-search.ts).
   */
  async function inEveryWay(check: (way: string) => Promise<void>, walks = [{ walkRows: 10, fewMatches: 1000 }]): Promise<void> {
    const saved = { search: { ...searchTuning }, order: { ...searchOrderTuning } };
    const ways = [
      { order: saved.order, search: saved.search },
      { order: { outOfOrderRows: 200, fewMatches: 12 }, search: { walkRows: 10, fewMatches: 2 } },
      { order: { outOfOrderRows: 0, fewMatches: 500 }, search: saved.search },
      ...[{ walkRows: 10, fewMatches: 2 }, ...walks].map((search) => ({ order: { outOfOrderRows: -1, fewMatches: 500 }, search })),
    ];
    try {
      for (const way of ways) {
        Object.assign(searchTuning, way.search);
        Object.assign(searchOrderTuning, way.order);
        await check(JSON.stringify(way));
      }
    } finally {
      Object.assign(searchTuning, saved.search);
      Object.assign(searchOrderTuning, saved.order);
    }
  }

  it('people: the same people as a substring scan of name or phone', async () => {
    const people = await kysely.selectFrom('person').select(['id', 'name', 'phone']).where('enterprise_id', '=', enterpriseId).where('archived_at', 'is', null).execute();
    const queries = queriesFrom(
      people.flatMap((p) => [p.name, p.phone ?? '']),
      next,
    ).slice(0, 80);
    await inEveryWay(async (way) => {
      for (const q of queries) {
        const found = await listRows(kysely, 'person', { enterpriseId, equals: {}, search: { columns: ['name', 'phone'], text: q }, includeArchived: false, limit: 100_000 });
        const expected = people.filter((p) => contains(p.name, q) || contains(p.phone, q)).map((p) => p.id);
        expect(
          found.map((r) => r.id).sort(),
          `q=${JSON.stringify(q)} ${way}`,
        ).toEqual(expected.sort());
      }
    });
  });

  it('risks: the same risks as a substring scan of object, causes and post name', async () => {
    const risks = await kysely
      .selectFrom('risk')
      .innerJoin('post', 'post.id', 'risk.post_id')
      .select(['risk.id', 'risk.object_name', 'risk.causes', 'post.name as post_name'])
      .where('risk.enterprise_id', '=', enterpriseId)
      .where('risk.archived_at', 'is', null)
      .execute();
    expect(risks.length).toBeGreaterThan(10);
    const queries = queriesFrom(
      risks.flatMap((r) => [r.object_name, r.causes]),
      next,
    ).slice(0, 80);
    await inEveryWay(async (way) => {
      for (const q of queries) {
        const found = await listRiskRows(kysely, enterpriseId, { q, includeArchived: false, limit: 100_000 });
        const expected = risks.filter((r) => contains(r.object_name, q) || contains(r.causes, q) || contains(r.post_name, q)).map((r) => r.id);
        expect(
          found.map((r) => r.id).sort(),
          `q=${JSON.stringify(q)} ${way}`,
        ).toEqual(expected.sort());
      }
    });
  });

  it('documents: the same documents as a substring scan of number, title and text', async () => {
    const docs = await kysely.selectFrom('controlled_document').select(['id', 'number', 'title', 'content_text']).where('enterprise_id', '=', enterpriseId).execute();
    const queries = queriesFrom(
      docs.flatMap((d) => [d.number, d.title, d.content_text]),
      next,
    ).slice(0, 100);
    expect(new Set(queries.map((q) => Math.min([...q].length, 3)))).toEqual(new Set([1, 2, 3]));
    let nonEmpty = 0;
    await inEveryWay(async (way) => {
      for (const q of queries) {
        const found = await listDocumentRows(kysely, enterpriseId, { q, limit: 100_000 });
        const expected = docs.filter((d) => contains(d.number, q) || contains(d.title, q) || contains(d.content_text, q)).map((d) => d.id);
        if (expected.length) nonEmpty += 1;
        expect(
          found.map((r) => r.id).sort(),
          `q=${JSON.stringify(q)} ${way}`,
        ).toEqual(expected.sort());
      }
    });
    expect(nonEmpty).toBeGreaterThan(queries.length * 0.7);
  });

  it("documents: a new version's headings are searched, the older text no longer", async () => {
    const [doc] = await listDocumentRows(kysely, enterpriseId, { limit: 1 });
    const id = doc?.id as string;
    const version = (no: number, purpose: string) => ({
      id: newId(),
      enterprise_id: enterpriseId,
      document_id: id,
      version_no: no,
      status: 'draft',
      content: JSON.stringify({ purpose, scope: '全厂 Workshop', terms: '', duties: '', controls: '', records: '' }),
      change_note: '',
      file_path: null,
      file_name: null,
      file_mime: null,
      file_bytes: null,
      file_sha256: null,
      issued_on: null,
      created_by_user_id: null,
      created_at: now,
      updated_at: now,
      approved_by_user_id: null,
      approved_at: null,
      superseded_at: null,
      obsolete_at: null,
    });
    await insertVersion(kysely, version(1, '规范有限空间作业审批'));
    const ids = async (q: string) => (await listDocumentRows(kysely, enterpriseId, { q, limit: 100_000 })).map((r) => r.id);
    expect(await ids('有限空间作业')).toEqual([id]);
    expect(await ids('workshop')).toContain(id);
    await insertVersion(kysely, version(2, '规范动火作业审批'));
    expect(await ids('动火作业审')).toEqual([id]);
    expect(await ids('有限空间作业')).toEqual([]);
  });
});
