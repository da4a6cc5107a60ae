/* Hazardous-work permits with 一备三查 (seed 003 附件2; issue 11 §3). The rules are pure in
 * domain/frontline/work-permit.ts; signatures go through the one sign-off mechanism (subject type
 * 'work-permit', registered in work-permit-sign-off.ts). */
import { currentSignatures, isSignedBy } from '../../../domain/sign-off/sign-off-chain.js';
import { describeStartBlocker, effectivePermitStatus, mayTakeAction, type PermitFacts, type PermitStatus, startBlockers } from '../../../domain/frontline/work-permit.js';
import type { Locale } from '../../../i18n/locale.js';
import { gbCodeForHenanAccidentType, henanAccidentTypes, normalizeAccidentTypeCode } from '../../../reference/accident-types.js';
import { specialOperationCategories } from '../../../reference/special-operations.js';
import { findPermitWorkTypeRule, maxWindowHoursFor, type PermitWorkType, type PreworkCheckCode, preworkChecks } from '../../../reference/work-permit-rules.js';
import type { EnterpriseRole } from '../../../schemas/auth.js';
import type { GasReadingInput, PermitPrefill, PreworkInput, WorkPermitDetail, WorkPermitDto, WorkPermitInput } from '../../../schemas/work-permits.js';
import type { AppDeps } from '../../app-deps.js';
import { fromDbJson, toDbJson } from '../../db/codecs.js';
import type { WorkPermitTable } from '../../db/database.js';
import { withTransaction, type Executor } from '../../db/with-transaction.js';
import { addTableSheet, newWorkbook, workbookBuffer } from '../../platform/exports/xlsx-builder.js';
import { AppError, notFound } from '../../platform/http/app-error.js';
import { decodeCursor, encodeCursor } from '../../platform/http/cursor.js';
import { fieldError, referenceMissing } from '../../platform/http/validation.js';
import { newId } from '../../platform/ids.js';
import { listSignOffs } from '../../platform/sign-off/sign-off.service.js';
import { recordChange } from '../audit/audit.service.js';
import { findValidCertificates } from './certificates.seam.js';
import * as repo from './work-permits.repository.js';

export const permitSubjectType = 'work-permit';
/** Who issues permits and may act for others on site (hand the phone, record readings, cancel). */
export const permitManagerRoles = ['principal', 'safety_manager', 'dept_head', 'team_leader'] as const satisfies readonly EnterpriseRole[];

export interface PermitActor {
  userId: string;
  enterpriseId: string;
  role: EnterpriseRole;
}

export interface PermitMeasure {
  text: string;
  responsiblePersonId: string;
}

export const workTypeLabel = (code: string, locale: Locale) => findPermitWorkTypeRule(code)?.label[locale] ?? code;
const checkLabel = (code: PreworkCheckCode) => {
  const c = preworkChecks.find((x) => x.code === code);
  return { zh: c?.label['zh-CN'] ?? code, en: c?.label['en-US'] ?? code };
};

export function permitPeople(row: WorkPermitTable): { workerIds: string[]; measures: PermitMeasure[]; all: string[] } {
  const workerIds = fromDbJson<string[]>(row.worker_ids) ?? [];
  const measures = fromDbJson<PermitMeasure[]>(row.measures) ?? [];
  const all = [...new Set([...workerIds, row.guardian_person_id, row.approver_person_id, ...measures.map((m) => m.responsiblePersonId)])];
  return { workerIds, measures, all };
}

async function callerPersonId(db: Executor, actor: PermitActor): Promise<string | null> {
  return (await repo.findCallerPersonId(db, actor.enterpriseId, actor.userId))?.person_id ?? null;
}

/** Managers act on any permit; others only on one they are listed on. */
async function requireOnPermit(db: Executor, actor: PermitActor, row: WorkPermitTable): Promise<string | null> {
  const personId = await callerPersonId(db, actor);
  if ((permitManagerRoles as readonly string[]).includes(actor.role)) return personId;
  if (!personId || !permitPeople(row).all.includes(personId)) throw new AppError('FORBIDDEN');
  return personId;
}

async function getRow(db: Executor, enterpriseId: string, id: string): Promise<WorkPermitTable> {
  const row = await repo.findPermit(db, enterpriseId, id);
  if (!row) throw notFound('work_permit');
  return row;
}

