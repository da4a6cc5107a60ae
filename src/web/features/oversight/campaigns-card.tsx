import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignDto, CountySheetSummaryDto } from '../../../schemas/oversight-campaigns.js';
import type { TownDto } from '../../../schemas/oversight-county.js';
import { api, isApiError } from '../../app/api/api-client';
import { SheetImport } from '../standardization/sheet-import';
import { CampaignProgress } from './campaign-progress';
import { DateField } from '../../app/ui/date-field';

const path = '/api/v1/oversight/campaigns';
const sheetsPath = '/api/v1/oversight/score-sheets';
const starterRef = 'gbt33000-starter';

/** Issue 17 §5: the county's self-assessment campaigns — its own scoring sheets (import, county level only),
 * create (county level only), list, progress by town and enterprise with findings open and closed. */
export function CampaignsCard({ towns, canCreate }: { towns: TownDto[]; canCreate: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm();
  const [openId, setOpenId] = useState<string | null>(null);
  const list = useQuery({ queryKey: [path], queryFn: () => api<{ items: CampaignDto[] }>(path) });
  const sheets = useQuery({ queryKey: [sheetsPath], queryFn: () => api<CountySheetSummaryDto[]>(sheetsPath) });
  const create = useMutation({
    mutationFn: (body: object) => api<CampaignDto>(path, { method: 'POST', body }),
    onSuccess: async (c) => {
      form.resetFields();
      await client.invalidateQueries({ queryKey: [path] });
      setOpenId(c.id);
      void message.success(t('campaignUi.created'));
    },
    onError: (error) => {
      if (isApiError(error) && error.errors.length) form.setFields(error.errors.map((x) => ({ name: x.path.split('.')[0] as string, errors: [x.message] })));
      else void message.error(error.message);
    },
  });
  const townName = (code: string | null) => (code ? (towns.find((x) => x.code === code)?.name ?? code) : t('campaignUi.noTown'));
  const sheetOptions = [{ value: starterRef, label: t('campaignUi.starterSheet') }, ...(sheets.data ?? []).map((s) => ({ value: s.ref, label: `${s.name}（${s.totalPoints}）` }))];
  const sheetName = (ref: string) => sheetOptions.find((o) => o.value === ref)?.label ?? ref;
  return (
    <Card size="small" title={t('campaignUi.title')} style={{ marginTop: 12 }} data-testid="campaigns-card">
      <Typography.Paragraph type="secondary">{t('campaignUi.hint')}</Typography.Paragraph>
      {canCreate && (
        <>
          <Typography.Text strong>{t('campaignUi.countySheets')}</Typography.Text>
          <Typography.Paragraph type="secondary">{t('campaignUi.countySheetsHint')}</Typography.Paragraph>
          <SheetImport path={sheetsPath} canImport onImported={() => void client.invalidateQueries({ queryKey: [sheetsPath] })} />
          <Table<CountySheetSummaryDto>
            rowKey="ref"
            size="small"
            pagination={false}
            style={{ marginBottom: 12 }}
            dataSource={sheets.data ?? []}
            locale={{ emptyText: t('campaignUi.noCountySheets') }}
            columns={[
              { key: 'name', title: t('standardizationUi.sheets.name'), dataIndex: 'name' },
              { key: 'total', title: t('standardizationUi.sheets.total'), dataIndex: 'totalPoints', align: 'right' },
              { key: 'items', title: t('standardizationUi.sheets.items'), dataIndex: 'itemCount', align: 'right' },
            ]}
          />
          <Form form={form} layout="inline" initialValues={{ sheetRef: starterRef, townCodes: [] }} onFinish={(v) => create.mutate(v)} style={{ marginBottom: 12, rowGap: 8 }}>
            <Form.Item name="title" rules={[{ required: true }]}>
              <Input placeholder={t('campaignUi.name')} style={{ width: 220 }} />
            </Form.Item>
            <Form.Item name="sheetRef" label={t('campaignUi.sheet')}>
              <Select style={{ width: 240 }} options={sheetOptions} data-testid="campaign-sheet" />
            </Form.Item>
            <Form.Item name="deadline" label={t('campaignUi.deadline')} rules={[{ required: true }]}>
              <DateField style={{ width: 150 }} />
            </Form.Item>
            <Form.Item name="townCodes">
              <Select mode="multiple" allowClear placeholder={t('campaignUi.towns')} style={{ minWidth: 220 }} options={towns.map((x) => ({ value: x.code, label: x.name }))} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={create.isPending}>
              {t('campaignUi.create')}
            </Button>
          </Form>
        </>
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
          { key: 'sheet', title: t('campaignUi.sheetName'), render: (_v, r) => sheetName(r.sheetRef) },
          { key: 'deadline', title: t('campaignUi.deadline'), dataIndex: 'deadline' },
          { key: 'towns', title: t('campaignUi.town'), render: (_v, r) => (r.townCodes.length ? r.townCodes.map(townName).join('、') : t('campaignUi.wholeCounty')) },
        ]}
      />
      {openId && <CampaignProgress path={path} id={openId} townName={townName} />}
    </Card>
  );
}
