import { describe, expect, it } from 'vitest';
import { draftCommitment, dutyList, dutyListRevision, itemiseDuties, nextYearLettersDue } from './duties.js';

describe('the written duty list of a post', () => {
  it('itemises the written duties: one a line, numbering and bullets removed, blanks dropped', () => {
    expect(itemiseDuties('1. 遵守操作规程\n2、正确佩戴劳保用品\n\n（3）参加班前会\n- 发现隐患及时报告；不违章作业')).toEqual(['遵守操作规程', '正确佩戴劳保用品', '参加班前会', '发现隐患及时报告', '不违章作业']);
    expect(itemiseDuties('  \n')).toEqual([]);
  });

  it("adds the risk register's duty items the text does not already hold, once each", () => {
    const list = dutyList('组织隐患排查。\n审批动火作业', ['组织隐患排查', '审批动火作业', '落实安全投入', '落实安全投入', ' ']);
    expect(list).toEqual([
      { text: '组织隐患排查。', source: 'post' },
      { text: '审批动火作业', source: 'post' },
      { text: '落实安全投入', source: 'risk' },
    ]);
  });

  it('does not repeat a duty a written line already holds, as the principal template names its clauses', () => {
    const written = '建立健全并落实全员安全生产责任制，加强安全生产标准化建设；组织建立并落实安全风险分级管控和隐患排查治理双重预防工作机制，督促、检查安全生产工作，及时消除生产安全事故隐患';
    const list = dutyList(written, ['建立健全并落实全员安全生产责任制', '督促、检查安全生产工作，及时消除生产安全事故隐患', '保证安全生产投入的有效实施']);
    expect(list.map((i) => i.text)).toEqual([
      '建立健全并落实全员安全生产责任制，加强安全生产标准化建设',
      '组织建立并落实安全风险分级管控和隐患排查治理双重预防工作机制，督促、检查安全生产工作，及时消除生产安全事故隐患',
      '保证安全生产投入的有效实施',
    ]);
  });

  it('changes its revision when an item changes, not otherwise', () => {
    const a = dutyList('遵守操作规程', []);
    expect(dutyListRevision(a)).toBe(dutyListRevision(dutyList('1. 遵守操作规程', [])));
    expect(dutyListRevision(a)).not.toBe(dutyListRevision(dutyList('遵守操作规程\n佩戴劳保用品', [])));
    expect(dutyListRevision([])).toMatch(/^0-/);
  });
});

describe('the commitment and the yearly letters', () => {
  it("drafts the commitment with the seed's four duties", () => {
    const text = draftCommitment({ enterpriseName: '齐鲁配件厂', year: 2026 }, 'zh-CN');
    for (const d of ['对安全管理工作作出正式承诺，并履行承诺', '为安全生产提供充足的资源', '建立完善的安全管理制度并保证实施', '建立和落实岗位安全职责']) expect(text).toContain(d);
    expect(text).toContain('2026');
    expect(draftCommitment({ enterpriseName: 'X', year: 2026 }, 'en-US')).toContain('sufficient resources');
  });

  it("asks for next year's letter from 1 December, for each scope without one", () => {
    const letters = [
      { year: 2026, scopeKey: 'org:a' },
      { year: 2026, scopeKey: 'post:b' },
      { year: 2027, scopeKey: 'post:b' },
      { year: 2025, scopeKey: 'org:c' },
    ];
    expect(nextYearLettersDue(letters, '2026-11-30')).toEqual([]);
    expect(nextYearLettersDue(letters, '2026-12-01')).toEqual([{ scopeKey: 'org:a', year: 2027 }]);
    expect(nextYearLettersDue(letters, '2026-12-31')).toEqual([{ scopeKey: 'org:a', year: 2027 }]);
  });
});