async function event(trx: Executor, actor: { userId: string | null; enterpriseId: string }, permitId: string, action: string, at: Date, data: unknown = null): Promise<void> {
  await repo.insertEvent(trx, { id: newId(), enterprise_id: actor.enterpriseId, permit_id: permitId, action, actor_user_id: actor.userId, at: at.toISOString(), data: toDbJson(data) });
  await recordChange(trx, actor, at, { entity: 'work_permit', entityId: permitId, action, after: data });
}

/** Every fact the state machine needs, read in one place (also by the sign-off hook, inside its transaction). */
export async function loadPermitFacts(db: Executor, row: WorkPermitTable, now: Date) {
  const { workerIds, measures } = permitPeople(row);
  const [signOffs, prework, gas] = await Promise.all([
    listSignOffs(db, row.enterprise_id, permitSubjectType, row.id),
    repo.listPrework(db, row.id),
    repo.listGasReadings(db, row.id),
  ]);
  const entries = signOffs.map((s) => ({ ...s, subjectRevision: s.subjectRevision }));
  const latestTicks = new Map<string, Set<PreworkCheckCode>>();
  for (const p of prework) latestTicks.set(p.person_id, new Set(fromDbJson<PreworkCheckCode[]>(p.checks) ?? []));
  const signed = currentSignatures(entries, '');
  const rule = findPermitWorkTypeRule(row.work_type);
  const certificates = new Map<string, Awaited<ReturnType<typeof findValidCertificates>>>();
  for (const personId of workerIds) {
    certificates.set(personId, rule?.certificateCategories.length ? await findValidCertificates(db, row.enterprise_id, personId, rule.certificateCategories, now) : []);
  }
  const facts: PermitFacts = {
    status: row.status as PermitStatus,
    workType: row.work_type as PermitWorkType,
    windowStart: new Date(row.window_start),
    windowEnd: new Date(row.window_end),
    workerIds,
    preworkTicks: latestTicks,
    preworkSigned: new Set(signed.filter((s) => s.role === 'prework').map((s) => s.personId)),
    isApproverSigned: isSignedBy(entries, '', 'approver', row.approver_person_id),
    gasReadings: gas.map((g) => ({ measuredAt: new Date(g.measured_at), isPass: g.is_pass === 1 })),
    unconfirmedMeasures: measures.map((m, index) => ({ m, index })).filter(({ m, index }) => !isSignedBy(entries, '', `measure.${index}`, m.responsiblePersonId)).map(({ index }) => index),
    missingCertificates: workerIds
      .map((personId) => ({ personId, certs: certificates.get(personId) }))
      .filter(({ certs }) => certs !== null && certs !== undefined && rule !== null)
      .map(({ personId, certs }) => ({ personId, categories: (rule?.certificateCategories ?? []).filter((c) => !certs?.some((x) => x.category === c)) }))
      .filter((m) => m.categories.length > 0),
  };
  return { facts, signOffs, latestTicks, gas, certificates };
}

