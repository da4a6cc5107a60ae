/* Seed 001 Art. 13: the inspection list takes the post's control measures as its content and "不应
 * 遗漏既定的管控措施" — every live measure needs at least one active inspection item. */

export interface CoverageMeasure {
  id: string;
}

export interface CoverageItem {
  measureId: string | null;
  isActive: boolean;
}

/** Measures without an active item, in the order given. Extra items (measureId null) cover nothing. */
export function uncoveredMeasures<M extends CoverageMeasure>(measures: readonly M[], items: readonly CoverageItem[]): M[] {
  const covered = new Set(items.filter((i) => i.isActive && i.measureId !== null).map((i) => i.measureId));
  return measures.filter((m) => !covered.has(m.id));
}

export function isListPublishable(measures: readonly CoverageMeasure[], items: readonly CoverageItem[]): boolean {
  return uncoveredMeasures(measures, items).length === 0;
}
