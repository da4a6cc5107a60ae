import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, Modal, Select, Space, Tag, message } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { henanAccidentTypes } from '../../../reference/accident-types.js';
import { hazardousWorkTypes } from '../../../reference/hazardous-work-types.js';
import { permitWorkTypeRules } from '../../../reference/work-permit-rules.js';
import type { PermitPrefill, WorkPermitDetail, WorkPermitDto } from '../../../schemas/work-permits.js';
import { workPermitInputSchema } from '../../../schemas/work-permits.js';
import { api } from '../../app/api/api-client';
import { hasRole, useCurrentUser } from '../../app/auth/use-me';
import { useZodForm } from '../../app/forms/use-zod-form';
import { currentLocale } from '../../app/i18n/i18n';
import { PageHeader } from '../../app/ui/page-header';
import { LoadMore } from '../../app/ui/load-more';
import { ResponsiveTable } from '../../app/ui/responsive-table';
import { usePagedList } from '../../app/ui/use-paged-list';
import { formatDateTime, useEnterpriseTimeZone } from '../hazards/hazard-api';
import { useAreas, usePosts } from '../org/use-org-lookups';
import { usePeople } from '../risks/use-people';
import { permitPaths, permitStatusColours } from './frontline-api';
import { DateField } from '../../app/ui/date-field';

export const permitIssuerRoles = ['principal', 'safety_manager', 'dept_head', 'team_leader'] as const;

/** /frontline/permits — every hazardous-work permit, newest first; issuing one (issue 11 §3). */
export function PermitsPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const me = useCurrentUser();
  const timeZone = useEnterpriseTimeZone();
  const [status, setStatus] = useState<string | undefined>();
  const [isOpen, setIsOpen] = useState(false);
  // Newest first, 50 at a time ("load more"): the API pages by cursor.
  const permits = usePagedList<WorkPermitDto>(permitPaths.permits, { status }, 50);
  const when = (iso: string) => formatDateTime(iso, timeZone, i18n.language);
  const columns: ColumnType<WorkPermitDto>[] = [
    {
      key: 'status',
      title: t('frontlineUi.permits.status'),
      width: 90,
      render: (_v, p) => (
        <Tag color={permitStatusColours[p.effectiveStatus]} data-status={p.effectiveStatus}>
          {t(`frontlineUi.permits.statuses.${p.effectiveStatus}`)}
        </Tag>
      ),
    },
    { key: 'type', title: t('frontlineUi.permits.workType'), width: 110, render: (_v, p) => p.workTypeLabel },
    { key: 'content', title: t('frontlineUi.permits.content'), render: (_v, p) => <Link to={`/frontline/permits/${p.id}`}>{p.content}</Link> },
    { key: 'place', title: t('frontlineUi.permits.place'), render: (_v, p) => p.place },
    { key: 'window', title: t('frontlineUi.permits.window'), render: (_v, p) => `${when(p.windowStart)} – ${when(p.windowEnd)}` },
    { key: 'workers', title: t('frontlineUi.permits.workers'), render: (_v, p) => p.workers.map((w) => w.name).join('、') },
  ];
  return (
    <div data-testid="permits-page">
      <PageHeader
        title={t('frontlineUi.permits.title')}
        hint={t('frontlineUi.permits.hint')}
        extra={
          <Space wrap>
            <Select
              allowClear
              placeholder={t('frontlineUi.permits.status')}
              value={status}
              onChange={setStatus}
              style={{ width: 120 }}
              options={(['issued', 'in_progress', 'closed', 'cancelled'] as const).map((s) => ({ value: s, label: t(`frontlineUi.permits.statuses.${s}`) }))}
            />
            {hasRole(me, permitIssuerRoles) && (
              <Button type="primary" onClick={() => setIsOpen(true)} data-testid="permit-new">
                {t('frontlineUi.permits.newPermit')}
              </Button>
            )}
          </Space>
        }
      />
      <ResponsiveTable<WorkPermitDto> dataSource={permits.items} columns={columns} loading={permits.isLoading} locale={{ emptyText: t('frontlineUi.permits.empty') }} />
      <LoadMore list={permits} testId="permits-load-more" />
      {isOpen && <PermitModal onClose={() => setIsOpen(false)} onCreated={(id) => navigate(`/frontline/permits/${id}`)} />}
    </div>
  );
}

