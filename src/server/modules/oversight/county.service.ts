/* The county view (issue 17 item 3): a regulator's jurisdiction — its county, or one town under it —
 * on one page from the precomputed enterprise_indicator rows; its towns; the read-only detail of one
 * enterprise; the .xlsx export. A regulator without a jurisdiction has no county view (403). */
import { invalidateSessions } from '../../platform/auth/session-cache.js';
import type { AppDeps } from '../../app-deps.js';
import { fromDbJson } from '../../db/codecs.js';
import { withTransaction, type Executor } from '../../db/with-transaction.js';
import { findCounty, regionLabel } from '../../../domain/enterprise/region.js';
import type { CountyEnterpriseDetailDto, CountyEnterpriseDto, CountyListQuery, CountyPageDto, GradeReason, JurisdictionDto, TownDto } from '../../../schemas/oversight-county.js';
import { AppError, notFound } from '../../platform/http/app-error.js';
import { fieldError } from '../../platform/http/validation.js';
import { recordChange } from '../audit/audit.service.js';
import { findEnterprise } from '../enterprise/enterprise.repository.js';
import { findUserByUsername } from '../auth/auth.repository.js';
import * as repo from './county.repository.js';
import { refreshEnterpriseIndicators, refreshStaleIndicators } from './county-indicators.service.js';

type Row = Awaited<ReturnType<typeof repo.listIndicators>>[number];

const orNull = (n: number) => (n < 0 ? null : n);

export function toCountyDto(r: Row): CountyEnterpriseDto {
  return {
    enterpriseId: r.enterprise_id,
    name: r.name,
    industry: r.industry as CountyEnterpriseDto['industry'],
    sizeClass: r.size_class as CountyEnterpriseDto['sizeClass'],
    townCode: r.town_code || null,
    townName: r.town_name ?? null,
    isDemonstration: Number(r.is_demonstration) === 1,
    postsMajor: Number(r.posts_major),
    postsSignificant: Number(r.posts_significant),
    openHazards: Number(r.open_hazards),
    overdueHazards: Number(r.overdue_hazards),
    openMajorHazards: Number(r.open_major_hazards),
    stopWorkInForce: Number(r.stop_work_in_force),
    inspectionCompletion: orNull(Number(r.inspection_completion)),
    trainingCompliance: orNull(Number(r.training_compliance)),
    selfAssessmentScore: Number(r.sa_score) < 0 ? null : Number(r.sa_score) / 10,
    selfAssessmentGrade: r.sa_grade || null,
    supervisionGrade: (r.supervision_grade || null) as CountyEnterpriseDto['supervisionGrade'],
    gradeReasons: fromDbJson<GradeReason[]>(r.grade_reasons) ?? [],
    lastActivityAt: r.last_activity_at || null,
    refreshedAt: r.refreshed_at,
  };
}

/** The caller's jurisdiction; 403 without one. */
export async function scopeOf(db: Executor, userId: string): Promise<repo.Scope> {
  const row = await repo.findJurisdiction(db, userId);
  if (!row) throw new AppError('FORBIDDEN');
  return { countyCode: row.county_code, townCode: row.town_code };
}

/**
 * Of these enterprises, those a regulator may work in: its county's (a town user: its town's).
 * null when the user has no jurisdiction (a regulator linked enterprise by enterprise keeps its links).
 */
export async function jurisdictionEnterprises(db: Executor, userId: string, enterpriseIds: string[]): Promise<Set<string> | null> {
  const row = await repo.findJurisdiction(db, userId);
  if (!row) return null;
  return new Set(await repo.enterprisesInScope(db, { countyCode: row.county_code, townCode: row.town_code }, enterpriseIds));
}

/** Only a county-level jurisdiction (not a town) sets towns, 示范 marks and rules. */
export async function countyScopeOf(db: Executor, userId: string): Promise<repo.Scope> {
  const scope = await scopeOf(db, userId);
  if (scope.townCode) throw new AppError('FORBIDDEN');
  return scope;
}

const countyName = (code: string) => regionLabel(code) ?? code;

function encode(value: string | number, id: string): string {
  return Buffer.from(JSON.stringify([value, id]), 'utf8').toString('base64url');
}

function decode(cursor: string | undefined, numeric: boolean): { value: string | number; id: string } | undefined {
  if (!cursor) return undefined;
  try {
    const [value, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown];
    if (typeof id === 'string' && (numeric ? typeof value === 'number' : typeof value === 'string')) return { value: value as string | number, id };
  } catch {
    // falls through to the 400 below
  }
  throw fieldError('cursor', { 'zh-CN': '分页游标无效', 'en-US': 'Invalid page cursor' });
}

