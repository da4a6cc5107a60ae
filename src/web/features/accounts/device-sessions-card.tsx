import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Popconfirm, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DeviceSessionDto } from '../../../schemas/accounts.js';
import { api } from '../../app/api/api-client';

const path = '/api/v1/device-sessions';
const when = (iso: string) => iso.slice(0, 16).replace('T', ' ');
/** A short name for a phone from its user agent ("iPhone", "Android", "WeChat"). */
function deviceName(userAgent: string | null): string {
  if (!userAgent) return '—';
  const parts = [/MicroMessenger/i.test(userAgent) && 'WeChat', /iPhone|iPad/i.test(userAgent) && 'iPhone', /Android/i.test(userAgent) && 'Android'].filter(Boolean);
  return parts.length ? parts.join(' · ') : userAgent.slice(0, 40);
}

/** 已记住的手机: the enterprise's device sessions; the safety manager signs a lost phone out (issue 8 §3). */
export function DeviceSessionsCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const devices = useQuery({ queryKey: [path], queryFn: () => api<{ items: DeviceSessionDto[] }>(path) });
  const revoke = useMutation({
    mutationFn: (id: string) => api(`${path}/${id}`, { method: 'DELETE' }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: [path] });
      void message.success(t('devices.revoked'));
    },
    onError: (error) => void message.error(error.message),
  });
  return (
    <Card title={t('devices.title')} style={{ marginTop: 16 }} data-testid="device-sessions">
      <Typography.Paragraph type="secondary">{t('devices.hint')}</Typography.Paragraph>
      <Table<DeviceSessionDto>
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        loading={devices.isLoading}
        dataSource={devices.data?.items ?? []}
        locale={{ emptyText: t('devices.empty') }}
        columns={[
          { key: 'person', dataIndex: 'displayName', title: t('devices.person') },
          { key: 'device', dataIndex: 'userAgent', title: t('devices.device'), render: deviceName },
          { key: 'since', dataIndex: 'createdAt', title: t('devices.since'), render: when },
          { key: 'lastSeen', dataIndex: 'lastSeenAt', title: t('devices.lastSeen'), render: when },
          { key: 'expires', dataIndex: 'expiresAt', title: t('devices.expires'), render: (v: string) => v.slice(0, 10) },
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_v, d) => (
              <Popconfirm title={t('devices.revokeConfirm')} onConfirm={() => revoke.mutate(d.id)} okText={t('devices.revoke')} cancelText={t('common.cancel')}>
                <Button size="small" type="link" danger data-testid="revoke-device">
                  {t('devices.revoke')}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </Card>
  );
}
