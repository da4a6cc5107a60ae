/* Differentiated supervision (差异化执法, issue 17 item 6): the county's rules (its own tuning, or the
 * defaults — not from any seed) and the month's inspection priority list, which follows the grade. */
import type { z } from 'zod';
import type { AppDeps } from '../../app-deps.js';
import { fromDbJson } from '../../db/codecs.js';
import { withTransaction, type Executor } from '../../db/with-transaction.js';
import { gradeEnterprise, isOnPriorityList, type Grade, type SupervisionFacts } from '../../../domain/oversight/supervision-grade.js';
import { defaultSupervisionRules, type SupervisionRules } from '../../../reference/supervision-grade-rules.js';
import type { SupervisionRulesDto, supervisionRulesSchema } from '../../../schemas/oversight-county.js';
import { recordChange } from '../audit/audit.service.js';

export async function rulesOfCounty(db: Executor, countyCode: string): Promise<SupervisionRules> {
  const row = await db.selectFrom('supervision_rules').select('rules').where('county_code', '=', countyCode).executeTakeFirst();
  return row ? (fromDbJson<SupervisionRules>(row.rules) ?? defaultSupervisionRules) : defaultSupervisionRules;
}

export async function getRulesDto(db: Executor, countyCode: string): Promise<SupervisionRulesDto> {
  const row = await db.selectFrom('supervision_rules').selectAll().where('county_code', '=', countyCode).executeTakeFirst();
  const rules = row ? (fromDbJson<SupervisionRules>(row.rules) ?? defaultSupervisionRules) : defaultSupervisionRules;
  return { ...rules, isDefault: !row, updatedAt: row?.updated_at ?? null };
}

/** The county replaces its rules; the grades follow at the next refresh of each enterprise. */
export async function putRules(deps: AppDeps, userId: string, countyCode: string, rules: z.infer<typeof supervisionRulesSchema>): Promise<SupervisionRulesDto> {
  await withTransaction(deps.db, async (trx) => {
    const now = deps.clock.now().toISOString();
    const text = JSON.stringify(rules);
    await trx
      .insertInto('supervision_rules')
      .values({ county_code: countyCode, rules: text, updated_by_user_id: userId, updated_at: now })
      .onConflict((oc) => oc.column('county_code').doUpdateSet({ rules: text, updated_by_user_id: userId, updated_at: now }))
      .execute();
    await recordChange(trx, { userId, enterpriseId: null }, deps.clock.now(), { entity: 'supervision_rules', entityId: countyCode, action: 'update', after: rules });
    await regradeCounty(trx, countyCode, rules);
  });
  return getRulesDto(deps.db, countyCode);
}

export function priorityFilter(rules: SupervisionRules, month: number) {
  return (row: { enterprise_id: string; supervision_grade: string; is_demonstration: number }) =>
    row.supervision_grade !== '' && isOnPriorityList({ enterpriseId: row.enterprise_id, grade: row.supervision_grade as Grade, isDemonstration: row.is_demonstration === 1 }, month, rules);
}

/** New rules regrade the county at once from the facts stored with each row (no feature is queried again). */
async function regradeCounty(trx: Executor, countyCode: string, rules: SupervisionRules): Promise<void> {
  const rows = await trx.selectFrom('enterprise_indicator').select(['enterprise_id', 'facts']).where('county_code', '=', countyCode).execute();
  for (const row of rows) {
    const facts = fromDbJson<SupervisionFacts>(row.facts);
    if (!facts || !Object.keys(facts).length) continue;
    const { grade, reasons } = gradeEnterprise(facts, rules);
    await trx.updateTable('enterprise_indicator').set({ supervision_grade: grade, grade_reasons: JSON.stringify(reasons) }).where('enterprise_id', '=', row.enterprise_id).execute();
  }
}
