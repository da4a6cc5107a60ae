import { useMemo } from 'react';
import { useReference } from './risk-api';

/** Hazard factors as a tree (GB/T 13861: 大类 → 中类 → 小类 → 细类). */
export function useHazardFactorTree() {
  const hf = useReference('hazard-factors');
  return useMemo(() => {
    type Node = { value: string; title: string; children: Node[] };
    const items = hf.data?.items ?? [];
    const nodes = new Map<string, Node>(items.map((i) => [i.code, { value: i.code, title: `${i.code} ${i.label}`, children: [] }]));
    const roots: Node[] = [];
    for (const i of items) {
      const node = nodes.get(i.code)!;
      const parent = i.parentCode ? nodes.get(i.parentCode) : undefined;
      if (parent) parent.children.push(node);
      else roots.push(node);
    }
    const labels = new Map(items.map((i) => [i.code, i.label]));
    return { tree: roots, labelOf: (code: string) => labels.get(code) ?? code, isLoading: hf.isLoading };
  }, [hf.data, hf.isLoading]);
}
