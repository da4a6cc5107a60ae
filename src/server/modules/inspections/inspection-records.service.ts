/* Doing an inspection (issue 5 §3): one submission from the phone carries many item results and a
 * client-generated id; it is applied once, however often the phone retries. Records are insert-only
 * evidence keeping the device's capture time and the server's receipt time. */
import type { AppDeps } from '../../app-deps.js';
import type { InspectionRecordTable } from '../../db/database.js';
import { toDbBool } from '../../db/codecs.js';
import { withTransaction } from '../../db/with-transaction.js';
import type { Locale } from '../../../i18n/locale.js';
import { type SubmissionInput, type SubmissionResultDto, submissionInputSchema } from '../../../schemas/inspections.js';
import { AppError, notFound } from '../../platform/http/app-error.js';
import { fieldError, parseOrThrow } from '../../platform/http/validation.js';
import { newId } from '../../platform/ids.js';
import { changeRowOf, recordChange } from '../audit/audit.service.js';
import { raiseHazardsForFailures } from './inspection-hazards.service.js';
import * as recordsRepo from './inspection-records.repository.js';
import * as repo from './inspection-tasks.repository.js';
import { personIdOf, type TaskViewer, toRecordDto } from './inspection-tasks.service.js';
import { canSeeAllTasks } from './inspections.policy.js';

/** A result received more than 2 h after the phone captured it counts as back-filled (late), like one
 * received after its window closed: records are evidence, and back-filling must show. */
export const maxCaptureToReceiptMs = 2 * 60 * 60 * 1000;

export function isLateRecord(capturedAt: Date, receivedAt: Date, windowEnd: Date): boolean {
  return receivedAt.getTime() >= windowEnd.getTime() || receivedAt.getTime() - capturedAt.getTime() > maxCaptureToReceiptMs;
}

async function replayOf(deps: AppDeps, viewer: TaskViewer, taskId: string, clientId: string): Promise<SubmissionResultDto | null> {
  const records = await repo.listRecordsOfSubmission(deps.db, viewer.enterpriseId, clientId);
  if (!records.length) return null;
  if (records[0]?.task_id !== taskId) throw new AppError('CONFLICT', { detail: 'clientId' });
  const failed = records.filter((r) => r.result === 'fail').map((r) => r.id);
  const [task, hazards] = await Promise.all([repo.findTask(deps.db, viewer.enterpriseId, taskId), repo.listHazardsOfRecords(deps.db, viewer.enterpriseId, failed)]);
  // The same answer as the first one, hazards raised for FAIL results included.
  const hazardOf = new Map(hazards.map((h) => [h.record_id, h.id]));
  return {
    taskId,
    clientId,
    isReplay: true,
    status: (task?.status ?? 'open') as SubmissionResultDto['status'],
    records: records.map((r) => toRecordDto(r, hazardOf.get(r.id) ?? null)),
  };
}

