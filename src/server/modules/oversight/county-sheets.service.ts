/* A county's own scoring sheets (issue 17 §5, seed 003 要求(三)): the county (not a town) imports a
 * sheet — e.g. one built on DB41/T 2292-2022's headings — from .xlsx with the same template and parser
 * as an enterprise (standardization/score-sheet-import.ts), then names it in a campaign. */
import type { AppDeps } from '../../app-deps.js';
import { fromDbJson, toDbJson } from '../../db/codecs.js';
import { withTransaction, type Executor } from '../../db/with-transaction.js';
import type { Locale } from '../../../i18n/locale.js';
import { starterSheetRef } from '../../../reference/standardization/gbt33000-starter-sheet.js';
import type { ScoreSheet } from '../../../reference/standardization/score-sheet.js';
import type { ScoreSheetDto } from '../../../schemas/standardization.js';
import { fieldError } from '../../platform/http/validation.js';
import { newId } from '../../platform/ids.js';
import { recordChange } from '../audit/audit.service.js';
import { readScoreSheetFile } from '../standardization/score-sheet-import.js';
import { toSheetDto } from '../standardization/score-sheets.service.js';
import { countyScopeOf, scopeOf } from './county.service.js';
import * as repo from './county-sheets.repository.js';

export async function importCountySheet(deps: AppDeps, userId: string, file: Buffer, meta: { name: string; totalPoints: number }, locale: Locale): Promise<ScoreSheetDto> {
  const scope = await countyScopeOf(deps.db, userId);
  const parsed = await readScoreSheetFile(file, meta, locale);
  const sheet: ScoreSheet = { ...parsed, sourceNote: locale === 'zh-CN' ? `由县局导入的评分表：${meta.name}` : `Imported by the county: ${meta.name}` };
  const id = newId();
  await withTransaction(deps.db, async (trx) => {
    const now = deps.clock.now();
    await repo.insertCountySheet(trx, { id, county_code: scope.countyCode, name: meta.name, content: toDbJson(sheet) as string, created_by_user_id: userId, created_at: now.toISOString(), archived_at: null });
    await recordChange(trx, { userId, enterpriseId: null }, now, { entity: 'county_score_sheet', entityId: id, action: 'import', after: { countyCode: scope.countyCode, name: meta.name, totalPoints: sheet.totalPoints, items: sheet.items.length } });
  });
  return toSheetDto(id, sheet);
}

/** The county's sheets (a town user reads its county's). */
export async function listCountySheets(deps: AppDeps, userId: string) {
  const scope = await scopeOf(deps.db, userId);
  return (await repo.listCountySheets(deps.db, scope.countyCode)).map((r) => {
    const sheet = fromDbJson<ScoreSheet>(r.content) as ScoreSheet;
    return { ref: r.id, name: r.name, totalPoints: sheet.totalPoints, itemCount: sheet.items.length, createdAt: r.created_at };
  });
}

/** A campaign's sheet: the starter, or one of this county's own sheets; anything else is a field error. */
export async function assertCampaignSheet(db: Executor, countyCode: string, ref: string): Promise<void> {
  if (ref === starterSheetRef) return;
  if (await repo.findCountySheet(db, countyCode, ref)) return;
  throw fieldError('sheetRef', { 'zh-CN': '请选择入门评分表或本县导入的评分表', 'en-US': "Choose the starter sheet or one of the county's imported sheets" });
}