export async function createPermit(deps: AppDeps, actor: PermitActor, input: WorkPermitInput, locale: Locale): Promise<WorkPermitDetail> {
  const hours = (Date.parse(input.windowEnd) - Date.parse(input.windowStart)) / 3_600_000;
  const maxHours = maxWindowHoursFor(input.workType, input.grade ?? null);
  if (maxHours !== null && hours > maxHours) {
    throw fieldError('windowEnd', { 'zh-CN': `此类作业票有效期不超过 ${maxHours} 小时（GB 30871-2022）`, 'en-US': `This permit is valid for at most ${maxHours} hours (GB 30871-2022)` });
  }
  const now = deps.clock.now();
  const id = newId();
  await withTransaction(deps.db, async (trx) => {
    const people: [string, string][] = [
      ...input.workerIds.map((pid) => ['workerIds', pid] as [string, string]),
      ['guardianPersonId', input.guardianPersonId],
      ['approverPersonId', input.approverPersonId],
      ...input.measures.map((m, i) => [`measures.${i}.responsiblePersonId`, m.responsiblePersonId] as [string, string]),
    ];
    const live = new Set((await repo.findLivePeople(trx, actor.enterpriseId, [...new Set(people.map(([, p]) => p))])).map((p) => p.id));
    for (const [path, personId] of people) if (!live.has(personId)) throw referenceMissing(path);
    if (input.areaId && !(await repo.findLiveRow(trx, 'area', actor.enterpriseId, input.areaId))) throw referenceMissing('areaId');
    if (input.postId && !(await repo.findLiveRow(trx, 'post', actor.enterpriseId, input.postId))) throw referenceMissing('postId');
    await repo.insertPermit(trx, {
      id,
      enterprise_id: actor.enterpriseId,
      work_type: input.workType,
      grade: input.grade ?? null,
      content: input.content,
      place: input.place,
      area_id: input.areaId ?? null,
      post_id: input.postId ?? null,
      window_start: new Date(input.windowStart).toISOString(),
      window_end: new Date(input.windowEnd).toISOString(),
      worker_ids: JSON.stringify(input.workerIds),
      guardian_person_id: input.guardianPersonId,
      approver_person_id: input.approverPersonId,
      risks: JSON.stringify(input.risks),
      accident_seqs: JSON.stringify([...new Set(input.accidentSeqs)].sort((a, b) => a - b)),
      scenes: input.scenes,
      measures: JSON.stringify(input.measures),
      status: 'issued',
      issued_by_user_id: actor.userId,
      created_at: now.toISOString(),
      started_at: null,
      ended_at: null,
    });
    await event(trx, actor, id, 'issue', now, { workType: input.workType, windowStart: input.windowStart, windowEnd: input.windowEnd, workerIds: input.workerIds });
  });
  return getPermitDetail(deps, actor, id, locale);
}

function toDto(row: WorkPermitTable, names: Map<string, string>, now: Date, locale: Locale): WorkPermitDto {
  const ref = (id: string) => ({ id, name: names.get(id) ?? '-' });
  return {
    id: row.id,
    workType: row.work_type as PermitWorkType,
    workTypeLabel: workTypeLabel(row.work_type, locale),
    grade: row.grade,
    content: row.content,
    place: row.place,
    areaId: row.area_id,
    postId: row.post_id,
    windowStart: row.window_start,
    windowEnd: row.window_end,
    status: row.status as PermitStatus,
    effectiveStatus: effectivePermitStatus(row.status as PermitStatus, new Date(row.window_end), now),
    workers: permitPeople(row).workerIds.map(ref),
    guardian: ref(row.guardian_person_id),
    approver: ref(row.approver_person_id),
    createdAt: row.created_at,
    startedAt: row.started_at,
    endedAt: row.ended_at,
  };
}

/** Newest first, keyset-paged. `mine` (roles live in JSON columns) reads the next 200 permits and keeps the caller's: a page may hold fewer than `limit` while nextCursor says more remain. */
export async function listPermitsFor(deps: AppDeps, actor: PermitActor, query: { status?: string; mine?: boolean; limit: number; cursor?: string }, locale: Locale): Promise<{ items: WorkPermitDto[]; nextCursor: string | null }> {
  const mineScan = 200;
  const after = decodeCursor(query.cursor);
  const rows = await repo.listPermits(deps.db, actor.enterpriseId, { status: query.status, after, limit: query.mine ? mineScan : query.limit + 1 });
  let visible = rows.slice(0, query.limit);
  let last = rows.length > query.limit ? visible[visible.length - 1] : undefined;
  if (query.mine) {
    const me = await callerPersonId(deps.db, actor);
    const mine = me ? rows.filter((r) => permitPeople(r).all.includes(me)) : [];
    visible = mine.slice(0, query.limit);
    last = mine.length > query.limit ? visible[visible.length - 1] : rows.length === mineScan ? rows[rows.length - 1] : undefined;
  }
  const names = new Map((await repo.findPeopleNames(deps.db, actor.enterpriseId, [...new Set(visible.flatMap((r) => permitPeople(r).all))])).map((p) => [p.id, p.name]));
  const now = deps.clock.now();
  return { items: visible.map((r) => toDto(r, names, now, locale)), nextCursor: last ? encodeCursor(last.created_at, last.id) : null };
}

