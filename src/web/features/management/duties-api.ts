import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LetterDto, PostDutyListDto, SystemYearDto } from '../../../schemas/duties.js';
import { api, withQuery } from '../../app/api/api-client';

export const dutiesPaths = {
  years: '/api/v1/ohs-system-years',
  dutyLists: '/api/v1/post-duty-lists',
  letters: '/api/v1/responsibility-letters',
} as const;

export function useSystemYear(year: number) {
  return useQuery({ queryKey: [dutiesPaths.years, year], queryFn: () => api<SystemYearDto>(`${dutiesPaths.years}/${year}`) });
}

export function useSaveSystemYear(year: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: unknown) => api<SystemYearDto>(`${dutiesPaths.years}/${year}`, { method: 'PUT', body }),
    onSuccess: (y) => client.setQueryData([dutiesPaths.years, year], y),
  });
}

export function useDutyLists() {
  return useQuery({ queryKey: [dutiesPaths.dutyLists], queryFn: () => api<{ items: PostDutyListDto[] }>(dutiesPaths.dutyLists) });
}

export function useLetters(year: number) {
  return useQuery({ queryKey: [dutiesPaths.letters, year], queryFn: () => api<{ items: LetterDto[] }>(withQuery(dutiesPaths.letters, { year: String(year) })) });
}

export function useCreateLetter() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: unknown) => api<LetterDto>(dutiesPaths.letters, { method: 'POST', body }),
    onSuccess: () => void client.invalidateQueries({ queryKey: [dutiesPaths.letters] }),
  });
}
