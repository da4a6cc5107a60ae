/* Self-assessment campaigns (issue 17 §5, seed 003 要求(三)): the county sets a scoring sheet of the
 * self-assessment engine (the starter or one it imported, county-sheets.service.ts) and a deadline for
 * its towns' enterprises; progress is computed from one grouped query over the jurisdiction's
 * enterprises and their assessments on that sheet since the campaign started, with each concluded
 * assessment's findings (finding_count, frozen at conclusion) and how many of them its standardization
 * actions closed (grouped in the same query). An enterprise sees the campaigns covering it,
 * and a due item until it completes. */
import type { AppDeps } from '../../app-deps.js';
import { fromDbJson, toDbJson } from '../../db/codecs.js';
import { withTransaction, type Executor } from '../../db/with-transaction.js';
import type { CampaignDto, CampaignEnterpriseDto, CampaignInput, CampaignProgressDto, CampaignProgressQuery } from '../../../schemas/oversight-campaigns.js';
import type { OversightCampaignTable } from '../../db/tables/oversight-tables.js';
import { notFound } from '../../platform/http/app-error.js';
import { fieldError } from '../../platform/http/validation.js';
import { newId } from '../../platform/ids.js';
import { type DueItem, type DueItemProvider, dueStatusOf, isInWindow } from '../../platform/due-items/due-items.js';
import { recordChange } from '../audit/audit.service.js';
import { endOfDay } from '../standardization/standardization-due-items.service.js';
import { countyScopeOf, scopeOf } from './county.service.js';
import type { Scope } from './county.repository.js';
import { covers, townsOf } from './campaign-scope.js';
import { assertCampaignSheet } from './county-sheets.service.js';
import { findEnterprisePlace } from './county-sheets.repository.js';

type CampaignRow = OversightCampaignTable;

function toDto(c: CampaignRow): CampaignDto {
  return { id: c.id, countyCode: c.county_code, title: c.title, sheetRef: c.sheet_ref, deadline: c.deadline, townCodes: townsOf(c), createdAt: c.created_at };
}

/** A town user sees the campaigns of the whole county and those naming its town. */
const visibleTo = (scope: Scope) => (c: CampaignRow) => !scope.townCode || covers(c, scope.townCode);

export async function createCampaign(deps: AppDeps, userId: string, input: CampaignInput): Promise<CampaignDto> {
  const scope = await countyScopeOf(deps.db, userId);
  const now = deps.clock.now();
  if (input.deadline < now.toISOString().slice(0, 10)) {
    throw fieldError('deadline', { 'zh-CN': '截止日期不能早于今天', 'en-US': 'The deadline cannot be before today' });
  }
  await assertCampaignSheet(deps.db, scope.countyCode, input.sheetRef);
  const townCodes = [...new Set(input.townCodes)];
  if (townCodes.length) {
    const known = new Set((await deps.db.selectFrom('oversight_town').select('code').where('county_code', '=', scope.countyCode).execute()).map((t) => t.code));
    const index = townCodes.findIndex((code) => !known.has(code));
    if (index >= 0) throw fieldError(`townCodes.${index}`, { 'zh-CN': '请从本县的乡镇（街道）中选择', 'en-US': "Choose one of the county's towns" });
  }
  const row: CampaignRow = { id: newId(), county_code: scope.countyCode, title: input.title, sheet_ref: input.sheetRef, deadline: input.deadline, town_codes: toDbJson(townCodes) as string, created_by_user_id: userId, created_at: now.toISOString() };
  await withTransaction(deps.db, async (trx) => {
    await trx.insertInto('oversight_campaign').values(row).execute();
    await recordChange(trx, { userId, enterpriseId: null }, now, { entity: 'oversight_campaign', entityId: row.id, action: 'create', after: input });
  });
  return toDto(row);
}

export async function listCampaigns(deps: AppDeps, userId: string): Promise<{ items: CampaignDto[] }> {
  const scope = await scopeOf(deps.db, userId);
  const rows = await deps.db.selectFrom('oversight_campaign').selectAll().where('county_code', '=', scope.countyCode).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(500).execute();
  return { items: rows.filter(visibleTo(scope)).map(toDto) };
}

interface EnterpriseFacts {
  enterprise_id: string;
  name: string;
  town_code: string | null;
  time_zone: string;
  assessment_id: string | null;
  status: string | null;
  result: string | null;
  concluded_at: string | null;
  finding_count: number | null;
  findings_closed: number | string | null;
}

