/**
 * 手指口述 (seed 003 二(二)1: "心想、眼看、手指、口述的指向性联动"; issue 11 §4): a post's card is an
 * ordered list of 工序 steps — what to look at and point at, and the words to say. The draft comes
 * from the post's control measures by phase (before → during → after, the order of seed 001 Art. 9);
 * the wording "…，确认正常！" is ours. Pure.
 */

export interface PointCallStep {
  /** 工序: 作业前 / 作业中 / 作业后, or what the worker writes. */
  step: string;
  /** 看/指: what to look at and point at. */
  look: string;
  /** 口述: the words to say. */
  say: string;
}

export const maxPointCallSteps = 30;

const phaseLabel = { before: '作业前', during: '作业中', after: '作业后' } as const;
const phaseOrder = { before: 0, during: 1, after: 2 } as const;

export function draftPointCallSteps(measures: readonly { text: string; phase: 'before' | 'during' | 'after' | null }[]): PointCallStep[] {
  const seen = new Set<string>();
  return measures
    .map((m, i) => ({ text: m.text.replace(/\s+/g, ' ').trim().replace(/[。；;，,]+$/, ''), phase: m.phase, i }))
    .filter((m) => m.phase !== null && m.text && (seen.has(m.text) ? false : (seen.add(m.text), true)))
    .sort((a, b) => phaseOrder[a.phase as 'before'] - phaseOrder[b.phase as 'before'] || a.i - b.i)
    .slice(0, maxPointCallSteps)
    .map((m) => ({ step: phaseLabel[m.phase as 'before'], look: m.text, say: `${m.text}，确认正常！` }));
}
