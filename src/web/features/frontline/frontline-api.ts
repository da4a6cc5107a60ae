import { useQuery } from '@tanstack/react-query';
import type { AccidentScenarioDetail, AccidentScenarioList } from '../../../schemas/accident-scenarios.js';
import type { WorkPermitDetail, WorkPermitDto } from '../../../schemas/work-permits.js';
import { api } from '../../app/api/api-client';

export const frontlinePaths = {
  scenarios: '/api/v1/accident-scenarios',
  scenariosXlsx: '/api/v1/accident-scenarios.xlsx',
} as const;

export function useScenarioList(year: number) {
  return useQuery({ queryKey: [frontlinePaths.scenarios, year], queryFn: () => api<AccidentScenarioList>(frontlinePaths.scenarios, { query: { year } }) });
}

export function useScenario(id: string | undefined) {
  return useQuery({ queryKey: [frontlinePaths.scenarios, 'one', id], enabled: Boolean(id), queryFn: () => api<AccidentScenarioDetail>(`${frontlinePaths.scenarios}/${id}`) });
}

export const scenarioStatusColours = { drafting: 'orange', signed: 'blue', reviewed: 'green' } as const;

export const permitPaths = {
  permits: '/api/v1/work-permits',
  prefill: '/api/v1/work-permit-prefill',
} as const;

/** The newest 200 permits, as the options of a picker (a contractor's supervision names the permit it watched). */
export function useRecentPermits() {
  return useQuery({ queryKey: [permitPaths.permits, 'recent'], queryFn: () => api<{ items: WorkPermitDto[] }>(permitPaths.permits, { query: { limit: 200 } }) });
}

export function usePermit(id: string | undefined) {
  return useQuery({ queryKey: [permitPaths.permits, 'one', id], enabled: Boolean(id), queryFn: () => api<WorkPermitDetail>(`${permitPaths.permits}/${id}`) });
}

export const permitStatusColours = { issued: 'orange', in_progress: 'blue', closed: 'green', cancelled: 'default', expired: 'red' } as const;