export async function getPermitDetail(deps: AppDeps, actor: { enterpriseId: string }, id: string, locale: Locale): Promise<WorkPermitDetail> {
  const row = await getRow(deps.db, actor.enterpriseId, id);
  const now = deps.clock.now();
  const { facts, signOffs, latestTicks, gas, certificates } = await loadPermitFacts(deps.db, row, now);
  const { workerIds, measures, all } = permitPeople(row);
  const names = new Map((await repo.findPeopleNames(deps.db, actor.enterpriseId, [...new Set([...all, ...gas.map((g) => g.tester_person_id)])])).map((p) => [p.id, p.name]));
  const ref = (pid: string) => ({ id: pid, name: names.get(pid) ?? '-' });
  const signedPrework = new Map(currentSignatures(signOffs, '').filter((s) => s.role === 'prework').map((s) => [s.personId, s.signedAt]));
  const rule = findPermitWorkTypeRule(row.work_type);
  const events = await repo.listEvents(deps.db, row.id);
  return {
    ...toDto(row, names, now, locale),
    risks: fromDbJson<string[]>(row.risks) ?? [],
    accidentTypes: (fromDbJson<number[]>(row.accident_seqs) ?? []).map((seq) => ({
      seq,
      label: henanAccidentTypes.find((t) => t.seq === seq)?.label[locale] ?? String(seq),
      gbCode: gbCodeForHenanAccidentType(seq),
    })),
    scenes: row.scenes,
    measures: measures.map((m, index) => ({ index, text: m.text, responsible: ref(m.responsiblePersonId), isConfirmed: !facts.unconfirmedMeasures.includes(index) })),
    needsGasTest: rule?.needsGasTest ?? false,
    gasReadings: gas.map((g) => ({ id: g.id, point: g.point, substance: g.substance, value: g.value, unit: g.unit, isPass: g.is_pass === 1, measuredAt: g.measured_at, tester: ref(g.tester_person_id) })),
    prework: workerIds.map((pid) => ({
      person: ref(pid),
      checks: [...(latestTicks.get(pid) ?? [])],
      isSigned: signedPrework.has(pid),
      signedAt: signedPrework.get(pid) ?? null,
      requiredCertificates: (rule?.certificateCategories ?? []).map((c) => ({ category: c, label: specialOperationCategories.find((x) => x.code === c)?.label[locale] ?? c })),
      certificates: certificates.get(pid) ?? null,
    })),
    isApproverSigned: facts.isApproverSigned,
    startBlockers: startBlockers(facts, now).map((b) => ({ kind: b.kind, message: describeStartBlocker(b, (pid) => names.get(pid) ?? '-', checkLabel)[locale] })),
    events: events.map((e) => ({ action: e.action, at: e.at, actorUserId: e.actor_user_id, data: fromDbJson(e.data) })),
  };
}

export async function addGasReading(deps: AppDeps, actor: PermitActor, id: string, input: GasReadingInput, locale: Locale): Promise<WorkPermitDetail> {
  const now = deps.clock.now();
  if (Date.parse(input.measuredAt) > now.getTime() + 5 * 60_000) {
    throw fieldError('measuredAt', { 'zh-CN': '检测时间晚于当前时间', 'en-US': 'The measuring time is in the future' });
  }
  await withTransaction(deps.db, async (trx) => {
    const row = await getRow(trx, actor.enterpriseId, id);
    await requireOnPermit(trx, actor, row);
    if (row.status !== 'issued' && row.status !== 'in_progress') throw new AppError('PERMIT_WRONG_STATE', { status: row.status });
    if (!(await repo.findLivePeople(trx, actor.enterpriseId, [input.testerPersonId])).length) throw referenceMissing('testerPersonId');
    const readingId = newId();
    await repo.insertGasReading(trx, {
      id: readingId,
      enterprise_id: actor.enterpriseId,
      permit_id: id,
      point: input.point,
      substance: input.substance,
      value: input.value,
      unit: input.unit,
      is_pass: input.isPass ? 1 : 0,
      measured_at: new Date(input.measuredAt).toISOString(),
      tester_person_id: input.testerPersonId,
      recorded_by_user_id: actor.userId,
      created_at: now.toISOString(),
    });
    await event(trx, actor, id, 'gas_reading', now, { readingId, ...input });
    await tryStart(deps, trx, actor, id);
  });
  return getPermitDetail(deps, actor, id, locale);
}

