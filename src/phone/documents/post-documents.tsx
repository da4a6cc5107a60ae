import { useTranslation } from 'react-i18next';
import type { PostDocumentDto } from '../../schemas/documents.js';
import { useApi } from '../app/use-api';

/** On the post's page (/m/p/:id): the current version of each document issued to the post (seed 000 二(四)2). */
export function PostDocumentsSection({ postId }: { postId: string }) {
  const { t } = useTranslation();
  const { data } = useApi<{ items: PostDocumentDto[] }>(`/api/v1/posts/${encodeURIComponent(postId)}/documents`);
  if (!data || data.items.length === 0) return null;
  return (
    <>
      <div className="section-title">{t('place.documents')}</div>
      <section className="card" data-testid="post-documents">
        {data.items.map((d) => (
          <div key={d.documentId} style={{ marginBottom: 8 }}>
            <a href={d.hasFile ? `/api/v1/documents/${d.documentId}/versions/${d.versionId}/file` : `/api/v1/documents/${d.documentId}/document.docx`}>
              {d.number} {d.title}
            </a>
            <div className="muted">{t('place.documentVersion', { no: d.versionNo, on: d.issuedOn ?? '' })}</div>
          </div>
        ))}
      </section>
    </>
  );
}
