/* The accident and incident register (事故事件台账, issue 9 §2). Insert-only evidence: a correction is
 * a new revision of the same entry, the original stays. It feeds seed 001 第七条 (past accidents
 * of a post, area or equipment force a risk's level) and is read by other features through
 * listAccidents / accidentIndicators / art7AccidentFacts — never through its tables. */
import type { AppDeps } from '../../app-deps.js';
import { fromDbBool, toDbBool } from '../../db/codecs.js';
import type { AccidentTable } from '../../db/database.js';
import { withTransaction, type Executor } from '../../db/with-transaction.js';
import type { Art7Facts } from '../../../domain/risk/art7-floor.js';
import type { Locale } from '../../../i18n/locale.js';
import { findAccidentType, henanAccidentTypes } from '../../../reference/accident-types.js';
import type {
  AccidentCorrectionInput,
  AccidentDetailDto,
  AccidentDto,
  AccidentIndicatorsDto,
  AccidentInput,
  AccidentKind,
  AccidentListQuery,
  AccidentRevisionDto,
} from '../../../schemas/accidents.js';
import { AppError, notFound } from '../../platform/http/app-error.js';
import { decodeCursor, encodeCursor } from '../../platform/http/cursor.js';
import { fieldError, referenceMissing } from '../../platform/http/validation.js';
import { newId } from '../../platform/ids.js';
import { allActiveExist } from '../../platform/resource/tenant-resource.repository.js';
import { recordChange } from '../audit/audit.service.js';
import { raiseCorrectiveAction } from '../improvement/capa.service.js';
import { reevaluateRisksOfPlaces } from '../risks/risk-facts.service.js';
import * as repo from './accidents.repository.js';

type Actor = { userId: string; enterpriseId: string };

function toRevision(r: repo.AccidentRow, locale: Locale): AccidentRevisionDto {
  const type = r.accident_type_code ? findAccidentType(r.accident_type_code) : null;
  const henan = type ? henanAccidentTypes.find((h) => h.gbCode === type.code) : undefined;
  return {
    revision: Number(r.revision),
    kind: r.kind as AccidentKind,
    occurredOn: r.occurred_on,
    postId: r.post_id,
    postName: r.post_name,
    areaId: r.area_id,
    areaName: r.area_name,
    equipmentId: r.equipment_id,
    equipmentName: r.equipment_name,
    peopleInvolved: r.people_involved,
    accidentTypeCode: r.accident_type_code,
    accidentTypeLabel: type ? type.label[locale] : null,
    henanTypeLabel: henan ? `（${henan.seq}）${henan.label[locale]}` : null,
    deaths: Number(r.deaths),
    seriousInjuries: Number(r.serious_injuries),
    minorInjuries: Number(r.minor_injuries),
    directLossCny: Number(r.direct_loss_cny),
    isMajorPropertyLoss: fromDbBool(r.is_major_property_loss),
    description: r.description,
    causeAnalysis: r.cause_analysis,
    correctiveActions: r.corrective_actions,
    authorityReport: r.authority_report,
    isVoid: fromDbBool(r.is_void),
    correctionReason: r.correction_reason,
    recordedByName: r.recorded_by_name,
    recordedAt: r.recorded_at,
  };
}

function severityOf(r: { deaths: number; seriousInjuries: number; minorInjuries: number }): AccidentDto['severity'] {
  if (r.deaths > 0) return 'death';
  if (r.seriousInjuries > 0) return 'serious';
  if (r.minorInjuries > 0) return 'minor';
  return 'none';
}

function toDto(r: repo.AccidentRow, locale: Locale): AccidentDto {
  const rev = toRevision(r, locale);
  return { id: r.root_id, ...rev, severity: severityOf(rev) };
}

export interface AccidentReadFilter {
  since?: string;
  until?: string;
  kind?: AccidentKind;
  postId?: string;
  areaId?: string;
  equipmentId?: string;
  includeVoid?: boolean;
}

/**
 * The register's current entries, newest first, for other features (the management system's
 * corrective actions, the self-assessment report's "近三年事故情况"). A place filter matches an
 * entry naming any of the given post, area or equipment.
 */
export async function listAccidents(db: Executor, enterpriseId: string, f: AccidentReadFilter = {}, locale: Locale = 'zh-CN'): Promise<AccidentDto[]> {
  const rows = await repo.listCurrentAccidents(db, enterpriseId, {
    since: f.since,
    until: f.until,
    kind: f.kind,
    postIds: f.postId ? [f.postId] : undefined,
    areaIds: f.areaId ? [f.areaId] : undefined,
    equipmentIds: f.equipmentId ? [f.equipmentId] : undefined,
    includeVoid: f.includeVoid,
  });
  return rows.map((r) => toDto(r, locale));
}

