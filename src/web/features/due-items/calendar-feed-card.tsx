import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Popconfirm, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api/api-client';

const feedPath = '/api/v1/calendar-feed';

/** 订阅到手机日历: the caller's secret .ics URL (shown once when made), remade or revoked here. */
export function CalendarFeedCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const state = useQuery({ queryKey: [feedPath], queryFn: () => api<{ isActive: boolean; createdAt: string | null }>(feedPath) });
  const [url, setUrl] = useState<string | null>(null);
  const make = useMutation({
    mutationFn: () => api<{ path: string }>(feedPath, { method: 'POST' }),
    onSuccess: async (r) => {
      setUrl(`${window.location.origin}${r.path}`);
      await client.invalidateQueries({ queryKey: [feedPath] });
    },
    onError: (e) => void message.error(e.message),
  });
  const revoke = useMutation({
    mutationFn: () => api(feedPath, { method: 'DELETE' }),
    onSuccess: async () => {
      setUrl(null);
      await client.invalidateQueries({ queryKey: [feedPath] });
    },
    onError: (e) => void message.error(e.message),
  });
  const isActive = state.data?.isActive ?? false;
  return (
    <Card size="small" title={t('calendarUi.feed.title')} data-testid="calendar-feed" style={{ marginTop: 12 }}>
      <Typography.Paragraph type="secondary">{t('calendarUi.feed.hint')}</Typography.Paragraph>
      {url && (
        <Typography.Paragraph copyable={{ text: url }} data-testid="calendar-feed-url">
          <Typography.Text code>{url}</Typography.Text>
        </Typography.Paragraph>
      )}
      {!url && isActive && <Typography.Paragraph>{t('calendarUi.feed.active', { at: state.data?.createdAt?.slice(0, 10) })}</Typography.Paragraph>}
      <Space>
        <Button type={isActive ? 'default' : 'primary'} onClick={() => make.mutate()} loading={make.isPending} data-testid="calendar-feed-make">
          {isActive ? t('calendarUi.feed.remake') : t('calendarUi.feed.make')}
        </Button>
        {isActive && (
          <Popconfirm title={t('calendarUi.feed.revokeConfirm')} onConfirm={() => revoke.mutate()}>
            <Button danger data-testid="calendar-feed-revoke">
              {t('calendarUi.feed.revoke')}
            </Button>
          </Popconfirm>
        )}
      </Space>
    </Card>
  );
}
