import type { LocalizedText } from '../localized-text';
import type { ReferenceSource } from '../reference-source';

// The top manager's duties (seed 000 二(一)1 明确职责, quoted from the seed text).
export const source: ReferenceSource = {
  standard: '安监管技装字〔2003〕141号',
  edition: '2003',
  title: { 'zh-CN': '小企业职业安全健康管理体系实施指南 二(一)1 明确职责', 'en-US': 'OHSMS implementation guide for small enterprises, II(1)1 duties' },
  status: 'confirmed',
  notes: ['The four duties are quoted from the seed text. The commitment\'s wording around them is the product\'s draft.'],
  urls: [],
};

/** "企业最高管理者的安全职责至少包括" (1)–(4), in the seed's order. */
export const topManagerDuties: readonly LocalizedText[] = [
  { 'zh-CN': '对安全管理工作作出正式承诺，并履行承诺', 'en-US': 'make a formal commitment to safety management and keep it' },
  { 'zh-CN': '为安全生产提供充足的资源', 'en-US': 'provide sufficient resources for safe production' },
  { 'zh-CN': '建立完善的安全管理制度并保证实施', 'en-US': 'establish complete safety management rules and make sure they are carried out' },
  { 'zh-CN': '建立和落实岗位安全职责', 'en-US': 'establish the safety duties of every post and see them carried out' },
];
