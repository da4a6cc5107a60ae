import { BellOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Drawer, Empty, Grid, List, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { NotificationDto } from '../../../schemas/notifications.js';
import { api } from '../../app/api/api-client';
import { useCurrentUser } from '../../app/auth/use-me';
import { formatDateTime, useEnterpriseTimeZone } from '../hazards/hazard-api';

const notificationsPath = '/api/v1/notifications';
interface NotificationPage {
  items: NotificationDto[];
  nextCursor: string | null;
  unread: number;
}

/** Header bell: unread count polled every minute, the latest notices in a drawer, click → the linked page. */
export function NotificationBell({ isCompact = false }: { isCompact?: boolean }) {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const client = useQueryClient();
  const screens = Grid.useBreakpoint();
  const tz = useEnterpriseTimeZone();
  const [isOpen, setOpen] = useState(false);
  const enterpriseId = me.activeEnterpriseId;
  const list = useQuery({
    queryKey: [notificationsPath, enterpriseId],
    enabled: enterpriseId !== null,
    refetchInterval: 60_000,
    queryFn: () => api<NotificationPage>(notificationsPath, { query: { limit: 30 } }),
  });
  const markRead = useMutation({
    mutationFn: (body: { ids: string[] } | { all: true }) => api(`${notificationsPath}/read`, { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: [notificationsPath] }),
  });
  if (enterpriseId === null) return null;
  const unread = list.data?.unread ?? 0;

  function open(n: NotificationDto) {
    if (!n.readAt) markRead.mutate({ ids: [n.id] });
    setOpen(false);
    if (n.link.startsWith('/')) navigate(n.link);
  }

  return (
    <>
      <Badge count={unread} size="small" offset={[-6, 6]} overflowCount={99}>
        <Button type="text" icon={<BellOutlined style={{ fontSize: 18 }} />} aria-label={t('notificationUi.bell', { count: unread })} onClick={() => setOpen(true)} data-testid="notification-bell" style={isCompact ? { paddingInline: 6 } : undefined} />
      </Badge>
      <Drawer
        title={t('notificationUi.title')}
        open={isOpen}
        onClose={() => setOpen(false)}
        size={screens.md ? 420 : '100%'}
        extra={
          unread > 0 && (
            <Button size="small" onClick={() => markRead.mutate({ all: true })} loading={markRead.isPending} data-testid="notifications-read-all">
              {t('notificationUi.readAll')}
            </Button>
          )
        }
      >
        {list.data && list.data.items.length === 0 ? (
          <Empty description={t('notificationUi.empty')} />
        ) : (
          <List<NotificationDto>
            loading={list.isLoading}
            dataSource={list.data?.items ?? []}
            rowKey="id"
            renderItem={(n) => (
              <List.Item
                onClick={() => open(n)}
                style={{ cursor: 'pointer', paddingInline: 8, background: n.readAt ? undefined : '#e6f4ff', borderRadius: 4 }}
                data-testid="notification-item"
              >
                <List.Item.Meta
                  title={
                    <Space size={4}>
                      {!n.readAt && <Badge status="processing" />}
                      <Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>
                    </Space>
                  }
                  description={
                    <>
                      <div style={{ overflowWrap: 'anywhere' }}>{n.body}</div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {formatDateTime(n.createdAt, tz, i18n.language)}
                      </Typography.Text>
                    </>
                  }
                />
              </List.Item>
            )}
          />
        )}
      </Drawer>
    </>
  );
}
