import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { newId } from '../../platform/ids.js';

/** What a searched person or document row differs in; everything else takes an empty default. */
interface PersonRow {
  enterprise_id: string;
  name: string;
  phone: string | null;
  created_at: string;
  updated_at: string;
}

interface DocumentRow {
  enterprise_id: string;
  number: string;
  title: string;
  content_text: string;
  created_at: string;
  updated_at: string;
}

/** `count` people straight into the table (search tests): no account, unit or audit. */
export async function insertPersonRows(db: Kysely<Database>, count: number, row: (i: number) => PersonRow): Promise<void> {
  const values = Array.from({ length: count }, (_, i) => ({ id: newId(), org_unit_id: null, hire_date: null, is_contractor: 0, archived_at: null, ...row(i) }));
  await db.insertInto('person').values(values).execute();
}

/** `count` controlled documents of type rule straight into the table (search tests): no versions or audit. */
export async function insertDocumentRows(db: Kysely<Database>, count: number, row: (i: number) => DocumentRow): Promise<void> {
  const values = Array.from({ length: count }, (_, i) => ({
    id: newId(),
    type: 'rule',
    template_key: null,
    owner_person_id: null,
    review_due_on: null,
    withdrawn_at: null,
    withdrawn_reason: null,
    ...row(i),
  }));
  await db.insertInto('controlled_document').values(values).execute();
}
