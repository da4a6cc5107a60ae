import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RiskEvaluationInputBody, RiskEvaluationResult } from '../../../schemas/risk-evaluation.js';
import type { RiskDetailDto, RiskOverviewDto } from '../../../schemas/risks.js';
import { api } from '../../app/api/api-client';

export const riskPaths = {
  risks: '/api/v1/risks',
  overview: '/api/v1/risk-overview',
  evaluations: '/api/v1/risk-evaluations',
} as const;

/** Every query of this feature starts with this key, so one invalidation refreshes register, post page and overview. */
export const risksKey = [riskPaths.risks] as const;

interface Source {
  standard: string;
  edition: string;
  title: string;
}

export interface AccidentTypeSet {
  source: Source;
  items: { code: string; printedCode: string; label: string }[];
}
export interface HazardFactorSet {
  source: Source;
  items: { code: string; level: number; parentCode: string | null; label: string; status: string }[];
}
export interface LecTableSet {
  source: Source;
  factors: Record<'L' | 'E' | 'C', string>;
  L: { value: number; label: string }[];
  E: { value: number; label: string }[];
  C: { value: number; label: string; altLabel?: string }[];
  dangerDescriptions: { range: string; label: string }[];
}
export interface LsScaleSet {
  source: Source;
  factors: Record<'L' | 'S', string>;
  L: { value: number; criterion: string }[];
  S: { value: number; law: string; people: string; directLoss: string; downtime: string; reputation: string }[];
}
export interface MeasureTypeSet {
  source: Source;
  items: { code: string; rank: number; label: string; examples: string }[];
  phases: { code: string; label: string }[];
}
export interface ControlTierSet {
  source: Source;
  order: string[];
  labels: Record<string, string>;
  defaultProfile: { id: string; label: string; mapping: Record<string, string> };
}

interface ReferenceSets {
  'accident-types': AccidentTypeSet;
  'hazard-factors': HazardFactorSet;
  'lec-tables': LecTableSet;
  'ls-scales': LsScaleSet;
  'measure-types': MeasureTypeSet;
  'control-tiers': ControlTierSet;
}

/** A reference set in the UI language (the server localises labels by Accept-Language). */
export function useReference<K extends keyof ReferenceSets>(set: K) {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: ['reference', set, i18n.language],
    staleTime: 60 * 60_000,
    queryFn: () => api<ReferenceSets[K]>(`/api/v1/reference/${set}`),
  });
}

export function useRiskOverview() {
  return useQuery({ queryKey: [riskPaths.risks, 'overview'], queryFn: () => api<RiskOverviewDto>(riskPaths.overview) });
}

export function useRiskDetail(id: string | null) {
  return useQuery({
    queryKey: [riskPaths.risks, 'detail', id],
    enabled: id !== null,
    queryFn: () => api<RiskDetailDto>(`${riskPaths.risks}/${id}`),
  });
}

export function useDebounced<T>(value: T, delayMs = 300): T {
  const [debounced, setDebounced] = useState(value);
  const key = JSON.stringify(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delayMs);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the serialised value is the dependency
  }, [key, delayMs]);
  return debounced;
}

/** Live preview: evaluates (debounced) without storing anything; null body = not enough input yet. */
export function useEvaluationPreview(body: RiskEvaluationInputBody | null) {
  const debounced = useDebounced(body, 300);
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: ['risk-evaluation-preview', debounced, i18n.language],
    enabled: debounced !== null,
    retry: false,
    staleTime: Infinity,
    placeholderData: (previous) => previous,
    queryFn: () => api<RiskEvaluationResult>(riskPaths.evaluations, { method: 'POST', body: debounced }),
  });
}