function filterOf(query: Partial<CountyListQuery>): repo.IndicatorFilter {
  const { townCode, industry, sizeClass, hasOpenMajorHazard, hasOverdueHazard, hasStopWork, supervisionGrade, isDemonstration } = query;
  return { townCode, industry, sizeClass, hasOpenMajorHazard, hasOverdueHazard, hasStopWork, supervisionGrade, isDemonstration };
}

export async function listCounty(deps: AppDeps, userId: string, query: CountyListQuery): Promise<CountyPageDto> {
  const scope = await scopeOf(deps.db, userId);
  const column = repo.sortColumns[query.sort];
  const numeric = repo.numericSortColumns.has(column);
  const rows = await repo.listIndicators(deps.db, scope, filterOf(query), { column, order: query.order, after: decode(query.cursor, numeric), limit: query.limit + 1 });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const town = scope.townCode ? await repo.findTown(deps.db, scope.townCode) : null;
  return {
    items: page.map(toCountyDto),
    nextCursor: rows.length > query.limit && last ? encode(numeric ? Number(last[column]) : String(last[column]), last.enterprise_id) : null,
    scope: { countyCode: scope.countyCode, countyName: countyName(scope.countyCode), townCode: scope.townCode, townName: town?.name ?? null },
  };
}

/** The most rows the export and the priority list read in their one statement (tests lower it). */
export const scopeRowCap = { rows: 20_000 };

/**
 * The rows of the scope under the filters, in the sort (the export and the priority list: one query,
 * no paging), at most scopeRowCap.rows of them: `truncatedAt` is that cap when there were more (the
 * caller says so), null when these are all.
 */
export async function listAllInScope(deps: AppDeps, userId: string, query: Partial<CountyListQuery>) {
  const scope = await scopeOf(deps.db, userId);
  const column = repo.sortColumns[query.sort ?? 'name'];
  const cap = scopeRowCap.rows;
  const rows = await repo.listIndicators(deps.db, scope, filterOf(query), { column, order: query.order ?? 'asc', limit: cap + 1 });
  return { scope, rows: rows.slice(0, cap), truncatedAt: rows.length > cap ? cap : null };
}

/** An enterprise of the caller's jurisdiction (another county's, or another town's, is "not found"). */
async function rowInScope(db: Executor, scope: repo.Scope, enterpriseId: string) {
  const row = await repo.findIndicator(db, enterpriseId);
  if (!row || row.county_code !== scope.countyCode || (scope.townCode && row.town_code !== scope.townCode)) throw notFound('county_enterprise');
  return row;
}

export async function getCountyEnterprise(deps: AppDeps, userId: string, enterpriseId: string): Promise<CountyEnterpriseDetailDto> {
  const scope = await scopeOf(deps.db, userId);
  const row = await rowInScope(deps.db, scope, enterpriseId);
  const enterprise = await findEnterprise(deps.db, enterpriseId);
  if (!enterprise) throw notFound('county_enterprise');
  const town = row.town_code ? await repo.findTown(deps.db, row.town_code) : null;
  return {
    ...toCountyDto({ ...row, town_name: town?.name ?? null }),
    regionCode: enterprise.region_code,
    address: enterprise.address,
    headcount: Number(enterprise.headcount),
    principalName: enterprise.principal_name,
    facts: fromDbJson<Record<string, unknown>>(row.facts) ?? {},
  };
}

export async function listTowns(deps: AppDeps, userId: string): Promise<{ items: TownDto[] }> {
  const scope = await scopeOf(deps.db, userId);
  const towns = await repo.listTowns(deps.db, scope.countyCode);
  return { items: towns.filter((t) => !scope.townCode || t.code === scope.townCode) };
}

export async function createTown(deps: AppDeps, userId: string, input: { code: string; name: string }): Promise<TownDto> {
  const scope = await countyScopeOf(deps.db, userId);
  if (!input.code.startsWith(scope.countyCode)) {
    throw fieldError('code', { 'zh-CN': `乡镇代码须以本县代码 ${scope.countyCode} 开头`, 'en-US': `A town code starts with the county's code ${scope.countyCode}` });
  }
  return withTransaction(deps.db, async (trx) => {
    const now = deps.clock.now();
    if (!(await repo.insertTownOnce(trx, { code: input.code, county_code: scope.countyCode, name: input.name, created_at: now.toISOString() }))) {
      throw new AppError('CONFLICT', { detail: 'code' });
    }
    await recordChange(trx, { userId, enterpriseId: null }, now, { entity: 'oversight_town', entityId: input.code, action: 'create', after: input });
    return { code: input.code, name: input.name };
  });
}