function PermitModal({ onClose, onCreated }: { onClose: () => void; onCreated: (id: string) => void }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [form] = Form.useForm();
  const zod = useZodForm(form, workPermitInputSchema);
  const client = useQueryClient();
  const people = usePeople();
  const posts = usePosts();
  const areas = useAreas();
  const workType = Form.useWatch('workType', form) as string | undefined;
  const grades = hazardousWorkTypes.find((w) => w.code === workType)?.grades ?? [];
  const create = useMutation({
    mutationFn: (body: unknown) => api<WorkPermitDetail>(permitPaths.permits, { body }),
    onSuccess: (p) => {
      void client.invalidateQueries({ queryKey: [permitPaths.permits] });
      void message.success(t('frontlineUi.permits.created'));
      onCreated(p.id);
    },
    onError: (e) => zod.showServerErrors(e) || void message.error((e as Error).message),
  });
  const prefill = async () => {
    const postId = form.getFieldValue('postId');
    const areaId = form.getFieldValue('areaId');
    if (!postId && !areaId) return;
    const r = await api<PermitPrefill>(permitPaths.prefill, { query: { postId, areaId } });
    form.setFieldsValue({
      risks: r.risks.join('\n'),
      accidentSeqs: r.accidentSeqs,
      measures: r.measures.map((m) => ({ text: m.text, responsiblePersonId: m.responsiblePersonId ?? undefined })),
    });
    void message.info(t('frontlineUi.permits.prefilled'));
  };
  const submit = (v: Record<string, unknown>) =>
    zod.submit(
      {
        ...v,
        grade: v.grade ?? null,
        postId: v.postId ?? null,
        areaId: v.areaId ?? null,
        windowStart: v.windowStart ?? undefined,
        windowEnd: v.windowEnd ?? undefined,
        workerIds: v.workerIds ?? [],
        risks: String(v.risks ?? '')
          .split('\n')
          .map((s) => s.trim())
          .filter(Boolean),
        accidentSeqs: v.accidentSeqs ?? [],
        scenes: v.scenes ?? '',
        measures: v.measures ?? [],
      },
      (body) => create.mutate(body),
    );
  return (
    <Modal open title={t('frontlineUi.permits.newPermit')} onCancel={onClose} onOk={() => form.submit()} okText={t('common.save')} confirmLoading={create.isPending} width={760} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ workType: 'hot_work', measures: [{}] }}>
        <Space.Compact block>
          <Form.Item name="workType" label={t('frontlineUi.permits.workType')} required style={{ flex: 1 }}>
            <Select options={permitWorkTypeRules.map((r) => ({ value: r.code, label: r.label[locale] }))} />
          </Form.Item>
          <Form.Item name="grade" label={t('frontlineUi.permits.grade')} style={{ flex: 1 }}>
            <Select allowClear disabled={grades.length === 0} options={grades.map((g) => ({ value: g.code, label: g.label[locale] }))} />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="content" label={t('frontlineUi.permits.content')} required>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <Form.Item name="place" label={t('frontlineUi.permits.place')} required>
          <Input maxLength={200} />
        </Form.Item>
        <Space.Compact block>
          <Form.Item name="postId" label={t('frontlineUi.permits.post')} style={{ flex: 1 }}>
            <Select allowClear showSearch optionFilterProp="label" options={posts.options} />
          </Form.Item>
          <Form.Item name="areaId" label={t('frontlineUi.permits.area')} style={{ flex: 1 }}>
            <Select allowClear showSearch optionFilterProp="label" options={areas.options} />
          </Form.Item>
        </Space.Compact>
        <Button onClick={() => void prefill()} style={{ marginBottom: 16 }} data-testid="permit-prefill">
          {t('frontlineUi.permits.prefill')}
        </Button>
        <Space.Compact block>
          <Form.Item name="windowStart" label={t('frontlineUi.permits.windowStart')} required style={{ flex: 1 }}>
            <DateField withTime />
          </Form.Item>
          <Form.Item name="windowEnd" label={t('frontlineUi.permits.windowEnd')} required style={{ flex: 1 }}>
            <DateField withTime />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="workerIds" label={t('frontlineUi.permits.workers')} required>
          <Select mode="multiple" showSearch optionFilterProp="label" options={people.options} />
        </Form.Item>
        <Space.Compact block>
          <Form.Item name="guardianPersonId" label={t('frontlineUi.permits.guardian')} required style={{ flex: 1 }}>
            <Select showSearch optionFilterProp="label" options={people.options} />
          </Form.Item>
          <Form.Item name="approverPersonId" label={t('frontlineUi.permits.approver')} required style={{ flex: 1 }}>
            <Select showSearch optionFilterProp="label" options={people.options} />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="risks" label={t('frontlineUi.permits.risks')}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="accidentSeqs" label={t('frontlineUi.permits.accidentTypes')}>
          <Select mode="multiple" options={henanAccidentTypes.map((a) => ({ value: a.seq, label: `（${a.seq}）${a.label[locale]}` }))} />
        </Form.Item>
        <Form.Item name="scenes" label={t('frontlineUi.permits.scenes')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.List name="measures">
          {(fields, { add, remove }) => (
            <>
              <div style={{ marginBottom: 8 }}>{t('frontlineUi.permits.measures')}</div>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" style={{ display: 'flex' }}>
                  <Form.Item name={[f.name, 'text']} style={{ width: 420 }} required>
                    <Input placeholder={t('frontlineUi.permits.measureText')} maxLength={500} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'responsiblePersonId']} style={{ width: 160 }} required>
                    <Select placeholder={t('frontlineUi.permits.responsible')} showSearch optionFilterProp="label" options={people.options} />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button type="dashed" onClick={() => add({})} icon={<PlusOutlined />}>
                {t('frontlineUi.permits.addMeasure')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
