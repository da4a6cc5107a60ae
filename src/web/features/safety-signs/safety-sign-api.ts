import { useQuery } from '@tanstack/react-query';
import type { SafetySignOverviewDto } from '../../../schemas/safety-signs.js';
import { api } from '../../app/api/api-client';

export const signPaths = { signs: '/api/v1/safety-signs', overview: '/api/v1/safety-sign-overview' } as const;

/** 第十一条 gaps (较大+ places without a 警告 sign) and each area's sign-check item. */
export function useSignOverview() {
  return useQuery({ queryKey: [signPaths.overview], queryFn: () => api<SafetySignOverviewDto>(signPaths.overview) });
}

export interface SignReferenceSet {
  categories: { code: 'prohibition' | 'warning' | 'mandatory' | 'information'; label: string; meaning: string; look: string; colour: string }[];
  items: { code: string; category: string; name: string }[];
}

export function useSignReference(locale: string) {
  return useQuery({
    queryKey: ['/api/v1/reference/safety-signs', locale],
    staleTime: Infinity,
    queryFn: () => api<SignReferenceSet>('/api/v1/reference/safety-signs'),
  });
}
