import SqliteDatabase from 'better-sqlite3';
import { Kysely, sql, SqliteDialect } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteLiteralLimitPlugin } from './sqlite-literal-limit.js';

describe('SqliteLiteralLimitPlugin', () => {
  let raw: SqliteDatabase.Database;
  afterEach(() => raw?.close());

  function open() {
    raw = new SqliteDatabase(':memory:');
    raw.exec('create table t (id integer primary key, name text)');
    for (const name of ['a', 'b', 'c', 'd']) raw.prepare('insert into t (name) values (?)').run(name);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return new Kysely<any>({ dialect: new SqliteDialect({ database: raw }), plugins: [new SqliteLiteralLimitPlugin()] });
  }

  it('writes a page size and an offset as numbers, leaving the other values bound', async () => {
    const db = open();
    const query = db.selectFrom('t').select('name').where('name', '>', 'a').orderBy('id').limit(2).offset(1);
    const compiled = query.compile();
    expect(compiled.sql).toMatch(/limit 2 offset 1$/);
    expect(compiled.parameters).toEqual(['a']);
    expect(await query.execute()).toEqual([{ name: 'c' }, { name: 'd' }]);
  });

  it('leaves a limit that is not a whole number, or an expression, as it was', () => {
    const db = open();
    expect(db.selectFrom('t').select('name').limit('\u0000stand-in' as unknown as number).compile().parameters).toEqual(['\u0000stand-in']);
    expect(db.selectFrom('t').select('name').limit(sql<number>`(select count(*) from t)`).compile().sql).toMatch(/limit \(select count\(\*\) from t\)$/);
  });

  it('reaches the limits of subqueries and of every part of a union', () => {
    const db = open();
    const part = (n: number) => db.selectFrom(db.selectFrom('t').select('name').limit(n).as('p')).selectAll();
    const compiled = part(3).unionAll(part(5)).limit(7).compile();
    expect(compiled.sql).toContain('limit 3');
    expect(compiled.sql).toContain('limit 5');
    expect(compiled.sql).toMatch(/limit 7$/);
    expect(compiled.parameters).toEqual([]);
  });
});