export async function submitRecords(deps: AppDeps, viewer: TaskViewer, taskId: string, body: unknown, locale: Locale): Promise<SubmissionResultDto> {
  // The task is looked up before the body is read: another enterprise's id is "not found", whatever the body.
  // The task and its items in one read (issue 18 §3: each statement costs the server CPU on PostgreSQL).
  const [found, personId] = await Promise.all([
    repo.findTaskForSubmission(deps.db, viewer.enterpriseId, taskId),
    personIdOf(deps.db, viewer),
  ]);
  if (!found) throw notFound('inspection_task');
  const { task, items } = found;
  // Only the task's person records results; to a worker, someone else's task does not exist.
  if (personId !== task.responsible_person_id) throw canSeeAllTasks(viewer.role) ? new AppError('FORBIDDEN') : notFound('inspection_task');
  const input = parseOrThrow(submissionInputSchema, body, locale);

  const supersededIds = input.results.map((r) => r.supersedesId).filter((id): id is string => id !== null);
  const superseded = supersededIds.length ? await repo.findRecordsOfTaskByIds(deps.db, viewer.enterpriseId, taskId, supersededIds) : [];
  const itemsById = new Map(items.map((i) => [i.id, i]));
  // No read of the clientId first (issue 18: no avoidable reads): the insert below is idempotent on
  // it. A replay whose items, corrections or photos no longer check out is still answered with its
  // first result.
  try {
    await checkResults(deps, viewer.enterpriseId, input.results, itemsById, superseded);
  } catch (error) {
    const replay = error instanceof AppError ? await replayOf(deps, viewer, taskId, input.clientId) : null;
    if (replay) return replay;
    throw error;
  }

  const now = deps.clock.now();
  const capturedAt = new Date(input.capturedAt);
  const isLate = isLateRecord(capturedAt, now, new Date(task.window_end));
  // Formatted once, not per row: V8's toISOString is costly (issue 18 §3).
  const capturedAtText = capturedAt.toISOString();
  const receivedAtText = now.toISOString();
  const isLateValue = toDbBool(isLate);
  const rows: InspectionRecordTable[] = input.results.map((r) => ({
    id: newId(),
    enterprise_id: viewer.enterpriseId,
    task_id: taskId,
    item_id: r.itemId,
    result: r.result,
    note: r.note,
    person_id: personId,
    user_id: viewer.userId,
    captured_at: capturedAtText,
    received_at: receivedAtText,
    is_late: isLateValue,
    submission_id: input.clientId,
    client_id: `${input.clientId}:${r.itemId}`,
    supersedes_id: r.supersedesId,
    photo_ids: JSON.stringify(r.photoIds),
  }));

  const auditOf = (hazardIds: string[]) => ({
    entity: 'inspection_task',
    entityId: taskId,
    action: 'submit',
    after: { clientId: input.clientId, isLate, results: input.results.map((r) => ({ itemId: r.itemId, result: r.result })), hazardIds },
  });
  // Without a FAIL the audit row is known before the insert: it goes in the records' statement (one round trip less on PostgreSQL).
  const auditWithInsert = rows.some((r) => r.result === 'fail') ? null : changeRowOf(viewer, now, auditOf([]));
  const outcome = await withTransaction(deps.db, async (trx) => {
    const inserted = auditWithInsert ? await recordsRepo.insertRecordsWithAudit(trx, rows, auditWithInsert) : (await recordsRepo.insertRecordsIgnoringReplays(trx, rows)).length;
    // A concurrent twin committed first: the unique client_id made every row a no-op.
    if (inserted === 0) return null;
    if (inserted !== rows.length) throw new AppError('CONFLICT', { detail: 'clientId' });
    const hazards = await raiseHazardsForFailures(deps, trx, viewer, task, rows, itemsById);
    // Done once every item of the task has a result (a done task stays done; corrections do not reopen it).
    let isComplete = task.status === 'done';
    // One statement: the answered-items count is checked by the update itself.
    if (!isComplete) isComplete = await repo.setTaskDoneIfComplete(trx, viewer.enterpriseId, taskId, receivedAtText, items.length);
    if (!auditWithInsert) await recordChange(trx, viewer, now, auditOf([...hazards.values()]));
    return { hazards, status: isComplete ? 'done' : task.status };
  });
  if (!outcome) return (await replayOf(deps, viewer, taskId, input.clientId)) as SubmissionResultDto;
  return {
    taskId,
    clientId: input.clientId,
    isReplay: false,
    status: outcome.status as SubmissionResultDto['status'],
    records: rows.map((r) => toRecordDto(r, outcome.hazards.get(r.id) ?? null)),
  };
}

/** Each result names an item of the task once, a record of that item it corrects, and live photos (4xx naming the field). */
async function checkResults(
  deps: AppDeps,
  enterpriseId: string,
  results: SubmissionInput['results'],
  itemsById: ReadonlyMap<string, unknown>,
  superseded: readonly { id: string; item_id: string }[],
): Promise<void> {
  const seen = new Set<string>();
  for (const [i, r] of results.entries()) {
    if (!itemsById.has(r.itemId)) {
      throw fieldError(`results.${i}.itemId`, { 'zh-CN': '该排查项不属于此任务', 'en-US': 'This item is not part of the task' });
    }
    if (seen.has(r.itemId)) throw fieldError(`results.${i}.itemId`, { 'zh-CN': '同一排查项重复提交', 'en-US': 'The item appears twice' });
    seen.add(r.itemId);
    if (r.supersedesId && !superseded.some((e) => e.id === r.supersedesId && e.item_id === r.itemId)) {
      throw fieldError(`results.${i}.supersedesId`, { 'zh-CN': '被更正的记录不属于此排查项', 'en-US': 'The corrected record is not one of this item' });
    }
  }
  const photoIds = [...new Set(results.flatMap((r) => r.photoIds))];
  if (photoIds.length) {
    const found = new Set((await repo.countLiveAttachments(deps.db, enterpriseId, photoIds)).map((r) => r.id));
    for (const [i, r] of results.entries()) {
      const j = r.photoIds.findIndex((id) => !found.has(id));
      if (j >= 0) throw fieldError(`results.${i}.photoIds.${j}`, { 'zh-CN': '照片不存在', 'en-US': 'No such photo' });
    }
  }
}
