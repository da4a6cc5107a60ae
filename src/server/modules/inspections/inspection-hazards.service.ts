/* A FAIL result becomes a hazard pre-filled from its item (issue 5 §3), in the submission's
 * transaction, through the hazards feature's intake service. */
import { createHash } from 'node:crypto';
import type { AppDeps } from '../../app-deps.js';
import type { InspectionItemTable, InspectionRecordTable } from '../../db/database.js';
import type { Executor } from '../../db/with-transaction.js';
import { fromDbJson } from '../../db/codecs.js';
import { createHazardInTransaction } from '../hazards/hazard-intake.service.js';

/** Deterministic per record: a replayed submission can never raise the same hazard twice (DATA-MODEL invariant 5). */
export function hazardClientIdOf(recordClientId: string): string {
  const h = createHash('sha256').update(`inspection-record:${recordClientId}`).digest('hex');
  const variant = ((parseInt(h[16] as string, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Returns record id → hazard id for every failed result. */
export async function raiseHazardsForFailures(
  deps: AppDeps,
  trx: Executor,
  actor: { userId: string; enterpriseId: string },
  task: { post_id: string },
  records: InspectionRecordTable[],
  items: ReadonlyMap<string, Pick<InspectionItemTable, 'measure_id' | 'content'>>,
): Promise<Map<string, string>> {
  const hazards = new Map<string, string>();
  for (const r of records) {
    if (r.result !== 'fail') continue;
    const item = items.get(r.item_id);
    const { hazardId } = await createHazardInTransaction(deps, trx, actor, {
      source: 'inspection',
      recordId: r.id,
      postId: task.post_id,
      measureId: item?.measure_id ?? null,
      itemId: r.item_id,
      description: [item?.content, r.note].filter(Boolean).join('：'),
      photoIds: fromDbJson<string[]>(r.photo_ids) ?? [],
      clientId: hazardClientIdOf(r.client_id),
    });
    hazards.set(r.id, hazardId);
  }
  return hazards;
}
