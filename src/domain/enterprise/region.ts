import { type RegionNode, regions } from '../../reference/regions.js';

export interface RegionPath {
  code: string;
  /** Province, city, county names, e.g. 山东省 / 济南市 / 历下区 ("市辖区" kept as the source names it). */
  names: [string, string, string];
}

let byCounty: Map<string, RegionPath> | null = null;

function index(): Map<string, RegionPath> {
  if (byCounty) return byCounty;
  const map = new Map<string, RegionPath>();
  for (const [, province, cities] of regions) {
    for (const [, city, counties] of cities ?? []) {
      for (const [code, county] of counties ?? []) map.set(code, { code, names: [province, city, county] });
    }
  }
  byCounty = map;
  return map;
}

/** The county with this 6-digit code and its province and city, or null when the list has no such county. */
export function findCounty(code: string): RegionPath | null {
  return index().get(code) ?? null;
}

/** "山东省 济南市 历下区"; a city named 市辖区 (municipal districts) is left out. */
export function regionLabel(code: string): string | null {
  const found = findCounty(code);
  if (!found) return null;
  const [province, city, county] = found.names;
  return [province, city === '市辖区' ? null : city, county].filter(Boolean).join(' ');
}

export function countiesOf(node: RegionNode): number {
  return (node[2] ?? []).reduce((sum, city) => sum + (city[2]?.length ?? 0), 0);
}
