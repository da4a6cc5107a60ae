import { describe, expect, it } from 'vitest';
import { proposeFromRate, proposePerMissing, proposeVeto, tenPointStepsShort } from './proposals';

const what = { 'zh-CN': '岗位排查清单', 'en-US': 'post inspection lists' };

describe('proposePerMissing', () => {
  it('takes the rule once per missing post and names them in the reason', () => {
    const p = proposePerMissing({ points: 40 }, 2, ['焊工', '叉车司机'], what, []);
    expect(p.proposedDeduction).toBe(4);
    expect(p.reason['zh-CN']).toContain('焊工、叉车司机');
    expect(p.reason['zh-CN']).toContain('建议扣 4 分');
  });
  it('never proposes more than the item is worth', () => {
    const names = Array.from({ length: 30 }, (_, i) => `岗位${i}`);
    const p = proposePerMissing({ points: 40 }, 2, names, what, []);
    expect(p.proposedDeduction).toBe(40);
    expect(p.reason['zh-CN']).toContain('等 30 个');
  });
  it('proposes 0 with "none missing" when nothing is missing', () => {
    expect(proposePerMissing({ points: 40 }, 2, [], what, [])).toMatchObject({ proposedDeduction: 0, isVetoFired: false });
  });
});

describe('tenPointStepsShort', () => {
  it.each([
    [1, 0],
    [0.901, 0],
    [0.9, 1],
    [0.85, 1],
    [0.8, 2],
    [0.7999, 2],
    [0, 10],
    [null, 0],
  ] as const)('%s → %s whole ten-point steps', (rate, steps) => expect(tenPointStepsShort(rate)).toBe(steps));
});

describe('proposeFromRate', () => {
  it('adds the rate steps and the per-each count, capped', () => {
    const p = proposeFromRate({ points: 40 }, 0.8, 4, { 'zh-CN': '隐患按期整改率', 'en-US': 'on-time rate' }, { count: 3, points: 2, what: { 'zh-CN': '逾期未整改隐患', 'en-US': 'overdue hazards' } }, []);
    expect(p.proposedDeduction).toBe(14);
    expect(p.reason['zh-CN']).toContain('80%');
    expect(proposeFromRate({ points: 10 }, 0, 4, what, null, []).proposedDeduction).toBe(10);
  });
  it('says there are no figures when the rate is null, and proposes 0', () => {
    const p = proposeFromRate({ points: 40 }, null, 4, what, null, []);
    expect(p.proposedDeduction).toBe(0);
    expect(p.reason['zh-CN']).toContain('无');
  });
});

describe('proposeVeto', () => {
  it('fires on one or more, not on none', () => {
    expect(proposeVeto(1, { 'zh-CN': '未整改重大隐患', 'en-US': 'open major hazards' }, []).isVetoFired).toBe(true);
    expect(proposeVeto(0, { 'zh-CN': '未整改重大隐患', 'en-US': 'open major hazards' }, []).isVetoFired).toBe(false);
  });
});
