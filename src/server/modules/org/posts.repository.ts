import type { Executor } from '../../db/with-transaction.js';

export function listActivePostNames(db: Executor, enterpriseId: string) {
  return db.selectFrom('post').select(['id', 'name']).where('enterprise_id', '=', enterpriseId).where('archived_at', 'is', null).execute();
}