/** Indicator (DESIGN "Indicators"): counts and consequences of current, non-void entries in a period, and per year. */
export async function accidentIndicators(db: Executor, enterpriseId: string, period: { since?: string; until?: string } = {}): Promise<AccidentIndicatorsDto> {
  const rows = await repo.listCurrentAccidents(db, enterpriseId, { since: period.since, until: period.until });
  type Tally = Omit<AccidentIndicatorsDto['byYear'][number], 'year'>;
  const empty = (): Tally => ({ accidents: 0, nearMisses: 0, deaths: 0, seriousInjuries: 0, minorInjuries: 0, directLossCny: 0 });
  const total = empty();
  const years = new Map<number, Tally>();
  for (const r of rows) {
    const year = Number(r.occurred_on.slice(0, 4));
    const y = years.get(year) ?? empty();
    years.set(year, y);
    for (const t of [total, y]) {
      if (r.kind === 'near_miss') t.nearMisses += 1;
      else t.accidents += 1;
      t.deaths += Number(r.deaths);
      t.seriousInjuries += Number(r.serious_injuries);
      t.minorInjuries += Number(r.minor_injuries);
      t.directLossCny += Number(r.direct_loss_cny);
    }
  }
  return {
    since: period.since ?? null,
    until: period.until ?? null,
    ...total,
    byYear: [...years.entries()].sort(([a], [b]) => a - b).map(([year, t]) => ({ year, ...t })),
  };
}

/**
 * Seed 001 第七条（一）1 / （二）1 facts from the register: accidents (not near misses) that named the
 * post, one of the areas or the equipment. An accident is graded by its worst consequence (GB 6441:
 * 死亡 > 重伤 > 轻伤), so a "minor-injury accident" is one with minor injuries only.
 */
export async function art7AccidentFacts(
  db: Executor,
  enterpriseId: string,
  place: { postIds: string[]; areaIds: string[]; equipmentIds: string[] },
): Promise<Pick<Art7Facts, 'deaths' | 'seriousInjuries' | 'majorPropertyLoss' | 'minorInjuryAccidents'>> {
  const none = { deaths: 0, seriousInjuries: 0, majorPropertyLoss: false, minorInjuryAccidents: 0 };
  if (!place.postIds.length && !place.areaIds.length && !place.equipmentIds.length) return none;
  const rows = await repo.listCurrentAccidents(db, enterpriseId, { kind: 'accident', ...place });
  return rows.reduce(
    (f, r) => ({
      deaths: f.deaths + (Number(r.deaths) > 0 ? 1 : 0),
      seriousInjuries: f.seriousInjuries + (Number(r.deaths) === 0 && Number(r.serious_injuries) > 0 ? 1 : 0),
      majorPropertyLoss: f.majorPropertyLoss || fromDbBool(r.is_major_property_loss),
      minorInjuryAccidents: f.minorInjuryAccidents + (Number(r.deaths) === 0 && Number(r.serious_injuries) === 0 && Number(r.minor_injuries) > 0 ? 1 : 0),
    }),
    none,
  );
}

export async function pageAccidents(db: Executor, enterpriseId: string, q: AccidentListQuery, locale: Locale) {
  const rows = await repo.listCurrentAccidents(db, enterpriseId, {
    kind: q.kind,
    postIds: q.postId ? [q.postId] : undefined,
    areaIds: q.areaId ? [q.areaId] : undefined,
    equipmentIds: q.equipmentId ? [q.equipmentId] : undefined,
    since: q.since,
    until: q.until,
    includeVoid: q.includeVoid,
    q: q.q,
    before: decodeCursor(q.cursor),
    limit: q.limit + 1,
  });
  const hasMore = rows.length > q.limit;
  const page = hasMore ? rows.slice(0, q.limit) : rows;
  const last = page.at(-1);
  return { items: page.map((r) => toDto(r, locale)), nextCursor: hasMore && last ? encodeCursor(last.occurred_on, last.root_id) : null };
}

export async function getAccident(db: Executor, enterpriseId: string, rootId: string, locale: Locale): Promise<AccidentDetailDto> {
  const revisions = await repo.listRevisions(db, enterpriseId, rootId);
  const current = revisions.at(-1);
  // Another enterprise's entry is indistinguishable from a missing one.
  if (!current) throw notFound('accident');
  return { ...toDto(current, locale), history: revisions.map((r) => toRevision(r, locale)), affectedRiskCount: 0 };
}

