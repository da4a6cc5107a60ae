import type { Executor } from '../../db/with-transaction.js';

export function listOrgUnitParents(db: Executor, enterpriseId: string) {
  return db.selectFrom('org_unit').select(['id', 'parent_id']).where('enterprise_id', '=', enterpriseId).execute();
}

export function findOrgUnitByName(db: Executor, enterpriseId: string, name: string) {
  return db
    .selectFrom('org_unit')
    .select(['id', 'name'])
    .where('enterprise_id', '=', enterpriseId)
    .where('name', '=', name)
    .where('archived_at', 'is', null)
    .executeTakeFirst();
}

export function listActiveOrgUnitNames(db: Executor, enterpriseId: string) {
  return db.selectFrom('org_unit').select(['id', 'name']).where('enterprise_id', '=', enterpriseId).where('archived_at', 'is', null).execute();
}
