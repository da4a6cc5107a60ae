import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LegalRequirementDto } from '../../../schemas/legal-register.js';
import { api, type Page } from '../../app/api/api-client';

export const legalPaths = {
  requirements: '/api/v1/legal-requirements',
  starter: '/api/v1/legal-starter-set',
} as const;

export interface StarterItem {
  key: string;
  kind: string;
  title: string;
  documentNo: string;
  edition: string;
  effectiveOn: string | null;
  isUnconfirmed: boolean;
  note: string;
  isRegistered: boolean;
}

export function useLegalRequirements() {
  return useQuery({ queryKey: [legalPaths.requirements], queryFn: () => api<Page<LegalRequirementDto>>(legalPaths.requirements, { query: { limit: 200 } }) });
}

export function useStarterSet(enabled: boolean) {
  return useQuery({ queryKey: [legalPaths.starter], enabled, queryFn: () => api<{ items: StarterItem[] }>(legalPaths.starter) });
}

/** Any write of the register; every answer refreshes the list and the starter marks. */
export function useLegalWrite() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ method, path, body }: { method: 'POST' | 'PUT' | 'PATCH'; path: string; body?: unknown }) => api<unknown>(path, { method, body }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: [legalPaths.requirements] });
      await client.invalidateQueries({ queryKey: [legalPaths.starter] });
    },
  });
}
