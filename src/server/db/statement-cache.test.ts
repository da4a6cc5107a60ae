import SqliteDatabase from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { withStatementCache } from './statement-cache.js';

describe('withStatementCache', () => {
  let raw: SqliteDatabase.Database;
  afterEach(() => raw?.close());

  function open() {
    raw = new SqliteDatabase(':memory:');
    raw.exec('create table t (id integer primary key, name text)');
    let prepared = 0;
    const original = raw.prepare.bind(raw);
    raw.prepare = ((sql: string) => {
      prepared += 1;
      return original(sql);
    }) as typeof raw.prepare;
    return { db: withStatementCache(raw, 3), prepared: () => prepared };
  }

  it('prepares a SQL text once and reuses the statement with new parameters', () => {
    const { db, prepared } = open();
    db.prepare('insert into t (name) values (?)').run('a');
    db.prepare('insert into t (name) values (?)').run('b');
    expect(db.prepare('select name from t where name = ?').all('b')).toEqual([{ name: 'b' }]);
    expect(db.prepare('select name from t where name = ?').all('a')).toEqual([{ name: 'a' }]);
    expect(prepared()).toBe(2);
  });

  it('keeps at most `max` statements, dropping the least recently used', () => {
    const { db, prepared } = open();
    for (const n of [1, 2, 3]) db.prepare(`select ${n} as n`).get();
    db.prepare('select 1 as n').get(); // 1 is now the most recent; 2 the least
    db.prepare('select 4 as n').get();
    expect(db.size).toBe(3);
    const before = prepared();
    db.prepare('select 1 as n').get();
    expect(prepared()).toBe(before);
    db.prepare('select 2 as n').get();
    expect(prepared()).toBe(before + 1);
  });

  it('gives a fresh statement while the cached one is still being iterated', () => {
    const { db } = open();
    for (const name of ['a', 'b']) db.prepare('insert into t (name) values (?)').run(name);
    const names: string[] = [];
    for (const row of db.prepare('select name from t order by id').iterate() as Iterable<{ name: string }>) {
      names.push(row.name, ...(db.prepare('select name from t order by id').all() as { name: string }[]).map((r) => r.name));
    }
    expect(names).toEqual(['a', 'a', 'b', 'b', 'a', 'b']);
  });

  it('sees a column added after the statement was cached', () => {
    const { db } = open();
    db.prepare('insert into t (name) values (?)').run('a');
    expect(db.prepare('select * from t').all()).toEqual([{ id: 1, name: 'a' }]);
    raw.exec('alter table t add column note text');
    expect(db.prepare('select * from t').all()).toEqual([{ id: 1, name: 'a', note: null }]);
  });

  it('builds rows with the columns in order, the last of a repeated name winning, and __proto__ an own column', () => {
    const { db } = open();
    db.prepare('insert into t (name) values (?)').run('a');
    const row = db.prepare('select id, name, 1 as name, 2 as "__proto__", null as "a""b" from t').get() as Record<string, unknown>;
    expect(Object.keys(row)).toEqual(['id', 'name', '__proto__', 'a"b']);
    expect(row.name).toBe(1);
    expect(Object.getOwnPropertyDescriptor(row, '__proto__')?.value).toBe(2);
    expect(Object.getPrototypeOf(row)).toBe(Object.prototype);
    expect(db.prepare('select name from t where id = ?').get(2)).toBeUndefined();
  });

  it('names the columns as the table has them after a schema change sent through it', () => {
    const { db } = open();
    db.prepare('insert into t (name) values (?)').run('a');
    expect(db.prepare('select * from t').all()).toEqual([{ id: 1, name: 'a' }]);
    db.prepare('alter table t rename column name to title').run();
    expect(db.prepare('select * from t').all()).toEqual([{ id: 1, title: 'a' }]);
  });
});
