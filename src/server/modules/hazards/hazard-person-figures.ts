/* Indicator (DESIGN "Indicators") per person for the appraisal (seed 001 第二十一条): hazards each
 * person found and reported in [from, to), and hazards closed in [from, to) whose rectification they
 * owned — all, and those closed by their deadline. */
import type { Executor } from '../../db/with-transaction.js';

export async function hazardFiguresByPerson(
  db: Executor,
  enterpriseId: string,
  from: Date,
  to: Date,
): Promise<{ reported: Map<string, number>; rectified: Map<string, { closed: number; onTime: number }> }> {
  const [f, t] = [from.toISOString(), to.toISOString()];
  const reportedRows = await db
    .selectFrom('hazard')
    .select(['reporter_person_id'])
    .where('enterprise_id', '=', enterpriseId)
    .where('created_at', '>=', f)
    .where('created_at', '<', t)
    .where('reporter_person_id', 'is not', null)
    .where('status', '!=', 'rejected')
    .execute();
  const reported = new Map<string, number>();
  for (const r of reportedRows) reported.set(r.reporter_person_id as string, (reported.get(r.reporter_person_id as string) ?? 0) + 1);
  const closedRows = await db
    .selectFrom('hazard')
    .innerJoin('rectification_plan as p', (j) => j.onRef('p.hazard_id', '=', 'hazard.id').onRef('p.enterprise_id', '=', 'hazard.enterprise_id'))
    .select(['p.owner_person_id', 'p.deadline', 'hazard.closed_at'])
    .where('hazard.enterprise_id', '=', enterpriseId)
    .where('hazard.status', '=', 'closed')
    .where('hazard.closed_at', '>=', f)
    .where('hazard.closed_at', '<', t)
    .execute();
  const rectified = new Map<string, { closed: number; onTime: number }>();
  for (const r of closedRows) {
    const x = rectified.get(r.owner_person_id) ?? { closed: 0, onTime: 0 };
    x.closed += 1;
    if (r.closed_at && r.closed_at <= r.deadline) x.onTime += 1;
    rectified.set(r.owner_person_id, x);
  }
  return { reported, rectified };
}
