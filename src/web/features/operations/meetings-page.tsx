import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, List, Modal, Select, Space, Tabs, Tag, Typography } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ChannelDto, channelCreateSchema, channelKinds, channelUpdateSchema, type MeetingDto, meetingKinds } from '../../../schemas/communication.js';
import { api } from '../../app/api/api-client';
import { hasRole, useCanManage, useCurrentUser } from '../../app/auth/use-me';
import { PageHeader } from '../../app/ui/page-header';
import { type FormValues, nullIfEmpty } from '../../app/ui/resource-form-drawer';
import { ResourceListPage } from '../../app/ui/resource-list-page';
import { ResponsiveTable } from '../../app/ui/responsive-table';
import { useAllItems, usePagedList } from '../../app/ui/use-paged-list';
import { usePeople } from '../risks/use-people';
import { SignOffList } from '../sign-offs/sign-off-list';
import { RecordModal } from './record-modal';
import { DateField } from '../../app/ui/date-field';

const channelsPath = '/api/v1/communication-channels';
const meetingsPath = '/api/v1/meetings';
const meetingWriters = ['principal', 'safety_manager', 'consultant', 'dept_head', 'team_leader'] as const;

function Channels() {
  const { t } = useTranslation();
  const people = usePeople();
  const columns: ColumnType<ChannelDto>[] = [
    { key: 'name', title: t('operationsUi.comm.channel'), render: (_v, c) => <Typography.Text strong>{c.name}</Typography.Text> },
    { key: 'kind', title: t('operationsUi.comm.kind'), render: (_v, c) => t(`operationsUi.comm.channelKinds.${c.kind}`) },
    { key: 'frequency', title: t('operationsUi.comm.frequency'), dataIndex: 'frequency' },
    { key: 'audience', title: t('operationsUi.comm.audience'), dataIndex: 'audience' },
    { key: 'owner', title: t('operationsUi.comm.owner'), render: (_v, c) => people.nameOf(c.ownerPersonId) },
  ];
  return (
    <ResourceListPage<ChannelDto>
      testId="communication-channels"
      path={channelsPath}
      title={t('operationsUi.comm.plan')}
      hint={t('operationsUi.comm.planHint')}
      columns={columns}
      form={{
        createSchema: channelCreateSchema,
        updateSchema: channelUpdateSchema,
        createTitle: t('operationsUi.comm.addChannel'),
        editTitle: t('operationsUi.comm.editChannel'),
        emptyValues: { kind: 'meeting' },
        toFormValues: (c) => ({ ...c }),
        fromFormValues: (v: FormValues) => ({ name: v.name ?? '', kind: v.kind, frequency: v.frequency ?? '', audience: v.audience ?? '', ownerPersonId: nullIfEmpty(v.ownerPersonId) }),
        fields: (
          <>
            <Form.Item name="name" label={t('operationsUi.comm.channel')} required>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name="kind" label={t('operationsUi.comm.kind')} required>
              <Select options={channelKinds.map((k) => ({ value: k, label: t(`operationsUi.comm.channelKinds.${k}`) }))} />
            </Form.Item>
            <Form.Item name="frequency" label={t('operationsUi.comm.frequency')}>
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="audience" label={t('operationsUi.comm.audience')}>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name="ownerPersonId" label={t('operationsUi.comm.owner')}>
              <Select allowClear options={people.options} showSearch={{ optionFilterProp: 'label' }} />
            </Form.Item>
          </>
        ),
      }}
    />
  );
}

function MeetingDetail({ meeting, onClose }: { meeting: MeetingDto; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const canManage = useCanManage();
  const people = usePeople();
  const done = useMutation({
    mutationFn: (actionId: string) => api(`${meetingsPath}/${meeting.id}/action-done`, { method: 'POST', body: { actionId } }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: [meetingsPath] });
      void message.success(t('operationsUi.saved'));
      onClose();
    },
    onError: (e) => void message.error(e.message),
  });
  return (
    <Modal open title={`${meeting.heldOn} ${meeting.name}`} footer={null} onCancel={onClose} width={720} destroyOnHidden>
      {meeting.representatives && <Typography.Paragraph>{`${t('operationsUi.comm.representatives')}：${meeting.representatives}`}</Typography.Paragraph>}
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{meeting.minutes}</Typography.Paragraph>
      <List
        header={t('operationsUi.comm.decisions')}
        size="small"
        dataSource={meeting.actions}
        locale={{ emptyText: t('common.empty') }}
        renderItem={(a) => (
          <List.Item actions={!a.doneAt && canManage ? [<Button key="done" size="small" onClick={() => done.mutate(a.id)}>{t('operationsUi.comm.markDone')}</Button>] : []}>
            {a.text} · {people.nameOf(a.ownerPersonId)} · {a.deadline} {a.doneAt ? <Tag color="green">{t('operationsUi.comm.done')}</Tag> : <Tag color="orange">{t('operationsUi.comm.open')}</Tag>}
          </List.Item>
        )}
      />
      {meeting.attendeePersonIds.length > 0 && <SignOffList subjectType="meeting" subjectId={meeting.id} title={t('operationsUi.comm.attendance')} />}
    </Modal>
  );
}

