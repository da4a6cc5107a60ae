import type { LocalizedText } from '../localized-text';

// What the product can show as evidence for a scoring item (issue 16 §3). An item names the key of
// the evidence that bears on it; the standardization module keeps the table key → evidence function,
// and each feature that lands later adds its key and function (accidents, trainings, plans and drills…).
export const evidenceKeys = ['post-duties', 'risk-identification', 'risk-control', 'inspection-lists', 'hazard-remediation', 'open-major-hazards', 'emergency-plans', 'emergency-drills'] as const;
export type EvidenceKey = (typeof evidenceKeys)[number];

export const evidenceKeyLabels: Readonly<Record<EvidenceKey, LocalizedText>> = {
  'post-duties': { 'zh-CN': '岗位安全职责', 'en-US': 'Post safety duties' },
  'risk-identification': { 'zh-CN': '岗位风险辨识', 'en-US': 'Risk identification per post' },
  'risk-control': { 'zh-CN': '风险管控措施与专项方案', 'en-US': 'Risk control measures and special plans' },
  'inspection-lists': { 'zh-CN': '排查清单与排查任务完成', 'en-US': 'Inspection lists and task completion' },
  'hazard-remediation': { 'zh-CN': '隐患按期整改', 'en-US': 'Hazards rectified on time' },
  'open-major-hazards': { 'zh-CN': '未整改完成的重大事故隐患', 'en-US': 'Major hazards not yet remediated' },
  'emergency-plans': { 'zh-CN': '应急预案与应急物资', 'en-US': 'Emergency plans and supplies' },
  'emergency-drills': { 'zh-CN': '应急演练与评估', 'en-US': 'Emergency drills and their review' },
};

export function isEvidenceKey(value: string): value is EvidenceKey {
  return (evidenceKeys as readonly string[]).includes(value);
}
