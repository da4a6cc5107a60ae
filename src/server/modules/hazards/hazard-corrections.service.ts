/* Issue 9 §9: a hazard's wrong field is corrected by a correction entry — who, when, why, old → new —
 * in its insert-only history; the original stays there (the report event and this entry), only the
 * hazard's current view shows the corrected value. Safety manager or principal. */
import type { AppDeps } from '../../app-deps.js';
import { withTransaction } from '../../db/with-transaction.js';
import type { HazardCorrectionInput } from '../../../schemas/hazards.js';
import { notFound } from '../../platform/http/app-error.js';
import { referenceMissing } from '../../platform/http/validation.js';
import { newId } from '../../platform/ids.js';
import { recordChange } from '../audit/audit.service.js';
import * as repo from './hazards.repository.js';

const columnOf = { description: 'description', postId: 'post_id', areaId: 'area_id' } as const;

export async function correctHazard(deps: AppDeps, actor: { userId: string; enterpriseId: string }, hazardId: string, input: HazardCorrectionInput) {
  return withTransaction(deps.db, async (trx) => {
    const hazard = await repo.findHazard(trx, actor.enterpriseId, hazardId);
    if (!hazard) throw notFound('hazard');
    const column = columnOf[input.field];
    const value = input.value === '' && input.field !== 'description' ? null : input.value;
    if (input.field === 'postId' && value && !(await repo.liveRowExists(trx, 'post', actor.enterpriseId, value))) throw referenceMissing('value');
    if (input.field === 'areaId' && value && !(await repo.liveRowExists(trx, 'area', actor.enterpriseId, value))) throw referenceMissing('value');
    const old = hazard[column];
    const now = deps.clock.now().toISOString();
    await repo.setHazardField(trx, actor.enterpriseId, hazardId, { [column]: value, updated_at: now });
    const data = { field: input.field, old, new: value, reason: input.reason };
    await repo.insertEvent(trx, { id: newId(), enterprise_id: actor.enterpriseId, hazard_id: hazardId, action: 'correct', from_status: hazard.status, to_status: hazard.status, actor_user_id: actor.userId, at: now, data: JSON.stringify(data) });
    await recordChange(trx, actor, deps.clock.now(), { entity: 'hazard', entityId: hazardId, action: 'correct', before: { [input.field]: old }, after: { [input.field]: value, reason: input.reason } });
  });
}
