import type { Executor } from '../../db/with-transaction.js';
import { findPeopleByIds, personRowExists } from './people.repository.js';

/** Other features (accounts, inspections) ask here whether a person belongs to the enterprise. */
export function personExists(db: Executor, enterpriseId: string, personId: string): Promise<boolean> {
  return personRowExists(db, enterpriseId, personId);
}

/** Names and phones of the enterprise's people with these ids, for creating their logins (archived ones left out). */
export async function listPeopleForAccounts(db: Executor, enterpriseId: string, personIds: readonly string[]) {
  const rows = await findPeopleByIds(db, enterpriseId, personIds);
  return rows.filter((r) => r.archived_at === null).map((r) => ({ id: r.id, name: r.name, phone: r.phone }));
}
