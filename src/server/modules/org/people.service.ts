import type { Executor } from '../../db/with-transaction.js';
import { personRowExists } from './people.repository.js';

/** Other features (accounts, inspections) ask here whether a person belongs to the enterprise. */
export function personExists(db: Executor, enterpriseId: string, personId: string): Promise<boolean> {
  return personRowExists(db, enterpriseId, personId);
}
