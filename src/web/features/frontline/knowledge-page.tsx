import { useQuery } from '@tanstack/react-query';
import { Select, Space, Tag } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PostKnowledgeCheckDto } from '../../../schemas/post-knowledge.js';
import { api } from '../../app/api/api-client';
import { PageHeader } from '../../app/ui/page-header';
import { ResponsiveTable } from '../../app/ui/responsive-table';
import { formatDateTime, useEnterpriseTimeZone } from '../hazards/hazard-api';
import { usePosts } from '../org/use-org-lookups';

const path = '/api/v1/post-knowledge-checks';

/** /frontline/knowledge — 应知应会 results per person and post (issue 11 §6): the latest attempt of each, or every attempt. */
export function KnowledgePage() {
  const { t, i18n } = useTranslation();
  const timeZone = useEnterpriseTimeZone();
  const posts = usePosts();
  const [year, setYear] = useState(new Date().getFullYear());
  const [postId, setPostId] = useState<string | undefined>();
  const [isLatestOnly, setIsLatestOnly] = useState(true);
  const results = useQuery({ queryKey: [path, year, postId], queryFn: () => api<{ items: PostKnowledgeCheckDto[] }>(path, { query: { year, postId, limit: 500 } }) });
  const rows = useMemo(() => {
    const items = results.data?.items ?? [];
    if (!isLatestOnly) return items;
    const seen = new Set<string>();
    return items.filter((r) => (seen.has(`${r.personId}|${r.postId}`) ? false : (seen.add(`${r.personId}|${r.postId}`), true)));
  }, [results.data, isLatestOnly]);
  const columns: ColumnType<PostKnowledgeCheckDto>[] = [
    { key: 'person', title: t('frontlineUi.knowledge.person'), render: (_v, r) => r.personName },
    { key: 'post', title: t('frontlineUi.knowledge.post'), render: (_v, r) => r.postName },
    { key: 'score', title: t('frontlineUi.knowledge.score'), width: 90, render: (_v, r) => `${r.score} / ${r.total}` },
    { key: 'passed', title: t('frontlineUi.knowledge.result'), width: 100, render: (_v, r) => <Tag color={r.isPassed ? 'green' : 'red'}>{r.isPassed ? t('frontlineUi.knowledge.passed') : t('frontlineUi.knowledge.failed')}</Tag> },
    { key: 'at', title: t('frontlineUi.knowledge.at'), render: (_v, r) => formatDateTime(r.createdAt, timeZone, i18n.language) },
  ];
  return (
    <div data-testid="knowledge-page">
      <PageHeader
        title={t('frontlineUi.knowledge.title')}
        hint={t('frontlineUi.knowledge.hint')}
        extra={
          <Space wrap>
            <Select value={year} onChange={setYear} style={{ width: 100 }} options={[year - 1, year, year + 1].map((y) => ({ value: y, label: String(y) }))} />
            <Select allowClear showSearch optionFilterProp="label" placeholder={t('frontlineUi.knowledge.post')} value={postId} onChange={setPostId} style={{ width: 180 }} options={posts.options} />
            <Select
              value={isLatestOnly ? 'latest' : 'all'}
              onChange={(v) => setIsLatestOnly(v === 'latest')}
              style={{ width: 150 }}
              options={[
                { value: 'latest', label: t('frontlineUi.knowledge.latest') },
                { value: 'all', label: t('frontlineUi.knowledge.all') },
              ]}
            />
          </Space>
        }
      />
      <ResponsiveTable<PostKnowledgeCheckDto> dataSource={rows} columns={columns} loading={results.isLoading} locale={{ emptyText: t('common.empty') }} />
    </div>
  );
}