/** One query: the enterprises of `countyCode` (optionally of one town or one enterprise) left-joined to their assessments on the
 * campaign's sheet since it started, and to the count of each one's findings closed out — a standardization action done, or its
 * hazard closed by acceptance (the hazard lifecycle) — grouped once in a derived table (a correlated count per row costs more,
 * and on PostgreSQL its estimate switches JIT on). */
function enterpriseFacts(db: Executor, c: CampaignRow, where: { townCode?: string | null; enterpriseId?: string }): Promise<EnterpriseFacts[]> {
  let closed = db
    .selectFrom('standardization_action as a')
    .innerJoin('self_assessment as s2', 's2.id', 'a.assessment_id')
    .leftJoin('hazard as h', 'h.id', 'a.hazard_id')
    .select((eb) => ['a.assessment_id', eb.fn.countAll().as('n')])
    .where('s2.sheet_ref', '=', c.sheet_ref)
    .where('s2.created_at', '>=', c.created_at)
    .where((w) => w.or([w.and([w('a.kind', '=', 'action'), w('a.status', '=', 'done')]), w.and([w('a.kind', '=', 'hazard'), w('h.status', '=', 'closed')])]));
  closed = where.enterpriseId
    ? closed.where('s2.enterprise_id', '=', where.enterpriseId)
    : closed.where('s2.enterprise_id', 'in', (eb) => eb.selectFrom('enterprise as e2').select('e2.id').where('e2.region_code', '=', c.county_code));
  let q = db
    .selectFrom('enterprise as e')
    .leftJoin('enterprise_indicator as ei', 'ei.enterprise_id', 'e.id')
    .leftJoin('self_assessment as sa', (j) => j.onRef('sa.enterprise_id', '=', 'e.id').on('sa.sheet_ref', '=', c.sheet_ref).on('sa.created_at', '>=', c.created_at))
    .leftJoin(closed.groupBy('a.assessment_id').as('f'), (j) => j.onRef('f.assessment_id', '=', 'sa.id'))
    .select(['e.id as enterprise_id', 'e.name', 'ei.town_code', 'e.time_zone', 'sa.id as assessment_id', 'sa.status', 'sa.result', 'sa.concluded_at', 'sa.finding_count', 'f.n as findings_closed'])
    .where('e.region_code', '=', c.county_code);
  const towns = townsOf(c);
  if (towns.length) q = q.where('ei.town_code', 'in', towns);
  if (where.townCode) q = q.where('ei.town_code', '=', where.townCode);
  if (where.enterpriseId) q = q.where('e.id', '=', where.enterpriseId);
  return q.orderBy('e.name').orderBy('e.id').orderBy('sa.created_at').execute() as Promise<EnterpriseFacts[]>;
}

const noFindings = { findingsOpen: null, findingsClosed: null };

/** Per enterprise: its first completed assessment on the sheet, else any in progress, else none. */
function progressOf(c: CampaignRow, rows: EnterpriseFacts[]): CampaignEnterpriseDto[] {
  const byEnterprise = new Map<string, CampaignEnterpriseDto>();
  // The deadline's end in each enterprise's zone, computed once per zone (a zoned date costs ~50 µs; 10,000 rows add up).
  const deadlineEnds = new Map<string, number>();
  const deadlineEnd = (timeZone: string) => deadlineEnds.get(timeZone) ?? deadlineEnds.set(timeZone, endOfDay(c.deadline, timeZone).getTime()).get(timeZone) as number;
  for (const r of rows) {
    const current = byEnterprise.get(r.enterprise_id);
    if (current?.status === 'completed') continue;
    const base = { enterpriseId: r.enterprise_id, name: r.name, townCode: r.town_code || null };
    if (r.status === 'concluded' && r.concluded_at) {
      const score = fromDbJson<{ score1000: number | null }>(r.result)?.score1000 ?? null;
      const isOnTime = new Date(r.concluded_at).getTime() <= deadlineEnd(r.time_zone);
      const findings = r.finding_count ?? 0;
      const closed = Math.min(findings, Number(r.findings_closed ?? 0));
      byEnterprise.set(r.enterprise_id, { ...base, status: 'completed', assessmentId: r.assessment_id, score, completedAt: r.concluded_at, isOnTime, findingsOpen: findings - closed, findingsClosed: closed });
    } else if (r.assessment_id) {
      byEnterprise.set(r.enterprise_id, { ...base, status: 'in_progress', assessmentId: r.assessment_id, score: null, completedAt: null, isOnTime: null, ...noFindings });
    } else if (!current) {
      byEnterprise.set(r.enterprise_id, { ...base, status: 'not_started', assessmentId: null, score: null, completedAt: null, isOnTime: null, ...noFindings });
    }
  }
  return [...byEnterprise.values()];
}

