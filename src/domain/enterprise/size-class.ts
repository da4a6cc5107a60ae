import { DomainError } from '../domain-error';

export type SizeClass = 'small' | 'micro' | 'other';

export type SizeClassInput = {
  /** 从业人员 */
  readonly headcount: number;
  /** 营业收入, in yuan */
  readonly revenueCny: number;
};

// 鲁应急 seed 001 第二条 (以上包含本数，以下不包含本数), thresholds in yuan.
export const sizeClassThresholds = {
  smallMinHeadcount: 20,
  smallMaxHeadcountExclusive: 300,
  smallMinRevenueCny: 3_000_000,
  smallMaxRevenueCnyExclusive: 20_000_000,
} as const;

/**
 * 工贸 size class: small = 20 ≤ staff < 300 and 3 ≤ revenue < 20 million CNY;
 * micro = staff < 20 or revenue < 3 million CNY; anything else is neither.
 */
export function sizeClass(input: SizeClassInput): SizeClass {
  if (!Number.isInteger(input.headcount) || input.headcount < 0) {
    throw new DomainError('OUT_OF_RANGE', `headcount must be a whole number of 0 or more; got ${input.headcount}`, 'headcount', {
      value: input.headcount,
    });
  }
  if (!Number.isFinite(input.revenueCny) || input.revenueCny < 0) {
    throw new DomainError('OUT_OF_RANGE', `revenueCny must be 0 or more; got ${input.revenueCny}`, 'revenueCny', {
      value: input.revenueCny,
    });
  }
  const t = sizeClassThresholds;
  if (input.headcount < t.smallMinHeadcount || input.revenueCny < t.smallMinRevenueCny) return 'micro';
  if (input.headcount < t.smallMaxHeadcountExclusive && input.revenueCny < t.smallMaxRevenueCnyExclusive) return 'small';
  return 'other';
}
