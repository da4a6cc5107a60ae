import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PlanDetailDto, PlanDto, PostEmergencyCardDto, ScenarioProposalDto } from '../../../schemas/emergency.js';
import { api } from '../../app/api/api-client';

export const emergencyPaths = {
  plans: '/api/v1/emergency-plans',
  scenarios: '/api/v1/emergency-scenarios',
  supplies: '/api/v1/emergency-supplies',
  contacts: '/api/v1/emergency-contacts',
  drills: '/api/v1/emergency-drills',
  settings: '/api/v1/emergency-settings',
} as const;

export function usePlans() {
  return useQuery({ queryKey: [emergencyPaths.plans], queryFn: () => api<{ items: PlanDto[] }>(emergencyPaths.plans) });
}

export function useScenarios() {
  return useQuery({ queryKey: [emergencyPaths.scenarios], queryFn: () => api<{ items: ScenarioProposalDto[] }>(emergencyPaths.scenarios) });
}

export function usePlan(id: string) {
  return useQuery({ queryKey: [emergencyPaths.plans, id], queryFn: () => api<PlanDetailDto>(`${emergencyPaths.plans}/${id}`) });
}

/** A step on a plan (PUT draft, POST approve / revisions / withdraw); the answer is the plan. */
export function usePlanStep(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ method, step, body }: { method: 'PUT' | 'POST'; step: string; body?: unknown }) => api<PlanDetailDto>(`${emergencyPaths.plans}/${id}/${step}`, { method, body }),
    onSuccess: async (plan) => {
      client.setQueryData([emergencyPaths.plans, id], plan);
      await client.invalidateQueries({ queryKey: [emergencyPaths.plans] });
      await client.invalidateQueries({ queryKey: [emergencyPaths.scenarios] });
    },
  });
}

export function usePostEmergencyCard(postId: string) {
  return useQuery({ queryKey: ['/api/v1/posts', postId, 'emergency-card'], enabled: Boolean(postId), queryFn: () => api<PostEmergencyCardDto>(`/api/v1/posts/${postId}/emergency-card`) });
}
