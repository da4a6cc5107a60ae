import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LateListDto, StatisticsSubmissionDto } from '../../../schemas/oversight-statistics.js';
import { api } from '../../app/api/api-client';
import { LoadMore } from '../../app/ui/load-more';
import { usePagedList } from '../../app/ui/use-paged-list';

const inboxPath = '/api/v1/oversight/statistics';

/** 16号令 Art. 14: the statistics the enterprises submitted, to acknowledge, and who is late. */
export function StatisticsInboxCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  // Newest first, 20 at a time ("load more").
  const inbox = usePagedList<StatisticsSubmissionDto>(inboxPath, {}, 20);
  // Only a regulator with a jurisdiction has a late list (403 otherwise: the card leaves it out).
  const late = useQuery({ queryKey: [`${inboxPath}/late`], retry: false, queryFn: () => api<LateListDto>(`${inboxPath}/late`) });
  const acknowledge = useMutation({
    mutationFn: (id: string) => api<StatisticsSubmissionDto>(`${inboxPath}/${id}/acknowledge`, { method: 'POST' }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: [inboxPath] });
      void message.success(t('oversightUi.acknowledged'));
    },
    onError: (error) => void message.error(error.message),
  });
  const figure = (s: StatisticsSubmissionDto, key: string) => (typeof s.figures[key] === 'number' ? (s.figures[key] as number) : 0);
  return (
    <Card size="small" title={t('statisticsUi.inbox')} style={{ marginBottom: 12 }} data-testid="statistics-inbox">
      <List
        size="small"
        loading={inbox.isLoading}
        locale={{ emptyText: t('oversightUi.inboxEmpty') }}
        dataSource={inbox.items}
        renderItem={(s) => (
          <List.Item
            data-testid="statistics-item"
            actions={[
              s.isAcknowledgedByMe ? (
                <Tag key="ack" color="green">
                  {t('oversightUi.isAcknowledged')}
                </Tag>
              ) : (
                <Button key="ack" size="small" type="primary" onClick={() => acknowledge.mutate(s.id)}>
                  {t('oversightUi.acknowledge')}
                </Button>
              ),
            ]}
          >
            <Space size={4} wrap>
              <Typography.Text strong>{s.enterpriseName}</Typography.Text>
              <Tag>{s.periodKey}</Tag>
              {s.isLate && <Tag color="orange">{t('statisticsUi.late')}</Tag>}
              <Typography.Text type="secondary">{t('statisticsUi.figures', { found: figure(s, 'found'), fixed: figure(s, 'fixed'), major: figure(s, 'foundMajor') })}</Typography.Text>
            </Space>
          </List.Item>
        )}
      />
      <LoadMore list={inbox} testId="statistics-load-more" />
      {late.data?.periods.map((p) => (
        <div key={p.periodKey} style={{ marginTop: 8 }} data-testid="statistics-late">
          <Typography.Text strong>{t('statisticsUi.lateTitle', { period: p.periodKey, due: p.dueOn, n: p.truncatedAt !== null ? `${p.truncatedAt.toLocaleString()}+` : p.items.length })}</Typography.Text>
          <div>
            {p.items.slice(0, 50).map((i) => (
              <Tag key={i.enterpriseId} color={i.submittedAt ? 'orange' : 'red'}>
                {i.name}
              </Tag>
            ))}
            {p.items.length > 50 && <Typography.Text type="secondary">{t('statisticsUi.more', { n: p.items.length - 50 })}</Typography.Text>}
          </div>
          {p.truncatedAt !== null && <Typography.Text type="warning" data-testid="statistics-late-truncated">{t('statisticsUi.lateTruncated', { n: p.truncatedAt.toLocaleString() })}</Typography.Text>}
        </div>
      ))}
    </Card>
  );
}
