import { fromDbCount } from '../db/codecs.js';
import type { Executor } from '../db/with-transaction.js';

export async function countEnterprises(db: Executor): Promise<number> {
  const row = await db.selectFrom('enterprise').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
  return fromDbCount(row?.n as string | number | undefined);
}
