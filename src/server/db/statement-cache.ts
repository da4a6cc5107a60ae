import type SqliteDatabase from 'better-sqlite3';

/** What Kysely's SqliteDialect uses of a better-sqlite3 database. */
export interface PreparingDatabase {
  prepare(sql: string): SqliteDatabase.Statement;
  close(): void;
}

/**
 * Kysely's SQLite driver prepares every statement at every call (~10 % of busy CPU under load,
 * issue 18). The product sends a few hundred distinct SQL texts (values are always parameters), so
 * prepared statements are kept by SQL text, least recently used dropped past `max`.
 *
 * Safe to share: SQLite has one connection and Kysely runs one statement on it at a time; a
 * statement still being iterated (a stream) is `busy`, and then a fresh one is prepared. A schema
 * change (migration) makes SQLite re-prepare a cached statement by itself.
 */
export function withStatementCache(db: SqliteDatabase.Database, max = 1000): PreparingDatabase & { readonly size: number } {
  const cache = new Map<string, SqliteDatabase.Statement>();
  return {
    prepare(sql: string) {
      const cached = cache.get(sql);
      if (cached && !cached.busy) {
        // Map order is insertion order: re-inserting marks it most recently used.
        cache.delete(sql);
        cache.set(sql, cached);
        return cached;
      }
      const statement = db.prepare(sql);
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
