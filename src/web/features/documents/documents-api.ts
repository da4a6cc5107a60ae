import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DocumentDto, DocumentListItemDto, DocumentTemplateDto, PostDocumentDto } from '../../../schemas/documents.js';
import type { PostLegalClauseDto } from '../../../schemas/legal-register.js';
import { api, type Page } from '../../app/api/api-client';

export const documentPaths = {
  documents: '/api/v1/documents',
  templates: '/api/v1/document-templates',
  postDocuments: (postId: string) => `/api/v1/posts/${postId}/documents`,
} as const;

/** The newest 200 documents, or those whose number, title or text contains `q`. */
export function useDocuments(q = '') {
  return useQuery({
    queryKey: [documentPaths.documents, 'list', q],
    queryFn: () => api<Page<DocumentListItemDto>>(documentPaths.documents, { query: { limit: 200, ...(q && { q }) } }),
  });
}

export function useDocument(id: string) {
  return useQuery({ queryKey: [documentPaths.documents, id], enabled: Boolean(id), queryFn: () => api<DocumentDto>(`${documentPaths.documents}/${id}`) });
}

export function useDocumentTemplates(enabled: boolean) {
  return useQuery({ queryKey: [documentPaths.templates], enabled, queryFn: () => api<{ items: DocumentTemplateDto[] }>(documentPaths.templates) });
}

export function usePostDocuments(postId: string | undefined) {
  return useQuery({ queryKey: [documentPaths.documents, 'post', postId], enabled: Boolean(postId), queryFn: () => api<{ items: PostDocumentDto[] }>(documentPaths.postDocuments(postId ?? '')) });
}

export function usePostLegalClauses(postId: string | undefined) {
  return useQuery({ queryKey: ['/api/v1/legal-requirements', 'post', postId], enabled: Boolean(postId), queryFn: () => api<{ items: PostLegalClauseDto[] }>(`/api/v1/posts/${postId ?? ''}/legal-clauses`) });
}

/** One step on a document (draft, approve, distribution, withdraw, file); the answer is the whole document. */
export function useDocumentStep(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ method, step, body, contentType, query }: { method: 'PUT' | 'POST' | 'PATCH'; step: string; body?: unknown; contentType?: string; query?: Record<string, string> }) =>
      api<DocumentDto>(`${documentPaths.documents}/${id}${step ? `/${step}` : ''}`, { method, body, contentType, query }),
    onSuccess: async (doc) => {
      client.setQueryData([documentPaths.documents, id], doc);
      await client.invalidateQueries({ queryKey: [documentPaths.documents, 'list'] });
      await client.invalidateQueries({ queryKey: [documentPaths.documents, 'post'] });
    },
  });
}
