import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ObjectiveDto, PolicyDto } from '../../../schemas/management.js';
import { api, withQuery } from '../../app/api/api-client';

export const managementPaths = {
  objectives: '/api/v1/ohs-objectives',
  progress: '/api/v1/ohs-objective-progress',
  policy: '/api/v1/ohs-policy',
} as const;

export function useObjectiveProgress(year: number) {
  return useQuery({ queryKey: [managementPaths.objectives, 'progress', year], queryFn: () => api<{ year: number; items: ObjectiveDto[] }>(withQuery(managementPaths.progress, { year: String(year) })) });
}

export function usePolicy() {
  return useQuery({ queryKey: [managementPaths.policy], queryFn: () => api<PolicyDto>(managementPaths.policy) });
}

/** PUT draft or POST approve; the answer is the whole policy. */
export function usePolicyStep() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ method, step, body }: { method: 'PUT' | 'POST'; step: 'draft' | 'approve'; body?: unknown }) => api<PolicyDto>(`${managementPaths.policy}/${step}`, { method, body }),
    onSuccess: (policy) => client.setQueryData([managementPaths.policy], policy),
  });
}
