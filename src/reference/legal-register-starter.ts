import type { LocalizedText } from './localized-text';
import type { ReferenceSource } from './reference-source';

// A starter legal register (法律法规及其他要求) for small 工贸 enterprises (issue 14 §6). Not from the
// seeds: the seeds name the requirement to identify and comply with laws (seed 000 三(一), 002), not
// the list. Each entry says whether its edition and dates are confirmed by
// /work/shared/reference/standards-facts.md (`confirmed`) or not (`unconfirmed`: from general
// knowledge, to be checked against the official text before relying on it). Clause numbers are
// likewise marked per clause.
export const source: ReferenceSource = {
  standard: '—',
  edition: '2026 starter set',
  title: { 'zh-CN': '工贸小企业常用法律法规及其他要求（起步清单）', 'en-US': 'Starter legal register for small industrial and trade enterprises' },
  status: 'partly-confirmed',
  notes: [
    'NOT from the seeds: the selection of laws and standards is the product\'s starter set.',
    'Entries marked confirmed: edition/dates as in standards-facts.md (16号令, 10号令, GB 30871-2022, GB 6441-1986 and its 2025 revision, GB/T 13861-2022, GB/T 33000-2016, 3号令 hours).',
    'Entries and clause numbers marked UNCONFIRMED are from general knowledge and must be checked against the official text (国家法律法规数据库 flk.npc.gov.cn, mem.gov.cn, openstd.samr.gov.cn).',
  ],
  urls: ['https://flk.npc.gov.cn', 'https://www.mem.gov.cn', 'https://openstd.samr.gov.cn'],
};

export const legalKinds = ['law', 'regulation', 'rule', 'standard', 'local', 'other'] as const;
export type LegalKind = (typeof legalKinds)[number];

export interface StarterClause {
  readonly clause: string;
  readonly summary: string;
  readonly isUnconfirmed: boolean;
}

export interface StarterRequirement {
  readonly key: string;
  readonly kind: LegalKind;
  readonly title: string;
  readonly titleEn: string;
  readonly documentNo: string;
  readonly issuer: string;
  readonly edition: string;
  /** In force from (YYYY-MM-DD), null when not known. */
  readonly effectiveOn: string | null;
  /** true: edition or dates not confirmed by the reference facts. */
  readonly isUnconfirmed: boolean;
  readonly note: LocalizedText | null;
  readonly clauses: readonly StarterClause[];
}

const c = (clause: string, summary: string, isUnconfirmed = true): StarterClause => ({ clause, summary, isUnconfirmed });

