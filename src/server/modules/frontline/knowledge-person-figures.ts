/* Indicator (DESIGN "Indicators") per person for the appraisal (seed 001 第二十一条): know-your-post
 * quizzes taken in [from, to) — how many, how many passed, and the sum of their scores in percent. */
import type { Executor } from '../../db/with-transaction.js';

export async function knowledgeFiguresByPerson(db: Executor, enterpriseId: string, from: Date, to: Date): Promise<Map<string, { checks: number; passed: number; scorePercentSum: number }>> {
  const rows = await db
    .selectFrom('post_knowledge_check')
    .select(['person_id', 'score', 'total', 'is_passed'])
    .where('enterprise_id', '=', enterpriseId)
    .where('created_at', '>=', from.toISOString())
    .where('created_at', '<', to.toISOString())
    .execute();
  const out = new Map<string, { checks: number; passed: number; scorePercentSum: number }>();
  for (const r of rows) {
    const x = out.get(r.person_id) ?? { checks: 0, passed: 0, scorePercentSum: 0 };
    x.checks += 1;
    if (Number(r.is_passed)) x.passed += 1;
    x.scorePercentSum += Number(r.total) ? (Number(r.score) / Number(r.total)) * 100 : 0;
    out.set(r.person_id, x);
  }
  return out;
}
