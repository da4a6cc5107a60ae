import { IdcardOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { App, Button, Form, Input, Select, Space, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router';
import type { BadgeDto, IssuedCredential } from '../../../schemas/accounts.js';
import type { CredentialSheetState } from '../accounts/credentials-print-page';
import { DeviceSessionsCard } from '../accounts/device-sessions-card';
import type { ColumnType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AccountDto, createAccountSchema } from '../../../schemas/auth.js';
import type { PersonDto } from '../../../schemas/org.js';
import { api } from '../../app/api/api-client';
import { hasRole, useCurrentUser } from '../../app/auth/use-me';
import { PageHeader } from '../../app/ui/page-header';
import { type FormValues, nullIfEmpty, ResourceFormDrawer } from '../../app/ui/resource-form-drawer';
import { ResponsiveTable } from '../../app/ui/responsive-table';
import { useAllItems } from '../../app/ui/use-paged-list';

const path = '/api/v1/accounts';
type AccountRow = AccountDto & { id: string };
const creatableRoles = ['principal', 'safety_manager', 'dept_head', 'team_leader', 'worker'] as const;

function AccountFields() {
  const { t } = useTranslation();
  const people = useAllItems<PersonDto>('/api/v1/people');
  return (
    <>
      <Form.Item name="username" label={t('accounts.username')} required>
        <Input maxLength={64} autoComplete="off" />
      </Form.Item>
      <Form.Item name="displayName" label={t('accounts.displayName')} required>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="role" label={t('accounts.role')} required>
        <Select options={creatableRoles.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
      </Form.Item>
      <Form.Item name="personId" label={t('accounts.person')}>
        <Select allowClear placeholder={t('accounts.personNone')} options={(people.data ?? []).map((p) => ({ value: p.id, label: p.name }))} showSearch={{ optionFilterProp: 'label' }} />
      </Form.Item>
      <Form.Item name="phone" label={t('accounts.phone')}>
        <Input maxLength={11} inputMode="tel" />
      </Form.Item>
      <Form.Item name="password" label={t('accounts.password')} required>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  );
}

export function AccountsPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const canCreate = hasRole(me, ['principal', 'safety_manager']);
  const [isOpen, setOpen] = useState(false);
  const [selectedIds, setSelectedIds] = useState<string[]>([]);
  const { message } = App.useApp();
  const navigate = useNavigate();
  const onError = (error: Error) => void message.error(error.message);
  const reinvite = useMutation({
    mutationFn: (userId: string) => api<IssuedCredential>(`${path}/${userId}/invitation`, { method: 'POST' }),
    onSuccess: (credential) => navigate('/print/credentials', { state: { kind: 'credentials', items: [credential] } satisfies CredentialSheetState }),
    onError,
  });
  const badges = useMutation({
    mutationFn: (userIds: string[]) => api<{ items: BadgeDto[] }>(`${path}/badges`, { method: 'POST', body: { userIds } }),
    onSuccess: (result) => navigate('/print/credentials', { state: { kind: 'badges', items: result.items } satisfies CredentialSheetState }),
    onError,
  });
  const accounts = useQuery({ queryKey: [path], queryFn: () => api<{ items: AccountDto[] }>(path) });
  const people = useAllItems<PersonDto>('/api/v1/people');
  const personName = (id: string | null) => (id ? (people.data?.find((p) => p.id === id)?.name ?? '') : '');

  const columns: ColumnType<AccountRow>[] = [
    { key: 'displayName', dataIndex: 'displayName', title: t('accounts.displayName'), render: (n: string) => <Typography.Text strong>{n}</Typography.Text> },
    { key: 'username', dataIndex: 'username', title: t('accounts.username') },
    { key: 'role', dataIndex: 'role', title: t('accounts.role'), render: (r: AccountDto['role']) => <Tag color="blue">{t(`roles.${r}`)}</Tag> },
    { key: 'person', dataIndex: 'personId', title: t('accounts.person'), render: personName },
    { key: 'phone', dataIndex: 'phone', title: t('accounts.phone') },
    { key: 'pin', dataIndex: 'hasPin', title: 'PIN', render: (has: boolean) => (has ? <Tag color="green">{t('logins.hasPin')}</Tag> : <Tag>{t('logins.noPin')}</Tag>) },
    ...(canCreate
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_v: unknown, a: AccountRow) => (
              <Button size="small" type="link" title={t('logins.reinviteHint')} onClick={() => reinvite.mutate(a.userId)} data-testid="reinvite">
                {t('logins.reinvite')}
              </Button>
            ),
          },
        ]
      : []),
  ];
  const rows = (accounts.data?.items ?? []).map((a) => ({ ...a, id: a.userId }));

  return (
    <div data-testid="accounts-page">
      <PageHeader
        title={t('accounts.title')}
        hint={t('accounts.hint')}
        extra={
          canCreate && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="create-button">
              {t('common.create')}
            </Button>
          )
        }
      />
      {canCreate && (
        <Space className="page-toolbar" wrap>
          <Button icon={<IdcardOutlined />} disabled={selectedIds.length === 0} loading={badges.isPending} onClick={() => badges.mutate(selectedIds)} data-testid="print-badges">
            {t('logins.badges')}
            {selectedIds.length > 0 && ` (${selectedIds.length})`}
          </Button>
          <Typography.Text type="secondary">{t('logins.badgesHint')}</Typography.Text>
        </Space>
      )}
      <ResponsiveTable<AccountRow>
        dataSource={rows}
        columns={columns}
        loading={accounts.isLoading}
        locale={{ emptyText: t('common.empty') }}
        {...(canCreate && { rowSelection: { selectedRowKeys: selectedIds, onChange: (keys) => setSelectedIds(keys.map(String)) } })}
      />
      {canCreate && <DeviceSessionsCard />}
      <ResourceFormDrawer<AccountRow>
        path={path}
        isOpen={isOpen}
        editing={null}
        onClose={() => setOpen(false)}
        spec={{
          createSchema: createAccountSchema,
          updateSchema: createAccountSchema,
          createTitle: t('accounts.createTitle'),
          editTitle: t('accounts.createTitle'),
          emptyValues: { role: 'worker' },
          toFormValues: (a) => ({ ...a }),
          fromFormValues: (v: FormValues) => ({
            username: v.username ?? '',
            displayName: v.displayName ?? '',
            role: v.role,
            password: v.password ?? '',
            ...(nullIfEmpty(v.phone) !== null && { phone: v.phone }),
            ...(nullIfEmpty(v.personId) !== null && { personId: v.personId }),
          }),
          fields: <AccountFields />,
        }}
      />
    </div>
  );
}