/** The county places an enterprise of its county under one of its towns (or none). */
export async function assignTown(deps: AppDeps, userId: string, enterpriseId: string, townCode: string | null): Promise<CountyEnterpriseDetailDto> {
  const scope = await countyScopeOf(deps.db, userId);
  const enterprise = await findEnterprise(deps.db, enterpriseId);
  if (!enterprise || enterprise.region_code !== scope.countyCode) throw notFound('county_enterprise');
  if (townCode) {
    const town = await repo.findTown(deps.db, townCode);
    if (!town || town.county_code !== scope.countyCode) throw fieldError('townCode', { 'zh-CN': '请从本县的乡镇（街道）中选择', 'en-US': "Choose one of the county's towns" });
  }
  if (!(await repo.findIndicator(deps.db, enterpriseId))) await refreshEnterpriseIndicators(deps, enterpriseId);
  await withTransaction(deps.db, async (trx) => {
    await repo.setAssignment(trx, enterpriseId, { town_code: townCode ?? '' });
    await recordChange(trx, { userId, enterpriseId }, deps.clock.now(), { entity: 'enterprise_indicator', entityId: enterpriseId, action: 'assign_town', after: { townCode } });
  });
  // A town's users no longer work in an enterprise moved out of their town.
  invalidateSessions(deps.db);
  return getCountyEnterprise(deps, userId, enterpriseId);
}

/** 示范企业: the county marks (or unmarks) a demonstration enterprise. */
export async function setDemonstration(deps: AppDeps, userId: string, enterpriseId: string, isDemonstration: boolean): Promise<CountyEnterpriseDetailDto> {
  const scope = await countyScopeOf(deps.db, userId);
  await rowInScope(deps.db, scope, enterpriseId);
  await withTransaction(deps.db, async (trx) => {
    await repo.setAssignment(trx, enterpriseId, { is_demonstration: isDemonstration ? 1 : 0 });
    await recordChange(trx, { userId, enterpriseId }, deps.clock.now(), { entity: 'enterprise_indicator', entityId: enterpriseId, action: 'demonstration', after: { isDemonstration } });
  });
  return getCountyEnterprise(deps, userId, enterpriseId);
}

/** The administrator gives a user its jurisdiction: a county, or a town of it. */
export async function putJurisdiction(deps: AppDeps, adminUserId: string, input: { username: string; countyCode: string; townCode: string | null }): Promise<JurisdictionDto> {
  if (!findCounty(input.countyCode)) throw fieldError('countyCode', { 'zh-CN': '请从列表中选择所在的省、市、县', 'en-US': 'Choose the province, city and county from the list' });
  const user = await findUserByUsername(deps.db, input.username);
  if (!user) throw fieldError('username', { 'zh-CN': '没有这个用户名', 'en-US': 'No such username' });
  let townName: string | null = null;
  if (input.townCode) {
    const town = await repo.findTown(deps.db, input.townCode);
    if (!town || town.county_code !== input.countyCode) throw fieldError('townCode', { 'zh-CN': '请从本县的乡镇（街道）中选择', 'en-US': "Choose one of the county's towns" });
    townName = town.name;
  }
  await withTransaction(deps.db, async (trx) => {
    const now = deps.clock.now();
    await repo.upsertJurisdiction(trx, { user_id: user.id, county_code: input.countyCode, town_code: input.townCode, created_at: now.toISOString() });
    await recordChange(trx, { userId: adminUserId, enterpriseId: null }, now, { entity: 'oversight_jurisdiction', entityId: user.id, action: 'put', after: input });
  });
  // Enterprises outside the new jurisdiction end for the regulator's sessions in them.
  invalidateSessions(deps.db);
  return { userId: user.id, countyCode: input.countyCode, countyName: countyName(input.countyCode), townCode: input.townCode, townName };
}

/** The county page's refresh: the jurisdiction's changed and stale enterprises, now. */
export async function refreshMyCounty(deps: AppDeps, userId: string): Promise<{ refreshed: number }> {
  const scope = await scopeOf(deps.db, userId);
  return refreshStaleIndicators(deps, { countyCode: scope.countyCode, limit: 200 });
}


/** DESIGN "Indicators": the precomputed figures of these enterprises (the consultant's desk reads them), by enterprise id. */
export async function indicatorRowsOf(db: Executor, enterpriseIds: string[]): Promise<Map<string, CountyEnterpriseDto>> {
  const rows = await repo.listIndicatorRows(db, enterpriseIds);
  return new Map(rows.map((r) => [r.enterprise_id, toCountyDto(r)]));
}