export async function recordPrework(deps: AppDeps, actor: PermitActor, id: string, input: PreworkInput, locale: Locale): Promise<WorkPermitDetail> {
  const now = deps.clock.now();
  await withTransaction(deps.db, async (trx) => {
    const row = await getRow(trx, actor.enterpriseId, id);
    const me = await requireOnPermit(trx, actor, row);
    if (!permitPeople(row).workerIds.includes(input.personId)) {
      throw fieldError('personId', { 'zh-CN': '此人不是本作业票的作业人员', 'en-US': 'This person is not a worker on this permit' });
    }
    // A worker ticks their own checks; a manager or a fellow on site may hold the phone for them.
    if (row.status !== 'issued') throw new AppError('PERMIT_WRONG_STATE', { status: row.status });
    const checks = [...new Set(input.checks)];
    await repo.insertPrework(trx, {
      id: newId(),
      enterprise_id: actor.enterpriseId,
      permit_id: id,
      person_id: input.personId,
      checks: JSON.stringify(checks),
      note: input.note,
      recorded_by_user_id: actor.userId,
      recorded_at: now.toISOString(),
    });
    await event(trx, actor, id, 'prework', now, { personId: input.personId, checks, byPersonId: me });
  });
  return getPermitDetail(deps, actor, id, locale);
}

/**
 * Moves an issued permit to in progress when nothing blocks it now. Called after every signature
 * (the sign-off hook), gas reading and explicit start; `isExplicit` turns blockers into a 409.
 */
export async function tryStart(deps: Pick<AppDeps, 'clock' | 'dialect'>, trx: Executor, actor: { userId: string | null; enterpriseId: string }, id: string, isExplicit = false, locale: Locale = 'zh-CN'): Promise<boolean> {
  const row = await repo.findPermitForUpdate(trx, actor.enterpriseId, id, deps.dialect === 'postgres');
  if (!row) throw notFound('work_permit');
  const now = deps.clock.now();
  const { facts } = await loadPermitFacts(trx, row, now);
  const blockers = startBlockers(facts, now);
  if (blockers.length) {
    if (!isExplicit) return false;
    const names = new Map((await repo.findPeopleNames(trx, actor.enterpriseId, permitPeople(row).all)).map((p) => [p.id, p.name]));
    const messages = blockers.map((b) => describeStartBlocker(b, (pid) => names.get(pid) ?? '-', checkLabel));
    throw new AppError('PERMIT_CANNOT_START', { reasonZh: messages.map((m) => m['zh-CN']).join('；'), reasonEn: messages.map((m) => m['en-US']).join('; ') }, [], {
      blockers: blockers.map((b, i) => ({ kind: b.kind, message: (messages[i] as Record<Locale, string>)[locale] })),
    });
  }
  if (!(await repo.updatePermitStatus(trx, actor.enterpriseId, id, 'issued', 'in_progress', { started_at: now.toISOString() }))) return false;
  await event(trx, actor, id, 'start', now, { isAutomatic: !isExplicit });
  return true;
}

export async function startPermit(deps: AppDeps, actor: PermitActor, id: string, locale: Locale): Promise<WorkPermitDetail> {
  await withTransaction(deps.db, async (trx) => {
    const row = await getRow(trx, actor.enterpriseId, id);
    await requireOnPermit(trx, actor, row);
    const status = effectivePermitStatus(row.status as PermitStatus, new Date(row.window_end), deps.clock.now());
    if (!mayTakeAction('start', status, row.status as PermitStatus) && status !== 'expired') throw new AppError('PERMIT_WRONG_STATE', { status });
    await tryStart(deps, trx, actor, id, true, locale);
  });
  return getPermitDetail(deps, actor, id, locale);
}

