/* Reads of the risk register: list rows, the detail page's DTO (measures in hierarchy order and
 * grouped per seed 001 Art. 9, evaluations, special plan, history) and the enterprise overview. */
import type { Executor } from '../../db/with-transaction.js';
import { fromDbBool, fromDbJson } from '../../db/codecs.js';
import { isControlledAtTier } from '../../../domain/risk/control-tier.js';
import type { Locale } from '../../../i18n/locale.js';
import { controlTiers, type ControlTier } from '../../../reference/control-tiers.js';
import type { LocalizedText } from '../../../reference/localized-text.js';
import { directRules } from '../../../domain/risk/evaluate-direct.js';
import {
  type EvaluationHistoryDto,
  type MeasureFullDto,
  measureTypes,
  phases,
  type RiskDetailDto,
  type RiskListItemDto,
  type RiskOverviewDto,
  type RiskRegisterQuery,
} from '../../../schemas/risks.js';
import { notFound } from '../../platform/http/app-error.js';
import { isRiskLevel, maxLevel, type RiskLevel } from '../../../domain/risk/risk-level.js';
import { decodeCursor, toPage } from '../../platform/http/cursor.js';
import * as repo from './risks.repository.js';

const needsPlan = (level: string | null) => level === 'major' || level === 'significant';

export async function toListItems(db: Executor, enterpriseId: string, rows: repo.RiskRow[]): Promise<RiskListItemDto[]> {
  const ids = rows.map((r) => r.id);
  const counts = await repo.countLiveMeasures(db, enterpriseId, ids);
  const plans = new Set((await repo.listPlans(db, enterpriseId, ids)).map((p) => p.risk_id));
  return rows.map((r) => {
    const measureCount = counts.get(r.id) ?? 0;
    const hasSpecialPlan = plans.has(r.id);
    const missingSpecialPlan = r.status === 'accepted' && needsPlan(r.level) && !hasSpecialPlan;
    return {
      id: r.id,
      postId: r.post_id,
      postName: r.post_name,
      postKind: r.post_kind as RiskListItemDto['postKind'],
      objectKind: r.object_kind as RiskListItemDto['objectKind'],
      objectName: r.object_name,
      objectId: r.object_id,
      areaId: r.area_id,
      isNonRoutine: fromDbBool(r.is_non_routine),
      hazardFactorCodes: JSON.parse(r.hazard_factor_codes) as string[],
      accidentTypeCodes: JSON.parse(r.accident_type_codes) as string[],
      causes: r.causes,
      identificationMethod: r.identification_method as RiskListItemDto['identificationMethod'],
      jhaSteps: fromDbJson<{ step: string; hazards: string }[]>(r.jha_steps),
      status: r.status as RiskListItemDto['status'],
      rejectionReason: r.rejection_reason,
      controlTier: r.control_tier as RiskListItemDto['controlTier'],
      responsiblePersonId: r.responsible_person_id,
      level: r.level as RiskListItemDto['level'],
      residualLevel: r.residual_level as RiskListItemDto['residualLevel'],
      reviewReason: r.review_reason,
      reviewFlaggedAt: r.review_flagged_at,
      isDueForReview: r.review_flagged_at !== null,
      identifiedAt: r.identified_at,
      identifiedByUserId: r.identified_by_user_id,
      templateRef: r.template_ref,
      measureCount,
      hasSpecialPlan,
      missingSpecialPlan,
      isControlled: r.status === 'accepted' && measureCount > 0 && !missingSpecialPlan,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      archivedAt: r.archived_at,
    };
  });
}

/** 上级负责管控的风险，下级必须负责管控: the owner tiers whose risks appear on `listTier`'s list. */
export function ownerTiersListedAt(listTier: ControlTier): ControlTier[] {
  return controlTiers.filter((owner) => isControlledAtTier(owner, listTier));
}

export async function listRisks(db: Executor, enterpriseId: string, q: RiskRegisterQuery) {
  const rows = await repo.listRiskRows(db, enterpriseId, {
    postId: q.postId,
    areaId: q.areaId,
    level: q.level,
    ownerTiers: q.controlTier ? ownerTiersListedAt(q.controlTier) : undefined,
    status: q.status,
    isDueForReview: q.isDueForReview,
    isControlled: q.isControlled,
    q: q.q,
    includeArchived: q.includeArchived ?? false,
    after: decodeCursor(q.cursor),
    limit: q.limit + 1,
  });
  const page = toPage(rows, q.limit, (r) => ({ at: r.created_at, id: r.id }), (r) => r);
  return { items: await toListItems(db, enterpriseId, page.items), nextCursor: page.nextCursor };
}

export async function getRiskRow(db: Executor, enterpriseId: string, riskId: string): Promise<repo.RiskRow> {
  const row = await repo.findRiskRow(db, enterpriseId, riskId);
  // Another enterprise's risk is indistinguishable from a missing one.
  if (!row) throw notFound('risk');
  return row;
}

