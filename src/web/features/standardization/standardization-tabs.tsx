import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Select, Space, Table, Tag } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { managerRoles } from '../../../schemas/auth.js';
import { api, isApiError } from '../../app/api/api-client';
import { hasRole, useMe } from '../../app/auth/use-me';
import { usePeople } from '../risks/use-people';
import { SheetImport } from './sheet-import';
import { type AssessorDto, type HistoryDto, type ReportProfileDto, type SheetSummary, standardizationBase, useSheets, useStandardizationWrite } from './standardization-api';
import { DateField } from '../../app/ui/date-field';

const useIsManager = () => {
  const { data: me } = useMe();
  return Boolean(me && hasRole(me, managerRoles));
};

/** Scoring sheets: the starter, the imported ones and the county's campaign sheets; import an industry sheet from the template layout. */
export function SheetsTab() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const sheets = useSheets();
  const isManager = useIsManager();
  const columns: ColumnType<SheetSummary>[] = [
    { key: 'name', title: t('standardizationUi.sheets.name'), render: (_v, s) => (s.isCounty ? <Space>{s.name}<Tag color="blue">{t('standardizationUi.sheets.county')}</Tag></Space> : s.name) },
    { key: 'total', title: t('standardizationUi.sheets.total'), dataIndex: 'totalPoints' },
    { key: 'items', title: t('standardizationUi.sheets.items'), dataIndex: 'itemCount' },
  ];
  return (
    <>
      <SheetImport path={`${standardizationBase}/sheets`} canImport={isManager} onImported={() => void client.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith(standardizationBase) })} />
      <Table<SheetSummary> rowKey="ref" size="small" dataSource={sheets.data ?? []} columns={columns} pagination={false} />
    </>
  );
}

