import { useQuery } from '@tanstack/react-query';
import type { HomeSummaryDto } from '../../../schemas/home.js';
import { api } from '../../app/api/api-client';

export const homeSummaryPath = '/api/v1/home-summary';

export function useHomeSummary() {
  return useQuery({ queryKey: [homeSummaryPath], queryFn: () => api<HomeSummaryDto>(homeSummaryPath) });
}