export function toEvaluationHistory(rows: repo.EvaluationRow[], locale: Locale): EvaluationHistoryDto[] {
  const lastLevel: Record<string, string | null> = { inherent: null, residual: null };
  return rows.map((e) => {
    const levelBefore = lastLevel[e.stage] ?? null;
    lastLevel[e.stage] = e.level;
    const level = e.level as EvaluationHistoryDto['level'];
    return {
      id: e.id,
      stage: e.stage as EvaluationHistoryDto['stage'],
      method: e.method as EvaluationHistoryDto['method'],
      inputs: JSON.parse(e.inputs) as Record<string, unknown>,
      score: e.score === null ? null : Number(e.score),
      level,
      levelBefore: levelBefore as EvaluationHistoryDto['levelBefore'],
      colour: ({ major: 'red', significant: 'orange', general: 'yellow', low: 'blue' } as const)[level],
      profile: e.profile,
      reasons: (JSON.parse(e.reasons) as LocalizedText[]).map((t) => t[locale]),
      note: e.note,
      evaluatedAt: e.evaluated_at,
      evaluatedByUserId: e.evaluated_by_user_id,
      evaluatedByName: e.evaluated_by_name ?? null,
      firedRules: toFiredRules(e.fired_rules ?? null, locale),
    };
  });
}

/** Stored 第七条 rules ({ rule, level, clause }) with their sentence in the request's language. */
export function toFiredRules(json: string | null, locale: Locale): NonNullable<EvaluationHistoryDto['firedRules']> {
  if (!json) return [];
  return (JSON.parse(json) as { rule: string; level: EvaluationHistoryDto['level']; clause: string }[]).map((r) => ({
    rule: r.rule,
    level: r.level,
    clause: r.clause,
    text: directRules.find((d) => d.id === r.rule)?.text[locale] ?? r.rule,
  }));
}

/** Art. 8: eliminate → substitute → engineering → administrative → ppe → emergency, then entry order. */
export function byHierarchy(a: { type: string; position: number }, b: { type: string; position: number }): number {
  const t = measureTypes.indexOf(a.type as never) - measureTypes.indexOf(b.type as never);
  return t !== 0 ? t : a.position - b.position;
}

export async function loadMeasures(db: Executor, enterpriseId: string, riskIds: string[], includeArchived = false): Promise<MeasureFullDto[]> {
  const measures = await repo.listMeasuresOfRisks(db, enterpriseId, riskIds, includeArchived);
  const items = await repo.listItemsOfMeasures(db, enterpriseId, measures.map((m) => m.id), includeArchived);
  return measures
    .map((m) => ({
      id: m.id,
      riskId: m.risk_id,
      type: m.type as MeasureFullDto['type'],
      phase: m.phase as MeasureFullDto['phase'],
      dutyItem: m.duty_item,
      text: m.text,
      position: Number(m.position),
      archivedAt: m.archived_at,
      inspectionItems: items
        .filter((i) => i.measure_id === m.id)
        .map((i) => ({
          id: i.id,
          content: i.content,
          method: i.method as MeasureFullDto['inspectionItems'][number]['method'],
          period: i.period as MeasureFullDto['inspectionItems'][number]['period'],
          responsiblePersonId: i.responsible_person_id,
          supervisorPostId: i.supervisor_post_id,
        })),
    }))
    .sort(byHierarchy);
}

const phaseLabels: Record<string, LocalizedText> = {
  before: { 'zh-CN': '作业前', 'en-US': 'Before work' },
  during: { 'zh-CN': '作业中', 'en-US': 'During work' },
  after: { 'zh-CN': '作业后', 'en-US': 'After work' },
};
const ungrouped: LocalizedText = { 'zh-CN': '其他', 'en-US': 'Other' };

export function phaseLabel(phase: string | null, locale: Locale): string {
  return (phase ? phaseLabels[phase] : ungrouped)?.[locale] ?? '';
}

/** Seed 001 Art. 9: operation posts by phase (before, during, after), management posts by duty item. */
export function groupMeasures(postKind: string, measures: MeasureFullDto[], locale: Locale): RiskDetailDto['measureGroups'] {
  if (postKind === 'operation') {
    const keys: (string | null)[] = [...phases, null];
    return keys
      .map((key) => ({ by: 'phase' as const, key, label: phaseLabel(key, locale), measures: measures.filter((m) => m.phase === key) }))
      .filter((g) => g.measures.length > 0);
  }
  const keys: (string | null)[] = [];
  for (const m of measures) if (!keys.includes(m.dutyItem)) keys.push(m.dutyItem);
  // Duty items in the order they first appear; measures without one last.
  keys.sort((a, b) => (a === null ? 1 : 0) - (b === null ? 1 : 0));
  return keys.map((key) => ({ by: 'dutyItem' as const, key, label: key ?? ungrouped[locale], measures: measures.filter((m) => m.dutyItem === key) }));
}

