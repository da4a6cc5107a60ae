import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReviewDto, ReviewSummaryDto } from '../../../schemas/initial-review.js';
import { api } from '../../app/api/api-client';

export const reviewsPath = '/api/v1/initial-reviews';

export function useReviews() {
  return useQuery({ queryKey: [reviewsPath], queryFn: () => api<{ items: ReviewSummaryDto[] }>(reviewsPath) });
}

export function useReview(id: string) {
  return useQuery({ queryKey: [reviewsPath, id], queryFn: () => api<ReviewDto>(`${reviewsPath}/${id}`), enabled: Boolean(id) });
}

/** Any write of a review; the answer is the whole review. */
export function useReviewStep(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ method, path, body }: { method: 'POST' | 'PUT'; path: string; body?: unknown }) => api<ReviewDto>(`${reviewsPath}/${id}/${path}`, { method, body }),
    onSuccess: (review) => {
      client.setQueryData([reviewsPath, id], review);
      void client.invalidateQueries({ queryKey: [reviewsPath], exact: true });
    },
  });
}
