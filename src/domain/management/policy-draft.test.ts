import { describe, expect, it } from 'vitest';
import { draftPolicy, missingCommitments } from './policy-draft.js';

describe('draftPolicy', () => {
  it('states the four commitments of seed 000 三(一) and names the main risks', () => {
    const text = draftPolicy({ enterpriseName: '示例机械厂', mainRisks: ['有限空间作业', '起重伤害'] });
    expect(text.split('\n')[0]).toBe('示例机械厂职业安全健康方针');
    expect(text).toContain('法律法规');
    expect(text).toContain('持续改进');
    expect(text).toContain('预防事故');
    expect(text).toContain('保护每一位员工的安全与健康');
    expect(text).toContain('有限空间作业、起重伤害');
    expect(missingCommitments(text)).toEqual([]);
  });
  it('drafts in English too and leaves the risk line out when none is known', () => {
    const text = draftPolicy({ enterpriseName: 'Demo Works', mainRisks: [] }, 'en-US');
    expect(missingCommitments(text)).toEqual([]);
    expect(text).not.toContain('risks we control first');
  });
  it('notices a commitment removed by an edit', () => {
    const text = draftPolicy({ enterpriseName: '示例机械厂', mainRisks: [] }).replace(/\d\. 持续改进[^\n]*\n/, '');
    expect(missingCommitments(text)).toEqual(['improve']);
  });
});
