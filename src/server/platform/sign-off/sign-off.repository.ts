/* The only Kysely user of the sign-off mechanism. sign_off is insert-only: there is no update or delete here. */
import { type Expression, expressionBuilder, type RawBuilder, type SqlBool } from 'kysely';
import type { AttachmentTable, Database, SignOffTable } from '../../db/database.js';
import type { Executor } from '../../db/with-transaction.js';

export type SignOffRow = SignOffTable & { person_name: string; user_display_name: string | null };

/** Inserts unless chain_key or client_id is taken (a concurrent twin or a replay); says whether it landed. */
export async function insertSignOff(db: Executor, row: SignOffTable): Promise<boolean> {
  const result = await db.insertInto('sign_off').values(row).onConflict((oc) => oc.doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
}

export async function insertSignatureAttachment(db: Executor, row: AttachmentTable): Promise<void> {
  await db.insertInto('attachment').values(row).execute();
}

function selectRows(db: Executor) {
  return db
    .selectFrom('sign_off')
    .innerJoin('person', 'person.id', 'sign_off.person_id')
    .leftJoin('user', 'user.id', 'sign_off.user_id')
    .selectAll('sign_off')
    .select(['person.name as person_name', 'user.display_name as user_display_name']);
}

/**
 * SQL: the record has a signature in force — a `sign` entry of the role on the revision that no later
 * entry supersedes (what `currentSignatures` of domain/sign-off computes from the entries; a revoked
 * or re-signed entry is superseded). The one place this is written in SQL: a feature that flags or
 * lists its records by their confirmation puts it in its own statement, the record's id (and, in a
 * statement over many enterprises, its enterprise) given as a column reference, `sql.ref('v.id')`.
 * Served by sign_off_subject_idx.
 */
export function signatureInForce(subject: {
  enterpriseId: string | RawBuilder<string>;
  subjectType: string;
  subjectId: string | RawBuilder<string>;
  role: string;
  revision?: string;
}): Expression<SqlBool> {
  const eb = expressionBuilder<Database, never>();
  return eb.exists(
    eb
      .selectFrom('sign_off as in_force')
      .select('in_force.id')
      .where('in_force.enterprise_id', '=', subject.enterpriseId)
      .where('in_force.subject_type', '=', subject.subjectType)
      .where('in_force.subject_id', '=', subject.subjectId)
      .where('in_force.subject_revision', '=', subject.revision ?? '')
      .where('in_force.role', '=', subject.role)
      .where('in_force.action', '=', 'sign')
      .where((inner) =>
        inner.not(
          inner.exists(
            inner
              .selectFrom('sign_off as superseding')
              .select('superseding.id')
              .whereRef('superseding.enterprise_id', '=', 'in_force.enterprise_id')
              .whereRef('superseding.subject_type', '=', 'in_force.subject_type')
              .whereRef('superseding.subject_id', '=', 'in_force.subject_id')
              .whereRef('superseding.supersedes_id', '=', 'in_force.id'),
          ),
        ),
      ),
  );
}

/** Every entry of one record, oldest first (superseded ones too: they are evidence). */
export function listSignOffRows(db: Executor, enterpriseId: string, subjectType: string, subjectId: string): Promise<SignOffRow[]> {
  return selectRows(db)
    .where('sign_off.enterprise_id', '=', enterpriseId)
    .where('sign_off.subject_type', '=', subjectType)
    .where('sign_off.subject_id', '=', subjectId)
    .orderBy('sign_off.signed_at')
    .orderBy('sign_off.id')
    .execute();
}

export function findSignOffByClientId(db: Executor, clientId: string): Promise<SignOffRow | undefined> {
  return selectRows(db).where('sign_off.client_id', '=', clientId).executeTakeFirst();
}

export function findSignOff(db: Executor, enterpriseId: string, id: string): Promise<SignOffRow | undefined> {
  return selectRows(db).where('sign_off.enterprise_id', '=', enterpriseId).where('sign_off.id', '=', id).executeTakeFirst();
}

/** A live person of this enterprise (a person of another enterprise is simply not found). */
export function findPerson(db: Executor, enterpriseId: string, personId: string) {
  return db
    .selectFrom('person')
    .select(['id', 'name'])
    .where('enterprise_id', '=', enterpriseId)
    .where('id', '=', personId)
    .where('archived_at', 'is', null)
    .executeTakeFirst();
}

export function findPersonNames(db: Executor, enterpriseId: string, personIds: readonly string[]) {
  if (personIds.length === 0) return Promise.resolve([] as { id: string; name: string }[]);
  return db.selectFrom('person').select(['id', 'name']).where('enterprise_id', '=', enterpriseId).where('id', 'in', [...personIds]).execute();
}

/** The person this account is in the enterprise (membership.person_id), if linked. */
export async function findCallerPersonId(db: Executor, enterpriseId: string, userId: string): Promise<string | null> {
  const row = await db.selectFrom('membership').select('person_id').where('enterprise_id', '=', enterpriseId).where('user_id', '=', userId).executeTakeFirst();
  return row?.person_id ?? null;
}

export async function findEnterpriseTimeZone(db: Executor, enterpriseId: string): Promise<string> {
  const row = await db.selectFrom('enterprise').select('time_zone').where('id', '=', enterpriseId).executeTakeFirst();
  return row?.time_zone ?? 'Asia/Shanghai';
}
