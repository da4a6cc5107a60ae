/* A self-assessment (自评, seed 002 phase 5): plan and team led by the principal, first and last
 * meetings, then item by item — the product's evidence and proposed deduction beside each item, the
 * assessor's decision (insert-only; an override of the proposal needs a note) — and the conclusion,
 * which freezes the score and grade. */
import type { AppDeps } from '../../app-deps.js';
import { fromDbBool, fromDbJson, toDbBool, toDbJson } from '../../db/codecs.js';
import { withTransaction } from '../../db/with-transaction.js';
import type { Proposal } from '../../../domain/standardization/proposals.js';
import type { ItemDecision, ScoringResult } from '../../../domain/standardization/scoring.js';
import type { Locale } from '../../../i18n/locale.js';
import { localizeDeep } from '../../../reference/localized-text.js';
import type { ScoreSheet } from '../../../reference/standardization/score-sheet.js';
import type { AssessmentDetailDto, AssessmentInput, AssessmentSummaryDto, DecisionInput, ScoringResultDto } from '../../../schemas/standardization.js';
import { AppError, notFound } from '../../platform/http/app-error.js';
import { fieldError, referenceMissing } from '../../platform/http/validation.js';
import { newId } from '../../platform/ids.js';
import { recordChange } from '../audit/audit.service.js';
import { allAttachmentsExist } from '../inspections/attachments.service.js';
import { type Actor, profileOf, resolveSheet, runScoring, toScoringDto } from './score-sheets.service.js';
import { collectProposals } from './standardization-evidence.js';
import * as repo from './standardization.repository.js';

type Row = NonNullable<Awaited<ReturnType<typeof repo.findAssessment>>>;
type Team = { personId: string; role: AssessmentDetailDto['team'][number]['role'] }[];

const concluded = () => new AppError('STANDARDIZATION_STATE', { reasonZh: '该自评已结束，记录不能再修改', reasonEn: 'the self-assessment is concluded; its records can no longer change' });

export async function getAssessmentRow(deps: AppDeps, enterpriseId: string, id: string): Promise<Row> {
  const row = await repo.findAssessment(deps.db, enterpriseId, id);
  if (!row) throw notFound('self_assessment');
  return row;
}
export const sheetOf = (row: Row) => fromDbJson<ScoreSheet>(row.sheet) as ScoreSheet;
export const proposalsOf = (row: Row) => fromDbJson<Record<string, Proposal>>(row.proposals) ?? {};

/** The latest decision of each item (decisions are insert-only: a correction is a newer row). */
export function currentDecisions(rows: readonly repo.DecisionRow[]): Map<string, repo.DecisionRow> {
  const out = new Map<string, repo.DecisionRow>();
  for (const r of rows) out.set(r.item_code, r);
  return out;
}

export const toEngineDecisions = (current: Map<string, repo.DecisionRow>): ItemDecision[] =>
  [...current.values()].map((d) => ({ code: d.item_code, deduction: d.deduction_cents / 100, isNotApplicable: fromDbBool(d.is_not_applicable), isVetoFired: fromDbBool(d.is_veto_fired) }));

export async function createAssessment(deps: AppDeps, actor: Actor, input: AssessmentInput): Promise<{ id: string }> {
  const profile = profileOf(input.profileCode);
  const { ref, sheet } = await resolveSheet(deps, actor.enterpriseId, input.sheetRef);
  const people = await repo.findLivePeople(deps.db, actor.enterpriseId, input.team.map((m) => m.personId));
  if (people.length !== new Set(input.team.map((m) => m.personId)).size) throw referenceMissing('team');
  const now = deps.clock.now();
  // Pre-fill before the transaction: indicator functions read other features on their own connection.
  const proposals = await collectProposals(deps, actor.enterpriseId, sheet, now);
  const id = newId();
  await withTransaction(deps.db, async (trx) => {
    const row = {
      id,
      enterprise_id: actor.enterpriseId,
      title: input.title,
      sheet_ref: ref,
      sheet: toDbJson(sheet) as string,
      profile_code: profile.code,
      planned_start: input.plannedStart,
      planned_end: input.plannedEnd,
      team: toDbJson(input.team) as string,
      status: 'in_progress',
      proposals: toDbJson(proposals),
      proposals_at: now.toISOString(),
      result: null,
      created_by_user_id: actor.userId,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
      concluded_at: null,
      concluded_by_user_id: null,
      finding_count: null,
    };
    await repo.insertAssessment(trx, row);
    await recordChange(trx, actor, now, { entity: 'self_assessment', entityId: id, action: 'create', after: { title: input.title, sheetRef: ref, profileCode: profile.code, team: input.team, plannedStart: input.plannedStart, plannedEnd: input.plannedEnd } });
  });
  return { id };
}

