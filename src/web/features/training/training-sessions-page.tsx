import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, DatePicker, Form, Input, InputNumber, Modal, Select, Tag, message } from 'antd';
import type { ColumnType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { managerRoles } from '../../../schemas/auth.js';
import { type TrainingSessionDto, trainingSessionInputSchema } from '../../../schemas/training.js';
import { api } from '../../app/api/api-client';
import { hasRole, useMe } from '../../app/auth/use-me';
import { useZodForm } from '../../app/forms/use-zod-form';
import { PageHeader } from '../../app/ui/page-header';
import { LoadMore } from '../../app/ui/load-more';
import { ResponsiveTable } from '../../app/ui/responsive-table';
import { usePagedList } from '../../app/ui/use-paged-list';
import { usePosts } from '../org/use-org-lookups';
import { usePeople } from '../risks/use-people';
import { trainingKindOptions, trainingPaths } from './training-api';

/** 培训计划与记录: the year's sessions, planned and held, with attendance signed (issue 12 §2). */
export function TrainingSessionsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const [year, setYear] = useState(new Date().getFullYear());
  // Newest first, 50 at a time ("load more"); the year is the server's filter.
  const sessions = usePagedList<TrainingSessionDto>(trainingPaths.sessions, { year }, 50);
  const [isOpen, setIsOpen] = useState(false);
  const mayWrite = me.data ? hasRole(me.data, managerRoles) : false;

  const columns: ColumnType<TrainingSessionDto>[] = [
    { key: 'heldOn', title: t('trainingUi.heldOn'), dataIndex: 'heldOn', width: 110 },
    { key: 'title', title: t('trainingUi.sessionTitle'), render: (_v, s) => <Link to={`/training/sessions/${s.id}`}>{s.title}</Link> },
    { key: 'kind', title: t('trainingUi.kind'), render: (_v, s) => t(`trainingUi.kinds.${s.kind}`) },
    { key: 'hours', title: t('trainingUi.hours'), dataIndex: 'hours', width: 70 },
    { key: 'signed', title: t('trainingUi.signed'), width: 90, render: (_v, s) => `${s.signedCount} / ${s.attendees.length}` },
    { key: 'status', title: t('trainingUi.status'), width: 90, render: (_v, s) => <Tag color={s.status === 'held' ? 'success' : s.status === 'cancelled' ? 'default' : 'processing'}>{t(`trainingUi.statuses.${s.status}`)}</Tag> },
  ];
  return (
    <div data-testid="training-sessions">
      <PageHeader
        title={t('trainingUi.sessionsTitle')}
        hint={t('trainingUi.sessionsHint')}
        extra={
          <div className="page-toolbar" style={{ margin: 0 }}>
            <Select value={year} onChange={setYear} style={{ width: 100 }} options={[year - 1, year, year + 1].map((y) => ({ value: y, label: String(y) }))} />
            {mayWrite && (
              <Button type="primary" onClick={() => setIsOpen(true)} data-testid="new-session">
                {t('trainingUi.newSession')}
              </Button>
            )}
          </div>
        }
      />
      <ResponsiveTable<TrainingSessionDto> rowKey="id" dataSource={sessions.items} columns={columns} loading={sessions.isLoading} locale={{ emptyText: t('common.empty') }} />
      <LoadMore list={sessions} testId="sessions-load-more" />
      {isOpen && <SessionModal onClose={() => setIsOpen(false)} onCreated={(id) => navigate(`/training/sessions/${id}`)} />}
    </div>
  );
}

function SessionModal({ onClose, onCreated }: { onClose: () => void; onCreated: (id: string) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const zod = useZodForm(form, trainingSessionInputSchema);
  const posts = usePosts();
  const people = usePeople();
  const client = useQueryClient();
  const create = useMutation({
    mutationFn: (body: unknown) => api<TrainingSessionDto>(trainingPaths.sessions, { body }),
    onSuccess: (s) => {
      void client.invalidateQueries({ queryKey: [trainingPaths.sessions] });
      void message.success(t('trainingUi.created'));
      onCreated(s.id);
    },
    onError: (e) => zod.showServerErrors(e) || void message.error((e as Error).message),
  });
  const draft = async () => {
    const postId = form.getFieldValue('postId');
    if (!postId) return;
    const r = await api<{ content: string }>(trainingPaths.draft, { query: { postId } });
    form.setFieldValue('content', r.content);
    // The post's holders are the natural audience.
    const holders = people.list.filter((p) => p.postIds.includes(postId)).map((p) => p.id);
    if (holders.length && !(form.getFieldValue('attendeePersonIds') ?? []).length) form.setFieldValue('attendeePersonIds', holders);
  };
  const submit = (v: Record<string, unknown>) =>
    zod.submit({ ...v, heldOn: v.heldOn ? (v.heldOn as Dayjs).format('YYYY-MM-DD') : undefined, trainer: v.trainer ?? '', audience: v.audience ?? '', content: v.content ?? '' }, (body) => create.mutate(body));
  return (
    <Modal open title={t('trainingUi.newSession')} onCancel={onClose} onOk={() => form.submit()} okText={t('common.save')} confirmLoading={create.isPending} width={640} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ kind: 'yearly', hours: 8 }}>
        <Form.Item name="title" label={t('trainingUi.sessionTitle')} required>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="kind" label={t('trainingUi.kind')} required>
          <Select options={trainingKindOptions.map((k) => ({ value: k, label: t(`trainingUi.kinds.${k}`) }))} />
        </Form.Item>
        <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
          <Form.Item name="heldOn" label={t('trainingUi.heldOn')} required>
            <DatePicker />
          </Form.Item>
          <Form.Item name="hours" label={t('trainingUi.hours')} required>
            <InputNumber min={0.5} max={200} step={0.5} />
          </Form.Item>
          <Form.Item name="trainer" label={t('trainingUi.trainer')}>
            <Input maxLength={100} />
          </Form.Item>
        </div>
        <Form.Item name="postId" label={t('trainingUi.post')} extra={t('trainingUi.postHint')}>
          <Select allowClear showSearch optionFilterProp="label" options={posts.options} onChange={() => void draft()} />
        </Form.Item>
        <Form.Item name="attendeePersonIds" label={t('trainingUi.attendees')}>
          <Select mode="multiple" showSearch optionFilterProp="label" options={people.options} data-testid="attendees" />
        </Form.Item>
        <Form.Item name="content" label={t('trainingUi.content')}>
          <Input.TextArea rows={6} maxLength={20000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
