import type { LocalizedText } from './localized-text';

/**
 * Where a reference set comes from. `status` follows /work/shared/reference/standards-facts.md:
 * confirmed (seen in retrieved sources), partly-confirmed (some entries inferred or unconfirmed),
 * variant (sources disagree; the product ships named profiles).
 */
export type ReferenceStatus = 'confirmed' | 'partly-confirmed' | 'variant';

export type ReferenceSource = {
  readonly standard: string;
  readonly edition: string;
  readonly title: LocalizedText;
  readonly status: ReferenceStatus;
  readonly notes: readonly string[];
  readonly urls: readonly string[];
};
