import type { LocalizedText } from './localized-text';
import type { ReferenceSource } from './reference-source';

// GB 30871-2022《危险化学品企业特殊作业安全规范》 (standards-facts §11).
export const source: ReferenceSource = {
  standard: 'GB 30871-2022',
  edition: '2022 (issued 2022-03-15, in force 2022-10-01)',
  title: { 'zh-CN': '危险化学品企业特殊作业安全规范', 'en-US': 'Safety code for special work in hazardous chemical enterprises' },
  status: 'partly-confirmed',
  notes: [
    '工贸企业 apply GB 30871 by reference only (参照执行); it is not directly applicable to them.',
    'Directly applicable to 工贸: 应急管理部令第13号《工贸企业有限空间作业安全规定》 (content UNCONFIRMED) and 第6号《工贸企业粉尘防爆安全规定》.',
    'null validity means the value is UNCONFIRMED (吊装、动土、断路、盲板抽堵).',
    'Height grades use the GB/T 3608-2008 segments; that GB 30871-2022 uses exactly these boundaries is UNCONFIRMED.',
    'Holidays, rest days, night work: 动火 is managed one grade higher (升级管理).',
  ],
  urls: ['http://www.jianbiaoku.com/webarbs/book/166908.shtml', 'https://meipian.cn/57b8gz4p'],
};

export const appliesToGongmaoByReferenceOnly = true;

export type HazardousWorkType =
  | 'hot_work'
  | 'confined_space'
  | 'blind_plate'
  | 'work_at_height'
  | 'lifting'
  | 'temporary_electricity'
  | 'excavation'
  | 'road_closure';

/** A numeric range in the grade's unit (metres, tonnes); null = unbounded. */
export type GradeRange = {
  readonly unit: 'm' | 't';
  readonly min: number | null;
  readonly minInclusive: boolean;
  readonly max: number | null;
  readonly maxInclusive: boolean;
};

export type HazardousWorkGrade = {
  readonly code: 'special' | 'grade1' | 'grade2' | 'grade3';
  readonly label: LocalizedText;
  readonly range: GradeRange | null;
  readonly criterion: LocalizedText | null;
  /** Permit validity in hours; null where the grade has no own value or it is unconfirmed. */
  readonly permitValidityHours: number | null;
};

export type HazardousWorkTypeEntry = {
  readonly code: HazardousWorkType;
  readonly label: LocalizedText;
  readonly grades: readonly HazardousWorkGrade[];
  readonly permitValidityHours: number | null;
  /** Longer validity allowed in special cases (临时用电 ≤ 30 d). */
  readonly extendedValidityHours: number | null;
  readonly note: LocalizedText | null;
};

const DAY = 24;

