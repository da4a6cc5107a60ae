import { describe, expect, it } from 'vitest';
import { accidentScenarioStatus, henanSeqOfGbCode, prefillAccidentScenario, type ScenarioRiskFact } from './accident-scenario.js';

const noEmergency = { emergencyActions: '', firstSteps: [] };

describe('事故假想 pre-fill from the post (seed 003 附件1)', () => {
  const lathe: ScenarioRiskFact = {
    objectName: '车床',
    causes: '防护罩缺失，衣袖卷入',
    accidentTypeCodes: ['03', '010'],
    measures: [
      { text: '穿紧袖工作服，不戴手套', phase: 'during' },
      { text: '开机前检查防护罩', phase: 'before' },
      { text: '停机清理铁屑', phase: 'after' },
    ],
  };
  const oil: ScenarioRiskFact = { objectName: '油品库', causes: '静电引燃', accidentTypeCodes: ['8', '18', '20'], measures: [{ text: '开机前检查防护罩', phase: 'before' }, { text: '配置灭火器', phase: null }] };

  it('maps GB 6441 codes to the seed numbering; GB 20 其他伤害 has no seed number', () => {
    expect(henanSeqOfGbCode('03')).toBe(3);
    expect(henanSeqOfGbCode('017')).toBe(17); // 容器爆炸 → （17）压力容器爆炸
    expect(henanSeqOfGbCode('20')).toBeNull();
    expect(henanSeqOfGbCode('x')).toBeNull();
    expect(prefillAccidentScenario([lathe, oil], noEmergency).accidentSeqs).toEqual([3, 8, 10, 18]);
  });

  it('writes one scene per risk and the measures as 防范检查要求, before → during → after → no phase, each once', () => {
    const c = prefillAccidentScenario([lathe, oil], noEmergency);
    expect(c.scenes).toBe('1. 车床：防护罩缺失，衣袖卷入\n2. 油品库：静电引燃');
    expect(c.checks).toBe('1. 开机前检查防护罩\n2. 穿紧袖工作服，不戴手套\n3. 停机清理铁屑\n4. 配置灭火器');
    expect(c.improvements).toEqual([]);
  });

  it("takes the post's emergency actions and the first steps that are filled in", () => {
    const c = prefillAccidentScenario([], {
      emergencyActions: '立即停机\n\n  报告班长 ',
      firstSteps: [
        { label: '停机', text: '立即停机' },
        { label: '报警', text: '' },
        { label: '急救', text: '止血包扎' },
      ],
    });
    expect(c.emergency).toBe('1. 立即停机\n2. 报告班长\n3. 停机：立即停机\n4. 急救：止血包扎');
    expect(c).toMatchObject({ accidentSeqs: [], scenes: '', checks: '' });
  });
});

describe('事故假想 status', () => {
  it('is drafting until every worker of the post signed, then signed, then reviewed', () => {
    expect(accidentScenarioStatus({ workerIds: [], signedWorkerIds: new Set(), isReviewed: true })).toBe('drafting');
    expect(accidentScenarioStatus({ workerIds: ['a', 'b'], signedWorkerIds: new Set(['a']), isReviewed: false })).toBe('drafting');
    expect(accidentScenarioStatus({ workerIds: ['a', 'b'], signedWorkerIds: new Set(['a', 'b']), isReviewed: false })).toBe('signed');
    expect(accidentScenarioStatus({ workerIds: ['a', 'b'], signedWorkerIds: new Set(['a', 'b']), isReviewed: true })).toBe('reviewed');
  });
});
