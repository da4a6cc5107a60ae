import type { LocalizedText } from './localized-text';
import type { ReferenceSource } from './reference-source';

// Kinds of personal protective equipment (劳动防护用品 / 个体防护装备) by the body part protected,
// following GB 39800.1-2020《个体防护装备配备规范 第1部分：总则》. NOT from the seeds (seed 000 三(五)2(4)
// names 劳动防护用品管理 without a list).
export const source: ReferenceSource = {
  standard: 'GB 39800.1-2020',
  edition: '2020',
  title: { 'zh-CN': '个体防护装备配备规范 第1部分：总则', 'en-US': 'Specification for the provision of PPE — Part 1: General' },
  status: 'partly-confirmed',
  notes: ['UNCONFIRMED: the grouping below was written from memory of the standard\'s classification (by body part protected), not checked against a retrieved copy; typical replacement periods are left to the enterprise (its 配备标准).'],
  urls: [],
};

export const ppeKinds = ['head', 'eye_face', 'hearing', 'respiratory', 'body', 'hand', 'foot', 'fall', 'other'] as const;
export type PpeKind = (typeof ppeKinds)[number];

export const ppeKindLabels: Record<PpeKind, LocalizedText> = {
  head: { 'zh-CN': '头部防护（安全帽等）', 'en-US': 'Head (safety helmet etc.)' },
  eye_face: { 'zh-CN': '眼面部防护（防护眼镜、面罩）', 'en-US': 'Eye and face (goggles, shields)' },
  hearing: { 'zh-CN': '听力防护（耳塞、耳罩）', 'en-US': 'Hearing (ear plugs, muffs)' },
  respiratory: { 'zh-CN': '呼吸防护（防尘/防毒口罩、面具）', 'en-US': 'Respiratory (dust/gas masks, respirators)' },
  body: { 'zh-CN': '躯体防护（防护服）', 'en-US': 'Body (protective clothing)' },
  hand: { 'zh-CN': '手部防护（防护手套）', 'en-US': 'Hand (protective gloves)' },
  foot: { 'zh-CN': '足部防护（安全鞋）', 'en-US': 'Foot (safety footwear)' },
  fall: { 'zh-CN': '坠落防护（安全带、安全绳）', 'en-US': 'Fall protection (harness, lanyard)' },
  other: { 'zh-CN': '其他', 'en-US': 'Other' },
};