export async function getRiskDetail(db: Executor, enterpriseId: string, riskId: string, locale: Locale): Promise<RiskDetailDto> {
  const row = await getRiskRow(db, enterpriseId, riskId);
  const [item] = await toListItems(db, enterpriseId, [row]);
  const measures = await loadMeasures(db, enterpriseId, [riskId]);
  const history = toEvaluationHistory(await repo.listEvaluationsOfRisk(db, enterpriseId, riskId), locale);
  const [plan] = await repo.listPlans(db, enterpriseId, [riskId]);
  return {
    ...(item as RiskListItemDto),
    measures,
    measureGroups: groupMeasures(row.post_kind, measures, locale),
    inherentEvaluation: history.find((e) => e.id === row.inherent_evaluation_id) ?? null,
    residualEvaluation: history.find((e) => e.id === row.residual_evaluation_id) ?? null,
    specialControlPlan: plan
      ? {
          riskId: plan.risk_id,
          objective: plan.objective,
          measures: plan.measures,
          people: plan.people,
          fundsCny: Number(plan.funds_cny),
          schedule: plan.schedule,
          createdAt: plan.created_at,
          updatedAt: plan.updated_at,
        }
      : null,
    history: [...history].reverse(),
  };
}

export async function getRiskOverview(db: Executor, enterpriseId: string): Promise<RiskOverviewDto> {
  const countsByLevel = { major: 0, significant: 0, general: 0, low: 0 };
  let dueForReview = 0;
  let proposed = 0;
  for (const r of await repo.riskLevelCounts(db, enterpriseId)) {
    if (r.status === 'proposed') proposed += Number(r.n);
    if (r.status !== 'accepted') continue;
    dueForReview += Number(r.flagged);
    if (r.level && r.level in countsByLevel) countsByLevel[r.level as keyof typeof countsByLevel] += Number(r.n);
  }
  const postsByLevel = { major: 0, significant: 0, general: 0, low: 0, none: 0 };
  for (const p of await repo.postLevelCounts(db, enterpriseId)) {
    const key = (p.level && p.level in postsByLevel ? p.level : 'none') as keyof typeof postsByLevel;
    postsByLevel[key] += Number(p.n);
  }
  const { uncontrolled, missingPlan } = await repo.countUncontrolled(db, enterpriseId);
  return { countsByLevel, postsByLevel, uncontrolled, missingSpecialPlan: missingPlan, dueForReview, proposed };
}

/** DESIGN "Indicators": the risk feature's own figures, for self-assessment evidence, reviews and objectives. */
export async function riskIndicators(db: Executor, enterpriseId: string) {
  const [overview, postsWithoutRisk, perPost] = await Promise.all([getRiskOverview(db, enterpriseId), repo.listPostsWithoutAcceptedRisk(db, enterpriseId), repo.riskLevelCountsByPost(db, enterpriseId)]);
  const byPost = new Map<string, { postId: string; postName: string; counts: Record<RiskLevel, number> }>();
  for (const r of perPost) {
    if (!isRiskLevel(r.level)) continue;
    const entry = byPost.get(r.post_id) ?? { postId: r.post_id, postName: r.post_name, counts: { major: 0, significant: 0, general: 0, low: 0 } };
    entry.counts[r.level] += Number(r.n);
    byPost.set(r.post_id, entry);
  }
  const posts = Object.values(overview.postsByLevel).reduce((a, b) => a + b, 0);
  const acceptedRisks = Object.values(overview.countsByLevel).reduce((a, b) => a + b, 0);
  return {
    posts,
    postsWithoutRisk: postsWithoutRisk.map((p) => p.name),
    acceptedRisks,
    countsByLevel: overview.countsByLevel,
    uncontrolled: overview.uncontrolled,
    missingSpecialPlan: overview.missingSpecialPlan,
    dueForReview: overview.dueForReview,
    /** Accepted risks per post and level, posts with a higher level first. */
    byPost: [...byPost.values()].sort(
      (a, b) => b.counts.major - a.counts.major || b.counts.significant - a.counts.significant || b.counts.general - a.counts.general || a.postName.localeCompare(b.postName, 'zh-CN'),
    ),
  };
}
export type RiskIndicators = Awaited<ReturnType<typeof riskIndicators>>;

/**
 * DESIGN "Indicators": each area's and equipment item's level — the highest level of the accepted
 * risks placed in the area (or naming it as a place) or naming the equipment (the 四色图 rule).
 */
export async function riskLevelsOfPlaces(db: Executor, enterpriseId: string): Promise<{ areas: Map<string, RiskLevel>; equipment: Map<string, RiskLevel> }> {
  const areas = new Map<string, RiskLevel>();
  const equipment = new Map<string, RiskLevel>();
  const raise = (map: Map<string, RiskLevel>, id: string, level: RiskLevel) => {
    const was = map.get(id);
    map.set(id, was ? maxLevel(was, level) : level);
  };
  for (const r of await repo.listPlacedRiskLevels(db, enterpriseId)) {
    if (!isRiskLevel(r.level)) continue;
    if (r.area_id) raise(areas, r.area_id, r.level);
    if (r.object_kind === 'place' && r.object_id) raise(areas, r.object_id, r.level);
    if (r.object_kind === 'equipment' && r.object_id) raise(equipment, r.object_id, r.level);
  }
  return { areas, equipment };
}
