import { useMemo } from 'react';
import type { PersonDto } from '../../../schemas/org.js';
import { useAllItems } from '../../app/ui/use-paged-list';

export function usePeople() {
  const query = useAllItems<PersonDto>('/api/v1/people');
  return useMemo(() => {
    const list = query.data ?? [];
    const names = new Map(list.map((p) => [p.id, p.name]));
    return {
      list,
      options: list.map((p) => ({ value: p.id, label: p.name })),
      nameOf: (id: string | null | undefined) => (id ? (names.get(id) ?? '') : ''),
      isLoading: query.isLoading,
    };
  }, [query.data, query.isLoading]);
}