export const hazardousWorkTypes: readonly HazardousWorkTypeEntry[] = [
  {
    code: 'hot_work',
    label: { 'zh-CN': '动火作业', 'en-US': 'Hot work' },
    // GB 30871-2022 §5.1: 特级、一级 ≤ 8 h; 二级 ≤ 72 h.
    grades: [
      {
        code: 'special',
        label: { 'zh-CN': '特级动火', 'en-US': 'Special-grade hot work' },
        range: null,
        criterion: {
          'zh-CN': '火灾爆炸危险场所内运行中的设备、管道、储罐、容器等部位上的动火（含带压不置换动火）；重大危险源罐区防火堤内的动火',
          'en-US': 'Hot work on operating equipment, pipes, tanks or vessels in fire/explosion hazard areas (incl. hot tapping without purging); inside the bund of a major-hazard tank farm',
        },
        permitValidityHours: 8,
      },
      {
        code: 'grade1',
        label: { 'zh-CN': '一级动火', 'en-US': 'Grade 1 hot work' },
        range: null,
        criterion: {
          'zh-CN': '火灾爆炸危险场所内除特级动火以外的动火；管廊上的动火',
          'en-US': 'Other hot work in fire/explosion hazard areas; hot work on pipe racks',
        },
        permitValidityHours: 8,
      },
      {
        code: 'grade2',
        label: { 'zh-CN': '二级动火', 'en-US': 'Grade 2 hot work' },
        range: null,
        criterion: {
          'zh-CN': '除特级、一级以外的动火；全厂、单元停车并经清洗置换分析隔离的，经批准可按二级管理',
          'en-US': 'All other hot work; a shut-down, cleaned, purged, tested and isolated unit may be managed as grade 2 with approval',
        },
        permitValidityHours: 72,
      },
    ],
    permitValidityHours: null,
    extendedValidityHours: null,
    note: {
      'zh-CN': '节假日、公休日、夜间或其他特殊情况动火应升级管理',
      'en-US': 'On holidays, rest days, at night or in other special cases hot work is managed one grade higher',
    },
  },
  {
    code: 'confined_space',
    label: { 'zh-CN': '受限空间作业', 'en-US': 'Confined space entry' },
    grades: [],
    permitValidityHours: 24,
    extendedValidityHours: null,
    note: null,
  },
  {
    code: 'blind_plate',
    label: { 'zh-CN': '盲板抽堵作业', 'en-US': 'Blind plate insertion and removal' },
    grades: [],
    permitValidityHours: null,
    extendedValidityHours: null,
    note: null,
  },
  {
    code: 'work_at_height',
    label: { 'zh-CN': '高处作业', 'en-US': 'Work at height' },
    // GB/T 3608-2008 height segments from the 坠落高度基准面.
    grades: [
      {
        code: 'grade1',
        label: { 'zh-CN': '一级高处作业', 'en-US': 'Grade 1 work at height' },
        range: { unit: 'm', min: 2, minInclusive: true, max: 5, maxInclusive: true },
        criterion: null,
        permitValidityHours: null,
      },
      {
        code: 'grade2',
        label: { 'zh-CN': '二级高处作业', 'en-US': 'Grade 2 work at height' },
        range: { unit: 'm', min: 5, minInclusive: false, max: 15, maxInclusive: true },
        criterion: null,
        permitValidityHours: null,
      },
      {
        code: 'grade3',
        label: { 'zh-CN': '三级高处作业', 'en-US': 'Grade 3 work at height' },
        range: { unit: 'm', min: 15, minInclusive: false, max: 30, maxInclusive: true },
        criterion: null,
        permitValidityHours: null,
      },
      {
        code: 'special',
        label: { 'zh-CN': '特级高处作业', 'en-US': 'Special-grade work at height' },
        range: { unit: 'm', min: 30, minInclusive: false, max: null, maxInclusive: false },
        criterion: null,
        permitValidityHours: null,
      },
    ],
    permitValidityHours: 7 * DAY,
    extendedValidityHours: null,
    note: null,
  },
  {
    code: 'lifting',
    label: { 'zh-CN': '吊装作业', 'en-US': 'Lifting' },
    grades: [
      {
        code: 'grade1',
        label: { 'zh-CN': '一级吊装作业', 'en-US': 'Grade 1 lifting' },
        range: { unit: 't', min: 100, minInclusive: false, max: null, maxInclusive: false },
        criterion: null,
        permitValidityHours: null,
      },
      {
        code: 'grade2',
        label: { 'zh-CN': '二级吊装作业', 'en-US': 'Grade 2 lifting' },
        range: { unit: 't', min: 40, minInclusive: true, max: 100, maxInclusive: true },
        criterion: null,
        permitValidityHours: null,
      },
      {
        code: 'grade3',
        label: { 'zh-CN': '三级吊装作业', 'en-US': 'Grade 3 lifting' },
        range: { unit: 't', min: null, minInclusive: false, max: 40, maxInclusive: false },
        criterion: null,
        permitValidityHours: null,
      },
    ],
    permitValidityHours: null,
    extendedValidityHours: null,
    note: null,
  },
  {
    code: 'temporary_electricity',
    label: { 'zh-CN': '临时用电作业', 'en-US': 'Temporary electricity' },
    grades: [],
    permitValidityHours: 15 * DAY,
    extendedValidityHours: 30 * DAY,
    note: {
      'zh-CN': '为动火、受限空间作业提供的临时用电，作业票有效期应与该作业一致',
      'en-US': 'Temporary power serving hot work or confined-space work shares that permit’s validity',
    },
  },
  {
    code: 'excavation',
    label: { 'zh-CN': '动土作业', 'en-US': 'Excavation' },
    grades: [],
    permitValidityHours: null,
    extendedValidityHours: null,
    note: null,
  },
  {
    code: 'road_closure',
    label: { 'zh-CN': '断路作业', 'en-US': 'Road closure' },
    grades: [],
    permitValidityHours: null,
    extendedValidityHours: null,
    note: null,
  },
];

export function findHazardousWorkType(code: string): HazardousWorkTypeEntry | null {
  return hazardousWorkTypes.find((t) => t.code === code) ?? null;
}