/** Re-reads the evidence (e.g. after hazards were closed) and replaces the proposals; decisions stay. */
export async function refreshProposals(deps: AppDeps, actor: Actor, id: string): Promise<void> {
  const row = await getAssessmentRow(deps, actor.enterpriseId, id);
  if (row.status !== 'in_progress') throw concluded();
  const now = deps.clock.now();
  const proposals = await collectProposals(deps, actor.enterpriseId, sheetOf(row), now);
  await withTransaction(deps.db, async (trx) => {
    await repo.updateAssessment(trx, actor.enterpriseId, id, { proposals: toDbJson(proposals), proposals_at: now.toISOString(), updated_at: now.toISOString() });
    await recordChange(trx, actor, now, { entity: 'self_assessment', entityId: id, action: 'refresh_evidence', before: proposalsOf(row), after: proposals });
  });
}

function isOverride(proposal: Proposal | undefined, d: { deduction: number; isNotApplicable: boolean; isVetoFired: boolean }): boolean {
  if (!proposal || proposal.proposedDeduction === null) return false;
  return d.isNotApplicable || Math.round(d.deduction * 100) !== Math.round(proposal.proposedDeduction * 100) || d.isVetoFired !== proposal.isVetoFired;
}

export async function decideItem(deps: AppDeps, actor: Actor, id: string, code: string, input: DecisionInput): Promise<void> {
  const row = await getAssessmentRow(deps, actor.enterpriseId, id);
  if (row.status !== 'in_progress') throw concluded();
  const sheet = sheetOf(row);
  const item = sheet.items.find((i) => i.code === code);
  if (!item) throw notFound('score_item');
  if (input.deduction > item.points) {
    throw fieldError('deduction', { 'zh-CN': `扣分不能超过该项分值 ${item.points} 分（扣完为止）`, 'en-US': `the deduction cannot exceed the item's ${item.points} points` });
  }
  if (Math.round(input.deduction * 100) !== input.deduction * 100) throw fieldError('deduction', { 'zh-CN': '扣分最多保留两位小数', 'en-US': 'two decimals at most' });
  if (input.isNotApplicable && !item.canBeNotApplicable) throw fieldError('isNotApplicable', { 'zh-CN': '该项目不允许标为不适用', 'en-US': 'this item may not be marked not applicable' });
  if (input.isVetoFired && !item.isVeto) throw fieldError('isVetoFired', { 'zh-CN': '该项目不是否决项', 'en-US': 'this item is not a veto item' });
  const override = isOverride(proposalsOf(row)[code], input);
  if (override && input.note.trim() === '') {
    throw fieldError('note', { 'zh-CN': '与系统建议不同时，请写明理由', 'en-US': 'Give the reason when you differ from the proposal' });
  }
  if (!(await allAttachmentsExist(deps, actor.enterpriseId, input.attachmentIds))) throw referenceMissing('attachmentIds');
  const now = deps.clock.now();
  await withTransaction(deps.db, async (trx) => {
    const decision = {
      id: newId(),
      enterprise_id: actor.enterpriseId,
      assessment_id: id,
      item_code: code,
      deduction_cents: input.isNotApplicable ? 0 : Math.round(input.deduction * 100),
      is_not_applicable: toDbBool(input.isNotApplicable),
      is_veto_fired: toDbBool(input.isVetoFired),
      is_override: toDbBool(override),
      note: input.note,
      attachment_ids: toDbJson(input.attachmentIds) as string,
      decided_by_user_id: actor.userId,
      decided_at: now.toISOString(),
    };
    await repo.insertDecision(trx, decision);
    await repo.updateAssessment(trx, actor.enterpriseId, id, { updated_at: now.toISOString() });
    await recordChange(trx, actor, now, { entity: 'self_assessment', entityId: id, action: 'decide_item', after: { itemCode: code, ...input, isOverride: override } });
  });
}

/** The assessor's explicit "the rest as proposed": every undecided item takes its proposal, or no deduction where the product has none. */
export async function confirmRemaining(deps: AppDeps, actor: Actor, id: string): Promise<{ confirmed: number }> {
  const row = await getAssessmentRow(deps, actor.enterpriseId, id);
  if (row.status !== 'in_progress') throw concluded();
  const proposals = proposalsOf(row);
  const now = deps.clock.now();
  return withTransaction(deps.db, async (trx) => {
    const decided = currentDecisions(await repo.listDecisions(trx, actor.enterpriseId, id));
    const undecided = sheetOf(row).items.filter((i) => !decided.has(i.code));
    for (const item of undecided) {
      const p = proposals[item.code];
      await repo.insertDecision(trx, {
        id: newId(),
        enterprise_id: actor.enterpriseId,
        assessment_id: id,
        item_code: item.code,
        deduction_cents: Math.round((p?.proposedDeduction ?? 0) * 100),
        is_not_applicable: 0,
        is_veto_fired: toDbBool(Boolean(p?.isVetoFired) && item.isVeto),
        is_override: 0,
        note: '',
        attachment_ids: '[]',
        decided_by_user_id: actor.userId,
        decided_at: now.toISOString(),
      });
    }
    await repo.updateAssessment(trx, actor.enterpriseId, id, { updated_at: now.toISOString() });
    await recordChange(trx, actor, now, { entity: 'self_assessment', entityId: id, action: 'confirm_remaining', after: { items: undecided.map((i) => i.code) } });
    return { confirmed: undecided.length };
  });
}

