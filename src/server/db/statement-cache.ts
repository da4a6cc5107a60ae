import type SqliteDatabase from 'better-sqlite3';
import type { SqliteStatement } from 'kysely';

/** A statement as Kysely's SqliteDialect uses it (plus `get`, and any parameter form better-sqlite3 takes). */
export interface CachedStatement extends SqliteStatement {
  readonly busy: boolean;
  all(...parameters: unknown[]): unknown[];
  get(...parameters: unknown[]): unknown;
  run(...parameters: unknown[]): { changes: number | bigint; lastInsertRowid: number | bigint };
  iterate(...parameters: unknown[]): IterableIterator<unknown>;
}

/** What Kysely's SqliteDialect uses of a better-sqlite3 database. */
export interface PreparingDatabase {
  prepare(sql: string): CachedStatement;
  close(): void;
}

type Row = Record<string, unknown>;
type RowOf = (values: unknown[]) => Row;

/**
 * One function per list of column names that builds a row as an object literal, so every row of a
 * statement shares one hidden class. better-sqlite3 builds a row by setting its columns one by one
 * through V8's API, and past 16 properties V8 turns such an object into a hash table (a dictionary):
 * a hazard row of 32 columns then cost ~2,500 CPU instructions per column to build and as much again
 * to read and serialize — 38 % of a 40-row hazard search (callgrind, issue 18). The statements run in
 * raw mode (arrays of values) and the rows are built here instead.
 *
 * The names are SQL column names, written as JSON string literals (any text is safe there); a column
 * named `__proto__` is a computed key, which defines an own property as better-sqlite3 did.
 */
const builders = new Map<string, RowOf>();
function rowBuilder(names: readonly string[]): RowOf {
  const key = names.join('\u0000');
  let build = builders.get(key);
  if (!build) {
    const fields = names.map((name, i) => `${name === '__proto__' ? `[${JSON.stringify(name)}]` : JSON.stringify(name)}: v[${i}]`);
    build = new Function('v', `return { ${fields.join(', ')} };`) as RowOf;
    if (builders.size >= 2000) builders.clear();
    builders.set(key, build);
  }
  return build;
}

/** A statement returning rows: read raw, built by rowBuilder; its column names re-read when the count changes (a column added under a `select *`). */
function readerOf(statement: SqliteDatabase.Statement): CachedStatement {
  statement.raw(true);
  let names = statement.columns().map((c) => c.name);
  let build = rowBuilder(names);
  const rowOf = (values: unknown) => {
    const row = values as unknown[];
    if (row.length !== names.length) {
      names = statement.columns().map((c) => c.name);
      build = rowBuilder(names);
    }
    return build(row);
  };
  return {
    reader: true,
    get busy() {
      return statement.busy;
    },
    all: (...parameters: unknown[]) => (statement.all(...parameters) as unknown[]).map(rowOf),
    get: (...parameters: unknown[]) => {
      const row = statement.get(...parameters);
      return row === undefined ? undefined : rowOf(row);
    },
    run: (...parameters: unknown[]) => statement.run(...parameters),
    *iterate(...parameters: unknown[]) {
      for (const row of statement.iterate(...parameters)) yield rowOf(row);
    },
  };
}

/** Statements that change the schema: a cached statement's columns may change with them. */
const schemaChange = /^\s*(create|alter|drop)\s/i;

/**
 * Kysely's SQLite driver prepares every statement at every call (~10 % of busy CPU under load,
 * issue 18). The product sends a few hundred distinct SQL texts (values are always parameters), so
 * prepared statements are kept by SQL text, least recently used dropped past `max`. Statements that
 * return rows build them with rowBuilder (above).
 *
 * Safe to share: SQLite has one connection and Kysely runs one statement on it at a time; a
 * statement still being iterated (a stream) is `busy`, and then a fresh one is prepared. A schema
 * change (migration) makes SQLite re-prepare a cached statement by itself; one sent through here also
 * empties the cache, so that no statement keeps the column names of a table as it was.
 */
export function withStatementCache(db: SqliteDatabase.Database, max = 1000): PreparingDatabase & { readonly size: number } {
  const cache = new Map<string, CachedStatement>();
  const prepare = (sql: string): CachedStatement => {
    const statement = db.prepare(sql);
    return statement.reader ? readerOf(statement) : (statement as unknown as CachedStatement);
  };
  return {
    prepare(sql: string) {
      const cached = cache.get(sql);
      if (cached && !cached.busy) {
        // Map order is insertion order: re-inserting marks it most recently used.
        cache.delete(sql);
        cache.set(sql, cached);
        return cached;
      }
      if (schemaChange.test(sql)) {
        cache.clear();
        return prepare(sql);
      }
      const statement = prepare(sql);
      if (!cached) {
        cache.set(sql, statement);
        if (cache.size > max) cache.delete(cache.keys().next().value as string);
      }
      return statement;
    },
    close: () => db.close(),
    get size() {
      return cache.size;
    },
  };
}
