import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, type Page } from '../api/api-client';

export type ListParams = Record<string, string | number | boolean | undefined>;

/** Keyset pages of a collection ("load more"); the query key starts with the path so writes can invalidate it. */
export function usePagedList<T>(path: string, params: ListParams, pageSize = 20, enabled = true) {
  const query = useInfiniteQuery({
    queryKey: [path, 'page', params, pageSize],
    enabled,
    queryFn: ({ pageParam }) => api<Page<T>>(path, { query: { ...params, limit: pageSize, cursor: pageParam ?? undefined } }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  return { ...query, items };
}

/** Every live row of a small collection (org units, posts, areas) for selects and name look-ups. */
export function useAllItems<T>(path: string, enabled = true) {
  return useQuery({
    queryKey: [path, 'all'],
    enabled,
    staleTime: 30_000,
    queryFn: async () => {
      const all: T[] = [];
      let cursor: string | null = null;
      // A small enterprise has tens of these; the loop is a guard, not a plan for thousands.
      for (let i = 0; i < 50; i++) {
        const page: Page<T> = await api<Page<T>>(path, { query: { limit: 200, cursor: cursor ?? undefined } });
        all.push(...page.items);
        cursor = page.nextCursor;
        if (!cursor) break;
      }
      return all;
    },
  });
}
