import { useQuery } from '@tanstack/react-query';
import type { PersonTrainingRecordDto, PersonTrainingSummaryDto, TrainingSessionDto } from '../../../schemas/training.js';
import { api } from '../../app/api/api-client';

export const trainingPaths = {
  sessions: '/api/v1/training-sessions',
  records: '/api/v1/training-records',
  certificates: '/api/v1/certificates',
  register: '/api/v1/training-register.xlsx',
  draft: '/api/v1/training-sessions/content-draft',
} as const;

export const trainingKindOptions = [
  'three_level_company',
  'three_level_workshop',
  'three_level_team',
  'yearly',
  'management_initial',
  'management_yearly',
  'reassignment',
  'targeted',
] as const;

/** The year's newest 200 sessions, as the options of a picker (the list page pages with "load more"). */
export function useSessionOptions(year: number) {
  return useQuery({ queryKey: [trainingPaths.sessions, 'options', year], queryFn: () => api<{ items: TrainingSessionDto[] }>(trainingPaths.sessions, { query: { year, limit: 200 } }) });
}

export function useSession(id: string | undefined) {
  return useQuery({ queryKey: [trainingPaths.sessions, 'one', id], enabled: Boolean(id), queryFn: () => api<TrainingSessionDto>(`${trainingPaths.sessions}/${id}`) });
}

export function useTrainingRecords(year: number, status?: string) {
  return useQuery({
    queryKey: [trainingPaths.records, year, status],
    queryFn: () => api<{ year: number; items: PersonTrainingSummaryDto[]; counts: Record<'red' | 'amber' | 'green', number> }>(trainingPaths.records, { query: { year, status } }),
  });
}

export function usePersonRecord(personId: string | undefined, year: number) {
  return useQuery({
    queryKey: [trainingPaths.records, 'one', personId, year],
    enabled: Boolean(personId),
    queryFn: () => api<PersonTrainingRecordDto>(`${trainingPaths.records}/${personId}`, { query: { year } }),
  });
}

export const statusColours = { red: 'error', amber: 'warning', green: 'success' } as const;
export const certificateColours = { valid: 'success', expiring: 'warning', review_due: 'warning', review_overdue: 'error', expired: 'error' } as const;
