/* Query plans of the statements a repository really sends (issue 18): list-plans.int.test.ts and
 * search-plans.int.test.ts, on SQLite and PostgreSQL. */
import { CompiledQuery, type Kysely, type KyselyPlugin } from 'kysely';
import { expect } from 'vitest';
import type { Database } from '../db/database.js';

/**
 * The planner statistics a live database of the product has: on PostgreSQL, fresh ones (autovacuum's
 * autoanalyze keeps them); on SQLite, NONE — the product never runs ANALYZE there (and with this
 * build's STAT4 statistics SQLite would re-prepare a statement at each new binding: measured at 8 % of
 * a submission's instructions). So a plan test checks on SQLite the plan a real database gets: one
 * that holds without statistics (a query shape or INDEXED BY that leaves the planner no other choice).
 */
export async function analyzeAsProduction(kysely: Kysely<Database>): Promise<void> {
  if (kysely.getExecutor().adapter.constructor.name === 'PostgresAdapter') await kysely.executeQuery(CompiledQuery.raw('analyze'));
}

/** Records the SQL a repository function sends, so the test explains exactly that statement. */
export function capturing(kysely: Kysely<Database>) {
  const sent: CompiledQuery[] = [];
  const plugin: KyselyPlugin = {
    transformQuery: (args) => {
      sent.push(kysely.getExecutor().compileQuery(args.node, args.queryId));
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
  return { db: kysely.withPlugin(plugin), sent };
}

export interface PlanFacts {
  text: string;
  /** Full scans of a table (no index at all). */
  fullScans: string[];
  /** Sorts (temp B-tree for ORDER BY / Sort nodes). */
  sorts: number;
  /** How the listed table is read: index name and the conditions bounding the index range. */
  access: string;
}

interface PgNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Index Cond'?: string;
  Plans?: PgNode[];
}

export async function explain(kysely: Kysely<Database>, dialect: 'sqlite' | 'postgres', query: CompiledQuery, table: string): Promise<PlanFacts> {
  if (dialect === 'sqlite') {
    const { rows } = await kysely.executeQuery<{ detail: string }>(CompiledQuery.raw(`explain query plan ${query.sql}`, [...query.parameters]));
    const details = rows.map((r) => r.detail);
    return {
      text: details.join('\n'),
      // "SCAN t" is a full scan; "SCAN t USING [COVERING] INDEX i" walks an index in its order.
      fullScans: details.filter((d) => /^SCAN \w+$/.test(d.trim()) || /^SCAN \w+ AS \w+$/.test(d.trim())),
      sorts: details.filter((d) => d.includes('TEMP B-TREE')).length,
      // e.g. "SEARCH hazard USING INDEX hazard_status_page_idx (enterprise_id=? AND status=? AND (created_at,id)<(?,?))"
      access: details.find((d) => new RegExp(`^(SEARCH|SCAN) ${table}( |$)`).test(d.trim())) ?? '',
    };
  }
  // The planner's choice on a small test database is not the one it makes at 50,000 rows; with
  // sequential scans and sorts priced out, a Seq Scan or a Sort left in the plan means no index
  // can serve the query in page order — the property this test is about.
  return kysely.transaction().execute(async (trx) => {
    await trx.executeQuery(CompiledQuery.raw('set local enable_seqscan = off'));
    await trx.executeQuery(CompiledQuery.raw('set local enable_sort = off'));
    await trx.executeQuery(CompiledQuery.raw('set local enable_incremental_sort = off'));
    const { rows } = await trx.executeQuery<{ 'QUERY PLAN': PgNode[] }>(CompiledQuery.raw(`explain (format json) ${query.sql}`, [...query.parameters]));
    const root = (rows[0]?.['QUERY PLAN'] as unknown as { Plan: PgNode }[])[0]?.Plan as PgNode;
    const nodes: PgNode[] = [];
    const walk = (n: PgNode) => {
      nodes.push(n);
      n.Plans?.forEach(walk);
    };
    walk(root);
    return {
      text: JSON.stringify(root, null, 1),
      fullScans: nodes.filter((n) => n['Node Type'] === 'Seq Scan').map((n) => n['Relation Name'] ?? '?'),
      sorts: nodes.filter((n) => n['Node Type'].includes('Sort')).length,
      access: nodes
        .filter((n) => n['Relation Name'] === table)
        .map((n) => `${n['Index Name'] ?? n['Node Type']} ${(n['Index Cond'] ?? '').replace(/ROW\(([^)]*)\)/g, (_, cols: string) => `(${cols.replace(/\s/g, '')})`)}`)
        .join('; '),
    };
  });
}


/** The plan of the one statement `run` sends (a list's page query). */
export async function planOf(kysely: Kysely<Database>, dialect: 'sqlite' | 'postgres', table: string, run: (db: Kysely<Database>) => Promise<unknown>): Promise<PlanFacts> {
  const c = capturing(kysely);
  await run(c.db);
  expect(c.sent).toHaveLength(1);
  return explain(kysely, dialect, c.sent[0] as CompiledQuery, table);
}

/**
 * No full scan, no sort, and the table is read through `index` with the filter's columns (`bound`) in
 * the index bound — not applied as a filter over every row before the cursor.
 */
export function expectIndexPage(plan: PlanFacts, index: string, bound: string[]): void {
  expect(plan.fullScans, plan.text).toEqual([]);
  expect(plan.sorts, plan.text).toBe(0);
  expect(plan.access, plan.text).toContain(index);
  for (const column of bound) expect(plan.access, plan.text).toMatch(new RegExp(`\\b${column}\\b`));
}