export async function concludeAssessment(deps: AppDeps, actor: Actor, id: string, locale: Locale): Promise<ScoringResultDto> {
  const now = deps.clock.now();
  return withTransaction(deps.db, async (trx) => {
    const row = await repo.findAssessment(trx, actor.enterpriseId, id);
    if (!row) throw notFound('self_assessment');
    if (row.status !== 'in_progress') throw concluded();
    const sheet = sheetOf(row);
    const decided = currentDecisions(await repo.listDecisions(trx, actor.enterpriseId, id));
    const missing = sheet.items.filter((i) => !decided.has(i.code));
    if (missing.length) {
      throw new AppError('STANDARDIZATION_STATE', {
        reasonZh: `还有 ${missing.length} 个项目未评分（${missing.slice(0, 5).map((i) => i.code).join('、')}…）`,
        reasonEn: `${missing.length} items are not scored yet (${missing.slice(0, 5).map((i) => i.code).join(', ')}…)`,
      });
    }
    const result = runScoring(sheet, toEngineDecisions(decided), profileOf(row.profile_code));
    // The findings (what the actions of this assessment close out): items deducted, or whose veto fired.
    const findingCount = [...decided.values()].filter((d) => d.deduction_cents > 0 || fromDbBool(d.is_veto_fired)).length;
    await repo.updateAssessment(trx, actor.enterpriseId, id, {
      status: 'concluded',
      result: toDbJson(result),
      finding_count: findingCount,
      concluded_at: now.toISOString(),
      concluded_by_user_id: actor.userId,
      updated_at: now.toISOString(),
    });
    await recordChange(trx, actor, now, { entity: 'self_assessment', entityId: id, action: 'conclude', after: result });
    return toScoringDto(result, sheet, locale);
  });
}

export async function recordMeeting(deps: AppDeps, actor: Actor, id: string, input: { kind: 'first' | 'last'; heldOn: string; attendeePersonIds: string[]; minutes: string }): Promise<void> {
  const row = await getAssessmentRow(deps, actor.enterpriseId, id);
  if (row.status !== 'in_progress') throw concluded();
  const people = await repo.findLivePeople(deps.db, actor.enterpriseId, input.attendeePersonIds);
  if (people.length !== new Set(input.attendeePersonIds).size) throw referenceMissing('attendeePersonIds');
  const now = deps.clock.now();
  await withTransaction(deps.db, async (trx) => {
    const meetingId = newId();
    await repo.insertMeeting(trx, { id: meetingId, enterprise_id: actor.enterpriseId, assessment_id: id, kind: input.kind, held_on: input.heldOn, attendee_person_ids: toDbJson([...new Set(input.attendeePersonIds)]) as string, minutes: input.minutes, recorded_by_user_id: actor.userId, recorded_at: now.toISOString() });
    await recordChange(trx, actor, now, { entity: 'self_assessment', entityId: id, action: `meeting_${input.kind}`, after: input });
  });
}

/** The current score: the frozen result once concluded, else from the decisions so far (undecided items lose nothing yet). */
export async function currentResult(deps: AppDeps, row: Row): Promise<{ result: ScoringResult; decided: Map<string, repo.DecisionRow> }> {
  const decided = currentDecisions(await repo.listDecisions(deps.db, row.enterprise_id, row.id));
  const frozen = fromDbJson<ScoringResult>(row.result);
  return { result: frozen ?? runScoring(sheetOf(row), toEngineDecisions(decided), profileOf(row.profile_code)), decided };
}

function toSummary(row: Row, result: ScoringResult | null): AssessmentSummaryDto {
  return {
    id: row.id,
    title: row.title,
    sheetName: sheetOf(row).name,
    profileCode: row.profile_code,
    plannedStart: row.planned_start,
    plannedEnd: row.planned_end,
    status: row.status as AssessmentSummaryDto['status'],
    score1000: result?.score1000 ?? null,
    grade: result?.grade ?? null,
    createdAt: row.created_at,
    concludedAt: row.concluded_at,
  };
}

