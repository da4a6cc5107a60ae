/* Scoring sheets (the shipped starter, the enterprise's imported ones, and its county's campaign sheets) and scoring without saving. */
import type { AppDeps } from '../../app-deps.js';
import { fromDbJson, toDbJson } from '../../db/codecs.js';
import { withTransaction } from '../../db/with-transaction.js';
import { DomainError } from '../../../domain/domain-error.js';
import { type ItemDecision, type ScoringResult, scoreSheet } from '../../../domain/standardization/scoring.js';
import type { Locale } from '../../../i18n/locale.js';
import { starterSheet, starterSheetRef } from '../../../reference/standardization/gbt33000-starter-sheet.js';
import { defaultGradeProfileCode, findGradeProfile, type GradeProfile, gradeLabels } from '../../../reference/standardization/grade-profiles.js';
import { type ScoreSheet, sheetPartLabels, sheetParts } from '../../../reference/standardization/score-sheet.js';
import type { ScoreSheetDto, ScoringInput, ScoringResultDto } from '../../../schemas/standardization.js';
import { AppError, notFound } from '../../platform/http/app-error.js';
import { fieldError } from '../../platform/http/validation.js';
import { newId } from '../../platform/ids.js';
import { recordChange } from '../audit/audit.service.js';
import { readScoreSheetFile } from './score-sheet-import.js';
import * as repo from './standardization.repository.js';
import { countySheetsOpenTo } from '../oversight/campaign-scope.js';

export interface Actor {
  userId: string;
  enterpriseId: string;
}

export const toSheetDto = (ref: string, sheet: ScoreSheet): ScoreSheetDto => ({
  ref,
  name: sheet.name,
  totalPoints: sheet.totalPoints,
  sourceNote: sheet.sourceNote,
  elements: sheet.elements.map((e) => ({ ...e })),
  items: sheet.items.map((i) => ({ ...i, deductionRules: i.deductionRules.map((r) => ({ ...r })) })),
});

/** The starter sheet by name, one of the caller's imported sheets, or a county's sheet set by a campaign
 * covering the caller (issue 17 §5); another enterprise's sheet, or a county sheet outside a covering campaign, is "not found". */
export async function resolveSheet(deps: AppDeps, enterpriseId: string, ref: string): Promise<{ ref: string; sheet: ScoreSheet }> {
  if (ref === starterSheetRef) return { ref, sheet: starterSheet };
  const row = await repo.findSheet(deps.db, enterpriseId, ref);
  if (row) return { ref, sheet: fromDbJson<ScoreSheet>(row.content) as ScoreSheet };
  const [county] = await countySheetsOpenTo(deps.db, enterpriseId, ref);
  if (!county) throw notFound('score_sheet');
  return { ref, sheet: county.sheet };
}

export async function listScoreSheets(deps: AppDeps, enterpriseId: string) {
  const [rows, county] = await Promise.all([repo.listSheets(deps.db, enterpriseId), countySheetsOpenTo(deps.db, enterpriseId)]);
  return [
    { ref: starterSheetRef, name: starterSheet.name, totalPoints: starterSheet.totalPoints, itemCount: starterSheet.items.length, createdAt: null },
    ...rows.map((r) => {
      const sheet = fromDbJson<ScoreSheet>(r.content) as ScoreSheet;
      return { ref: r.id, name: r.name, totalPoints: sheet.totalPoints, itemCount: sheet.items.length, createdAt: r.created_at };
    }),
    ...county.map((c) => ({ ref: c.ref, name: c.name, totalPoints: c.sheet.totalPoints, itemCount: c.sheet.items.length, createdAt: c.createdAt, isCounty: true })),
  ];
}

export async function importScoreSheet(deps: AppDeps, actor: Actor, file: Buffer, meta: { name: string; totalPoints: number }, locale: Locale): Promise<ScoreSheetDto> {
  const sheet = await readScoreSheetFile(file, meta, locale);
  const id = newId();
  await withTransaction(deps.db, async (trx) => {
    const now = deps.clock.now();
    await repo.insertSheet(trx, { id, enterprise_id: actor.enterpriseId, name: meta.name, content: toDbJson(sheet) as string, created_by_user_id: actor.userId, created_at: now.toISOString(), archived_at: null });
    await recordChange(trx, actor, now, { entity: 'score_sheet', entityId: id, action: 'import', after: { name: meta.name, totalPoints: sheet.totalPoints, items: sheet.items.length } });
  });
  return toSheetDto(id, sheet);
}

