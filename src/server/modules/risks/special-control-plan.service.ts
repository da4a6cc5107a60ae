/* Seed 001 Art. 10: 对重大风险和较大风险，应制定专项管控方案 — until it exists the risk is not controlled. */
import type { AppDeps } from '../../app-deps.js';
import { withTransaction } from '../../db/with-transaction.js';
import type { Locale } from '../../../i18n/locale.js';
import type { SpecialControlPlanInput } from '../../../schemas/risks.js';
import { AppError } from '../../platform/http/app-error.js';
import { recordChange } from '../audit/audit.service.js';
import { getRiskDetail, getRiskRow } from './risk-read.service.js';
import * as repo from './risks.repository.js';

export async function putSpecialControlPlan(
  deps: AppDeps,
  actor: { userId: string; enterpriseId: string },
  riskId: string,
  input: SpecialControlPlanInput,
  locale: Locale,
) {
  await withTransaction(deps.db, async (trx) => {
    const row = await getRiskRow(trx, actor.enterpriseId, riskId);
    if (row.archived_at) throw new AppError('ARCHIVED', { entity: 'risk' });
    const [before] = await repo.listPlans(trx, actor.enterpriseId, [riskId]);
    const now = deps.clock.now();
    const at = now.toISOString();
    await repo.upsertPlan(trx, {
      risk_id: riskId,
      enterprise_id: actor.enterpriseId,
      objective: input.objective,
      measures: input.measures,
      people: input.people,
      funds_cny: input.fundsCny,
      schedule: input.schedule,
      created_at: before?.created_at ?? at,
      updated_at: at,
    });
    await recordChange(trx, actor, now, {
      entity: 'special_control_plan',
      entityId: riskId,
      action: before ? 'update' : 'create',
      before: before ?? null,
      after: input,
    });
  });
  return getRiskDetail(deps.db, actor.enterpriseId, riskId, locale);
}
