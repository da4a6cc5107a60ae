import { PaperClipOutlined } from '@ant-design/icons';
import { Card, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { documentPaths, usePostDocuments, usePostLegalClauses } from './documents-api';

/** The post page's current documents (seed 000 二(四)2: every post gets the valid version, never an obsolete one). */
export function PostDocumentsCard({ postId }: { postId: string }) {
  const { t } = useTranslation();
  const docs = usePostDocuments(postId);
  const clauses = usePostLegalClauses(postId);
  return (
    <Card size="small" title={t('documentsUi.post.title')} style={{ marginTop: 12 }} data-testid="post-documents">
      <List
        size="small"
        loading={docs.isLoading}
        dataSource={docs.data?.items ?? []}
        locale={{ emptyText: t('documentsUi.post.none') }}
        renderItem={(d) => (
          <List.Item
            data-testid={`post-document-${d.number}`}
            actions={[
              d.hasFile ? (
                <a key="file" href={`${documentPaths.documents}/${d.documentId}/versions/${d.versionId}/file`}>
                  <PaperClipOutlined />
                </a>
              ) : null,
              <Link key="open" to={`/documents/${d.documentId}`}>
                {t('documentsUi.post.open')}
              </Link>,
            ]}
          >
            <Typography.Text>
              {d.number} {d.title}
            </Typography.Text>{' '}
            <Tag color="success">{`${t('documentsUi.list.version', { no: d.versionNo })} · ${t('documentsUi.validity.current')}`}</Tag>
            <Typography.Text type="secondary">{d.issuedOn}</Typography.Text>
          </List.Item>
        )}
      />
      {(clauses.data?.items.length ?? 0) > 0 && (
        <List
          size="small"
          header={t('documentsUi.post.legalTitle')}
          dataSource={clauses.data?.items ?? []}
          data-testid="post-legal-clauses"
          renderItem={(c) => (
            <List.Item>
              <Typography.Text>
                {c.title} {c.clause}
              </Typography.Text>{' '}
              <Typography.Text type="secondary">{c.summary}</Typography.Text>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
