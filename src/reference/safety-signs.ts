import type { LocalizedText } from './localized-text';
import type { ReferenceSource } from './reference-source';

// GB 2894《安全标志及其使用导则》: the four kinds of safety sign and common signs of each
// (seed 001 第十一条: 对存在较大危险因素的工作场所和有关设备设施上设置明显的安全警示标志).
// Not in /work/shared/reference/standards-facts.md: the four categories with their shapes and
// colours are common knowledge of the standard; the edition, the sign numbers and the full
// lists are UNCONFIRMED (not checked against the standard's text).
export const source: ReferenceSource = {
  standard: 'GB 2894',
  edition: '2008 (UNCONFIRMED: a later edition may supersede it)',
  title: { 'zh-CN': '安全标志及其使用导则', 'en-US': 'Safety signs and guideline for their use' },
  status: 'partly-confirmed',
  notes: [
    'Four categories: 禁止 (prohibition), 警告 (warning), 指令 (mandatory), 提示 (information).',
    'Shapes and colours (red circle with bar, yellow triangle, blue circle, green rectangle): common knowledge of the standard, not from standards-facts.md.',
    'The common signs listed are a selection for 工贸 workplaces; their numbering in the standard is UNCONFIRMED and not encoded.',
    'Not from the seeds: seed 001 第十一条 requires warning signs at places and equipment with 较大 hazards, without naming the standard.',
  ],
  urls: [],
};

export type SafetySignCategory = 'prohibition' | 'warning' | 'mandatory' | 'information';

export const safetySignCategories: readonly SafetySignCategory[] = ['prohibition', 'warning', 'mandatory', 'information'];

export type SafetySignCategoryEntry = {
  readonly code: SafetySignCategory;
  readonly label: LocalizedText;
  readonly meaning: LocalizedText;
  /** Shape and colour as the standard draws them (for the register's tag colour). */
  readonly look: LocalizedText;
  readonly colour: 'red' | 'gold' | 'blue' | 'green';
};

export const safetySignCategoryEntries: readonly SafetySignCategoryEntry[] = [
  {
    code: 'prohibition',
    label: { 'zh-CN': '禁止标志', 'en-US': 'Prohibition sign' },
    meaning: { 'zh-CN': '禁止人们不安全行为', 'en-US': 'Forbids unsafe behaviour' },
    look: { 'zh-CN': '红色圆环加斜杠', 'en-US': 'Red ring with a diagonal bar' },
    colour: 'red',
  },
  {
    code: 'warning',
    label: { 'zh-CN': '警告标志', 'en-US': 'Warning sign' },
    meaning: { 'zh-CN': '提醒人们注意周围环境可能发生的危险', 'en-US': 'Warns of a possible danger nearby' },
    look: { 'zh-CN': '黄底黑边正三角形', 'en-US': 'Black-edged yellow triangle' },
    colour: 'gold',
  },
  {
    code: 'mandatory',
    label: { 'zh-CN': '指令标志', 'en-US': 'Mandatory sign' },
    meaning: { 'zh-CN': '强制人们必须做出某种动作或采用防范措施', 'en-US': 'Requires an action or a protective measure' },
    look: { 'zh-CN': '蓝色圆形', 'en-US': 'Blue circle' },
    colour: 'blue',
  },
  {
    code: 'information',
    label: { 'zh-CN': '提示标志', 'en-US': 'Information sign' },
    meaning: { 'zh-CN': '向人们提供某种信息（如安全出口、避险处所）', 'en-US': 'Gives information (exits, safe places)' },
    look: { 'zh-CN': '绿色正方形或长方形', 'en-US': 'Green square or rectangle' },
    colour: 'green',
  },
];

export type CommonSafetySign = { readonly code: string; readonly category: SafetySignCategory; readonly name: LocalizedText };

const sign = (category: SafetySignCategory, code: string, zh: string, en: string): CommonSafetySign => ({ code, category, name: { 'zh-CN': zh, 'en-US': en } });

/** Common signs of 工贸 workplaces, offered when registering a sign (a free name is allowed too). */
export const commonSafetySigns: readonly CommonSafetySign[] = [
  sign('prohibition', 'no-fire', '禁止烟火', 'No open flames'),
  sign('prohibition', 'no-smoking', '禁止吸烟', 'No smoking'),
  sign('prohibition', 'no-entry', '禁止入内', 'No entry'),
  sign('prohibition', 'no-switching-on', '禁止合闸', 'Do not switch on'),
  sign('prohibition', 'no-touching', '禁止触摸', 'Do not touch'),
  sign('prohibition', 'no-gloves', '禁止戴手套', 'No gloves'),
  sign('warning', 'caution-fire', '当心火灾', 'Caution, fire'),
  sign('warning', 'caution-explosion', '当心爆炸', 'Caution, explosion'),
  sign('warning', 'caution-poisoning', '当心中毒', 'Caution, poisoning'),
  sign('warning', 'caution-electric-shock', '当心触电', 'Caution, electric shock'),
  sign('warning', 'caution-machinery', '当心机械伤人', 'Caution, machinery'),
  sign('warning', 'caution-hand-injury', '当心伤手', 'Caution, hand injury'),
  sign('warning', 'caution-falling-objects', '当心落物', 'Caution, falling objects'),
  sign('warning', 'caution-crane', '当心吊物', 'Caution, suspended load'),
  sign('warning', 'caution-fall', '当心坠落', 'Caution, drop'),
  sign('warning', 'caution-vehicles', '当心车辆', 'Caution, vehicles'),
  sign('warning', 'caution-scald', '当心烫伤', 'Caution, hot surface'),
  sign('warning', 'caution-corrosion', '当心腐蚀', 'Caution, corrosive'),
  sign('mandatory', 'wear-helmet', '必须戴安全帽', 'Wear a helmet'),
  sign('mandatory', 'wear-goggles', '必须戴防护眼镜', 'Wear goggles'),
  sign('mandatory', 'wear-gas-mask', '必须戴防毒面具', 'Wear a gas mask'),
  sign('mandatory', 'wear-ear-protection', '必须戴护耳器', 'Wear ear protection'),
  sign('mandatory', 'wear-gloves', '必须戴防护手套', 'Wear protective gloves'),
  sign('mandatory', 'wear-harness', '必须系安全带', 'Wear a safety harness'),
  sign('mandatory', 'ground', '必须接地', 'Must be earthed'),
  sign('information', 'emergency-exit', '紧急出口', 'Emergency exit'),
  sign('information', 'evacuation-route', '疏散通道方向', 'Evacuation route'),
  sign('information', 'assembly-point', '应急避难场所', 'Assembly point'),
  sign('information', 'eyewash', '洗眼器', 'Eyewash'),
];

export function findCommonSafetySign(code: string): CommonSafetySign | null {
  return commonSafetySigns.find((s) => s.code === code) ?? null;
}
