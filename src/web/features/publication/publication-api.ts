import { useQuery } from '@tanstack/react-query';
import type { LocalizedLabel, NoticeBoard, RiskCard, RiskMap } from '../../../schemas/publication.js';
import { api, ApiError } from '../../app/api/api-client';
import { currentLocale } from '../../app/i18n/i18n';

export const publicationKeys = {
  card: (postId: string) => ['publication', 'risk-card', postId] as const,
  board: (areaId: string) => ['publication', 'notice-board', areaId] as const,
  map: ['publication', 'risk-map'] as const,
};

export function useRiskCard(postId: string) {
  return useQuery({ queryKey: publicationKeys.card(postId), queryFn: () => api<RiskCard>(`/api/v1/posts/${postId}/risk-card`), retry: false });
}

export function useNoticeBoard(areaId: string) {
  return useQuery({ queryKey: publicationKeys.board(areaId), queryFn: () => api<NoticeBoard>(`/api/v1/areas/${areaId}/notice-board`), retry: false });
}

export function useRiskMap() {
  return useQuery({ queryKey: publicationKeys.map, queryFn: () => api<RiskMap>('/api/v1/risk-map') });
}

/** The floor plan URL changes with its content, so a replaced plan is never served from cache. */
export function floorPlanUrl(map: RiskMap): string | null {
  return map.floorPlan ? `/api/v1/risk-map/floor-plan?v=${map.floorPlan.sha256.slice(0, 12)}` : null;
}

export function label(text: LocalizedLabel): string {
  return text[currentLocale()];
}

export function formatStamp(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** PUT with a JSON body; answers are parsed like every other call (problem+json → ApiError). */
export async function putJson<T>(path: string, body: unknown): Promise<T> {
  const response = await fetch(path, {
    method: 'PUT',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json', 'Accept-Language': currentLocale() },
    body: JSON.stringify(body),
    credentials: 'same-origin',
  });
  const payload = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok) throw new ApiError(response.status, payload);
  return payload as T;
}