export function profileOf(code: string | undefined, path = 'profileCode'): GradeProfile {
  const profile = findGradeProfile(code ?? defaultGradeProfileCode);
  if (!profile) throw fieldError(path, { 'zh-CN': `未知的等级判定方案“${code}”`, 'en-US': `unknown grading profile "${code}"` });
  return profile;
}

const domainMessages: Record<string, { 'zh-CN': string; 'en-US': string }> = {
  UNKNOWN_ITEM: { 'zh-CN': '评分表中没有项目 {code}', 'en-US': 'the sheet has no item {code}' },
  DUPLICATE_ITEM: { 'zh-CN': '项目 {code} 重复评分', 'en-US': 'item {code} is scored twice' },
  BAD_DEDUCTION: { 'zh-CN': '项目 {code} 的扣分不能为负数', 'en-US': 'the deduction of item {code} cannot be negative' },
  NOT_APPLICABLE_REFUSED: { 'zh-CN': '项目 {code} 不允许标为不适用', 'en-US': 'item {code} may not be marked not applicable' },
  NOT_A_VETO: { 'zh-CN': '项目 {code} 不是否决项', 'en-US': 'item {code} is not a veto item' },
};

/** The engine's errors as a field error in both languages. */
export function scoringError(e: DomainError, pathPrefix = ''): AppError {
  const m = domainMessages[e.code];
  const fill = (s: string) => s.replace('{code}', String(e.params.code ?? ''));
  return fieldError(`${pathPrefix}${e.field ?? ''}`, m ? { 'zh-CN': fill(m['zh-CN']), 'en-US': fill(m['en-US']) } : { 'zh-CN': e.message, 'en-US': e.message });
}

export function runScoring(sheet: ScoreSheet, decisions: ItemDecision[], profile: GradeProfile, pathPrefix = ''): ScoringResult {
  try {
    return scoreSheet(sheet.items, decisions, profile);
  } catch (e) {
    if (e instanceof DomainError) throw scoringError(e, pathPrefix);
    throw e;
  }
}

export function toScoringDto(result: ScoringResult, sheet: Pick<ScoreSheet, 'elements'>, locale: Locale): ScoringResultDto {
  const elementNames = new Map(sheet.elements.map((e) => [e.code, e.name]));
  return {
    ...result,
    gradeLabel: result.grade ? gradeLabels[result.grade][locale] : locale === 'zh-CN' ? '未达到等级' : 'No grade',
    elements: result.elements.map((s) => ({ ...s, name: elementNames.get(s.code) ?? s.code })),
    parts: result.parts.map((s) => ({ ...s, name: sheetParts.includes(s.code as never) ? sheetPartLabels[s.code as keyof typeof sheetPartLabels][locale] : s.code })),
  };
}

/** POST /scorings: a sheet reference or inline items, with deductions and NA flags; nothing is saved. */
export async function computeScoring(deps: AppDeps, enterpriseId: string, input: ScoringInput, locale: Locale): Promise<ScoringResultDto> {
  const profile = profileOf(input.profileCode);
  let sheet: ScoreSheet;
  if (input.sheetRef) sheet = (await resolveSheet(deps, enterpriseId, input.sheetRef)).sheet;
  else {
    const items = input.items ?? [];
    const seen = new Map<string, number>();
    items.forEach((i, index) => {
      const first = seen.get(i.code);
      if (first !== undefined) throw fieldError(`items.${index}.code`, { 'zh-CN': `项目编号 ${i.code} 与第 ${first + 1} 项重复`, 'en-US': `item number ${i.code} repeats item ${first + 1}` });
      seen.set(i.code, index);
    });
    sheet = {
      name: '',
      totalPoints: items.reduce((s, i) => s + i.points, 0),
      sourceNote: '',
      elements: [...new Set(items.map((i) => i.elementCode))].map((code) => ({ code, name: code })),
      items: items.map((i) => ({ code: i.code, elementCode: i.elementCode, title: '', points: i.points, method: '', deductionRules: [], canBeNotApplicable: i.canBeNotApplicable ?? false, isVeto: i.isVeto ?? false, part: i.part ?? 'basic_management', isConfirmed: true })),
    };
  }
  return toScoringDto(runScoring(sheet, input.decisions ?? [], profile), sheet, locale);
}
