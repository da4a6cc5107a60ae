import { KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Avatar, Button, Dropdown, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../api/api-client';
import { meKey, useCurrentUser } from '../auth/use-me';

export function UserMenu({ isCompact = false }: { isCompact?: boolean }) {
  const me = useCurrentUser();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const roleLabel = me.user.isAdmin ? t('roles.admin') : me.role ? t(`roles.${me.role}`) : '';

  async function logout() {
    await api('/api/v1/auth/logout', { method: 'POST' }).catch(() => null);
    client.clear();
    client.setQueryData(meKey, null);
    navigate('/login', { replace: true });
  }

  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'who', disabled: true, label: <span>{me.user.displayName} · {roleLabel}</span> },
          { type: 'divider' },
          { key: 'password', icon: <KeyOutlined />, label: t('header.changePassword') },
          { key: 'logout', icon: <LogoutOutlined />, label: t('header.logout'), danger: true },
        ],
        onClick: ({ key }) => {
          if (key === 'password') navigate('/system/password');
          if (key === 'logout') void logout();
        },
      }}
    >
      <Button type="text" data-testid="user-menu" style={{ paddingInline: 6 }}>
        <Space size={6}>
          <Avatar size="small" icon={<UserOutlined />} style={{ background: '#1f4e8c' }} />
          {!isCompact && <Typography.Text style={{ maxWidth: 120 }} ellipsis>{me.user.displayName}</Typography.Text>}
        </Space>
      </Button>
    </Dropdown>
  );
}
