/* `before` hook of a route whose URL names a record by `:id`: 404 unless the record is the caller's
 * enterprise's, checked before the query and body are parsed (route.ts), so another enterprise's id
 * is "not found", never "your body is wrong". Table names are fixed by the route, never the request. */
import type { Database } from '../../db/database.js';
import type { Executor } from '../../db/with-transaction.js';
import type { AuthContext } from '../auth/auth-context.js';
import { notFound } from './app-error.js';
import { requireTenant } from './route.js';

export function ownRecord(db: Executor, table: keyof Database & string, entity: string = table) {
  return async ({ auth, params }: { auth: AuthContext | null; params: { id: string } }): Promise<void> => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const row = await (db as any).selectFrom(table).select('id').where('enterprise_id', '=', requireTenant(auth).enterpriseId).where('id', '=', params.id).executeTakeFirst();
    if (!row) throw notFound(entity);
  };
}
