/* A precompiled query (issue 18 §3: compiled once per dialect) answers like the query it was built from. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScratchDb } from '../test/scratch-db.js';
import { isDbAvailable } from '../test/test-app.js';
import { createTestDb } from '../test/test-db.js';
import { precompiled } from './precompiled.js';

describe.skipIf(!isDbAvailable())('precompiled queries', () => {
  let scratch: ScratchDb;
  beforeAll(async () => {
    scratch = await createTestDb();
    const at = '2026-01-01T00:00:00.000Z';
    const row = (id: string, entity: string, action: string) => ({ id, enterprise_id: null, actor_user_id: null, at, entity, entity_id: id, action, before: null, after: null });
    await scratch.db.kysely.insertInto('audit_log').values([row('pc-1', 'pc', 'a'), row('pc-2', 'pc', 'b'), row('pc-3', 'other', 'a')]).execute();
  });
  afterAll(async () => scratch?.drop());

  const byEntity = precompiled(['entity', 'action'], (db, p: { entity: string; action: string }) =>
    db.selectFrom('audit_log').select(['id']).where('entity', '=', p.entity).where('action', '!=', p.action).where('action', '!=', 'never').orderBy('id'),
  );

  it("runs with each call's own values, inside a transaction too, like the query built afresh", async () => {
    expect(await byEntity(scratch.db.kysely, { entity: 'pc', action: 'b' })).toEqual([{ id: 'pc-1' }]);
    expect(await byEntity(scratch.db.kysely, { entity: 'pc', action: 'x' })).toEqual([{ id: 'pc-1' }, { id: 'pc-2' }]);
    await scratch.db.kysely.transaction().execute(async (trx) => {
      expect(await byEntity(trx, { entity: 'other', action: 'x' })).toEqual([{ id: 'pc-3' }]);
    });
  });

  it('refuses a parameter the query does not take as a value', async () => {
    const wrong = precompiled(['entity', 'unused'], (db, p: { entity: string; unused: string }) => db.selectFrom('audit_log').select('id').where('entity', '=', p.entity));
    await expect(wrong(scratch.db.kysely, { entity: 'pc', unused: 'x' })).rejects.toThrow(/every parameter/);
  });
});
