import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { setupStatusSchema } from '../../../schemas/accounts.js';
import { api } from '../../app/api/api-client';

export const setupStatusKey = ['setup-status'] as const;

/** Whether the installation still needs its first-run set-up (asked only when nobody is signed in). */
export function useSetupStatus(isEnabled: boolean) {
  return useQuery({
    queryKey: setupStatusKey,
    queryFn: () => api<z.infer<typeof setupStatusSchema>>('/api/v1/setup'),
    enabled: isEnabled,
    staleTime: 30_000,
  });
}
