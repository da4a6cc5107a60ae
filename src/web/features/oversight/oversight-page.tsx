import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Badge, Button, Card, List, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BureauReportDto, OversightOverviewDto } from '../../../schemas/oversight.js';
import { api } from '../../app/api/api-client';
import { meKey } from '../../app/auth/use-me';
import { LoadMore } from '../../app/ui/load-more';
import { PageHeader } from '../../app/ui/page-header';
import { usePagedList } from '../../app/ui/use-paged-list';
import { StatisticsInboxCard } from './statistics-inbox-card';

const overviewPath = '/api/v1/oversight/overview';
const inboxPath = '/api/v1/bureau-reports';

/**
 * Where a regulator (and a consultant) lands: the enterprises it is linked to with what needs its
 * attention, and the inbox of major-hazard reports to acknowledge (seed 001 Art. 17; issue 9 item 10).
 */
export function OversightPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const overview = useQuery({ queryKey: [overviewPath], queryFn: () => api<OversightOverviewDto>(overviewPath) });
  // Newest first, 20 at a time ("load more").
  const inbox = usePagedList<BureauReportDto>(inboxPath, {}, 20);
  const acknowledge = useMutation({
    mutationFn: (id: string) => api<BureauReportDto>(`${inboxPath}/${id}/acknowledge`, { method: 'POST', body: {} }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: [inboxPath] });
      await client.invalidateQueries({ queryKey: [overviewPath] });
      void message.success(t('oversightUi.acknowledged'));
    },
    onError: (error) => void message.error(error.message),
  });
  const enter = useMutation({
    mutationFn: (enterpriseId: string) => api('/api/v1/auth/active-enterprise', { method: 'POST', body: { enterpriseId } }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: meKey });
      window.location.assign('/org/posts');
    },
    onError: (error) => void message.error(error.message),
  });
  const items = overview.data?.items ?? [];
  return (
    <div data-testid="oversight-page">
      <PageHeader title={t('oversightUi.title')} hint={t('oversightUi.hint')} />
      <Card size="small" title={t('oversightUi.inbox')} style={{ marginBottom: 12 }}>
        <List
          data-testid="oversight-inbox"
          loading={inbox.isLoading}
          locale={{ emptyText: t('oversightUi.inboxEmpty') }}
          dataSource={inbox.items}
          renderItem={(r) => (
            <List.Item
              data-testid="inbox-item"
              actions={[
                <Button key="docx" size="small" href={r.docxUrl}>
                  {t('oversightUi.docx')}
                </Button>,
                r.isAcknowledgedByMe ? (
                  <Tag key="ack" color="green">
                    {t('oversightUi.isAcknowledged')}
                  </Tag>
                ) : (
                  <Button key="ack" size="small" type="primary" loading={acknowledge.isPending} onClick={() => acknowledge.mutate(r.id)} data-testid="acknowledge">
                    {t('oversightUi.acknowledge')}
                  </Button>
                ),
              ]}
            >
              <List.Item.Meta
                title={
                  <Space size={4} wrap>
                    <Tag color={r.kind === 'result' ? 'blue' : 'red'}>{t(`oversightUi.kind.${r.kind}`)}</Tag>
                    <Typography.Text strong>{r.enterpriseName}</Typography.Text>
                  </Space>
                }
                description={`${r.summary} · ${r.bureau} · ${new Date(r.reportedAt).toLocaleString()}${r.reportedByName ? ` · ${r.reportedByName}` : ''}`}
              />
            </List.Item>
          )}
        />
        <LoadMore list={inbox} testId="inbox-load-more" />
      </Card>
      <StatisticsInboxCard />
      <Table
        rowKey="enterpriseId"
        size="middle"
        pagination={false}
        loading={overview.isLoading}
        dataSource={items}
        scroll={{ x: 'max-content' }}
        data-testid="oversight-enterprises"
        columns={[
          { key: 'name', dataIndex: 'name', title: t('oversightUi.enterprise'), render: (name: string) => <Typography.Text strong>{name}</Typography.Text> },
          { key: 'industry', dataIndex: 'industry', title: t('oversightUi.industry'), render: (i: string) => t(`industry.${i}`) },
          { key: 'region', dataIndex: 'regionCode', title: t('oversightUi.region') },
          {
            key: 'major',
            title: t('oversightUi.openMajor'),
            render: (_v, e: OversightOverviewDto['items'][number]) => <Badge count={e.openMajorHazards} showZero color={e.openMajorHazards ? 'red' : 'green'} />,
          },
          { key: 'open', dataIndex: 'openHazards', title: t('oversightUi.openHazards'), align: 'right' },
          { key: 'reports', dataIndex: 'unacknowledgedReports', title: t('oversightUi.unacknowledged'), align: 'right' },
          {
            key: 'posts',
            title: t('oversightUi.postLevels'),
            render: (_v, e: OversightOverviewDto['items'][number]) => t('oversightUi.postLevelCounts', { major: e.postsByLevel.major ?? 0, significant: e.postsByLevel.significant ?? 0 }),
          },
          {
            key: 'enter',
            title: '',
            render: (_v, e: OversightOverviewDto['items'][number]) => (
              <Button size="small" onClick={() => enter.mutate(e.enterpriseId)}>
                {t('oversightUi.enter')}
              </Button>
            ),
          },
        ]}
      />
    </div>
  );
}
