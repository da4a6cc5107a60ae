/* Seed 001 第十一条: "对存在较大危险因素的工作场所和有关设备设施上设置明显的安全警示标志".
 * Pure rule: a place (area) or an equipment item whose level is 较大 or 重大 needs at least one
 * live 警告 sign (GB 2894 warning category) — for an area any warning sign registered in it
 * (on the area itself or on its equipment), for equipment one registered on that equipment. */
import type { SafetySignCategory } from '../../reference/safety-signs';
import type { RiskLevel } from './risk-level';

export interface SignedPlace {
  kind: 'area' | 'equipment';
  id: string;
  name: string;
  /** Highest level of the accepted risks there (the 四色图 colour); null when none. */
  level: RiskLevel | null;
}

export interface RegisteredSign {
  areaId: string;
  equipmentId: string | null;
  category: SafetySignCategory;
}

export interface WarningSignGap extends SignedPlace {
  level: 'major' | 'significant';
}

/** Levels at which 第十一条 asks for a warning sign. */
export function needsWarningSign(level: RiskLevel | null): level is 'major' | 'significant' {
  return level === 'major' || level === 'significant';
}

/** Places of level 较大 or 重大 without a warning sign, 重大 first, then by name. */
export function warningSignGaps(places: readonly SignedPlace[], signs: readonly RegisteredSign[]): WarningSignGap[] {
  const warnedAreas = new Set<string>();
  const warnedEquipment = new Set<string>();
  for (const s of signs) {
    if (s.category !== 'warning') continue;
    warnedAreas.add(s.areaId);
    if (s.equipmentId) warnedEquipment.add(s.equipmentId);
  }
  const gaps: WarningSignGap[] = [];
  for (const p of places) {
    if (!needsWarningSign(p.level)) continue;
    const warned = p.kind === 'area' ? warnedAreas.has(p.id) : warnedEquipment.has(p.id);
    if (!warned) gaps.push({ ...p, level: p.level });
  }
  return gaps.sort((a, b) => (a.level === b.level ? a.name.localeCompare(b.name, 'zh-CN') : a.level === 'major' ? -1 : 1));
}