async function checkPlaces(trx: Executor, enterpriseId: string, v: { postId: string | null; areaId: string | null; equipmentId: string | null }) {
  if (v.postId && !(await allActiveExist(trx, 'post', enterpriseId, [v.postId]))) throw referenceMissing('postId');
  if (v.areaId && !(await allActiveExist(trx, 'area', enterpriseId, [v.areaId]))) throw referenceMissing('areaId');
  if (v.equipmentId && !(await allActiveExist(trx, 'equipment', enterpriseId, [v.equipmentId]))) throw referenceMissing('equipmentId');
}

function checkConsistency(v: { kind: string; deaths: number; seriousInjuries: number; minorInjuries: number; occurredOn: string }, today: string) {
  // A near miss (未遂事件) hurt nobody: casualties make it an accident.
  if (v.kind === 'near_miss' && v.deaths + v.seriousInjuries + v.minorInjuries > 0) {
    throw fieldError('kind', {
      'zh-CN': '未遂事件没有人员伤亡；有死亡或受伤人员的请登记为事故',
      'en-US': 'A near miss has no casualties; register an event with deaths or injuries as an accident',
    });
  }
  if (v.occurredOn > today) {
    throw fieldError('occurredOn', { 'zh-CN': '发生日期不能晚于今天', 'en-US': 'The date it happened cannot be in the future' });
  }
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || /UNIQUE constraint failed/i.test(e?.message ?? '');
}

function placeReason(kind: string, occurredOn: string, typeCode: string | null, what: 'register' | 'correct'): string {
  const type = typeCode ? findAccidentType(typeCode)?.label['zh-CN'] : null;
  const noun = kind === 'near_miss' ? '未遂事件' : '事故';
  return `${what === 'register' ? '登记' : '更正'}${noun}：${occurredOn}${type ? ` ${type}` : ''}（第七条）`;
}

function today(deps: AppDeps, timeZone = 'Asia/Shanghai'): string {
  // The enterprise's calendar day (en-CA formats as YYYY-MM-DD).
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(deps.clock.now());
}

async function enterpriseTimeZone(trx: Executor, enterpriseId: string): Promise<string> {
  const row = await trx.selectFrom('enterprise').select('time_zone').where('id', '=', enterpriseId).executeTakeFirst();
  return row?.time_zone ?? 'Asia/Shanghai';
}

/** How a corrective action names the entry it comes from: 事故 2026-03-01 / 未遂事件 2026-05-01. */
export function accidentSourceLabel(a: { kind: string; occurred_on: string }): string {
  return `${a.kind === 'near_miss' ? '未遂事件' : '事故'} ${a.occurred_on}`;
}

export async function registerAccident(deps: AppDeps, actor: Actor, input: AccidentInput, locale: Locale): Promise<AccidentDetailDto> {
  const { rootId, affected } = await withTransaction(deps.db, async (trx) => {
    await checkPlaces(trx, actor.enterpriseId, input);
    checkConsistency(input, today(deps, await enterpriseTimeZone(trx, actor.enterpriseId)));
    const now = deps.clock.now();
    const id = newId();
    const row: AccidentTable = {
      id,
      enterprise_id: actor.enterpriseId,
      root_id: id,
      revision: 1,
      kind: input.kind,
      occurred_on: input.occurredOn,
      post_id: input.postId,
      area_id: input.areaId,
      equipment_id: input.equipmentId,
      people_involved: input.peopleInvolved,
      accident_type_code: input.accidentTypeCode,
      deaths: input.deaths,
      serious_injuries: input.seriousInjuries,
      minor_injuries: input.minorInjuries,
      direct_loss_cny: input.directLossCny,
      is_major_property_loss: toDbBool(input.isMajorPropertyLoss),
      description: input.description,
      cause_analysis: input.causeAnalysis,
      corrective_actions: input.correctiveActions,
      authority_report: input.authorityReport,
      is_void: 0,
      correction_reason: null,
      recorded_by_user_id: actor.userId,
      recorded_at: now.toISOString(),
    };
    await repo.insertAccident(trx, row);
    await recordChange(trx, actor, now, { entity: 'accident', entityId: id, action: 'create', after: input });
    // Every accident and near miss is a nonconformity to analyse (seed 000 五(一)): its corrective
    // action is raised with it, linked to the entry; the safety managers hear of it.
    await raiseCorrectiveAction(deps, trx, {
      enterpriseId: actor.enterpriseId,
      actorUserId: actor.userId,
      source: { kind: 'accident', id, label: accidentSourceLabel(row) },
      description: [input.description, input.causeAnalysis && `原因分析：${input.causeAnalysis}`, input.correctiveActions && `已采取措施：${input.correctiveActions}`].filter(Boolean).join('\n'),
    });
    const affected =
      input.kind === 'accident'
        ? await reevaluateRisksOfPlaces(trx, actor.enterpriseId, placesOf([row]), placeReason(input.kind, input.occurredOn, input.accidentTypeCode, 'register'), now)
        : [];
    return { rootId: id, affected };
  });
  return { ...(await getAccident(deps.db, actor.enterpriseId, rootId, locale)), affectedRiskCount: affected.length };
}