function Meetings() {
  const { t } = useTranslation();
  const canWrite = hasRole(useCurrentUser(), meetingWriters);
  const people = usePeople();
  const channels = useAllItems<ChannelDto>(channelsPath);
  const [kind, setKind] = useState<string | undefined>();
  const [isAdding, setIsAdding] = useState(false);
  const [open, setOpen] = useState<MeetingDto | null>(null);
  const list = usePagedList<MeetingDto>(meetingsPath, { kind });
  const columns: ColumnType<MeetingDto>[] = [
    { key: 'name', title: t('operationsUi.comm.meeting'), render: (_v, m) => <Button type="link" onClick={() => setOpen(m)}>{m.name}</Button> },
    { key: 'kind', title: t('operationsUi.comm.kind'), render: (_v, m) => t(`operationsUi.comm.meetingKinds.${m.kind}`) },
    { key: 'heldOn', title: t('operationsUi.comm.heldOn'), dataIndex: 'heldOn' },
    { key: 'attendance', title: t('operationsUi.comm.attendance'), render: (_v, m) => `${m.signedPersonIds.length}/${m.attendeePersonIds.length}` },
    { key: 'actions', title: t('operationsUi.comm.decisions'), render: (_v, m) => `${m.actions.filter((a) => a.doneAt).length}/${m.actions.length}` },
  ];
  return (
    <div data-testid="meetings">
      <PageHeader title={t('operationsUi.comm.meetings')} hint={t('operationsUi.comm.meetingsHint')} extra={canWrite && <Button type="primary" icon={<PlusOutlined />} onClick={() => setIsAdding(true)}>{t('operationsUi.comm.addMeeting')}</Button>} />
      <div className="page-toolbar">
        <Select allowClear placeholder={t('operationsUi.comm.kind')} style={{ width: 180 }} value={kind} onChange={setKind} options={meetingKinds.map((k) => ({ value: k, label: t(`operationsUi.comm.meetingKinds.${k}`) }))} />
      </div>
      <ResponsiveTable<MeetingDto> dataSource={list.items} columns={columns} loading={list.isLoading} locale={{ emptyText: t('common.empty') }} />
      {open && <MeetingDetail meeting={open} onClose={() => setOpen(null)} />}
      {isAdding && (
        <RecordModal
          title={t('operationsUi.comm.addMeeting')}
          path={meetingsPath}
          refresh={[meetingsPath]}
          initialValues={{ kind: 'pre_shift', attendeePersonIds: [], decisions: [] }}
          toBody={(v) => ({
            kind: v.kind, name: v.name ?? '', heldOn: v.heldOn, chairPersonId: nullIfEmpty(v.chairPersonId), channelId: nullIfEmpty(v.channelId),
            representatives: v.representatives ?? '', minutes: v.minutes ?? '', attendeePersonIds: v.attendeePersonIds ?? [],
            decisions: ((v.decisions as { text?: string; ownerPersonId?: string; deadline?: string }[] | undefined) ?? []).filter((d) => d?.text),
          })}
          onClose={() => setIsAdding(false)}
          fields={
            <>
              <Form.Item name="kind" label={t('operationsUi.comm.kind')} rules={[{ required: true }]}>
                <Select options={meetingKinds.map((k) => ({ value: k, label: t(`operationsUi.comm.meetingKinds.${k}`) }))} />
              </Form.Item>
              <Form.Item name="name" label={t('operationsUi.comm.meeting')} rules={[{ required: true }]}>
                <Input maxLength={200} />
              </Form.Item>
              <Form.Item name="heldOn" label={t('operationsUi.comm.heldOn')} rules={[{ required: true }]}>
                <DateField style={{ width: 180 }} />
              </Form.Item>
              <Form.Item name="chairPersonId" label={t('operationsUi.comm.chair')}>
                <Select allowClear options={people.options} showSearch={{ optionFilterProp: 'label' }} />
              </Form.Item>
              <Form.Item name="channelId" label={t('operationsUi.comm.channel')}>
                <Select allowClear options={(channels.data ?? []).map((c) => ({ value: c.id, label: c.name }))} />
              </Form.Item>
              <Form.Item name="attendeePersonIds" label={t('operationsUi.comm.attendees')}>
                <Select mode="multiple" options={people.options} showSearch={{ optionFilterProp: 'label' }} />
              </Form.Item>
              <Form.Item name="representatives" label={t('operationsUi.comm.representatives')}>
                <Input maxLength={500} />
              </Form.Item>
              <Form.Item name="minutes" label={t('operationsUi.comm.minutes')}>
                <Input.TextArea rows={3} maxLength={8000} />
              </Form.Item>
              <Form.List name="decisions">
                {(fields, { add, remove }) => (
                  <>
                    {fields.map((f) => (
                      <Space key={f.key} align="baseline" wrap>
                        <Form.Item name={[f.name, 'text']} rules={[{ required: true }]}>
                          <Input placeholder={t('operationsUi.comm.decision')} maxLength={1000} />
                        </Form.Item>
                        <Form.Item name={[f.name, 'ownerPersonId']} rules={[{ required: true }]}>
                          <Select placeholder={t('operationsUi.comm.owner')} style={{ width: 140 }} options={people.options} showSearch={{ optionFilterProp: 'label' }} />
                        </Form.Item>
                        <Form.Item name={[f.name, 'deadline']} rules={[{ required: true }]}>
                          <DateField style={{ width: 150 }} />
                        </Form.Item>
                        <MinusCircleOutlined onClick={() => remove(f.name)} />
                      </Space>
                    ))}
                    <Button type="dashed" onClick={() => add()} icon={<PlusOutlined />}>
                      {t('operationsUi.comm.addDecision')}
                    </Button>
                  </>
                )}
              </Form.List>
            </>
          }
        />
      )}
    </div>
  );
}

/** 参与和交流: the communication plan, meetings (安全例会, 班前会, 协商) with signed attendance and decisions → actions. */
export function MeetingsPage() {
  const { t } = useTranslation();
  return (
    <Tabs
      items={[
        { key: 'meetings', label: t('operationsUi.comm.meetings'), children: <Meetings /> },
        { key: 'plan', label: t('operationsUi.comm.plan'), children: <Channels /> },
      ]}
    />
  );
}
