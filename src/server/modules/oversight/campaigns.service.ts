/* Self-assessment campaigns (issue 17 §5, seed 003 要求(三)): the county sets a scoring sheet of the
 * self-assessment engine (the starter or one it imported, county-sheets.service.ts) and a deadline for
 * its towns' enterprises; progress is computed in SQL (campaign-progress.repository.ts): the town totals
 * are one GROUP BY over the jurisdiction's enterprises and their assessments on that sheet since the
 * campaign started, the enterprise list is a keyset page in (name, id) order (issue 17 §7: fast at
 * 10,000 enterprises). An enterprise sees the campaigns covering it, and a due item until it completes. */
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
import { enterprisePage, type ProgressRow, townTotals } from './campaign-progress.repository.js';

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

/** The deadline's end in each time zone of the county's enterprises (few zones; a zoned date costs ~50 µs, so never per enterprise). */
async function deadlineEnds(db: Executor, c: CampaignRow, enterpriseId?: string): Promise<Map<string, string>> {
  let q = db.selectFrom('enterprise').select('time_zone').distinct().where('region_code', '=', c.county_code);
  if (enterpriseId) q = q.where('id', '=', enterpriseId);
  return new Map((await q.execute()).map((r) => [r.time_zone, endOfDay(c.deadline, r.time_zone).toISOString()]));
}

const num = (v: number | string | null) => Number(v ?? 0);

function toEnterprise(r: ProgressRow): CampaignEnterpriseDto {
  const done = r.status === 'completed';
  return {
    enterpriseId: r.enterprise_id,
    name: r.name,
    townCode: r.town_code || null,
    status: r.status,
    assessmentId: r.assessment_id,
    score: done ? (fromDbJson<{ score1000: number | null }>(r.result)?.score1000 ?? null) : null,
    completedAt: done ? r.concluded_at : null,
    isOnTime: done ? Boolean(Number(r.is_on_time)) : null,
    findingsOpen: done ? num(r.findings_open) : null,
    findingsClosed: done ? num(r.findings_closed) : null,
  };
}

function encodeCursor(r: ProgressRow): string {
  return Buffer.from(JSON.stringify([r.name, r.enterprise_id]), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string | undefined): { name: string; id: string } | undefined {
  if (!cursor) return undefined;
  try {
    const [name, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown];
    if (typeof name === 'string' && typeof id === 'string') return { name, id };
  } catch {
    // falls through to the 400 below
  }
  throw fieldError('cursor', { 'zh-CN': '分页游标无效', 'en-US': 'Invalid page cursor' });
}

async function campaignInScope(db: Executor, scope: Scope, id: string): Promise<CampaignRow> {
  const c = await db.selectFrom('oversight_campaign').selectAll().where('id', '=', id).executeTakeFirst();
  if (!c || c.county_code !== scope.countyCode || !visibleTo(scope)(c)) throw notFound('oversight_campaign');
  return c;
}

/** Per town over all its enterprises (one GROUP BY), and one keyset page of the enterprises; `findings: 'open'`, `status` and
 * `townCode` narrow the list only. */
export async function campaignProgress(deps: AppDeps, userId: string, id: string, query: Partial<CampaignProgressQuery> = {}): Promise<CampaignProgressDto> {
  const scope = await scopeOf(deps.db, userId);
  const c = await campaignInScope(deps.db, scope, id);
  const after = decodeCursor(query.cursor);
  const limit = query.limit ?? 50;
  const ends = await deadlineEnds(deps.db, c);
  const [townRows, rows] = await Promise.all([
    townTotals(deps.db, c, { townCode: scope.townCode, deadlineEnds: ends }),
    query.townCode && scope.townCode && query.townCode !== scope.townCode
      ? Promise.resolve([])
      : enterprisePage(deps.db, c, { townCode: query.townCode ?? scope.townCode, deadlineEnds: ends }, { status: query.status, findingsOpen: query.findings === 'open', after, limit: limit + 1 }),
  ]);
  const towns = townRows.map((t) => ({
    townCode: t.town_code || null,
    enterprises: num(t.enterprises),
    notStarted: num(t.not_started),
    inProgress: num(t.in_progress),
    completed: num(t.completed),
    completedOnTime: num(t.completed_on_time),
    completedLate: num(t.completed) - num(t.completed_on_time),
    findingsOpen: num(t.findings_open),
    findingsClosed: num(t.findings_closed),
    withOpenFindings: num(t.with_open_findings),
  }));
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    campaign: toDto(c),
    towns: towns.sort((a, b) => (a.townCode ?? '~').localeCompare(b.townCode ?? '~')),
    enterprises: page.map(toEnterprise),
    nextCursor: rows.length > limit && last ? encodeCursor(last) : null,
  };
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
    const [row] = await enterprisePage(deps.db, c, { enterpriseId, deadlineEnds: new Map([[e.time_zone, endOfDay(c.deadline, e.time_zone).toISOString()]]) }, { limit: 1 });
    const mine = row ? toEnterprise(row) : undefined;
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
