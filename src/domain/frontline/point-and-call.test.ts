import { describe, expect, it } from 'vitest';
import { draftPointCallSteps, maxPointCallSteps } from './point-and-call.js';

describe('手指口述 card draft from the post measures', () => {
  it('orders the steps before → during → after, skips measures without a phase and repeats', () => {
    const steps = draftPointCallSteps([
      { text: '停机清理铁屑。', phase: 'after' },
      { text: '穿紧袖工作服', phase: 'during' },
      { text: '开机前检查防护罩', phase: 'before' },
      { text: '配置灭火器', phase: null },
      { text: '开机前检查防护罩', phase: 'before' },
    ]);
    expect(steps).toEqual([
      { step: '作业前', look: '开机前检查防护罩', say: '开机前检查防护罩，确认正常！' },
      { step: '作业中', look: '穿紧袖工作服', say: '穿紧袖工作服，确认正常！' },
      { step: '作业后', look: '停机清理铁屑', say: '停机清理铁屑，确认正常！' },
    ]);
  });

  it('is empty for a post without phased measures, and never longer than a card holds', () => {
    expect(draftPointCallSteps([])).toEqual([]);
    const many = Array.from({ length: 40 }, (_v, i) => ({ text: `措施${i}`, phase: 'during' as const }));
    expect(draftPointCallSteps(many)).toHaveLength(maxPointCallSteps);
  });
});