function placesOf(rows: Pick<AccidentTable, 'post_id' | 'area_id' | 'equipment_id'>[]) {
  const ids = (k: 'post_id' | 'area_id' | 'equipment_id') => [...new Set(rows.flatMap((r) => (r[k] ? [r[k] as string] : [])))];
  return { postIds: ids('post_id'), areaIds: ids('area_id'), objectIds: ids('equipment_id') };
}

export async function correctAccident(deps: AppDeps, actor: Actor, rootId: string, input: AccidentCorrectionInput, locale: Locale): Promise<AccidentDetailDto> {
  const affected = await withTransaction(deps.db, async (trx) => {
    const revisions = await repo.listRevisions(trx, actor.enterpriseId, rootId);
    const current = revisions.at(-1);
    if (!current) throw notFound('accident');
    const { reason, isVoid, ...fields } = input;
    const next = {
      kind: fields.kind ?? current.kind,
      occurredOn: fields.occurredOn ?? current.occurred_on,
      postId: fields.postId !== undefined ? fields.postId : current.post_id,
      areaId: fields.areaId !== undefined ? fields.areaId : current.area_id,
      equipmentId: fields.equipmentId !== undefined ? fields.equipmentId : current.equipment_id,
      deaths: fields.deaths ?? Number(current.deaths),
      seriousInjuries: fields.seriousInjuries ?? Number(current.serious_injuries),
      minorInjuries: fields.minorInjuries ?? Number(current.minor_injuries),
    };
    await checkPlaces(trx, actor.enterpriseId, {
      postId: fields.postId ?? null,
      areaId: fields.areaId ?? null,
      equipmentId: fields.equipmentId ?? null,
    });
    checkConsistency(next, today(deps, await enterpriseTimeZone(trx, actor.enterpriseId)));
    const now = deps.clock.now();
    const row: AccidentTable = {
      id: newId(),
      enterprise_id: actor.enterpriseId,
      root_id: rootId,
      revision: Number(current.revision) + 1,
      kind: next.kind,
      occurred_on: next.occurredOn,
      post_id: next.postId,
      area_id: next.areaId,
      equipment_id: next.equipmentId,
      people_involved: fields.peopleInvolved ?? current.people_involved,
      accident_type_code: fields.accidentTypeCode !== undefined ? fields.accidentTypeCode : current.accident_type_code,
      deaths: next.deaths,
      serious_injuries: next.seriousInjuries,
      minor_injuries: next.minorInjuries,
      direct_loss_cny: fields.directLossCny ?? Number(current.direct_loss_cny),
      is_major_property_loss: fields.isMajorPropertyLoss !== undefined ? toDbBool(fields.isMajorPropertyLoss) : current.is_major_property_loss,
      description: fields.description ?? current.description,
      cause_analysis: fields.causeAnalysis ?? current.cause_analysis,
      corrective_actions: fields.correctiveActions ?? current.corrective_actions,
      authority_report: fields.authorityReport ?? current.authority_report,
      is_void: isVoid !== undefined ? toDbBool(isVoid) : current.is_void,
      correction_reason: reason,
      recorded_by_user_id: actor.userId,
      recorded_at: now.toISOString(),
    };
    try {
      await repo.insertAccident(trx, row);
    } catch (error) {
      // Two corrections of the same revision at once: the second one must look at the first.
      if (isUniqueViolation(error)) throw new AppError('CONFLICT');
      throw error;
    }
    const changed = Object.fromEntries(
      (Object.keys(row) as (keyof AccidentTable)[])
        .filter((k) => !['id', 'revision', 'recorded_at', 'recorded_by_user_id', 'correction_reason'].includes(k) && row[k] !== current[k])
        .map((k) => [k, { old: current[k], new: row[k] }]),
    );
    await recordChange(trx, actor, now, { entity: 'accident', entityId: rootId, action: 'correct', before: { revision: current.revision }, after: { revision: row.revision, reason, changed } });
    // Both the old and the new places may have changed their 第七条 facts.
    return reevaluateRisksOfPlaces(trx, actor.enterpriseId, placesOf([current, row]), placeReason(row.kind, row.occurred_on, row.accident_type_code, 'correct'), now);
  });
  return { ...(await getAccident(deps.db, actor.enterpriseId, rootId, locale)), affectedRiskCount: affected.length };
}
