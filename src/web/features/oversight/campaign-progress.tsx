import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignEnterpriseDto, CampaignProgressDto } from '../../../schemas/oversight-campaigns.js';
import { api } from '../../app/api/api-client';

const statusColor = { not_started: 'default', in_progress: 'processing', completed: 'success' } as const;
const statusKey = { not_started: 'notStarted', in_progress: 'inProgress', completed: 'completed' } as const;

/** One campaign's progress: per town (findings open/closed included), per enterprise, and the "findings still open" filter. */
export function CampaignProgress({ path, id, townName }: { path: string; id: string; townName(code: string | null): string }) {
  const { t } = useTranslation();
  const [onlyOpen, setOnlyOpen] = useState(false);
  const progress = useInfiniteQuery({
    queryKey: [path, id, onlyOpen],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => api<CampaignProgressDto>(`${path}/${id}/progress`, { query: { ...(onlyOpen ? { findings: 'open' } : {}), cursor: pageParam ?? undefined, limit: 50 } }),
    getNextPageParam: (last) => last.nextCursor,
  });
  const data = progress.data?.pages[0];
  if (!data) return null;
  const enterprises = progress.data?.pages.flatMap((p) => p.enterprises) ?? [];
  const findings = (open: number | null, closed: number | null) =>
    open === null ? '—' : <span>{open > 0 ? <Tag color="red">{open}</Tag> : <Tag>0</Tag>} / {closed}</span>;
  return (
    <Space direction="vertical" style={{ width: '100%', marginTop: 12 }} data-testid="campaign-progress">
      <Typography.Title level={5}>
        {t('campaignUi.progress')}：{data.campaign.title}
      </Typography.Title>
      <Table
        rowKey={(r) => r.townCode ?? '-'}
        size="small"
        pagination={false}
        dataSource={data.towns}
        columns={[
          { key: 'town', title: t('campaignUi.town'), render: (_v, r) => townName(r.townCode) },
          { key: 'n', title: t('campaignUi.enterprises'), dataIndex: 'enterprises', align: 'right' },
          { key: 'ns', title: t('campaignUi.notStarted'), dataIndex: 'notStarted', align: 'right' },
          { key: 'ip', title: t('campaignUi.inProgress'), dataIndex: 'inProgress', align: 'right' },
          { key: 'c', title: t('campaignUi.completed'), render: (_v, r) => `${r.completed}（${t('campaignUi.onTime')} ${r.completedOnTime} / ${t('campaignUi.late')} ${r.completedLate}）` },
          { key: 'fo', title: `${t('campaignUi.findingsOpen')} / ${t('campaignUi.findingsClosed')}`, align: 'right', render: (_v, r) => findings(r.findingsOpen, r.findingsClosed) },
          { key: 'wo', title: t('campaignUi.withOpenFindings'), dataIndex: 'withOpenFindings', align: 'right' },
        ]}
      />
      <Space>
        <Switch checked={onlyOpen} onChange={setOnlyOpen} data-testid="campaign-open-findings" />
        {t('campaignUi.onlyOpenFindings')}
      </Space>
      <Table<CampaignEnterpriseDto>
        rowKey="enterpriseId"
        size="small"
        loading={progress.isFetching}
        pagination={false}
        dataSource={enterprises}
        columns={[
          { key: 'name', title: t('campaignUi.enterprise'), dataIndex: 'name' },
          { key: 'town', title: t('campaignUi.town'), render: (_v, r) => townName(r.townCode) },
          { key: 'status', title: t('campaignUi.status'), render: (_v, r) => <Tag color={statusColor[r.status]}>{t(`campaignUi.${statusKey[r.status]}`)}</Tag> },
          { key: 'score', title: t('campaignUi.score'), align: 'right', render: (_v, r) => r.score ?? '—' },
          { key: 'at', title: t('campaignUi.completedAt'), render: (_v, r) => (r.completedAt ? `${new Date(r.completedAt).toLocaleDateString()} ${r.isOnTime ? t('campaignUi.onTime') : t('campaignUi.late')}` : '—') },
          { key: 'findings', title: `${t('campaignUi.findingsOpen')} / ${t('campaignUi.findingsClosed')}`, align: 'right', render: (_v, r) => findings(r.findingsOpen, r.findingsClosed) },
        ]}
      />
      {progress.hasNextPage && (
        <Button onClick={() => void progress.fetchNextPage()} loading={progress.isFetchingNextPage} data-testid="campaign-load-more">
          {t('common.loadMore')}
        </Button>
      )}
    </Space>
  );
}
