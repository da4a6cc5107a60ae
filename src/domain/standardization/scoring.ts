/* The standardization scoring engine (issue 16 §2), pure. Seed 004: a thousand-point assessment,
 * grade 1 ≥ 900, grade 2 ≥ 800, grade 3 ≥ 600, no grade below; other regimes are profiles.
 *   earned     = Σ over applicable items of max(0, points − deduction)   (a deduction never exceeds its item)
 *   applicable = Σ points of the items not marked not-applicable
 *   score      = earned / applicable × scale, rounded half up as the profile says
 *   grade      = the highest threshold the rounded score reaches (inclusive), none if a veto fired.
 * Sums are kept in hundredths of a point (integers) so 0.1 + 0.2 never costs anyone a grade. */
import { DomainError } from '../domain-error';
import type { Grade, GradeProfile } from '../../reference/standardization/grade-profiles';

export interface ScoringItem {
  code: string;
  elementCode: string;
  points: number;
  isVeto: boolean;
  canBeNotApplicable: boolean;
  part?: string;
}

export interface ItemDecision {
  code: string;
  /** Points taken off this item (capped at the item's points). */
  deduction?: number;
  isNotApplicable?: boolean;
  /** Only for a veto item: the condition is present. */
  isVetoFired?: boolean;
}

export interface Subtotal {
  code: string;
  points: number;
  applicable: number;
  deduction: number;
  earned: number;
}

export interface ScoringResult {
  profileCode: string;
  totalPoints: number;
  applicable: number;
  earned: number;
  deduction: number;
  /** null when nothing is applicable. */
  score1000: number | null;
  score100: number | null;
  grade: Grade | null;
  /** Codes of the veto items that fired. */
  vetoes: string[];
  elements: Subtotal[];
  parts: Subtotal[];
}

const cents = (points: number) => Math.round(points * 100);
const fromCents = (c: number) => c / 100;

/** Σ rule points × times applied, capped at the item's points ("扣完为止"). */
export function deductionFromRules(itemPoints: number, applied: readonly { points: number; times: number }[]): number {
  const total = applied.reduce((sum, r) => sum + cents(r.points) * Math.max(0, Math.floor(r.times)), 0);
  return fromCents(Math.min(total, cents(itemPoints)));
}

/** earned × scale / applicable, rounded half up to `decimals`, exactly (integer arithmetic). */
export function scaledScore(earnedCents: number, applicableCents: number, scale: number, decimals: number): number | null {
  if (applicableCents <= 0) return null;
  const f = 10 ** decimals;
  const numerator = earnedCents * scale * f;
  return Math.floor((2 * numerator + applicableCents) / (2 * applicableCents)) / f;
}

export function gradeOf(score: number | null, profile: GradeProfile, isVetoed: boolean): Grade | null {
  if (score === null || isVetoed) return null;
  return profile.thresholds.find((t) => score >= t.min)?.grade ?? null;
}

function check(items: readonly ScoringItem[], decisions: readonly ItemDecision[]): Map<string, ItemDecision> {
  const byCode = new Map(items.map((i) => [i.code, i]));
  const out = new Map<string, ItemDecision>();
  decisions.forEach((d, index) => {
    const item = byCode.get(d.code);
    const at = `decisions.${index}`;
    if (!item) throw new DomainError('UNKNOWN_ITEM', `no item ${d.code} in the sheet`, `${at}.code`, { code: d.code });
    if (out.has(d.code)) throw new DomainError('DUPLICATE_ITEM', `item ${d.code} decided twice`, `${at}.code`, { code: d.code });
    if (d.deduction !== undefined && (!Number.isFinite(d.deduction) || d.deduction < 0)) {
      throw new DomainError('BAD_DEDUCTION', `deduction of ${d.code} must be ≥ 0`, `${at}.deduction`, { code: d.code });
    }
    if (d.isNotApplicable && !item.canBeNotApplicable) {
      throw new DomainError('NOT_APPLICABLE_REFUSED', `item ${d.code} cannot be not-applicable`, `${at}.isNotApplicable`, { code: d.code });
    }
    if (d.isVetoFired && !item.isVeto) throw new DomainError('NOT_A_VETO', `item ${d.code} is not a veto item`, `${at}.isVetoFired`, { code: d.code });
    out.set(d.code, d);
  });
  return out;
}

export function scoreSheet(items: readonly ScoringItem[], decisions: readonly ItemDecision[], profile: GradeProfile): ScoringResult {
  const decided = check(items, decisions);
  const elements = new Map<string, { points: number; applicable: number; deduction: number }>();
  const parts = new Map<string, { points: number; applicable: number; deduction: number }>();
  const vetoes: string[] = [];
  const add = (map: typeof elements, key: string, points: number, applicable: number, deduction: number) => {
    const s = map.get(key) ?? { points: 0, applicable: 0, deduction: 0 };
    s.points += points;
    s.applicable += applicable;
    s.deduction += deduction;
    map.set(key, s);
  };
  let total = 0;
  let applicable = 0;
  let deduction = 0;
  for (const item of items) {
    const d = decided.get(item.code);
    if (item.isVeto && d?.isVetoFired) vetoes.push(item.code);
    const points = cents(item.points);
    const isNa = Boolean(d?.isNotApplicable);
    const taken = isNa ? 0 : Math.min(cents(d?.deduction ?? 0), points);
    const app = isNa ? 0 : points;
    total += points;
    applicable += app;
    deduction += taken;
    add(elements, item.elementCode, points, app, taken);
    if (item.part) add(parts, item.part, points, app, taken);
  }
  const earned = applicable - deduction;
  const other = profile.scale === 1000 ? { scale: 100, decimals: profile.decimals + 1 } : { scale: 1000, decimals: Math.max(0, profile.decimals - 1) };
  const onProfile = scaledScore(earned, applicable, profile.scale, profile.decimals);
  const onOther = scaledScore(earned, applicable, other.scale, other.decimals);
  const subtotal = ([code, s]: [string, { points: number; applicable: number; deduction: number }]): Subtotal => ({
    code,
    points: fromCents(s.points),
    applicable: fromCents(s.applicable),
    deduction: fromCents(s.deduction),
    earned: fromCents(s.applicable - s.deduction),
  });
  return {
    profileCode: profile.code,
    totalPoints: fromCents(total),
    applicable: fromCents(applicable),
    earned: fromCents(earned),
    deduction: fromCents(deduction),
    score1000: profile.scale === 1000 ? onProfile : onOther,
    score100: profile.scale === 100 ? onProfile : onOther,
    grade: gradeOf(onProfile, profile, vetoes.length > 0),
    vetoes,
    elements: [...elements].map(subtotal),
    parts: [...parts].map(subtotal),
  };
}
