import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignDto, CampaignEnterpriseDto, CampaignProgressDto } from '../../../schemas/oversight-campaigns.js';
import type { TownDto } from '../../../schemas/oversight-county.js';
import { api } from '../../app/api/api-client';

const path = '/api/v1/oversight/campaigns';
const statusColor = { not_started: 'default', in_progress: 'processing', completed: 'success' } as const;

/** Issue 17 §5: the county's self-assessment campaigns — create (county level only), list, progress by town and enterprise. */
export function CampaignsCard({ towns, canCreate }: { towns: TownDto[]; canCreate: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm();
  const [openId, setOpenId] = useState<string | null>(null);
  const list = useQuery({ queryKey: [path], queryFn: () => api<{ items: CampaignDto[] }>(path) });
  const progress = useQuery({ queryKey: [path, openId], enabled: !!openId, queryFn: () => api<CampaignProgressDto>(`${path}/${openId}/progress`) });
  const create = useMutation({
    mutationFn: (body: object) => api<CampaignDto>(path, { method: 'POST', body }),
    onSuccess: async (c) => {
      form.resetFields();
      await client.invalidateQueries({ queryKey: [path] });
      setOpenId(c.id);
      void message.success(t('campaignUi.created'));
    },
    onError: (error) => void message.error(error.message),
  });
  const townName = (code: string | null) => (code ? (towns.find((x) => x.code === code)?.name ?? code) : t('campaignUi.noTown'));
  return (
    <Card size="small" title={t('campaignUi.title')} style={{ marginTop: 12 }} data-testid="campaigns-card">
      <Typography.Paragraph type="secondary">{t('campaignUi.hint')}</Typography.Paragraph>
      {canCreate && (
        <Form form={form} layout="inline" initialValues={{ sheetRef: 'gbt33000-starter', townCodes: [] }} onFinish={(v) => create.mutate(v)} style={{ marginBottom: 12, rowGap: 8 }}>
          <Form.Item name="title" rules={[{ required: true }]}>
            <Input placeholder={t('campaignUi.name')} style={{ width: 220 }} />
          </Form.Item>
          <Form.Item name="sheetRef" label={t('campaignUi.sheet')}>
            <Select style={{ width: 200 }} options={[{ value: 'gbt33000-starter', label: t('campaignUi.starterSheet') }]} />
          </Form.Item>
          <Form.Item name="deadline" label={t('campaignUi.deadline')} rules={[{ required: true }]}>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="townCodes">
            <Select mode="multiple" allowClear placeholder={t('campaignUi.towns')} style={{ minWidth: 220 }} options={towns.map((x) => ({ value: x.code, label: x.name }))} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            {t('campaignUi.create')}
          </Button>
        </Form>
      )}
      <Table<CampaignDto>
        rowKey="id"
        size="small"
        pagination={false}
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('campaignUi.none') }}
        onRow={(r) => ({ onClick: () => setOpenId(r.id), style: { cursor: 'pointer' } })}
        columns={[
          { key: 'title', title: t('campaignUi.name'), render: (_v, r) => <Typography.Text strong={r.id === openId}>{r.title}</Typography.Text> },
          { key: 'deadline', title: t('campaignUi.deadline'), dataIndex: 'deadline' },
          { key: 'towns', title: t('campaignUi.town'), render: (_v, r) => (r.townCodes.length ? r.townCodes.map(townName).join('、') : t('campaignUi.wholeCounty')) },
        ]}
      />
      {progress.data && (
        <Space direction="vertical" style={{ width: '100%', marginTop: 12 }}>
          <Typography.Title level={5}>
            {t('campaignUi.progress')}：{progress.data.campaign.title}
          </Typography.Title>
          <Table
            rowKey={(r) => r.townCode ?? '-'}
            size="small"
            pagination={false}
            dataSource={progress.data.towns}
            columns={[
              { key: 'town', title: t('campaignUi.town'), render: (_v, r) => townName(r.townCode) },
              { key: 'n', title: t('campaignUi.enterprises'), dataIndex: 'enterprises', align: 'right' },
              { key: 'ns', title: t('campaignUi.notStarted'), dataIndex: 'notStarted', align: 'right' },
              { key: 'ip', title: t('campaignUi.inProgress'), dataIndex: 'inProgress', align: 'right' },
              { key: 'c', title: t('campaignUi.completed'), render: (_v, r) => `${r.completed}（${t('campaignUi.onTime')} ${r.completedOnTime} / ${t('campaignUi.late')} ${r.completedLate}）` },
            ]}
          />
          <Table<CampaignEnterpriseDto>
            rowKey="enterpriseId"
            size="small"
            pagination={{ pageSize: 50 }}
            dataSource={progress.data.enterprises}
            columns={[
              { key: 'name', title: t('campaignUi.enterprise'), dataIndex: 'name' },
              { key: 'town', title: t('campaignUi.town'), render: (_v, r) => townName(r.townCode) },
              { key: 'status', title: t('campaignUi.status'), render: (_v, r) => <Tag color={statusColor[r.status]}>{t(`campaignUi.${r.status === 'not_started' ? 'notStarted' : r.status === 'in_progress' ? 'inProgress' : 'completed'}`)}</Tag> },
              { key: 'score', title: t('campaignUi.score'), align: 'right', render: (_v, r) => r.score ?? '—' },
              { key: 'at', title: t('campaignUi.completedAt'), render: (_v, r) => (r.completedAt ? `${new Date(r.completedAt).toLocaleDateString()} ${r.isOnTime ? t('campaignUi.onTime') : t('campaignUi.late')}` : '—') },
            ]}
          />
        </Space>
      )}
    </Card>
  );
}
