import type { LocalizedText } from './localized-text';
import type { ReferenceSource } from './reference-source';

// GB 6441-1986《企业职工伤亡事故分类》: 20 accident categories (standards-facts §1, CONFIRMED).
export const source: ReferenceSource = {
  standard: 'GB 6441-1986',
  edition: '1986',
  title: { 'zh-CN': '企业职工伤亡事故分类', 'en-US': 'Classification for casualty accidents of enterprise staff and workers' },
  status: 'confirmed',
  notes: [
    'Issued 1986-05-31, in force 1987-02-01; now treated as recommended (GB/T 6441-1986).',
    'The printed standard numbers 10–20 as "010"…"020"; codes here are normalised to two digits.',
    'GB 6441-2025《生产安全事故分类与编码》 replaces it; its list and codes are unconfirmed and not shipped yet.',
  ],
  urls: ['http://www.cooxue.com/zhishi/199189.html', 'https://777doc.com/doc-5970050.html'],
};

export const accidentTypeCodes = [
  '01', '02', '03', '04', '05', '06', '07', '08', '09', '10',
  '11', '12', '13', '14', '15', '16', '17', '18', '19', '20',
] as const;

export type AccidentTypeCode = (typeof accidentTypeCodes)[number];

export type AccidentType = {
  readonly code: AccidentTypeCode;
  /** The code as printed in the 1986 text ("010" from 10 on). */
  readonly printedCode: string;
  readonly label: LocalizedText;
};

const labels: Record<AccidentTypeCode, LocalizedText> = {
  '01': { 'zh-CN': '物体打击', 'en-US': 'Struck by object' },
  '02': { 'zh-CN': '车辆伤害', 'en-US': 'Vehicle injury' },
  '03': { 'zh-CN': '机械伤害', 'en-US': 'Machinery injury' },
  '04': { 'zh-CN': '起重伤害', 'en-US': 'Lifting (crane) injury' },
  '05': { 'zh-CN': '触电', 'en-US': 'Electric shock' },
  '06': { 'zh-CN': '淹溺', 'en-US': 'Drowning' },
  '07': { 'zh-CN': '灼烫', 'en-US': 'Burns and scalds' },
  '08': { 'zh-CN': '火灾', 'en-US': 'Fire' },
  '09': { 'zh-CN': '高处坠落', 'en-US': 'Fall from height' },
  '10': { 'zh-CN': '坍塌', 'en-US': 'Collapse' },
  '11': { 'zh-CN': '冒顶片帮', 'en-US': 'Roof fall and rib spalling' },
  '12': { 'zh-CN': '透水', 'en-US': 'Water inrush' },
  '13': { 'zh-CN': '放炮', 'en-US': 'Blasting' },
  '14': { 'zh-CN': '火药爆炸', 'en-US': 'Explosive (gunpowder) explosion' },
  '15': { 'zh-CN': '瓦斯爆炸', 'en-US': 'Firedamp (gas) explosion' },
  '16': { 'zh-CN': '锅炉爆炸', 'en-US': 'Boiler explosion' },
  '17': { 'zh-CN': '容器爆炸', 'en-US': 'Vessel explosion' },
  '18': { 'zh-CN': '其他爆炸', 'en-US': 'Other explosion' },
  '19': { 'zh-CN': '中毒和窒息', 'en-US': 'Poisoning and asphyxiation' },
  '20': { 'zh-CN': '其他伤害', 'en-US': 'Other injury' },
};

export const accidentTypes: readonly AccidentType[] = accidentTypeCodes.map((code) => ({
  code,
  printedCode: Number(code) >= 10 ? `0${code}` : code,
  label: labels[code],
}));

export function isAccidentTypeCode(value: unknown): value is AccidentTypeCode {
  return typeof value === 'string' && (accidentTypeCodes as readonly string[]).includes(value);
}

/** Accepts '1', '01', '010' (as printed in GB 6441-1986) and returns the two-digit code, or null. */
export function normalizeAccidentTypeCode(raw: string): AccidentTypeCode | null {
  const trimmed = raw.trim();
  if (!/^\d{1,3}$/.test(trimmed)) return null;
  const candidate = String(Number(trimmed)).padStart(2, '0');
  return isAccidentTypeCode(candidate) ? candidate : null;
}

export function findAccidentType(code: string): AccidentType | null {
  const normalized = normalizeAccidentTypeCode(code);
  return normalized === null ? null : (accidentTypes.find((t) => t.code === normalized) ?? null);
}

// 豫应急办〔2023〕33号 附件1/附件2 (seed 003) print their own list of 20 "常见事故类型".
// Items 1–16, 18, 19 are GB 6441 wording; 17 narrows 容器爆炸 to 压力容器爆炸; 20 replaces
// 其他伤害 by 山洪地质灾害, which has no GB 6441-1986 category.
export const henanSource: ReferenceSource = {
  standard: '豫应急办〔2023〕33号',
  edition: '2023',
  title: {
    'zh-CN': '河南省应急管理厅关于持续深化小微企业安全生产双重预防建设的通知（附件1、附件2 常见事故类型）',
    'en-US': 'Henan Emergency Management Dept. notice on small and micro enterprises dual prevention (annex 1 and 2, common accident types)',
  },
  status: 'confirmed',
  notes: [
    'Form list kept as printed; gbCode maps to GB 6441-1986 where the category matches.',
    'Item 17 (压力容器爆炸) is narrower than GB 17 容器爆炸; item 20 (山洪地质灾害) has no GB 6441-1986 match and GB 20 其他伤害 is absent.',
  ],
  urls: [],
};

export type HenanAccidentTypeMatch = 'same' | 'narrower' | 'none';

export type HenanAccidentType = {
  readonly seq: number;
  readonly label: LocalizedText;
  readonly gbCode: AccidentTypeCode | null;
  readonly match: HenanAccidentTypeMatch;
};

const henanSpecial: Record<number, Omit<HenanAccidentType, 'seq'>> = {
  17: {
    label: { 'zh-CN': '压力容器爆炸', 'en-US': 'Pressure vessel explosion' },
    gbCode: '17',
    match: 'narrower',
  },
  20: {
    label: { 'zh-CN': '山洪地质灾害', 'en-US': 'Flash flood and geological disaster' },
    gbCode: null,
    match: 'none',
  },
};

export const henanAccidentTypes: readonly HenanAccidentType[] = accidentTypes.map((gb, index) => {
  const seq = index + 1;
  return { seq, ...(henanSpecial[seq] ?? { label: gb.label, gbCode: gb.code, match: 'same' as const }) };
});

export function gbCodeForHenanAccidentType(seq: number): AccidentTypeCode | null {
  return henanAccidentTypes.find((t) => t.seq === seq)?.gbCode ?? null;
}
