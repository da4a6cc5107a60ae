/* The risks a planned change touches (seed 001 第六条; issue 14 §7 change management): the live
 * risks of a post, of an area, or naming an equipment or material, and flagging them for
 * re-identification through the same flag the org changes set (review_reason, audit
 * 'flag_for_review'). Other features read risks through these functions, never the risk table. */
import type { Executor } from '../../db/with-transaction.js';
import { recordChange } from '../audit/audit.service.js';
import * as repo from './risks.repository.js';

export interface TouchedRisk {
  id: string;
  postId: string;
  objectName: string;
  level: string | null;
  status: string;
  hazardFactorCodes: string[];
  reviewReason: string | null;
}

export interface ChangeScope {
  postIds: string[];
  areaIds: string[];
  objectIds: string[];
}

export async function risksTouchedBy(db: Executor, enterpriseId: string, scope: ChangeScope): Promise<TouchedRisk[]> {
  const rows = await repo.listLiveRisksOfPlaces(db, enterpriseId, scope);
  return rows.map((r) => ({
    id: r.id,
    postId: r.post_id,
    objectName: r.object_name,
    level: r.level,
    status: r.status,
    hazardFactorCodes: JSON.parse(r.hazard_factor_codes) as string[],
    reviewReason: r.review_reason,
  }));
}

/** Flags the accepted ones among the risks for re-identification, with the reason; in the caller's transaction. */
export async function flagRisksForChange(trx: Executor, actor: { userId: string | null; enterpriseId: string }, riskIds: string[], reason: string, at: Date): Promise<string[]> {
  if (!riskIds.length) return [];
  const flagged = await repo.flagRisksByIds(trx, actor.enterpriseId, riskIds, reason, at.toISOString());
  for (const id of flagged) {
    await recordChange(trx, actor, at, { entity: 'risk', entityId: id, action: 'flag_for_review', after: { reviewReason: reason } });
  }
  return flagged;
}
