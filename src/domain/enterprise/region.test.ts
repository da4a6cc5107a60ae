import { describe, expect, it } from 'vitest';
import { regions } from '../../reference/regions.js';
import { countiesOf, findCounty, regionLabel } from './region.js';

describe('region list (GB/T 2260 codes via 2023 统计用区划代码)', () => {
  const province = (code: string) => regions.find((r) => r[0] === code);

  it('has the seeds\' provinces with all their cities and counties', () => {
    const shandong = province('37');
    const henan = province('41');
    expect(shandong?.[1]).toBe('山东省');
    expect(shandong?.[2]?.map((c) => c[1])).toEqual([
      '济南市', '青岛市', '淄博市', '枣庄市', '东营市', '烟台市', '潍坊市', '济宁市', '泰安市', '威海市', '日照市', '临沂市', '德州市', '聊城市', '滨州市', '菏泽市',
    ]);
    expect(countiesOf(shandong!)).toBe(151);
    expect(henan?.[1]).toBe('河南省');
    expect(henan?.[2]).toHaveLength(18); // 17 cities and 省直辖县级行政区划 (济源)
    expect(countiesOf(henan!)).toBe(181);
  });

  it('codes nest: a county starts with its city, a city with its province', () => {
    for (const [pCode, , cities] of regions) {
      expect(pCode).toMatch(/^\d{2}$/);
      for (const [cCode, , counties] of cities ?? []) {
        expect(cCode.startsWith(pCode)).toBe(true);
        for (const [code] of counties ?? []) expect(code).toMatch(new RegExp(`^${cCode}\\d{2}$`));
      }
    }
  });

  it('finds a county with its province and city, and nothing for an unknown code', () => {
    expect(findCounty('370102')?.names).toEqual(['山东省', '济南市', '历下区']);
    expect(regionLabel('410102')).toBe('河南省 郑州市 中原区');
    expect(regionLabel('110101')).toBe('北京市 东城区');
    expect(findCounty('370100')).toBeNull(); // a city, not a county
    expect(findCounty('999999')).toBeNull();
  });
});
