/* County scoring sheets (issue 17 §5): the queries. A county sheet is read by its county, and by an
 * enterprise only through a campaign of that county covering it. */
import type { CountyScoreSheetTable } from '../../db/tables/oversight-tables.js';
import type { Executor } from '../../db/with-transaction.js';

export async function insertCountySheet(db: Executor, row: CountyScoreSheetTable): Promise<void> {
  await db.insertInto('county_score_sheet').values(row).execute();
}

/** Bounded by nature: the sheets one county imported (200 newest). */
export function listCountySheets(db: Executor, countyCode: string) {
  return db.selectFrom('county_score_sheet').selectAll().where('county_code', '=', countyCode).where('archived_at', 'is', null).orderBy('created_at', 'desc').limit(200).execute();
}

export function findCountySheet(db: Executor, countyCode: string, id: string) {
  return db.selectFrom('county_score_sheet').selectAll().where('county_code', '=', countyCode).where('id', '=', id).where('archived_at', 'is', null).executeTakeFirst();
}

/** The enterprise's county and town (the town as the county assigned it). */
export function findEnterprisePlace(db: Executor, enterpriseId: string) {
  return db
    .selectFrom('enterprise as e')
    .leftJoin('enterprise_indicator as ei', 'ei.enterprise_id', 'e.id')
    .select(['e.region_code', 'ei.town_code', 'e.time_zone'])
    .where('e.id', '=', enterpriseId)
    .executeTakeFirst();
}

/** The county sheets its campaigns use, with each campaign's towns ('[]' = the whole county); `ref` narrows to one sheet. */
export function listCampaignSheets(db: Executor, countyCode: string, ref?: string) {
  let q = db
    .selectFrom('oversight_campaign as c')
    .innerJoin('county_score_sheet as s', (j) => j.onRef('s.id', '=', 'c.sheet_ref').onRef('s.county_code', '=', 'c.county_code'))
    .select(['s.id', 's.name', 's.content', 's.created_at', 'c.town_codes'])
    .where('c.county_code', '=', countyCode)
    .where('s.archived_at', 'is', null);
  if (ref) q = q.where('c.sheet_ref', '=', ref);
  return q.orderBy('c.created_at', 'desc').limit(100).execute();
}
