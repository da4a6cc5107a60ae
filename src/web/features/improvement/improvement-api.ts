import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { api } from '../../app/api/api-client';
import { hasRole, useCurrentUser } from '../../app/auth/use-me';

export const improvementPaths = {
  capas: '/api/v1/capas',
  audits: '/api/v1/internal-audits',
  reviews: '/api/v1/management-reviews',
  monitoringItems: '/api/v1/monitoring-items',
} as const;

/** Writers of corrective actions (server: capaWriterRoles). */
export function useCanWriteCapa(): boolean {
  return hasRole(useCurrentUser(), ['principal', 'safety_manager', 'dept_head', 'consultant']);
}

/** Planners and recorders of audits and reviews (server: managerRoles). */
export function useIsManager(): boolean {
  return hasRole(useCurrentUser(), ['principal', 'safety_manager', 'consultant']);
}

/** A POST/PUT whose answer replaces the cached reads under `invalidate`; errors shown as a message. */
export function useStep<T>(invalidate: string, onDone?: (dto: T) => void) {
  const client = useQueryClient();
  const { message } = App.useApp();
  return useMutation({
    mutationFn: ({ path, method = 'POST', body }: { path: string; method?: 'POST' | 'PUT' | 'DELETE'; body?: unknown }) => api<T>(path, { method, body }),
    onSuccess: async (dto) => {
      await client.invalidateQueries({ queryKey: [invalidate] });
      onDone?.(dto);
    },
    onError: (error) => void message.error(error.message),
  });
}
