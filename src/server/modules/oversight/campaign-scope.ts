/* Which enterprises a campaign covers, and the county sheets open to an enterprise through the
 * campaigns covering it (issue 17 §5). Read by the standardization feature's resolveSheet, so this
 * file imports neither the county services nor standardization (no import cycle). */
import { fromDbJson } from '../../db/codecs.js';
import type { Executor } from '../../db/with-transaction.js';
import type { ScoreSheet } from '../../../reference/standardization/score-sheet.js';
import * as repo from './county-sheets.repository.js';

export const townsOf = (c: { town_codes: string }) => fromDbJson<string[]>(c.town_codes) ?? [];
/** A campaign naming no town covers the whole county; else only enterprises the county placed in one of its towns. */
export const covers = (c: { town_codes: string }, townCode: string | null) => townsOf(c).length === 0 || (townCode !== null && townsOf(c).includes(townCode));

export interface OpenCountySheet {
  ref: string;
  name: string;
  sheet: ScoreSheet;
  createdAt: string;
}

/** The county sheets of the campaigns covering the enterprise (`ref` narrows to one); empty outside any campaign's scope. */
export async function countySheetsOpenTo(db: Executor, enterpriseId: string, ref?: string): Promise<OpenCountySheet[]> {
  const place = await repo.findEnterprisePlace(db, enterpriseId);
  if (!place) return [];
  const out = new Map<string, OpenCountySheet>();
  for (const r of await repo.listCampaignSheets(db, place.region_code, ref)) {
    if (out.has(r.id) || !covers(r, place.town_code || null)) continue;
    out.set(r.id, { ref: r.id, name: r.name, sheet: fromDbJson<ScoreSheet>(r.content) as ScoreSheet, createdAt: r.created_at });
  }
  return [...out.values()];
}