export async function cancelPermit(deps: AppDeps, actor: PermitActor, id: string, reason: string, locale: Locale): Promise<WorkPermitDetail> {
  const now = deps.clock.now();
  await withTransaction(deps.db, async (trx) => {
    const row = await getRow(trx, actor.enterpriseId, id);
    const status = effectivePermitStatus(row.status as PermitStatus, new Date(row.window_end), now);
    if (!mayTakeAction('cancel', status, row.status as PermitStatus)) throw new AppError('PERMIT_WRONG_STATE', { status });
    if (!(await repo.updatePermitStatus(trx, actor.enterpriseId, id, row.status, 'cancelled', { ended_at: now.toISOString() }))) throw new AppError('PERMIT_WRONG_STATE', { status });
    await event(trx, actor, id, 'cancel', now, { reason });
  });
  return getPermitDetail(deps, actor, id, locale);
}

/** The guardian's "site cleared" signature closes a started permit (called by the sign-off hook). */
export async function closeOnSiteCleared(trx: Executor, actor: { userId: string | null; enterpriseId: string }, id: string, now: Date): Promise<void> {
  if (await repo.updatePermitStatus(trx, actor.enterpriseId, id, 'in_progress', 'closed', { ended_at: now.toISOString() })) {
    await event(trx, actor, id, 'close', now, null);
  }
}

/** Risks of the place (post and/or area, non-routine first), their accident types and measures. */
export async function prefillPermit(deps: AppDeps, enterpriseId: string, query: { postId?: string; areaId?: string }): Promise<PermitPrefill> {
  if (query.postId && !(await repo.findLiveRow(deps.db, 'post', enterpriseId, query.postId))) throw referenceMissing('postId');
  if (query.areaId && !(await repo.findLiveRow(deps.db, 'area', enterpriseId, query.areaId))) throw referenceMissing('areaId');
  const risks = await repo.findPlaceRisks(deps.db, enterpriseId, query);
  const measures = await repo.findMeasuresOf(deps.db, enterpriseId, risks.map((r) => r.id));
  const seqs = new Set<number>();
  for (const r of risks) {
    for (const raw of fromDbJson<string[]>(r.accident_type_codes) ?? []) {
      const gb = normalizeAccidentTypeCode(raw);
      const henan = henanAccidentTypes.find((t) => t.gbCode === gb);
      if (henan) seqs.add(henan.seq);
    }
  }
  const owner = new Map(risks.map((r) => [r.id, r.responsible_person_id]));
  const seen = new Set<string>();
  return {
    risks: risks.map((r) => `${r.object_name}：${r.causes}`),
    accidentSeqs: [...seqs].sort((a, b) => a - b),
    measures: measures
      .filter((m) => (seen.has(m.text) ? false : (seen.add(m.text), true)))
      .map((m) => ({ text: m.text, responsiblePersonId: owner.get(m.risk_id) ?? null })),
  };
}

/** Seed 003 附件2 of one permit as .xlsx: the seed's row titles down the first column, one worker per 一备三查 column. */
export async function buildPreworkWorkbook(deps: AppDeps, enterpriseId: string, id: string): Promise<Buffer> {
  const p = await getPermitDetail(deps, { enterpriseId }, id, 'zh-CN');
  const seqs = new Set(p.accidentTypes.map((a) => a.seq));
  const book = newWorkbook();
  const tick = (checks: readonly string[], code: string) => (checks.includes(code) ? '☑' : '☐');
  const workers = p.prework;
  addTableSheet(book, {
    name: '一备三查',
    title: '危险作业现场风险“一备三查”表',
    columns: [{ header: '项目', width: 18 }, { header: '内容', width: 20 }, ...workers.map((w) => ({ header: w.person.name, width: 14 }))],
    rows: [
      ['危险作业内容', `${p.workTypeLabel}：${p.content}（${p.place}）`],
      ['常见事故类型', henanAccidentTypes.map((t) => `${seqs.has(t.seq) ? '☑' : '☐'}（${t.seq}）${t.label['zh-CN']}`).join('；')],
      ['易出事故场景', p.scenes],
      ...preworkChecks.map((c) => [`作业人员一备三查`, `${c.seq}${c.label['zh-CN']}。`, ...workers.map((w) => tick(w.checks, c.code))]),
      ['确认签字', '', ...workers.map((w) => (w.isSigned && w.signedAt ? `${w.person.name} ${w.signedAt.slice(0, 16).replace('T', ' ')} UTC` : '（未签）'))],
    ],
  });
  return workbookBuffer(book);
}
