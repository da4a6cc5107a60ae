import type { RiskLevel } from '../domain/risk/risk-level';
import type { LocalizedText } from './localized-text';
import type { ReferenceSource } from './reference-source';

// 分级管控: 风险越大，管控级别越高；上级负责管控的风险，下级必须负责管控 (standards-facts §5, CONFIRMED);
// the level → tier table itself is VARIANT, so the default below is editable per enterprise.
export const source: ReferenceSource = {
  standard: '安委办〔2016〕11号 principle; DB37/T 2882 / 2974 管控层级 wording UNCONFIRMED',
  edition: 'profile v1',
  title: { 'zh-CN': '风险分级管控层级', 'en-US': 'Risk control tiers' },
  status: 'variant',
  notes: [
    'Default 重大→公司, 较大→部门（车间）, 一般→班组, 低→岗位 per reference/README.md; editable per enterprise.',
    "A higher tier's risks are also controlled by every tier below it.",
  ],
  urls: ['https://360docs.net/doc/5d10375362.html'],
};

export type ControlTier = 'company' | 'department' | 'team' | 'post';

/** Ordered from the highest tier to the lowest. */
export const controlTiers: readonly ControlTier[] = ['company', 'department', 'team', 'post'];

export const controlTierLabels: Readonly<Record<ControlTier, LocalizedText>> = {
  company: { 'zh-CN': '公司级', 'en-US': 'Company' },
  department: { 'zh-CN': '部门（车间）级', 'en-US': 'Department (workshop)' },
  team: { 'zh-CN': '班组级', 'en-US': 'Team' },
  post: { 'zh-CN': '岗位级', 'en-US': 'Post' },
};

export type LevelTierMapping = Readonly<Record<RiskLevel, ControlTier>>;

export type ControlTierProfile = {
  readonly id: string;
  readonly label: LocalizedText;
  readonly mapping: LevelTierMapping;
};

export const defaultControlTierProfile: ControlTierProfile = {
  id: 'default',
  label: { 'zh-CN': '默认管控层级', 'en-US': 'Default control tiers' },
  mapping: { major: 'company', significant: 'department', general: 'team', low: 'post' },
};

export function isControlTier(value: unknown): value is ControlTier {
  return typeof value === 'string' && (controlTiers as readonly string[]).includes(value);
}
