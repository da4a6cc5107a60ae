import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Result, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EnterpriseMemberDto } from '../../../schemas/accounts.js';
import type { EnterpriseDto } from '../../../schemas/org.js';
import { api } from '../../app/api/api-client';
import { useCurrentUser } from '../../app/auth/use-me';
import { LoadMore } from '../../app/ui/load-more';
import { PageHeader } from '../../app/ui/page-header';
import { usePagedList } from '../../app/ui/use-paged-list';

/** /system/members — the administrator links consultancies and regulators to enterprises (issue 8 §2). */
export function MembersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const client = useQueryClient();
  const [enterpriseId, setEnterpriseId] = useState<string | undefined>();
  const [form] = Form.useForm<{ username: string; role: 'consultant' | 'regulator' }>();
  // Every enterprise of the installation: a page at a time in name order, more on demand under the list.
  const enterprises = usePagedList<EnterpriseDto>('/api/v1/enterprises', {}, 100, me.user.isAdmin);
  const membersPath = `/api/v1/enterprises/${enterpriseId}/members`;
  const members = useQuery({ queryKey: [membersPath], queryFn: () => api<{ items: EnterpriseMemberDto[] }>(membersPath), enabled: Boolean(enterpriseId) });
  const link = useMutation({
    mutationFn: (body: { username: string; role: string }) => api(membersPath, { method: 'POST', body }),
    onSuccess: async () => {
      form.resetFields(['username']);
      await client.invalidateQueries({ queryKey: [membersPath] });
      void message.success(t('members.linked'));
    },
    onError: (error) => void message.error(error.message),
  });
  if (!me.user.isAdmin) return <Result status="403" title={t('app.forbidden')} />;
  return (
    <div data-testid="members-page">
      <PageHeader title={t('members.title')} hint={t('members.hint')} />
      <Card>
        <Space wrap style={{ marginBottom: 12 }}>
          <Select
            style={{ width: 320 }}
            placeholder={t('members.enterprise')}
            value={enterpriseId}
            onChange={setEnterpriseId}
            options={enterprises.items.map((e) => ({ value: e.id, label: e.name }))}
            showSearch={{ optionFilterProp: 'label' }}
            popupRender={(menu) => (
              <>
                {menu}
                <LoadMore list={enterprises} testId="members-enterprise-more" />
              </>
            )}
            data-testid="members-enterprise"
          />
        </Space>
        {enterpriseId && (
          <>
            <Form form={form} layout="inline" initialValues={{ role: 'consultant' }} onFinish={(v) => link.mutate({ username: v.username?.trim() ?? '', role: v.role })}>
              <Form.Item name="username" label={t('members.username')} rules={[{ required: true, whitespace: true }]}>
                <Input style={{ width: 200 }} />
              </Form.Item>
              <Form.Item name="role" label={t('members.role')}>
                <Select style={{ width: 160 }} options={(['consultant', 'regulator'] as const).map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={link.isPending} data-testid="members-link">
                {t('members.link')}
              </Button>
            </Form>
            <Table<EnterpriseMemberDto>
              style={{ marginTop: 16 }}
              rowKey="userId"
              size="small"
              pagination={false}
              loading={members.isLoading}
              dataSource={members.data?.items ?? []}
              title={() => t('members.current')}
              columns={[
                { key: 'displayName', dataIndex: 'displayName', title: t('accounts.displayName') },
                { key: 'username', dataIndex: 'username', title: t('accounts.username') },
                { key: 'role', dataIndex: 'role', title: t('accounts.role'), render: (r: EnterpriseMemberDto['role']) => <Tag color="blue">{t(`roles.${r}`)}</Tag> },
              ]}
            />
          </>
        )}
      </Card>
    </div>
  );
}
