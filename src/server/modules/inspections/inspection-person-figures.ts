/* Indicator (DESIGN "Indicators") per person for the appraisal (seed 001 第二十一条): inspection tasks
 * whose window ended in [from, to), by responsible person — due (done or missed), done, and done
 * within the window. Open tasks are not yet due. */
import type { Executor } from '../../db/with-transaction.js';

export async function inspectionFiguresByPerson(db: Executor, enterpriseId: string, from: Date, to: Date): Promise<Map<string, { due: number; done: number; onTime: number }>> {
  const rows = await db
    .selectFrom('inspection_task')
    .select(['responsible_person_id', 'status', 'completed_at', 'window_end'])
    .where('enterprise_id', '=', enterpriseId)
    .where('window_end', '>=', from.toISOString())
    .where('window_end', '<', to.toISOString())
    .where('status', 'in', ['done', 'missed'])
    .execute();
  const out = new Map<string, { due: number; done: number; onTime: number }>();
  for (const r of rows) {
    const f = out.get(r.responsible_person_id) ?? { due: 0, done: 0, onTime: 0 };
    f.due += 1;
    if (r.status === 'done') {
      f.done += 1;
      if (r.completed_at && r.completed_at <= r.window_end) f.onTime += 1;
    }
    out.set(r.responsible_person_id, f);
  }
  return out;
}
