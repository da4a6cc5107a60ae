import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { assessorSchema, gradeProfileSchema, historySchema, reportProfileSchema, scoreSheetSummarySchema } from '../../../schemas/standardization.js';
import type { AssessmentDetailDto, AssessmentSummaryDto } from '../../../schemas/standardization.js';
import { api } from '../../app/api/api-client';

export const standardizationBase = '/api/v1/standardization';
export const assessmentsPath = `${standardizationBase}/assessments`;
export const assessmentPath = (id: string) => `${assessmentsPath}/${id}`;

export type SheetSummary = z.infer<typeof scoreSheetSummarySchema>;
export type GradeProfileDto = z.infer<typeof gradeProfileSchema>;
export type AssessorDto = z.infer<typeof assessorSchema>;
export type HistoryDto = z.infer<typeof historySchema>;
export type ReportProfileDto = z.infer<typeof reportProfileSchema>;

export const useAssessments = () => useQuery({ queryKey: [assessmentsPath], queryFn: () => api<AssessmentSummaryDto[]>(assessmentsPath) });
export const useAssessment = (id: string) => useQuery({ queryKey: [assessmentsPath, id], queryFn: () => api<AssessmentDetailDto>(assessmentPath(id)) });
export const useSheets = () => useQuery({ queryKey: [`${standardizationBase}/sheets`], queryFn: () => api<SheetSummary[]>(`${standardizationBase}/sheets`) });
export const useGradeProfiles = () => useQuery({ queryKey: [`${standardizationBase}/grade-profiles`], staleTime: 10 * 60_000, queryFn: () => api<GradeProfileDto[]>(`${standardizationBase}/grade-profiles`) });

/** A write that refreshes everything of the feature afterwards. */
export function useStandardizationWrite<V>(run: (vars: V) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: run, onSuccess: () => client.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith(standardizationBase) }) });
}
