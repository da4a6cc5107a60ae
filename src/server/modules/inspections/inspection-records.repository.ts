/* Writing a submission's records (issue 5 §3): insert-only, idempotent on each record's client_id. The hot statements of a
 * submission, compiled once per row count (issue 18 §3). */
import { PostgresAdapter, sql } from 'kysely';
import { insertAtCommit } from '../../db/at-commit.js';
import type { AuditLogTable, InspectionRecordTable } from '../../db/database.js';
import { precompiled } from '../../db/precompiled.js';
import type { Executor } from '../../db/with-transaction.js';

const recordColumns = ['id', 'enterprise_id', 'task_id', 'item_id', 'result', 'note', 'person_id', 'user_id', 'captured_at', 'received_at', 'is_late', 'submission_id', 'client_id', 'supersedes_id', 'photo_ids'] as const satisfies readonly (keyof InspectionRecordTable)[];
type RecordParams = Record<string, string | number | null>;
/** The records insert compiled once per row count (building and compiling 20 rows was a large share of a submission's CPU, issue 18 §3); parameter i is the i-th value of the rows, row by row in recordColumns' order. */
const recordInserts = new Map<number, (db: Executor, p: RecordParams) => Promise<{ id: string }[]>>();

function recordInsertOf(count: number) {
  let insert = recordInserts.get(count);
  if (!insert) {
    const names = Array.from({ length: count * recordColumns.length }, (_, i) => String(i));
    insert = precompiled(names, (db, p: RecordParams) =>
      db
        .insertInto('inspection_record')
        .values(Array.from({ length: count }, (_, i) => Object.fromEntries(recordColumns.map((c, j) => [c, p[String(i * recordColumns.length + j)]])) as unknown as InspectionRecordTable))
        .onConflict((oc) => oc.column('client_id').doNothing())
        .returning('id'),
    );
    recordInserts.set(count, insert);
  }
  return insert;
}

const auditColumns = ['id', 'enterprise_id', 'actor_user_id', 'at', 'entity', 'entity_id', 'action', 'before', 'after'] as const satisfies readonly (keyof AuditLogTable)[];
/** PostgreSQL: the records insert with the submission's audit row in ONE statement (data-modifying WITH; the audit row only if a record
 * was inserted), answering the count, not 20 ids (issue 18 §3: each statement costs the server a round trip); compiled once per row count. */
const recordAndAuditInserts = new Map<number, (db: Executor, p: RecordParams) => Promise<{ n: string | number }[]>>();

function recordAndAuditInsertOf(count: number) {
  let insert = recordAndAuditInserts.get(count);
  if (!insert) {
    const n = count * recordColumns.length;
    const names = Array.from({ length: n + auditColumns.length }, (_, i) => String(i));
    insert = precompiled(names, (db, p: RecordParams) =>
      db
        .with('ins', (qc) =>
          qc
            .insertInto('inspection_record')
            .values(Array.from({ length: count }, (_, i) => Object.fromEntries(recordColumns.map((c, j) => [c, p[String(i * recordColumns.length + j)]])) as unknown as InspectionRecordTable))
            .onConflict((oc) => oc.column('client_id').doNothing())
            .returning('id'),
        )
        .with('aud', (qc) =>
          qc
            .insertInto('audit_log')
            .columns(auditColumns)
            .expression(
              qc
                .selectNoFrom((eb) => auditColumns.map((c, j) => sql<string>`${eb.val(p[String(n + j)])}::text`.as(c)))
                .where((eb) => eb.exists(eb.selectFrom('ins').select('ins.id'))) as never,
            )
            .returning('audit_log.id'),
        )
        .selectFrom('ins')
        .select((eb) => eb.fn.countAll<string | number>().as('n')),
    );
    recordAndAuditInserts.set(count, insert);
  }
  return insert;
}

/** Inserts the records of one submission and, if any was inserted, its audit row; answers how many records were inserted (see insertRecordsIgnoringReplays). */
export async function insertRecordsWithAudit(db: Executor, rows: InspectionRecordTable[], audit: AuditLogTable): Promise<number> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) {
    const inserted = (await insertRecordsIgnoringReplays(db, rows)).length;
    if (inserted > 0) await insertAtCommit(db, 'audit_log', audit);
    return inserted;
  }
  const values: (string | number | null)[] = [];
  for (const row of rows) for (const c of recordColumns) values.push(row[c]);
  for (const c of auditColumns) values.push(audit[c]);
  const [row] = await recordAndAuditInsertOf(rows.length)(db, values as unknown as RecordParams);
  return Number(row?.n ?? 0);
}

/** Inserts the records of one submission; rows whose client_id exists are skipped (a replay), atomically by the unique key. */
export async function insertRecordsIgnoringReplays(db: Executor, rows: InspectionRecordTable[]): Promise<string[]> {
  if (rows.length === 0) return [];
  const values: (string | number | null)[] = [];
  for (const row of rows) for (const c of recordColumns) values.push(row[c]);
  const inserted = await recordInsertOf(rows.length)(db, values as unknown as RecordParams);
  return inserted.map((r) => r.id);
}
