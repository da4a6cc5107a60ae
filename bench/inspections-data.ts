/* Data set for the inspections bench: one enterprise, a post with a 20-item daily list, a worker, and
 * N past daily tasks with 20 records each, bulk-inserted in batches inside transactions. */
import type { AppDeps } from '../src/server/app-deps.js';
import type { InspectionRecordTable, InspectionTaskTable } from '../src/server/db/database.js';
import { withTransaction } from '../src/server/db/with-transaction.js';
import { creditCodeCheckChar } from '../src/domain/enterprise/credit-code.js';
import { windowAt } from '../src/domain/inspection/period-window.js';
import { addMembership, createUser } from '../src/server/modules/auth/auth.service.js';
import { createEnterprise } from '../src/server/modules/enterprise/enterprise.service.js';
import { newId } from '../src/server/platform/ids.js';

export const itemsPerInspection = 20;
export const benchPassword = 'bench-pass-123';

export interface BenchSetup {
  enterpriseId: string;
  postId: string;
  personId: string;
  userId: string;
  itemIds: string[];
  username: string;
}

export async function createBenchEnterprise(deps: AppDeps): Promise<BenchSetup> {
  const admin = { sessionId: 's', userId: 'bench', username: 'bench', displayName: 'bench', isAdmin: true, locale: null, enterpriseId: null, role: null };
  const e = await createEnterprise(deps, admin, {
    name: '压测机械厂',
    creditCode: `91370100MA3C8BX6X${creditCodeCheckChar('91370100MA3C8BX6X')}`,
    industry: 'machinery',
    regionCode: '370102',
    address: '济南',
    headcount: 40,
    revenueCny: 10_000_000,
    principalName: '负责人',
    timeZone: 'Asia/Shanghai',
  });
  const now = new Date().toISOString();
  const stamps = { created_at: now, updated_at: now, archived_at: null };
  const postId = newId();
  const personId = newId();
  const itemIds = Array.from({ length: itemsPerInspection }, () => newId());
  let userId = '';
  await withTransaction(deps.db, async (trx) => {
    await trx.insertInto('post').values({ id: postId, enterprise_id: e.id, org_unit_id: null, kind: 'operation', name: '车床工', headcount: 3, main_equipment: '', main_activities: '', duties: '', level: null, template_ref: null, ...stamps }).execute();
    await trx.insertInto('person').values({ id: personId, enterprise_id: e.id, name: '张三', phone: null, org_unit_id: null, hire_date: null, is_contractor: 0, ...stamps }).execute();
    await trx.insertInto('person_post').values({ enterprise_id: e.id, person_id: personId, post_id: postId }).execute();
    await trx
      .insertInto('inspection_item')
      .values(itemIds.map((id, i) => ({ id, enterprise_id: e.id, post_id: postId, measure_id: null, content: `排查项 ${i + 1}`, method: 'look', period: 'day', responsible_person_id: personId, supervisor_post_id: null, is_active: 1, template_ref: null, responsible_is_holders: 0, published_content: `排查项 ${i + 1}`, published_method: 'look', published_period: 'day', published_responsible_person_id: personId, published_supervisor_post_id: null, published_at: now, ...stamps })))
      .execute();
    userId = await createUser(deps, trx, { username: 'bench_worker', displayName: '张三', password: benchPassword });
    await addMembership(deps, trx, { userId, enterpriseId: e.id, role: 'worker', personId });
  });
  return { enterpriseId: e.id, postId, personId, userId, itemIds, username: 'bench_worker' };
}

/** Past daily tasks (all done), 20 records each; batches of `batchRows` rows, `batchesPerTransaction` per transaction. */
export async function generateRecords(
  deps: AppDeps,
  s: BenchSetup,
  totalRecords: number,
  options: { concurrency: number; batchRows?: number; batchesPerTransaction?: number },
): Promise<{ tasks: number; records: number; ms: number }> {
  const started = performance.now();
  const batchRows = options.batchRows ?? 1000;
  const perTrx = options.batchesPerTransaction ?? 20;
  const taskCount = Math.ceil(totalRecords / itemsPerInspection);
  const today = windowAt('day', new Date());
  const day = 24 * 3600_000;
  const tasks: InspectionTaskTable[] = Array.from({ length: taskCount }, (_, i) => {
    const start = new Date(today.start.getTime() - (i + 1) * day);
    const end = new Date(start.getTime() + day);
    return { id: newId(), enterprise_id: s.enterpriseId, post_id: s.postId, responsible_person_id: s.personId, period: 'day', shift_code: null, window_start: start.toISOString(), window_end: end.toISOString(), status: 'done', created_at: start.toISOString(), completed_at: end.toISOString() };
  });
  for (let i = 0; i < tasks.length; i += 5000) {
    const chunk = tasks.slice(i, i + 5000);
    await withTransaction(deps.db, async (trx) => {
      for (let j = 0; j < chunk.length; j += batchRows) await trx.insertInto('inspection_task').values(chunk.slice(j, j + batchRows)).execute();
    });
  }
  // Records are built lazily per transaction so memory stays flat.
  const recordsOfTask = (t: InspectionTaskTable, k: number): InspectionRecordTable[] => {
    const submission = newId();
    const at = new Date(new Date(t.window_start).getTime() + 3 * 3600_000).toISOString();
    return s.itemIds.map((itemId, n) => ({
      id: newId(), enterprise_id: s.enterpriseId, task_id: t.id, item_id: itemId, result: (k + n) % 97 === 0 ? 'fail' : 'pass', note: '',
      person_id: s.personId, user_id: s.userId, captured_at: at, received_at: at, is_late: k % 50 === 0 ? 1 : 0,
      submission_id: submission, client_id: `${submission}:${itemId}`, supersedes_id: null, photo_ids: '[]',
    }));
  };
  const tasksPerTrx = Math.max(1, Math.floor((batchRows * perTrx) / itemsPerInspection));
  const chunks: InspectionTaskTable[][] = [];
  for (let i = 0; i < tasks.length; i += tasksPerTrx) chunks.push(tasks.slice(i, i + tasksPerTrx));
  let next = 0;
  let written = 0;
  const worker = async () => {
    while (next < chunks.length) {
      const chunk = chunks[next++] as InspectionTaskTable[];
      const rows = chunk.flatMap((t, k) => recordsOfTask(t, k));
      await withTransaction(deps.db, async (trx) => {
        for (let j = 0; j < rows.length; j += batchRows) await trx.insertInto('inspection_record').values(rows.slice(j, j + batchRows)).execute();
      });
      written += rows.length;
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  return { tasks: tasks.length, records: written, ms: performance.now() - started };
}
