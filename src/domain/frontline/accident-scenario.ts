/**
 * 岗位"事故假想" (seed 003 附件1 "一线岗位安全风险事故假想参考表"; issue 11 §2): one sheet per
 * front-line post and year with five rows — 常见事故类型, 最易发生事故场景, 防范检查要求, 紧急应对措施,
 * 存在问题改进措施. The workers review and complete a draft made from what the system already knows
 * about the post, rather than write from nothing:
 *
 * - 常见事故类型: the accident types of the post's accepted risks (GB 6441 codes) in seed 003's own
 *   numbering (reference/accident-types.ts `henanAccidentTypes`); GB 20 其他伤害 has no seed number and is dropped.
 * - 最易发生事故场景: one line per risk, "<object>：<causes>" (a draft — the seed gives no rule; our choice).
 * - 防范检查要求: the risks' control measures, before → during → after → no phase, each once, numbered.
 * - 紧急应对措施: the post's emergency actions (risk card) and its first steps (emergency card), each once.
 * - 存在问题改进措施: empty — only the workers know them.
 *
 * Pure: the service reads the rows and calls `prefillAccidentScenario`.
 */
import { henanAccidentTypes, normalizeAccidentTypeCode } from '../../reference/accident-types.js';

export interface ScenarioRiskFact {
  objectName: string;
  causes: string;
  /** GB 6441 codes as stored on the risk ('03', '3' or '010' are all accepted). */
  accidentTypeCodes: readonly string[];
  measures: readonly { text: string; phase: 'before' | 'during' | 'after' | null }[];
}

export interface ScenarioEmergencyFacts {
  /** post_emergency_info.emergency_actions (the risk card's 应急处置措施), or ''. */
  emergencyActions: string;
  /** The emergency card's first steps, in the card's order, blanks allowed. */
  firstSteps: readonly { label: string; text: string }[];
}

export interface AccidentScenarioContent {
  /** Seed 003 numbers (1–20), ascending. */
  accidentSeqs: number[];
  scenes: string;
  checks: string;
  emergency: string;
  /** 存在问题改进措施, one item each (each may become a hazard). */
  improvements: string[];
}

const phaseOrder = { before: 0, during: 1, after: 2 } as const;

/** The seed 003 number of a GB 6441 code, or null (GB 20 其他伤害 has none). */
export function henanSeqOfGbCode(raw: string): number | null {
  const gb = normalizeAccidentTypeCode(raw);
  if (!gb) return null;
  return henanAccidentTypes.find((t) => t.gbCode === gb)?.seq ?? null;
}

const clean = (s: string) => s.replace(/\s+/g, ' ').trim();
const numbered = (lines: readonly string[]) => lines.map((l, i) => `${i + 1}. ${l}`).join('\n');

export function prefillAccidentScenario(risks: readonly ScenarioRiskFact[], emergency: ScenarioEmergencyFacts): AccidentScenarioContent {
  const seqs = new Set<number>();
  for (const r of risks) {
    for (const code of r.accidentTypeCodes) {
      const seq = henanSeqOfGbCode(code);
      if (seq !== null) seqs.add(seq);
    }
  }
  const scenes = [...new Set(risks.map((r) => [clean(r.objectName), clean(r.causes)].filter(Boolean).join('：')).filter(Boolean))];
  const measures = risks
    .flatMap((r) => r.measures)
    .map((m, i) => ({ text: clean(m.text), rank: m.phase ? phaseOrder[m.phase] : 3, i }))
    .filter((m) => m.text)
    .sort((a, b) => a.rank - b.rank || a.i - b.i);
  const checks = [...new Set(measures.map((m) => m.text))];
  const emergencyLines = [
    ...emergency.emergencyActions.split(/\r?\n/).map(clean).filter(Boolean),
    ...emergency.firstSteps.filter((s) => clean(s.text)).map((s) => `${s.label}：${clean(s.text)}`),
  ];
  return {
    accidentSeqs: [...seqs].sort((a, b) => a - b),
    scenes: numbered(scenes),
    checks: numbered(checks),
    emergency: numbered([...new Set(emergencyLines)]),
    improvements: [],
  };
}

/** Where a year's sheet stands: the workers sign it, then the team leader reviews it. */
export type AccidentScenarioStatus = 'drafting' | 'signed' | 'reviewed';

export function accidentScenarioStatus(facts: { workerIds: readonly string[]; signedWorkerIds: ReadonlySet<string>; isReviewed: boolean }): AccidentScenarioStatus {
  const allSigned = facts.workerIds.length > 0 && facts.workerIds.every((id) => facts.signedWorkerIds.has(id));
  if (!allSigned) return 'drafting';
  return facts.isReviewed ? 'reviewed' : 'signed';
}