/** Internal assessors: trained, examined and appointed (seed 002 phase 5). */
export function AssessorsTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const people = usePeople();
  const isManager = useIsManager();
  const [form] = Form.useForm();
  const list = useQuery({ queryKey: [`${standardizationBase}/assessors`], queryFn: () => api<AssessorDto[]>(`${standardizationBase}/assessors`) });
  const appoint = useStandardizationWrite((body: unknown) => api(`${standardizationBase}/assessors`, { body }));
  const dismiss = useStandardizationWrite((id: string) => api(`${standardizationBase}/assessors/${id}/dismiss`, { method: 'POST' }));
  const columns: ColumnType<AssessorDto>[] = [
    { key: 'name', title: t('standardizationUi.assessors.name'), dataIndex: 'name' },
    { key: 'training', title: t('standardizationUi.assessors.training'), dataIndex: 'training' },
    { key: 'trainedOn', title: t('standardizationUi.assessors.trainedOn'), dataIndex: 'trainedOn' },
    { key: 'appointedOn', title: t('standardizationUi.assessors.appointedOn'), dataIndex: 'appointedOn' },
    { key: 'ref', title: t('standardizationUi.assessors.appointmentRef'), dataIndex: 'appointmentRef' },
    ...(isManager ? [{ key: 'x', title: '', render: (_v: unknown, a: AssessorDto) => <Button size="small" onClick={() => dismiss.mutate(a.id)}>{t('standardizationUi.assessors.dismiss')}</Button> }] : []),
  ];
  return (
    <>
      {isManager && (
        <Form
          form={form}
          layout="inline"
          style={{ marginBottom: 12, rowGap: 8 }}
          onFinish={(v) =>
            appoint.mutate(v, {
              onSuccess: () => form.resetFields(),
              onError: (e) => (isApiError(e) && e.errors.length ? form.setFields(e.errors.map((x) => ({ name: x.path, errors: [x.message] }))) : void message.error(e.message)),
            })
          }
        >
          <Form.Item name="personId" label={t('standardizationUi.assessors.person')} rules={[{ required: true }]}>
            <Select showSearch optionFilterProp="label" options={people.options} style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="training" label={t('standardizationUi.assessors.training')} rules={[{ required: true }]}>
            <Input style={{ width: 220 }} />
          </Form.Item>
          <Form.Item name="trainedOn" label={t('standardizationUi.assessors.trainedOn')} rules={[{ required: true }]}>
            <DateField style={{ width: 150 }} />
          </Form.Item>
          <Form.Item name="appointedOn" label={t('standardizationUi.assessors.appointedOn')} rules={[{ required: true }]}>
            <DateField style={{ width: 150 }} />
          </Form.Item>
          <Form.Item name="appointmentRef" label={t('standardizationUi.assessors.appointmentRef')} initialValue="">
            <Input style={{ width: 140 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={appoint.isPending}>
            {t('standardizationUi.assessors.appoint')}
          </Button>
        </Form>
      )}
      <Table<AssessorDto> rowKey="id" size="small" dataSource={list.data ?? []} columns={columns} pagination={false} />
    </>
  );
}

/** Concluded self-assessments side by side, earned ÷ applicable per element. */
export function HistoryTab() {
  const { t } = useTranslation();
  const history = useQuery({ queryKey: [`${standardizationBase}/history`], queryFn: () => api<HistoryDto>(`${standardizationBase}/history`) });
  const data = history.data;
  if (data && data.rows.length === 0) return <Alert type="info" message={t('standardizationUi.history.empty')} />;
  type Row = HistoryDto['rows'][number];
  const columns: ColumnType<Row>[] = [
    { key: 'title', title: t('standardizationUi.history.title'), dataIndex: 'title', fixed: 'left' },
    { key: 'score', title: t('standardizationUi.history.score'), dataIndex: 'score1000' },
    { key: 'grade', title: t('standardizationUi.history.grade'), render: (_v, r) => (r.grade ? t(`standardizationUi.grades.${r.grade}`) : t('standardizationUi.noGrade')) },
    ...(data?.elements ?? []).map((e) => ({ key: e.code, title: `${e.code} ${e.name}`, render: (_v: unknown, r: Row) => (r.elementRates[e.code] == null ? '—' : `${r.elementRates[e.code]}%`) })),
  ];
  return <Table<Row> rowKey="assessmentId" size="small" scroll={{ x: true }} dataSource={data?.rows ?? []} columns={columns} pagination={false} loading={history.isLoading} />;
}

const profileFields = ['nature', 'locationAndTransport', 'capacityAndScale', 'mainProcesses', 'mainEquipment', 'occupationalHealth'] as const;

/** The enterprise facts the nine-section report needs beyond the enterprise record. */
export function ReportProfileTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isManager = useIsManager();
  const [form] = Form.useForm();
  const profile = useQuery({ queryKey: [`${standardizationBase}/report-profile`], queryFn: () => api<ReportProfileDto>(`${standardizationBase}/report-profile`) });
  const save = useStandardizationWrite((body: unknown) => api(`${standardizationBase}/report-profile`, { method: 'PUT', body }));
  useEffect(() => {
    if (profile.data) form.setFieldsValue(profile.data);
  }, [profile.data, form]);
  return (
    <Form
      form={form}
      layout="vertical"
      style={{ maxWidth: 720 }}
      disabled={!isManager}
      onFinish={(v) => save.mutate(Object.fromEntries(profileFields.map((f) => [f, v[f] ?? ''])), { onSuccess: () => void message.success(t('standardizationUi.saved')), onError: (e) => void message.error(e.message) })}
    >
      <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('standardizationUi.profile.hint')} />
      {profileFields.map((f) => (
        <Form.Item key={f} name={f} label={t(`standardizationUi.profile.${f}`)}>
          <Input.TextArea autoSize={{ minRows: f === 'nature' ? 1 : 2 }} />
        </Form.Item>
      ))}
      <Button type="primary" htmlType="submit" loading={save.isPending}>
        {t('standardizationUi.profile.save')}
      </Button>
    </Form>
  );
}
