import type { AccidentTypeCode } from '../../../reference/accident-types.js';
import type { LocalizedText } from '../../../reference/localized-text.js';

// The "后果" of seed 001 Art. 11 ("事故类型和后果"): the typical harm of each GB 6441 accident type,
// printed on the card beside the type. Plain wording for the shop floor, not a standard's text.
export const typicalConsequences: Record<AccidentTypeCode, LocalizedText> = {
  '01': { 'zh-CN': '砸伤、碰伤，严重时颅脑损伤或死亡', 'en-US': 'Bruises and crush injuries; head injury or death in the worst case' },
  '02': { 'zh-CN': '碾压、撞伤、骨折，严重时死亡', 'en-US': 'Run over, struck, fractures; death in the worst case' },
  '03': { 'zh-CN': '绞、碾、割、刺伤，断指断肢，严重时死亡', 'en-US': 'Entanglement, crushing, cuts; amputation or death' },
  '04': { 'zh-CN': '吊物坠落砸伤、挤压伤，严重时死亡', 'en-US': 'Struck or crushed by a falling load; death in the worst case' },
  '05': { 'zh-CN': '电击、电灼伤，心脏骤停致死', 'en-US': 'Electric shock and burns; cardiac arrest and death' },
  '06': { 'zh-CN': '溺水窒息死亡', 'en-US': 'Drowning and death' },
  '07': { 'zh-CN': '高温、化学品灼烫伤，留下残疾', 'en-US': 'Thermal or chemical burns; lasting disability' },
  '08': { 'zh-CN': '烧伤、烟气中毒窒息，财产损失', 'en-US': 'Burns, smoke poisoning, property loss' },
  '09': { 'zh-CN': '摔伤、骨折，严重时死亡', 'en-US': 'Injuries and fractures from the fall; death in the worst case' },
  '10': { 'zh-CN': '掩埋、砸伤，严重时群死群伤', 'en-US': 'Buried or struck; multiple casualties in the worst case' },
  '11': { 'zh-CN': '顶板冒落砸伤、掩埋', 'en-US': 'Struck or buried by falling roof rock' },
  '12': { 'zh-CN': '淹没巷道，人员被困或溺亡', 'en-US': 'Flooding; people trapped or drowned' },
  '13': { 'zh-CN': '飞石、冲击波伤人', 'en-US': 'Fly rock and blast wave injuries' },
  '14': { 'zh-CN': '爆炸冲击、烧伤，群死群伤', 'en-US': 'Blast and burns; multiple casualties' },
  '15': { 'zh-CN': '爆炸冲击、烧伤、一氧化碳中毒', 'en-US': 'Blast, burns, carbon monoxide poisoning' },
  '16': { 'zh-CN': '爆炸冲击、蒸汽烫伤，设备损毁', 'en-US': 'Blast, steam scalds, destroyed plant' },
  '17': { 'zh-CN': '容器破裂冲击伤人，介质泄漏', 'en-US': 'Vessel rupture injuries and release of contents' },
  '18': { 'zh-CN': '粉尘或可燃气体爆炸，烧伤、群死群伤', 'en-US': 'Dust or gas explosion; burns and multiple casualties' },
  '19': { 'zh-CN': '中毒、缺氧窒息，严重时死亡', 'en-US': 'Poisoning or oxygen deficiency; death in the worst case' },
  '20': { 'zh-CN': '扭伤、划伤、跌倒等其他伤害', 'en-US': 'Sprains, cuts, slips and other injuries' },
};
