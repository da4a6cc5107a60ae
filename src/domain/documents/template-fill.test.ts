import { describe, expect, it } from 'vitest';
import { documentTemplates, findTemplate, riskIdentificationProcedure } from '../../reference/document-templates.js';
import { documentHeadings } from './document-rules.js';
import { fillTemplate, fillText, missingFactText } from './template-fill.js';

describe('document templates', () => {
  it('ship the ten management rules of seed 000 三(五)2 and the procedure of 二(三)1, each with the six headings', () => {
    expect(documentTemplates).toHaveLength(11);
    expect(documentTemplates.filter((t) => t.type === 'rule').map((t) => t.seedClause)).toEqual(Array.from({ length: 10 }, (_, i) => `000 三(五)2(${i + 1})`));
    for (const t of documentTemplates) expect(Object.keys(t.body).sort()).toEqual([...documentHeadings].sort());
    expect(new Set(documentTemplates.map((t) => t.number)).size).toBe(11);
    // The procedure carries the seed's eight contents, in order.
    const text = riskIdentificationProcedure.body.duties + riskIdentificationProcedure.body.controls;
    const positions = ['（1）工作职责', '（2）对辨识评价人员的要求', '（3）辨识对象', '（4）选择辨识和评价的方法', '（5）实施危害辨识和评价的程序', '（6）确定风险控制重点', '（7）制定控制措施', '（8）辨识、评价结果控制和管理'].map((s) => text.indexOf(s));
    expect(positions.every((p, i) => p >= 0 && (i === 0 || p > positions[i - 1]!))).toBe(true);
    expect(findTemplate('rule-lifting')?.body.controls).toContain('吊物脱落');
  });
});

describe('fillTemplate', () => {
  it('fills the enterprise facts, joins lists without duplicates, and names what the records lack', () => {
    const r = fillTemplate(findTemplate('rule-lifting')!, { enterpriseName: '示例机械厂', principalName: '张三', managementPosts: ['安全员', '安全员'], departments: [], specialEquipment: ['桥式起重机', '叉车'] });
    expect(r.content.purpose).toContain('示例机械厂');
    expect(r.content.scope).toContain('桥式起重机、叉车');
    expect(r.content.duties).toContain('（安全员）');
    expect(r.content.duties).toContain(missingFactText('departments'));
    expect(r.content.purpose).not.toMatch(/\{/);
    expect(r.used).toEqual(['enterpriseName', 'principalName', 'managementPosts', 'specialEquipment']);
    expect(r.missing).toEqual(['departments']);
  });

  it('leaves unknown braces alone', () => {
    expect(fillText('{notAFact} {enterpriseName}', { enterpriseName: '甲' }).text).toBe('{notAFact} 甲');
  });
});