export const starterRequirements: readonly StarterRequirement[] = [
  {
    key: 'work-safety-law',
    kind: 'law',
    title: '中华人民共和国安全生产法',
    titleEn: 'Work Safety Law of the PRC',
    documentNo: '主席令',
    issuer: '全国人民代表大会常务委员会',
    edition: '2021 年修正',
    effectiveOn: '2021-09-01',
    isUnconfirmed: true,
    note: null,
    clauses: [
      c('第二十一条', '主要负责人的安全生产职责（建立健全全员安全生产责任制、组织制定规章制度和操作规程、保证安全投入、构建双重预防机制等）'),
      c('第二十八条', '对从业人员进行安全生产教育和培训，未经培训合格不得上岗作业'),
      c('第四十一条', '建立安全风险分级管控制度和生产安全事故隐患排查治理制度'),
      c('第四十五条', '为从业人员提供符合国家标准或者行业标准的劳动防护用品'),
    ],
  },
  {
    key: 'occupational-disease-law',
    kind: 'law',
    title: '中华人民共和国职业病防治法',
    titleEn: 'Law on the Prevention and Control of Occupational Diseases',
    documentNo: '主席令',
    issuer: '全国人民代表大会常务委员会',
    edition: '2018 年修正',
    effectiveOn: '2018-12-29',
    isUnconfirmed: true,
    note: null,
    clauses: [c('第十六条', '职业病危害项目申报'), c('第三十五条', '上岗前、在岗期间和离岗时的职业健康检查')],
  },
  {
    key: 'fire-law',
    kind: 'law',
    title: '中华人民共和国消防法',
    titleEn: 'Fire Protection Law of the PRC',
    documentNo: '主席令',
    issuer: '全国人民代表大会常务委员会',
    edition: '2021 年修正',
    effectiveOn: '2021-04-29',
    isUnconfirmed: true,
    note: null,
    clauses: [c('第十六条', '单位的消防安全职责（消防设施、器材的配置和定期检验维修，防火检查，消防演练等）')],
  },
  {
    key: 'special-equipment-law',
    kind: 'law',
    title: '中华人民共和国特种设备安全法',
    titleEn: 'Special Equipment Safety Law of the PRC',
    documentNo: '主席令第四号',
    issuer: '全国人民代表大会常务委员会',
    edition: '2013',
    effectiveOn: '2014-01-01',
    isUnconfirmed: true,
    note: null,
    clauses: [c('第三十三条', '特种设备使用登记'), c('第四十条', '在检验合格有效期届满前一个月向检验机构提出定期检验要求')],
  },
  {
    key: 'mem-3',
    kind: 'rule',
    title: '生产经营单位安全培训规定',
    titleEn: 'Provisions on safety training of production and business units',
    documentNo: '国家安全生产监督管理总局令第3号',
    issuer: '国家安全生产监督管理总局',
    edition: '2006，经修正',
    effectiveOn: null,
    isUnconfirmed: true,
    note: { 'zh-CN': '学时要求已核实；修正版本和日期未核实。', 'en-US': 'Training hours confirmed; amendment editions and dates unconfirmed.' },
    clauses: [c('第九条', '主要负责人、安全生产管理人员初次培训不少于 32 学时，每年再培训不少于 12 学时', false), c('第十三条', '新上岗从业人员岗前培训不少于 24 学时', false)],
  },
  {
    key: 'mem-16',
    kind: 'rule',
    title: '安全生产事故隐患排查治理暂行规定',
    titleEn: 'Interim provisions on the investigation and treatment of accident hazards',
    documentNo: '国家安全生产监督管理总局令第16号',
    issuer: '国家安全生产监督管理总局',
    edition: '2007',
    effectiveOn: '2008-02-01',
    isUnconfirmed: false,
    note: null,
    clauses: [c('第三条', '事故隐患的定义；分为一般事故隐患和重大事故隐患', false), c('第十五条', '重大事故隐患治理方案的内容', false)],
  },
  {
    key: 'mem-10',
    kind: 'rule',
    title: '工贸企业重大事故隐患判定标准',
    titleEn: 'Criteria for major accident hazards in industrial and trade enterprises',
    documentNo: '应急管理部令第10号',
    issuer: '应急管理部',
    edition: '2023',
    effectiveOn: '2023-05-15',
    isUnconfirmed: false,
    note: null,
    clauses: [c('第二条', '适用范围：冶金、有色、建材、机械、轻工、纺织、烟草、商贸等工贸企业', false)],
  },
  {
    key: 'mem-13',
    kind: 'rule',
    title: '工贸企业有限空间作业安全规定',
    titleEn: 'Safety provisions for confined-space work in industrial and trade enterprises',
    documentNo: '应急管理部令第13号',
    issuer: '应急管理部',
    edition: '2023',
    effectiveOn: '2024-01-01',
    isUnconfirmed: true,
    note: { 'zh-CN': '内容和施行日期未核实。', 'en-US': 'Content and in-force date unconfirmed.' },
    clauses: [],
  },
  {
    key: 'mem-6',
    kind: 'rule',
    title: '工贸企业粉尘防爆安全规定',
    titleEn: 'Dust explosion prevention provisions for industrial and trade enterprises',
    documentNo: '应急管理部令第6号',
    issuer: '应急管理部',
    edition: '2021',
    effectiveOn: null,
    isUnconfirmed: true,
    note: { 'zh-CN': '涉及可燃性粉尘的企业适用；施行日期未核实。', 'en-US': 'For enterprises with combustible dust; in-force date unconfirmed.' },
    clauses: [],
  },
  {
    key: 'mem-30',
    kind: 'rule',
    title: '特种作业人员安全技术培训考核管理规定',
    titleEn: 'Provisions on training and assessment of special operation personnel',
    documentNo: '国家安全生产监督管理总局令第30号',
    issuer: '国家安全生产监督管理总局',
    edition: '2010，经修正',
    effectiveOn: null,
    isUnconfirmed: true,
    note: { 'zh-CN': '特种作业操作证有效期 6 年、每 3 年复审已核实；版本日期未核实。', 'en-US': 'Certificate validity 6 years, review every 3 years confirmed; edition dates unconfirmed.' },
    clauses: [],
  },
  {
    key: 'gb-30871',
    kind: 'standard',
    title: '危险化学品企业特殊作业安全规范',
    titleEn: 'Safety code for special work in hazardous chemical enterprises',
    documentNo: 'GB 30871-2022',
    issuer: '国家市场监督管理总局、国家标准化管理委员会',
    edition: '2022',
    effectiveOn: '2022-10-01',
    isUnconfirmed: false,
    note: { 'zh-CN': '工贸企业参照执行（非直接适用）。', 'en-US': 'Applied by reference only in industrial and trade enterprises.' },
    clauses: [],
  },
  {
    key: 'gb-2894',
    kind: 'standard',
    title: '安全标志及其使用导则',
    titleEn: 'Safety signs and guideline for their use',
    documentNo: 'GB 2894-2008',
    issuer: '国家质量监督检验检疫总局、国家标准化管理委员会',
    edition: '2008',
    effectiveOn: null,
    isUnconfirmed: true,
    note: { 'zh-CN': '现行版本未核实。', 'en-US': 'Current edition unconfirmed.' },
    clauses: [],
  },
  {
    key: 'gb-6441',
    kind: 'standard',
    title: '企业职工伤亡事故分类',
    titleEn: 'Classification of accidents causing casualties of workers',
    documentNo: 'GB/T 6441-1986',
    issuer: '国家标准局',
    edition: '1986',
    effectiveOn: '1987-02-01',
    isUnconfirmed: false,
    note: {
      'zh-CN': '修订版 GB 6441-2025《生产安全事故分类与编码》已于 2025-12-31 发布（强制性），施行日期未核实。',
      'en-US': 'Revised as GB 6441-2025 (mandatory), issued 2025-12-31; its in-force date is unconfirmed.',
    },
    clauses: [],
  },
  {
    key: 'gb-t-13861',
    kind: 'standard',
    title: '生产过程危险和有害因素分类与代码',
    titleEn: 'Classification and code of hazardous and harmful factors in production processes',
    documentNo: 'GB/T 13861-2022',
    issuer: '国家市场监督管理总局、国家标准化管理委员会',
    edition: '2022',
    effectiveOn: '2022-10-01',
    isUnconfirmed: false,
    note: null,
    clauses: [],
  },
  {
    key: 'gb-t-33000',
    kind: 'standard',
    title: '企业安全生产标准化基本规范',
    titleEn: 'Basic code for work safety standardization of enterprises',
    documentNo: 'GB/T 33000-2016',
    issuer: '国家质量监督检验检疫总局、国家标准化管理委员会',
    edition: '2016',
    effectiveOn: null,
    isUnconfirmed: true,
    note: { 'zh-CN': '一级要素已核实；施行日期未核实。', 'en-US': 'First-level elements confirmed; in-force date unconfirmed.' },
    clauses: [],
  },
];

export function findStarter(key: string): StarterRequirement | undefined {
  return starterRequirements.find((r) => r.key === key);
}
