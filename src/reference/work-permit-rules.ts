import type { LocalizedText } from './localized-text';
import type { ReferenceSource } from './reference-source';
import { type HazardousWorkType, hazardousWorkTypes } from './hazardous-work-types';

// Hazardous-work permits with 一备三查 (seed 003 附件2, issue 11 §3). The work types are GB 30871's
// (hazardous-work-types.ts) plus 检维修 (seed 001 Art. 4 lists maintenance among non-routine work).
export const source: ReferenceSource = {
  standard: '豫应急办〔2023〕33号 附件2; GB 30871-2022',
  edition: '2023; 2022',
  title: { 'zh-CN': '危险作业现场风险“一备三查”表；危险化学品企业特殊作业安全规范', 'en-US': '"One prepare, three checks" form; safety code for special work' },
  status: 'partly-confirmed',
  notes: [
    'The four checks and their wording are the seed\'s (附件2), kept verbatim.',
    'Which types need a gas test (动火, 受限空间) is the issue\'s; the 30-minute freshness of a gas reading before the start is NOT FROM THE SEED (common GB 30871 practice, UNCONFIRMED here) and marked so.',
    'Certificates per type (电工 for 临时用电, 焊接与热切割 for 动火, 高处作业 for 高处) follow the 特种作业目录 categories; that a permit must check them is the issue\'s.',
  ],
  urls: [],
};

export const permitWorkTypes = [
  'hot_work',
  'confined_space',
  'blind_plate',
  'work_at_height',
  'lifting',
  'temporary_electricity',
  'excavation',
  'road_closure',
  'maintenance',
] as const;
export type PermitWorkType = (typeof permitWorkTypes)[number];

/** 附件2 "作业人员一备三查", in the seed's order and words. */
export const preworkChecks = [
  { code: 'prepare', seq: '（一）', label: { 'zh-CN': '做好工作准备', 'en-US': 'Prepare the work' } },
  { code: 'skills', seq: '（二）', label: { 'zh-CN': '检查知识技能', 'en-US': 'Check knowledge and skills' } },
  { code: 'tools', seq: '（三）', label: { 'zh-CN': '检查工具装备', 'en-US': 'Check tools and equipment' } },
  { code: 'surroundings', seq: '（四）', label: { 'zh-CN': '检查周边环境', 'en-US': 'Check the surroundings' } },
] as const satisfies readonly { code: string; seq: string; label: LocalizedText }[];
export type PreworkCheckCode = (typeof preworkChecks)[number]['code'];
export const preworkCheckCodes = preworkChecks.map((c) => c.code) as PreworkCheckCode[];

/** NOT FROM THE SEED: a gas reading older than this at the start does not count (GB 30871 practice, unconfirmed). */
export const gasReadingFreshMinutes = 30;

export interface PermitWorkTypeRule {
  readonly code: PermitWorkType;
  readonly label: LocalizedText;
  /** A gas test reading must be recorded before the start (issue 11 §3: 受限空间, 动火). */
  readonly needsGasTest: boolean;
  /** 特种作业 categories (special-operations.ts codes) a worker should hold. */
  readonly certificateCategories: readonly string[];
  /** Longest window allowed, from GB 30871 where known (hot work: by grade); null = not limited here. */
  readonly maxWindowHours: number | null;
}

const gb = (code: HazardousWorkType) => hazardousWorkTypes.find((t) => t.code === code);

export const permitWorkTypeRules: readonly PermitWorkTypeRule[] = permitWorkTypes.map((code) => {
  const entry = code === 'maintenance' ? null : gb(code);
  return {
    code,
    label: entry?.label ?? { 'zh-CN': '检维修作业', 'en-US': 'Maintenance work' },
    needsGasTest: code === 'hot_work' || code === 'confined_space',
    certificateCategories:
      code === 'hot_work' ? ['welding_cutting'] : code === 'temporary_electricity' ? ['electrical'] : code === 'work_at_height' ? ['work_at_height'] : [],
    // Hot work: the longest grade validity (二级 72 h); a grade narrows it (see maxWindowHoursFor).
    maxWindowHours: code === 'hot_work' ? 72 : (entry?.permitValidityHours ?? null),
  };
});

export function findPermitWorkTypeRule(code: string): PermitWorkTypeRule | null {
  return permitWorkTypeRules.find((r) => r.code === code) ?? null;
}

/** GB 30871-2022 §5.1: 特级、一级动火 ≤ 8 h, 二级 ≤ 72 h; other types their own validity. */
export function maxWindowHoursFor(workType: PermitWorkType, grade: string | null): number | null {
  if (workType === 'hot_work' && grade) {
    return gb('hot_work')?.grades.find((g) => g.code === grade)?.permitValidityHours ?? 72;
  }
  return findPermitWorkTypeRule(workType)?.maxWindowHours ?? null;
}
