import { describe, expect, it } from 'vitest';
import { needsWarningSign, type RegisteredSign, type SignedPlace, warningSignGaps } from './warning-signs';

const area = (id: string, level: SignedPlace['level']): SignedPlace => ({ kind: 'area', id, name: id, level });
const machine = (id: string, level: SignedPlace['level']): SignedPlace => ({ kind: 'equipment', id, name: id, level });

describe('第十一条 warning signs at 较大+ places', () => {
  it('asks for a warning sign at 较大 and 重大 only', () => {
    expect(needsWarningSign('major')).toBe(true);
    expect(needsWarningSign('significant')).toBe(true);
    expect(needsWarningSign('general')).toBe(false);
    expect(needsWarningSign('low')).toBe(false);
    expect(needsWarningSign(null)).toBe(false);
  });

  it('flags each 较大+ area without any sign, never an 一般/低/unrated one', () => {
    const places = [area('喷漆房', 'major'), area('油漆库', 'significant'), area('机加工区', 'general'), area('办公区', 'low'), area('新区', null)];
    expect(warningSignGaps(places, []).map((g) => [g.id, g.level])).toEqual([
      ['喷漆房', 'major'],
      ['油漆库', 'significant'],
    ]);
  });

  it('only a 警告 sign counts: 禁止, 指令 and 提示 signs do not clear the flag', () => {
    const places = [area('喷漆房', 'major')];
    for (const category of ['prohibition', 'mandatory', 'information'] as const) {
      expect(warningSignGaps(places, [{ areaId: '喷漆房', equipmentId: null, category }])).toHaveLength(1);
    }
    expect(warningSignGaps(places, [{ areaId: '喷漆房', equipmentId: null, category: 'warning' }])).toEqual([]);
  });

  it("an area is warned by a warning sign on one of its machines; a machine only by its own", () => {
    const signs: RegisteredSign[] = [{ areaId: '冲压区', equipmentId: '1号冲床', category: 'warning' }];
    const places = [area('冲压区', 'significant'), machine('1号冲床', 'major'), machine('2号冲床', 'significant')];
    expect(warningSignGaps(places, signs).map((g) => g.id)).toEqual(['2号冲床']);
    // An area sign does not mark a machine.
    expect(warningSignGaps([machine('2号冲床', 'major')], [{ areaId: '冲压区', equipmentId: null, category: 'warning' }])).toHaveLength(1);
  });

  it('puts 重大 before 较大, then orders by name', () => {
    const gaps = warningSignGaps([area('b', 'significant'), area('c', 'major'), area('a', 'significant')], []);
    expect(gaps.map((g) => g.id)).toEqual(['c', 'a', 'b']);
  });

  it("another area's warning sign does not count", () => {
    expect(warningSignGaps([area('喷漆房', 'major')], [{ areaId: '油漆库', equipmentId: null, category: 'warning' }])).toHaveLength(1);
  });
});