export async function listAssessments(deps: AppDeps, enterpriseId: string): Promise<AssessmentSummaryDto[]> {
  const rows = await repo.listAssessments(deps.db, enterpriseId);
  return rows.map((r) => toSummary(r, fromDbJson<ScoringResult>(r.result)));
}

export async function getAssessmentDetail(deps: AppDeps, enterpriseId: string, id: string, locale: Locale): Promise<AssessmentDetailDto> {
  const row = await getAssessmentRow(deps, enterpriseId, id);
  const sheet = sheetOf(row);
  const { result, decided } = await currentResult(deps, row);
  const proposals = localizeDeep(proposalsOf(row), locale) as Record<string, AssessmentDetailDto['items'][number]['proposal']>;
  const previous = await repo.findPreviousConcluded(deps.db, enterpriseId, { createdAt: row.created_at, id: row.id });
  const previousDecided = previous ? currentDecisions(await repo.listDecisions(deps.db, enterpriseId, previous.id)) : new Map<string, repo.DecisionRow>();
  const team = fromDbJson<Team>(row.team) ?? [];
  const [actions, meetings] = await Promise.all([repo.listActions(deps.db, enterpriseId, id), repo.listMeetings(deps.db, enterpriseId, id)]);
  const names = new Map(
    (await repo.findPeopleNames(deps.db, enterpriseId, [...team.map((m) => m.personId), ...meetings.flatMap((m) => fromDbJson<string[]>(m.attendee_person_ids) ?? [])])).map((p) => [p.id, p.name]),
  );
  return {
    ...toSummary(row, result),
    sheetRef: row.sheet_ref,
    sourceNote: sheet.sourceNote,
    team: team.map((m) => ({ ...m, name: names.get(m.personId) ?? '' })),
    elements: sheet.elements.map((e) => {
      const items = sheet.items.filter((i) => i.elementCode === e.code);
      return { code: e.code, name: e.name, total: items.length, decided: items.filter((i) => decided.has(i.code)).length };
    }),
    items: sheet.items.map((i) => {
      const d = decided.get(i.code);
      const prev = previousDecided.get(i.code);
      return {
        ...i,
        deductionRules: i.deductionRules.map((r) => ({ ...r })),
        proposal: proposals[i.code] ?? null,
        decision: d
          ? {
              deduction: d.deduction_cents / 100,
              isNotApplicable: fromDbBool(d.is_not_applicable),
              isVetoFired: fromDbBool(d.is_veto_fired),
              isOverride: fromDbBool(d.is_override),
              note: d.note,
              attachmentIds: fromDbJson<string[]>(d.attachment_ids) ?? [],
              decidedBy: d.decided_by_name ?? null,
              decidedAt: d.decided_at,
            }
          : null,
        previousDeduction: prev ? prev.deduction_cents / 100 : null,
      };
    }),
    proposalsAt: row.proposals_at,
    result: toScoringDto(result, sheet, locale),
    actions: actions.map(toActionDto),
    meetings: meetings.map((m) => ({
      id: m.id,
      kind: m.kind as 'first' | 'last',
      heldOn: m.held_on,
      attendees: (fromDbJson<string[]>(m.attendee_person_ids) ?? []).map((p) => names.get(p) ?? ''),
      minutes: m.minutes,
      recordedAt: m.recorded_at,
    })),
  };
}

export const toActionDto = (a: repo.ActionRow) => ({
  id: a.id,
  itemCode: a.item_code,
  kind: a.kind as 'action' | 'hazard',
  description: a.description,
  ownerPersonId: a.owner_person_id,
  ownerName: a.owner_name,
  deadline: a.deadline,
  hazardId: a.hazard_id,
  status: a.status as 'open' | 'done',
  createdAt: a.created_at,
});

/** The yearly history: every concluded self-assessment, with its earned ÷ applicable per element. */
export async function getHistory(deps: AppDeps, enterpriseId: string) {
  const rows = await repo.listConcluded(deps.db, enterpriseId);
  const elements = new Map<string, string>();
  const out = rows.map((r) => {
    const sheet = sheetOf(r);
    for (const e of sheet.elements) if (!elements.has(e.code)) elements.set(e.code, e.name);
    const result = fromDbJson<ScoringResult>(r.result) as ScoringResult;
    return {
      assessmentId: r.id,
      title: r.title,
      concludedAt: r.concluded_at as string,
      score1000: result.score1000,
      grade: result.grade,
      elementRates: Object.fromEntries(result.elements.map((e) => [e.code, e.applicable > 0 ? Math.round((e.earned / e.applicable) * 1000) / 10 : null])),
    };
  });
  return { elements: [...elements].map(([code, name]) => ({ code, name })), rows: out };
}
