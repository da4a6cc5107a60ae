import { DomainError } from '../domain-error';
import {
  controlTiers,
  defaultControlTierProfile,
  isControlTier,
  type ControlTier,
  type LevelTierMapping,
} from '../../reference/control-tiers';
import type { RiskLevel } from './risk-level';

/** The tier that owns a risk of this level; the mapping is editable per enterprise. */
export function defaultControlTier(
  level: RiskLevel,
  profile: LevelTierMapping = defaultControlTierProfile.mapping,
): ControlTier {
  return profile[level];
}

// 上级负责管控的风险，下级必须负责管控 (standards-facts §5): a risk owned by `tier` also appears on
// every lower tier's list, so company → [company, department, team, post].
export function tiersThatControl(tier: ControlTier): readonly ControlTier[] {
  const index = controlTiers.indexOf(tier);
  if (index < 0 || !isControlTier(tier)) {
    throw new DomainError('UNKNOWN_TIER', `Unknown control tier "${String(tier)}"`, 'tier', { tier: String(tier) });
  }
  return controlTiers.slice(index);
}

/** Whether a risk owned by `ownerTier` belongs on `listTier`'s control list. */
export function isControlledAtTier(ownerTier: ControlTier, listTier: ControlTier): boolean {
  return tiersThatControl(ownerTier).includes(listTier);
}
