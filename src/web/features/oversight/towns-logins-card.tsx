import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { JurisdictionItemDto, TownDto } from '../../../schemas/oversight-county.js';
import { api, isApiError } from '../../app/api/api-client';

export const townsPath = '/api/v1/oversight/towns';
export const jurisdictionsPath = '/api/v1/oversight/jurisdictions';

interface LoginValues {
  username: string;
  displayName?: string;
  password?: string;
  townCode?: string | null;
}

/**
 * A county's towns and regulator logins (issue 17 item 2). The administrator (any county): towns, and
 * county or town logins — new ones, or existing logins given this jurisdiction. A county regulator
 * (its own county): its towns and their users.
 */
export function TownsLoginsCard({ countyCode, isAdmin }: { countyCode: string; isAdmin: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [townForm] = Form.useForm<TownDto>();
  const [loginForm] = Form.useForm<LoginValues>();
  const towns = useQuery({ queryKey: [townsPath, isAdmin ? countyCode : 'mine'], queryFn: () => api<{ items: TownDto[] }>(isAdmin ? `${townsPath}?countyCode=${countyCode}` : townsPath) });
  const logins = useQuery({ queryKey: [jurisdictionsPath], queryFn: () => api<{ items: JurisdictionItemDto[] }>(jurisdictionsPath) });
  const fail = (form: typeof townForm | typeof loginForm) => (e: Error) => {
    if (isApiError(e) && e.errors.length) form.setFields(e.errors.map((x) => ({ name: x.path.split('.')[0] as never, errors: [x.message] })));
    else void message.error(e.message);
  };
  const addTown = useMutation({
    mutationFn: (body: TownDto) => api(townsPath, { method: 'POST', body }),
    onSuccess: async () => {
      townForm.resetFields();
      await client.invalidateQueries({ queryKey: [townsPath] });
      void message.success(t('jurisdictionUi.townAdded'));
    },
    onError: fail(townForm),
  });
  const saveLogin = useMutation({
    mutationFn: (v: LoginValues) =>
      v.password
        ? api('/api/v1/oversight/regulator-accounts', { method: 'POST', body: { username: v.username.trim(), displayName: v.displayName?.trim() ?? '', password: v.password, ...(isAdmin ? { countyCode } : {}), townCode: v.townCode ?? null } })
        : api(jurisdictionsPath, { method: 'PUT', body: { username: v.username.trim(), countyCode, townCode: v.townCode ?? null } }),
    onSuccess: async () => {
      loginForm.resetFields();
      await client.invalidateQueries({ queryKey: [jurisdictionsPath] });
      void message.success(t('jurisdictionUi.loginSaved'));
    },
    onError: fail(loginForm),
  });
  const townOptions = (towns.data?.items ?? []).map((x) => ({ value: x.code, label: `${x.name}（${x.code}）` }));
  const mine = (logins.data?.items ?? []).filter((l) => l.countyCode === countyCode);
  return (
    <Card size="small" title={t('jurisdictionUi.townsAndLogins')} data-testid="towns-logins" style={{ marginTop: 12 }}>
      <Typography.Text strong>{t('jurisdictionUi.towns')}</Typography.Text>
      <div style={{ margin: '8px 0' }}>
        {townOptions.length ? (
          <Space wrap>
            {(towns.data?.items ?? []).map((x) => (
              <Tag key={x.code}>{`${x.name} ${x.code}`}</Tag>
            ))}
          </Space>
        ) : (
          <Typography.Text type="secondary">{t('jurisdictionUi.noTowns')}</Typography.Text>
        )}
      </div>
      <Form form={townForm} layout="inline" initialValues={{ code: countyCode }} onFinish={(v) => addTown.mutate({ code: v.code.trim(), name: v.name.trim() })} style={{ marginBottom: 16 }}>
        <Form.Item name="code" label={t('jurisdictionUi.townCode')} rules={[{ required: true, pattern: /^\d{9}$/, message: t('jurisdictionUi.townCode') }]}>
          <Input style={{ width: 130 }} maxLength={9} />
        </Form.Item>
        <Form.Item name="name" label={t('jurisdictionUi.townName')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input style={{ width: 180 }} maxLength={60} />
        </Form.Item>
        <Button htmlType="submit" loading={addTown.isPending} data-testid="add-town">
          {t('jurisdictionUi.addTown')}
        </Button>
      </Form>
      <Typography.Text strong>{isAdmin ? t('jurisdictionUi.newLogin') : t('jurisdictionUi.newTownLogin')}</Typography.Text>
      <Form form={loginForm} layout="inline" onFinish={(v) => saveLogin.mutate(v)} style={{ margin: '8px 0', rowGap: 8 }}>
        <Form.Item name="username" label={t('jurisdictionUi.username')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input style={{ width: 140 }} maxLength={64} />
        </Form.Item>
        <Form.Item name="displayName" label={t('jurisdictionUi.displayName')} rules={isAdmin ? [] : [{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input style={{ width: 160 }} maxLength={60} />
        </Form.Item>
        <Form.Item name="password" label={t('jurisdictionUi.password')} rules={isAdmin ? [] : [{ required: true, message: t('common.required') }]}>
          <Input.Password style={{ width: 150 }} autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="townCode" label={t('jurisdictionUi.loginTown')} rules={isAdmin ? [] : [{ required: true, message: t('common.required') }]}>
          <Select style={{ width: 200 }} allowClear={isAdmin} placeholder={isAdmin ? t('jurisdictionUi.countyLevel') : undefined} options={townOptions} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saveLogin.isPending} data-testid="save-login">
          {isAdmin ? t('jurisdictionUi.newLogin') : t('jurisdictionUi.newTownLogin')}
        </Button>
      </Form>
      {isAdmin && <Typography.Paragraph type="secondary">{t('jurisdictionUi.loginHint')}</Typography.Paragraph>}
      <Table<JurisdictionItemDto>
        size="small"
        rowKey="userId"
        pagination={false}
        loading={logins.isLoading}
        dataSource={mine}
        title={() => t('jurisdictionUi.logins')}
        columns={[
          { key: 'displayName', title: t('jurisdictionUi.displayName'), dataIndex: 'displayName' },
          { key: 'username', title: t('jurisdictionUi.username'), dataIndex: 'username' },
          { key: 'town', title: t('jurisdictionUi.town'), render: (_v, r) => r.townName ?? <Tag color="blue">{t('jurisdictionUi.countyLevel')}</Tag> },
        ]}
      />
    </Card>
  );
}
