import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { EnterpriseRole } from '../../../schemas/auth.js';
import type { HazardDetailDto, HazardDto, hazardStatisticsSchema } from '../../../schemas/hazards.js';
import { api } from '../../app/api/api-client';

export const hazardsPath = '/api/v1/hazards';
export const hazardStatuses = ['reported', 'confirmed', 'rejected', 'fixed_on_spot', 'under_rectification', 'submitted_for_acceptance', 'closed'] as const;
export type HazardStatus = HazardDto['status'];
export type HazardStatisticsDto = z.infer<typeof hazardStatisticsSchema>;

/** The lifecycle's step paths (POST /api/v1/hazards/:id/<step>); see hazard-transitions.routes.ts. */
export type HazardStep = 'confirm' | 'reject' | 'fix-on-spot' | 'rectification-plan' | 'remediation-plan' | 'submit' | 'accept' | 'send-back' | 'publish';

export const reportRoles = ['principal', 'safety_manager', 'consultant', 'regulator'] as const satisfies readonly EnterpriseRole[];

export function useHazard(id: string | undefined) {
  return useQuery({ queryKey: [hazardsPath, 'detail', id], enabled: Boolean(id), queryFn: () => api<HazardDetailDto>(`${hazardsPath}/${id}`) });
}

export function useHazardStep(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ step, body }: { step: HazardStep; body: unknown }) => api<HazardDetailDto>(`${hazardsPath}/${id}/${step}`, { method: 'POST', body }),
    onSuccess: async (detail) => {
      client.setQueryData([hazardsPath, 'detail', id], detail);
      await client.invalidateQueries({ queryKey: [hazardsPath] });
      await client.invalidateQueries({ queryKey: ['/api/v1/notifications'] });
    },
  });
}

export interface MajorHazardCriterionOption {
  id: string;
  article: number;
  text: string;
  verified: boolean;
}

interface CriteriaSet {
  articles: Record<string, { field: string; label: string }>;
  items: { id: string; article: number; seq: number; text: string; verified: boolean }[];
}

/** 10号令 criteria in the UI language; only verified wording may be picked (the rest is guidance). */
export function useMajorHazardCriteria(locale: string, enabled = true) {
  return useQuery({
    queryKey: ['/api/v1/reference/major-hazard-criteria', locale],
    enabled,
    staleTime: Infinity,
    queryFn: async () => {
      const set = await api<CriteriaSet>('/api/v1/reference/major-hazard-criteria');
      const items = (set.items ?? []).map((c) => ({ id: c.id, article: c.article, text: c.text, verified: c.verified }));
      return { articles: set.articles ?? {}, items };
    },
  });
}

/** The enterprise's time zone (from the shifts settings); dates are shown in it (DESIGN.md, Front end). */
export function useEnterpriseTimeZone(): string {
  const query = useQuery({ queryKey: ['/api/v1/shifts'], staleTime: 5 * 60_000, queryFn: () => api<{ timeZone: string }>('/api/v1/shifts') });
  return query.data?.timeZone ?? 'Asia/Shanghai';
}

export function formatDateTime(iso: string | null | undefined, timeZone: string, locale: string): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat(locale, { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(iso));
}

export function formatDate(iso: string | null | undefined, timeZone: string, locale: string): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat(locale, { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}

export function formatCny(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY', maximumFractionDigits: 2 }).format(value);
}
