import { useMemo } from 'react';
import type { AreaDto, OrgUnitDto, PostDto } from '../../../schemas/org.js';
import { useAllItems } from '../../app/ui/use-paged-list';

export const orgPaths = {
  orgUnits: '/api/v1/org-units',
  posts: '/api/v1/posts',
  people: '/api/v1/people',
  areas: '/api/v1/areas',
  equipment: '/api/v1/equipment',
  materials: '/api/v1/materials',
} as const;

function lookup<T extends { id: string; name: string }>(items: T[] | undefined) {
  const list = items ?? [];
  const names = new Map(list.map((i) => [i.id, i.name]));
  const options = list.map((i) => ({ value: i.id, label: i.name }));
  return { list, names, options, nameOf: (id: string | null | undefined) => (id ? (names.get(id) ?? '') : '') };
}

/** Org units with their path ("生产部 / 机加工车间") so a select tells same-named teams apart. */
export function useOrgUnits() {
  const query = useAllItems<OrgUnitDto>(orgPaths.orgUnits);
  return useMemo(() => {
    const list = query.data ?? [];
    const byId = new Map(list.map((u) => [u.id, u]));
    const pathOf = (u: OrgUnitDto): string => {
      const parts = [u.name];
      let parent = u.parentId ? byId.get(u.parentId) : undefined;
      for (let depth = 0; parent && depth < 10; depth++) {
        parts.unshift(parent.name);
        parent = parent.parentId ? byId.get(parent.parentId) : undefined;
      }
      return parts.join(' / ');
    };
    const options = list.map((u) => ({ value: u.id, label: pathOf(u) }));
    const base = lookup(list);
    return { ...base, options, isLoading: query.isLoading };
  }, [query.data, query.isLoading]);
}

export function usePosts() {
  const query = useAllItems<PostDto>(orgPaths.posts);
  return useMemo(() => ({ ...lookup(query.data), isLoading: query.isLoading }), [query.data, query.isLoading]);
}

export function useAreas() {
  const query = useAllItems<AreaDto>(orgPaths.areas);
  return useMemo(() => ({ ...lookup(query.data), isLoading: query.isLoading }), [query.data, query.isLoading]);
}
