import { App, Button, Drawer, Form, Input, Select, Space, Tabs, Tag } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { AssessmentSummaryDto } from '../../../schemas/standardization.js';
import { managerRoles } from '../../../schemas/auth.js';
import { api, isApiError } from '../../app/api/api-client';
import { hasRole, useMe } from '../../app/auth/use-me';
import { PageHeader } from '../../app/ui/page-header';
import { ResponsiveTable } from '../../app/ui/responsive-table';
import { usePeople } from '../risks/use-people';
import { CampaignNotice } from '../oversight/campaign-notice';
import { VisitsToConfirmCard } from '../consultancy/visits-to-confirm-card';
import { AssessorsTab, HistoryTab, ReportProfileTab, SheetsTab } from './standardization-tabs';
import { assessmentsPath, useAssessments, useGradeProfiles, useSheets, useStandardizationWrite } from './standardization-api';
import { DateField } from '../../app/ui/date-field';

export function gradeTag(grade: AssessmentSummaryDto['grade'], score: number | null, t: (k: string) => string) {
  if (score === null) return null;
  return grade ? <Tag color="green" data-grade={grade}>{t(`standardizationUi.grades.${grade}`)}</Tag> : <Tag data-grade="none">{t('standardizationUi.noGrade')}</Tag>;
}

/** A local calendar day, `days` from today, as YYYY-MM-DD. */
const isoDay = (days: number) => {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

type TeamField = 'deptHeads' | 'safetyOffice' | 'union' | 'workerReps' | 'assessors';
const teamRoleOf: Record<TeamField, string> = { deptHeads: 'dept_head', safetyOffice: 'safety_office', union: 'union', workerReps: 'worker_rep', assessors: 'assessor' };
interface CreateValues {
  title: string;
  sheetRef: string;
  profileCode: string;
  plannedStart: string;
  plannedEnd: string;
  leader: string;
  deptHeads?: string[];
  safetyOffice?: string[];
  union?: string[];
  workerReps?: string[];
  assessors?: string[];
}

/** `sheetRef` pre-selects a sheet (a county campaign's, from its notice). */
function CreateAssessmentDrawer({ open, onClose, sheetRef = 'gbt33000-starter' }: { open: boolean; onClose(): void; sheetRef?: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<CreateValues>();
  const people = usePeople();
  const sheets = useSheets();
  const profiles = useGradeProfiles();
  const create = useStandardizationWrite((body: unknown) => api<{ id: string }>(assessmentsPath, { body }));
  const submit = (v: CreateValues) => {
    const team = [{ personId: v.leader, role: 'leader' }, ...(Object.keys(teamRoleOf) as TeamField[]).flatMap((f) => (v[f] ?? []).map((personId) => ({ personId, role: teamRoleOf[f] })))];
    create.mutate(
      { title: v.title, sheetRef: v.sheetRef, profileCode: v.profileCode, plannedStart: v.plannedStart, plannedEnd: v.plannedEnd, team },
      {
        onSuccess: (r) => navigate(`/standardization/assessments/${(r as { id: string }).id}`),
        onError: (e) => {
          if (isApiError(e) && e.errors.length) form.setFields(e.errors.map((x) => ({ name: x.path.split('.')[0] as keyof CreateValues, errors: [x.message] })));
          else void message.error(e.message);
        },
      },
    );
  };
  const personSelect = (mode?: 'multiple') => <Select mode={mode} allowClear showSearch optionFilterProp="label" options={people.options} />;
  return (
    <Drawer open={open} onClose={onClose} title={t('standardizationUi.create.title')} width={480} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ title: t('standardizationUi.create.defaultTitle', { year: new Date().getFullYear() }), sheetRef, profileCode: 'seed004-1000', plannedStart: isoDay(0), plannedEnd: isoDay(14) }}
      >
        <Form.Item name="title" label={t('standardizationUi.create.name')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="sheetRef" label={t('standardizationUi.create.sheet')} rules={[{ required: true }]}>
          <Select options={(sheets.data ?? []).map((s) => ({ value: s.ref, label: `${s.name}（${s.totalPoints}）` }))} />
        </Form.Item>
        <Form.Item name="profileCode" label={t('standardizationUi.create.profile')} rules={[{ required: true }]}>
          <Select options={(profiles.data ?? []).map((p) => ({ value: p.code, label: p.label }))} />
        </Form.Item>
        <Space.Compact block>
          <Form.Item name="plannedStart" label={t('standardizationUi.create.start')} rules={[{ required: true }]} style={{ flex: 1 }}>
            <DateField />
          </Form.Item>
          <Form.Item name="plannedEnd" label={t('standardizationUi.create.end')} rules={[{ required: true }]} style={{ flex: 1 }}>
            <DateField />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="leader" label={t('standardizationUi.create.leader')} rules={[{ required: true }]}>
          {personSelect()}
        </Form.Item>
        {(Object.keys(teamRoleOf) as TeamField[]).map((f) => (
          <Form.Item key={f} name={f} label={t(`standardizationUi.create.${f}`)}>
            {personSelect('multiple')}
          </Form.Item>
        ))}
        <Button type="primary" htmlType="submit" loading={create.isPending} block>
          {t('standardizationUi.create.submit')}
        </Button>
      </Form>
    </Drawer>
  );
}

function AssessmentsTab() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const list = useAssessments();
  const [isCreating, setIsCreating] = useState(false);
  const columns: ColumnType<AssessmentSummaryDto>[] = [
    { key: 'title', title: t('standardizationUi.list.title'), render: (_v, a) => <Link to={`/standardization/assessments/${a.id}`}>{a.title}</Link> },
    { key: 'sheet', title: t('standardizationUi.list.sheet'), dataIndex: 'sheetName' },
    { key: 'dates', title: t('standardizationUi.list.dates'), render: (_v, a) => `${a.plannedStart} ~ ${a.plannedEnd}` },
    { key: 'status', title: t('standardizationUi.list.status'), render: (_v, a) => <Tag color={a.status === 'concluded' ? 'default' : 'processing'}>{t(`standardizationUi.status.${a.status}`)}</Tag> },
    { key: 'score', title: t('standardizationUi.list.score'), render: (_v, a) => (a.score1000 === null ? '' : <Space>{a.score1000}{gradeTag(a.grade, a.score1000, t)}</Space>) },
  ];
  return (
    <>
      {me && hasRole(me, managerRoles) && (
        <div className="page-toolbar">
          <Button type="primary" onClick={() => setIsCreating(true)}>
            {t('standardizationUi.create.button')}
          </Button>
        </div>
      )}
      <ResponsiveTable<AssessmentSummaryDto> rowKey="id" dataSource={list.data ?? []} columns={columns} loading={list.isLoading} locale={{ emptyText: t('common.empty') }} />
      <CreateAssessmentDrawer open={isCreating} onClose={() => setIsCreating(false)} />
    </>
  );
}