async function campaignInScope(db: Executor, scope: Scope, id: string): Promise<CampaignRow> {
  const c = await db.selectFrom('oversight_campaign').selectAll().where('id', '=', id).executeTakeFirst();
  if (!c || c.county_code !== scope.countyCode || !visibleTo(scope)(c)) throw notFound('oversight_campaign');
  return c;
}

/** Per town over all its enterprises; `findings: 'open'` narrows the enterprise list to those with findings still open. */
export async function campaignProgress(deps: AppDeps, userId: string, id: string, query: CampaignProgressQuery = {}): Promise<CampaignProgressDto> {
  const scope = await scopeOf(deps.db, userId);
  const c = await campaignInScope(deps.db, scope, id);
  const enterprises = progressOf(c, await enterpriseFacts(deps.db, c, { townCode: scope.townCode }));
  const towns = new Map<string | null, CampaignProgressDto['towns'][number]>();
  for (const e of enterprises) {
    const t = towns.get(e.townCode) ?? { townCode: e.townCode, enterprises: 0, notStarted: 0, inProgress: 0, completed: 0, completedOnTime: 0, completedLate: 0, findingsOpen: 0, findingsClosed: 0, withOpenFindings: 0 };
    t.enterprises += 1;
    t.findingsOpen += e.findingsOpen ?? 0;
    t.findingsClosed += e.findingsClosed ?? 0;
    if (e.findingsOpen) t.withOpenFindings += 1;
    if (e.status === 'not_started') t.notStarted += 1;
    else if (e.status === 'in_progress') t.inProgress += 1;
    else {
      t.completed += 1;
      if (e.isOnTime) t.completedOnTime += 1;
      else t.completedLate += 1;
    }
    towns.set(e.townCode, t);
  }
  const listed = query.findings === 'open' ? enterprises.filter((e) => (e.findingsOpen ?? 0) > 0) : enterprises;
  return { campaign: toDto(c), towns: [...towns.values()].sort((a, b) => (a.townCode ?? '~').localeCompare(b.townCode ?? '~')), enterprises: listed };
}

/** The campaigns covering one enterprise, with its own status in each. */
export async function campaignsOfEnterprise(deps: AppDeps, enterpriseId: string) {
  const e = await findEnterprisePlace(deps.db, enterpriseId);
  if (!e) return [];
  const campaigns = (await deps.db.selectFrom('oversight_campaign').selectAll().where('county_code', '=', e.region_code).orderBy('created_at', 'desc').limit(100).execute()).filter((c) =>
    covers(c, e.town_code || null),
  );
  const out = [];
  for (const c of campaigns) {
    const [mine] = progressOf(c, await enterpriseFacts(deps.db, c, { enterpriseId }));
    out.push({ ...toDto(c), status: mine?.status ?? 'not_started', score: mine?.score ?? null, completedAt: mine?.completedAt ?? null, timeZone: e.time_zone });
  }
  return out;
}

export const campaignDueItemProvider: DueItemProvider = {
  feature: 'oversight',
  notifyDaysBefore: 7,
  async listDueItems(deps: AppDeps, enterpriseId, window): Promise<DueItem[]> {
    if (window.personId) return [];
    const now = deps.clock.now();
    const items = (await campaignsOfEnterprise(deps, enterpriseId)).map((c): DueItem => {
      const dueAt = endOfDay(c.deadline, c.timeZone);
      return {
        kind: 'oversight.campaign',
        title: { 'zh-CN': `县局自评估活动：${c.title}`, 'en-US': `County self-assessment campaign: ${c.title}` },
        dueAt: dueAt.toISOString(),
        status: dueStatusOf(dueAt, c.status === 'completed', now),
        ownerPersonId: null,
        // Not started: the link opens a new self-assessment with the campaign's sheet chosen.
        link: c.status === 'not_started' ? `/standardization?start=${encodeURIComponent(c.sheetRef)}` : '/standardization',
        sourceRef: `oversight_campaign:${c.id}`,
      };
    });
    return items.filter((i) => isInWindow(i, window));
  },
};
