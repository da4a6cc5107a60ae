import type { AttachmentTable } from '../../db/database.js';
import type { Executor } from '../../db/with-transaction.js';

export async function insertAttachment(db: Executor, row: AttachmentTable): Promise<void> {
  await db.insertInto('attachment').values(row).execute();
}

export function findAttachment(db: Executor, enterpriseId: string, id: string): Promise<AttachmentTable | undefined> {
  return db.selectFrom('attachment').selectAll().where('enterprise_id', '=', enterpriseId).where('id', '=', id).executeTakeFirst();
}

export function listAttachmentIds(db: Executor, enterpriseId: string, ids: string[]) {
  return db.selectFrom('attachment').select('id').where('enterprise_id', '=', enterpriseId).where('id', 'in', ids).execute();
}

export function findAttachmentByClientKey(db: Executor, enterpriseId: string, clientKey: string): Promise<AttachmentTable | undefined> {
  return db.selectFrom('attachment').selectAll().where('enterprise_id', '=', enterpriseId).where('client_key', '=', clientKey).executeTakeFirst();
}