/** 安全生产标准化: self-assessments, scoring sheets, internal assessors, history, report facts. */
export function StandardizationPage() {
  const { t } = useTranslation();
  // ?start=<sheetRef>: the campaign notice's "start on this sheet" opens the new self-assessment with it chosen.
  const [params, setParams] = useSearchParams();
  const { data: me } = useMe();
  const start = me && hasRole(me, managerRoles) ? params.get('start') : null;
  return (
    <div data-testid="standardization">
      <PageHeader title={t('standardizationUi.pageTitle')} hint={t('standardizationUi.hint')} />
      <CampaignNotice onStart={(ref) => setParams({ start: ref })} />
      <CreateAssessmentDrawer open={!!start} sheetRef={start ?? undefined} onClose={() => setParams({})} />
      <VisitsToConfirmCard />
      <Tabs
        items={[
          { key: 'assessments', label: t('standardizationUi.tabs.assessments'), children: <AssessmentsTab /> },
          { key: 'sheets', label: t('standardizationUi.tabs.sheets'), children: <SheetsTab /> },
          { key: 'assessors', label: t('standardizationUi.tabs.assessors'), children: <AssessorsTab /> },
          { key: 'history', label: t('standardizationUi.tabs.history'), children: <HistoryTab /> },
          { key: 'profile', label: t('standardizationUi.tabs.profile'), children: <ReportProfileTab /> },
        ]}
      />
    </div>
  );
}
