import { useQuery } from '@tanstack/react-query';
import type { AccidentScenarioDetail, AccidentScenarioList } from '../../../schemas/accident-scenarios.js';
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
