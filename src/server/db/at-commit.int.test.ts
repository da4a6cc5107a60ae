/* Rows queued with insertAtCommit (audit, history, outbox) go in when the transaction commits:
 * with it, all or nothing, and on PostgreSQL in one statement (issue 18 §3: one round trip). */
import os from 'node:os';
import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDeps } from '../app-deps.js';
import { systemClock } from '../platform/clock.js';
import { loadConfig } from '../platform/config.js';
import type { ScratchDb } from '../test/scratch-db.js';
import { createEnterpriseWithUsers } from '../test/factories/enterprise.factory.js';
import { isDbAvailable } from '../test/test-app.js';
import { createTestDb } from '../test/test-db.js';
import { insertAtCommit } from './at-commit.js';
import { withTransaction } from './with-transaction.js';

describe.skipIf(!isDbAvailable())('insertAtCommit', () => {
  let scratch: ScratchDb;
  let enterpriseId: string;
  beforeAll(async () => {
    scratch = await createTestDb();
    const deps: AppDeps = { db: scratch.db.kysely, dialect: scratch.db.dialect, clock: systemClock, config: loadConfig({ DATA_DIR: os.tmpdir() }) };
    enterpriseId = (await createEnterpriseWithUsers(deps, 'atc', ['principal'])).enterpriseId;
  });
  afterAll(async () => scratch?.drop());

  let n = 0;
  const audit = (entityId: string) => ({ id: `atc-a-${++n}`, enterprise_id: enterpriseId, actor_user_id: null, at: new Date().toISOString(), entity: 'test', entity_id: entityId, action: 'x', before: null, after: null });
  const outbox = (dedupeKey: string) => {
    const at = new Date().toISOString();
    return { id: `atc-o-${++n}`, enterprise_id: enterpriseId, kind: 'notify', payload: '{}', dedupe_key: dedupeKey, attempts: 0, next_attempt_at: at, claimed_until: null, sent_at: null, last_error: null, created_at: at };
  };
  const auditsOf = (entityId: string) => scratch.db.kysely.selectFrom('audit_log').select('id').where('entity_id', '=', entityId).execute();
  const outboxOf = (dedupeKey: string) => scratch.db.kysely.selectFrom('outbox').select('id').where('dedupe_key', '=', dedupeKey).execute();

  it('inserts the queued rows of several tables with the commit, in one statement on PostgreSQL; a duplicate dedupe key is ignored', async () => {
    let statements = 0;
    // Counted as run (a flush's SQL is compiled once per shape and then run without building it).
    const counting: KyselyPlugin = { transformQuery: (args) => args.node, transformResult: async (args) => (statements++, args.result) };
    const db = scratch.db.kysely.withPlugin(counting);
    await withTransaction(db, async (trx) => {
      await insertAtCommit(trx, 'audit_log', audit('e1'));
      await insertAtCommit(trx, 'audit_log', audit('e1'));
      await insertAtCommit(trx, 'outbox', outbox('atc-k1'), { ignoreConflictOn: 'dedupe_key' });
      await insertAtCommit(trx, 'outbox', outbox('atc-k1'), { ignoreConflictOn: 'dedupe_key' });
      // Not yet written while the work runs.
      expect(await trx.selectFrom('audit_log').select('id').where('entity_id', '=', 'e1').execute()).toHaveLength(0);
    });
    expect(await auditsOf('e1')).toHaveLength(2);
    expect(await outboxOf('atc-k1')).toHaveLength(1);
    // The read above plus the queued rows: one statement on PostgreSQL, one per table on SQLite.
    expect(statements).toBe(scratch.db.dialect === 'postgres' ? 2 : 3);
  });

  it('writes nothing queued when the work fails, and a queued row that fails undoes the whole transaction', async () => {
    await expect(
      withTransaction(scratch.db.kysely, async (trx) => {
        await insertAtCommit(trx, 'audit_log', audit('e2'));
        throw new Error('work failed');
      }),
    ).rejects.toThrow('work failed');
    expect(await auditsOf('e2')).toHaveLength(0);

    const taken = audit('e3');
    await scratch.db.kysely.insertInto('audit_log').values(taken).execute();
    await expect(
      withTransaction(scratch.db.kysely, async (trx) => {
        await trx.insertInto('outbox').values(outbox('atc-k3')).execute();
        await insertAtCommit(trx, 'audit_log', { ...audit('e3'), id: taken.id }); // the primary key is taken
      }),
    ).rejects.toThrow();
    expect(await outboxOf('atc-k3')).toHaveLength(0);
    expect(await auditsOf('e3')).toHaveLength(1);
  });

  it('a flush of a shape seen before (compiled once) writes its own values', async () => {
    for (const round of [1, 2, 3]) {
      await withTransaction(scratch.db.kysely, async (trx) => {
        await insertAtCommit(trx, 'audit_log', { ...audit(`e5-${round}`), after: `{"round":${round}}` });
        await insertAtCommit(trx, 'outbox', outbox(`atc-k5-${round}`), { ignoreConflictOn: 'dedupe_key' });
      });
    }
    for (const round of [1, 2, 3]) {
      const rows = await scratch.db.kysely.selectFrom('audit_log').select(['entity_id', 'after']).where('entity_id', '=', `e5-${round}`).execute();
      expect(rows).toEqual([{ entity_id: `e5-${round}`, after: `{"round":${round}}` }]);
      expect(await outboxOf(`atc-k5-${round}`)).toHaveLength(1);
    }
  });

  it('inserts at once outside a transaction opened by withTransaction', async () => {
    await insertAtCommit(scratch.db.kysely, 'audit_log', audit('e4'));
    expect(await auditsOf('e4')).toHaveLength(1);
  });
});
