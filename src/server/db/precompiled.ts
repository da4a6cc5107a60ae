import { type Compilable, createQueryId, type RootOperationNode } from 'kysely';
import type { Executor } from './with-transaction.js';

const standInPrefix = '\u0000sk-param:';

type Slot = { name: string } | { value: unknown };

/**
 * A hot query built and compiled once per dialect, then run with new parameter values: Kysely's
 * building and compiling was ~16 % of a write request's CPU (issue 18 §3). `build` receives
 * stand-ins for the named parameters and must pass them to Kysely as values (never identifiers),
 * one scalar each (no `in` lists: their length changes the SQL); other values in it are constants.
 * Many values (a multi-row insert) go by position: names '0', '1', … and an array of the values as
 * `params` (no object of hundreds of keys built per call).
 */
export function precompiled<P extends Record<string, string | number | null>, R>(names: readonly (keyof P & string)[], build: (db: Executor, p: P) => Compilable<R>) {
  const compiledFor = new Map<unknown, { sql: string; query: RootOperationNode; slots: Slot[] }>();
  return async (db: Executor, params: P): Promise<R[]> => {
    const adapter = db.getExecutor().adapter.constructor;
    let compiled = compiledFor.get(adapter);
    if (!compiled) {
      const standIns = Object.fromEntries(names.map((n) => [n, `${standInPrefix}${n}`])) as unknown as P;
      const query = build(db, standIns).compile();
      const slots: Slot[] = query.parameters.map((v) => (typeof v === 'string' && v.startsWith(standInPrefix) ? { name: v.slice(standInPrefix.length) } : { value: v }));
      const used = new Set(slots.flatMap((s) => ('name' in s ? [s.name] : [])));
      if (query.sql.includes(standInPrefix) || names.some((n) => !used.has(n))) throw new Error(`precompiled: every parameter must be a value of the query (${names.join(', ')})`);
      compiled = { sql: query.sql, query: query.query, slots };
      compiledFor.set(adapter, compiled);
    }
    const parameters = compiled.slots.map((s) => ('name' in s ? params[s.name] : s.value));
    const result = await db.executeQuery<R>({ sql: compiled.sql, query: compiled.query, queryId: createQueryId(), parameters });
    return result.rows;
  };
}
