import { useQuery, useQueryClient } from '@tanstack/react-query';
import { managerRoles, type EnterpriseRole, type Me } from '../../../schemas/auth.js';
import { api, isApiError } from '../api/api-client';

export const meKey = ['me'] as const;

/** The signed-in user, or null when there is no session. */
export async function fetchMe(): Promise<Me | null> {
  try {
    return await api<Me>('/api/v1/auth/me');
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
}

export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: 60_000, retry: false });
}

/** The signed-in user; only inside the authenticated shell. */
export function useCurrentUser(): Me {
  const client = useQueryClient();
  const me = client.getQueryData<Me | null>(meKey);
  const { data } = useMe();
  const value = data ?? me;
  if (!value) throw new Error('useCurrentUser outside the authenticated shell');
  return value;
}

export function hasRole(me: Me, roles: readonly EnterpriseRole[]): boolean {
  return me.role !== null && roles.includes(me.role);
}

export function useCanManage(): boolean {
  return hasRole(useCurrentUser(), managerRoles);
}
