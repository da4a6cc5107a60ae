import { describe, expect, it } from 'vitest';
import { generateChecklist, suggestedConclusion, tallyFindings } from './audit-checklist.js';

describe('internal audit checklist', () => {
  it('lists the elements, the three focus items, then major before significant risks', () => {
    const list = generateChecklist(
      [
        { riskId: 'r2', postName: '叉车司机', objectName: '叉车', level: 'significant' },
        { riskId: 'r1', postName: '喷漆工', objectName: '喷漆房', level: 'major' },
      ],
      'zh-CN',
    );
    expect(list.slice(0, 1)[0]).toMatchObject({ key: 'policy', element: '职业安全健康方针（三(一)）' });
    expect(list.filter((c) => c.key.startsWith('focus.')).map((c) => c.key)).toEqual(['focus.highRiskWork', 'focus.equipment', 'focus.qualifications']);
    expect(list.slice(-2).map((c) => c.element)).toEqual(['重大风险：喷漆工 · 喷漆房', '较大风险：叉车司机 · 叉车']);
    expect(new Set(list.map((c) => c.key)).size).toBe(list.length);
    expect(generateChecklist([], 'en-US')[0]!.element).toBe('OHS policy (三(一))');
  });

  it('tallies findings and suggests a conclusion from them', () => {
    const list = [{ key: 'a' }, { key: 'b' }, { key: 'c' }];
    const none = tallyFindings(list, []);
    expect(none).toEqual({ conformity: 0, nonconformity: 0, observation: 0, unchecked: 3 });
    expect(suggestedConclusion(none)).toBe('conforming');
    const some = tallyFindings(list, [
      { kind: 'conformity', checklistKey: 'a' },
      { kind: 'conformity', checklistKey: 'b' },
      { kind: 'nonconformity', checklistKey: 'b' },
      { kind: 'observation', checklistKey: null },
    ]);
    expect(some).toEqual({ conformity: 2, nonconformity: 1, observation: 1, unchecked: 1 });
    expect(suggestedConclusion(some)).toBe('partly_conforming');
    expect(suggestedConclusion({ conformity: 1, nonconformity: 1, observation: 0, unchecked: 0 })).toBe('nonconforming');
  });
});
