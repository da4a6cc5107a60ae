import { Alert, App, Button, Card, Checkbox, Collapse, Descriptions, Dropdown, Form, Input, InputNumber, Modal, Popconfirm, Progress, Radio, Select, Space, Statistic, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { AssessmentDetailDto } from '../../../schemas/standardization.js';
import { managerRoles } from '../../../schemas/auth.js';
import type { PostDto } from '../../../schemas/org.js';
import { api, isApiError } from '../../app/api/api-client';
import { hasRole, useMe } from '../../app/auth/use-me';
import { PageHeader } from '../../app/ui/page-header';
import { useAllItems } from '../../app/ui/use-paged-list';
import { usePeople } from '../risks/use-people';
import { assessmentPath, useAssessment, useStandardizationWrite } from './standardization-api';
import { gradeTag } from './standardization-page';
import { SignOffList } from '../sign-offs/sign-off-list';
import { DateField } from '../../app/ui/date-field';

type Item = AssessmentDetailDto['items'][number];
interface DecisionValues {
  deduction: number;
  isNotApplicable?: boolean;
  isVetoFired?: boolean;
  note?: string;
}

function DecisionModal({ assessmentId, item, onClose }: { assessmentId: string; item: Item; onClose(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<DecisionValues>();
  const decide = useStandardizationWrite((body: unknown) => api(`${assessmentPath(assessmentId)}/items/${encodeURIComponent(item.code)}/decisions`, { body }));
  const start = item.decision ?? { deduction: item.proposal?.proposedDeduction ?? 0, isNotApplicable: false, isVetoFired: item.proposal?.isVetoFired ?? false, note: '' };
  const submit = (v: DecisionValues) =>
    decide.mutate(
      { deduction: v.deduction ?? 0, isNotApplicable: Boolean(v.isNotApplicable), isVetoFired: Boolean(v.isVetoFired), note: v.note ?? '' },
      {
        onSuccess: onClose,
        onError: (e) => {
          if (isApiError(e) && e.errors.length) form.setFields(e.errors.map((x) => ({ name: x.path as keyof DecisionValues, errors: [x.message] })));
        },
      },
    );
  return (
    <Modal open title={t('standardizationUi.decision.title', { code: item.code })} onCancel={onClose} onOk={() => form.submit()} okText={t('standardizationUi.decision.save')} confirmLoading={decide.isPending} destroyOnHidden>
      <Typography.Paragraph>{item.title}</Typography.Paragraph>
      {item.proposal && <Alert type="info" style={{ marginBottom: 12 }} message={item.proposal.reason} />}
      <Form form={form} layout="vertical" initialValues={start} onFinish={submit}>
        <Form.Item name="deduction" label={`${t('standardizationUi.decision.deduction')}（0–${item.points}）`}>
          <InputNumber min={0} max={item.points} step={0.5} />
        </Form.Item>
        {item.canBeNotApplicable && (
          <Form.Item name="isNotApplicable" valuePropName="checked">
            <Checkbox>{t('standardizationUi.decision.isNotApplicable')}</Checkbox>
          </Form.Item>
        )}
        {item.isVeto && (
          <Form.Item name="isVetoFired" valuePropName="checked">
            <Checkbox>{t('standardizationUi.decision.isVetoFired')}</Checkbox>
          </Form.Item>
        )}
        <Form.Item name="note" label={t('standardizationUi.decision.note')}>
          <Input.TextArea autoSize={{ minRows: 2 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ActionModal({ assessmentId, item, onClose }: { assessmentId: string; item: Item; onClose(): void }) {
  const { t } = useTranslation();
  const people = usePeople();
  const posts = useAllItems<PostDto>('/api/v1/posts');
  const [form] = Form.useForm();
  const kind = Form.useWatch('kind', form);
  const create = useStandardizationWrite((body: unknown) => api(`${assessmentPath(assessmentId)}/actions`, { body }));
  return (
    <Modal open title={t('standardizationUi.action.title', { code: item.code })} onCancel={onClose} onOk={() => form.submit()} okText={t('standardizationUi.action.save')} confirmLoading={create.isPending} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: 'action', description: item.decision?.note ?? '' }}
        onFinish={(v) =>
          create.mutate(
            { itemCode: item.code, ...v, postId: v.postId ?? null },
            { onSuccess: onClose, onError: (e) => isApiError(e) && form.setFields(e.errors.map((x) => ({ name: x.path, errors: [x.message] }))) },
          )
        }
      >
        <Form.Item name="kind" label={t('standardizationUi.action.kind')}>
          <Radio.Group options={(['action', 'hazard'] as const).map((k) => ({ value: k, label: t(`standardizationUi.action.kinds.${k}`) }))} />
        </Form.Item>
        <Form.Item name="description" label={t('standardizationUi.action.description')} rules={[{ required: true }]}>
          <Input.TextArea autoSize={{ minRows: 2 }} />
        </Form.Item>
        <Form.Item name="ownerPersonId" label={t('standardizationUi.action.owner')} rules={[{ required: true }]}>
          <Select showSearch optionFilterProp="label" options={people.options} />
        </Form.Item>
        <Form.Item name="deadline" label={t('standardizationUi.action.deadline')} rules={[{ required: true }]}>
          <DateField />
        </Form.Item>
        {kind === 'hazard' && (
          <Form.Item name="postId" label={t('standardizationUi.action.post')}>
            <Select allowClear showSearch optionFilterProp="label" options={(posts.data ?? []).map((p) => ({ value: p.id, label: p.name }))} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

function ItemRow({ item, detail, canWrite, onDecide, onAct, onAccept }: { item: Item; detail: AssessmentDetailDto; canWrite: boolean; onDecide(): void; onAct(): void; onAccept(): void }) {
  const { t } = useTranslation();
  const d = item.decision;
  const action = detail.actions.find((a) => a.itemCode === item.code);
  const hasFinding = d && (d.deduction > 0 || d.isVetoFired);
  return (
    <div className="sa-item" data-item={item.code} style={{ borderBottom: '1px solid #f0f0f0', padding: '8px 0' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Text strong>
          {item.code} {item.title}
        </Typography.Text>
        <Space wrap>
          <Tag>{item.isVeto ? t('standardizationUi.decision.isVetoFired') : t('standardizationUi.detail.points', { points: item.points })}</Tag>
          {!item.isConfirmed && <Tag color="warning">{t('standardizationUi.detail.unconfirmed')}</Tag>}
          {item.previousDeduction !== null && <Tag>{t('standardizationUi.detail.previous', { points: item.previousDeduction })}</Tag>}
        </Space>
      </Space>
      {item.proposal ? (
        <div style={{ margin: '4px 0' }}>
          <Typography.Text type="secondary">{t('standardizationUi.detail.evidence')}：</Typography.Text>
          {item.proposal.evidence.join('；')}
          <div data-testid="proposal">
            <Tag color={item.proposal.isVetoFired || (item.proposal.proposedDeduction ?? 0) > 0 ? 'orange' : 'green'}>{t('standardizationUi.detail.proposal', { points: item.proposal.proposedDeduction ?? 0 })}</Tag>
            {item.proposal.reason}
          </div>
        </div>
      ) : (
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0' }}>
          {t('standardizationUi.detail.noProposal')}
        </Typography.Paragraph>
      )}
      <Space wrap>
        {d && (
          <span data-testid="decision">
            <Tag color={d.isOverride ? 'purple' : 'blue'}>
              {d.isNotApplicable ? t('standardizationUi.detail.notApplicable') : d.isVetoFired ? t('standardizationUi.detail.vetoFired') : t('standardizationUi.detail.decided', { points: d.deduction })}
            </Tag>
            {d.isOverride && <Tag color="purple">{t('standardizationUi.detail.override')}</Tag>}
            {d.note}
          </span>
        )}
        {action && <Tag color={action.status === 'done' ? 'default' : 'gold'}>{t('standardizationUi.detail.actionOpen', { owner: action.ownerName, deadline: action.deadline })}</Tag>}
        {canWrite && item.proposal && item.proposal.proposedDeduction !== null && !d && (
          <Button size="small" onClick={onAccept}>
            {t('standardizationUi.detail.accept')}
          </Button>
        )}
        {canWrite && (
          <Button size="small" onClick={onDecide}>
            {t('standardizationUi.detail.adjust')}
          </Button>
        )}
        {canWrite && hasFinding && !action && (
          <Button size="small" onClick={onAct}>
            {t('standardizationUi.detail.act')}
          </Button>
        )}
      </Space>
    </div>
  );
}

/** Seed 002 phase 5: the first and last meetings, their minutes and the attendees' signatures (sign-off mechanism). */
function MeetingsCard({ detail, canWrite }: { detail: AssessmentDetailDto; canWrite: boolean }) {
  const { t } = useTranslation();
  const people = usePeople();
  const [form] = Form.useForm();
  const record = useStandardizationWrite((body: unknown) => api(`${assessmentPath(detail.id)}/meetings`, { body }));
  return (
    <Card size="small" title={t('standardizationUi.meetings.title')} style={{ marginTop: 12 }}>
      {detail.meetings.map((m) => (
        <div key={m.id} style={{ marginBottom: 12 }}>
          <Typography.Text strong>{`${t(`standardizationUi.meetings.kinds.${m.kind}`)} · ${m.heldOn}`}</Typography.Text>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '4px 0' }}>{m.minutes}</Typography.Paragraph>
          <SignOffList subjectType="standardization-meeting" subjectId={m.id} title={t('standardizationUi.meetings.signatures')} />
        </div>
      ))}
      {canWrite && (
        <Form
          form={form}
          layout="vertical"
          initialValues={{ kind: detail.meetings.some((m) => m.kind === 'first') ? 'last' : 'first', attendeePersonIds: detail.team.map((m) => m.personId) }}
          onFinish={(v) => record.mutate(v, { onSuccess: () => form.resetFields(['minutes']), onError: (e) => isApiError(e) && form.setFields(e.errors.map((x) => ({ name: x.path.split('.')[0], errors: [x.message] }))) })}
        >
          <Space wrap align="start">
            <Form.Item name="kind" label={t('standardizationUi.meetings.kind')}>
              <Radio.Group options={(['first', 'last'] as const).map((k) => ({ value: k, label: t(`standardizationUi.meetings.kinds.${k}`) }))} />
            </Form.Item>
            <Form.Item name="heldOn" label={t('standardizationUi.meetings.heldOn')} rules={[{ required: true }]}>
              <DateField style={{ width: 160 }} />
            </Form.Item>
          </Space>
          <Form.Item name="attendeePersonIds" label={t('standardizationUi.meetings.attendees')} rules={[{ required: true }]}>
            <Select mode="multiple" showSearch optionFilterProp="label" options={people.options} />
          </Form.Item>
          <Form.Item name="minutes" label={t('standardizationUi.meetings.minutes')} rules={[{ required: true }]}>
            <Input.TextArea autoSize={{ minRows: 2 }} />
          </Form.Item>
          <Button htmlType="submit" loading={record.isPending}>
            {t('standardizationUi.meetings.record')}
          </Button>
        </Form>
      )}
    </Card>
  );
}

/** One self-assessment: score and grade, item by item with the product's evidence and proposals, files. */
export function AssessmentPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { assessmentId = '' } = useParams();
  const { data: me } = useMe();
  const query = useAssessment(assessmentId);
  const [deciding, setDeciding] = useState<Item | null>(null);
  const [acting, setActing] = useState<Item | null>(null);
  const post = (path: string) => api(`${assessmentPath(assessmentId)}/${path}`, { method: 'POST' });
  const run = useStandardizationWrite(post);
  const accept = useStandardizationWrite((item: Item) =>
    api(`${assessmentPath(assessmentId)}/items/${encodeURIComponent(item.code)}/decisions`, { body: { deduction: item.proposal?.proposedDeduction ?? 0, isVetoFired: item.isVeto && Boolean(item.proposal?.isVetoFired) } }),
  );
  const detail = query.data;
  if (!detail) return null;
  const isOpen = detail.status === 'in_progress';
  const canWrite = Boolean(me && hasRole(me, managerRoles)) && isOpen;
  const onError = (e: Error) => void message.error(e.message);
  const r = detail.result;
  const file = (name: string) => `${assessmentPath(assessmentId)}/${name}`;

  return (
    <div data-testid="assessment">
      <PageHeader
        title={detail.title}
        hint={`${detail.sheetName} · ${detail.plannedStart} ~ ${detail.plannedEnd} · ${t(`standardizationUi.status.${detail.status}`)}`}
        extra={
          <Dropdown
            menu={{
              items: [
                { key: 'report', label: <a href={file('report.docx')} download>{t('standardizationUi.detail.report')}</a> },
                { key: 'scoring', label: <a href={file('scoring.xlsx')} download>{t('standardizationUi.detail.scoring')}</a> },
                { key: 'nc', label: <a href={file('nonconformities.docx')} download>{t('standardizationUi.detail.nonconformities')}</a> },
                { key: 'checklist', label: <a href={file('application-checklist.docx')} download>{t('standardizationUi.detail.checklist')}</a> },
              ],
            }}
          >
            <Button>{t('standardizationUi.detail.downloads')}</Button>
          </Dropdown>
        }
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space size="large" wrap align="center">
          <Statistic title={t('standardizationUi.detail.score')} value={r.score1000 ?? '—'} />
          <Statistic title={t('standardizationUi.detail.score100')} value={r.score100 ?? '—'} />
          <div data-testid="grade">
            <Typography.Text type="secondary">{t('standardizationUi.detail.grade')}</Typography.Text>
            <div>
              {gradeTag(r.grade, r.score1000, t)}
              {isOpen && <Typography.Text type="secondary">{t('standardizationUi.detail.provisional', { decided: detail.elements.reduce((n, e) => n + e.decided, 0), total: detail.items.length })}</Typography.Text>}
            </div>
          </div>
          {r.vetoes.length > 0 && <Tag color="red">{`${t('standardizationUi.detail.vetoes')}：${r.vetoes.join('、')}`}</Tag>}
          {canWrite && (
            <Space wrap>
              <Button onClick={() => run.mutate('evidence', { onError })}>{t('standardizationUi.detail.refresh')}</Button>
              <Popconfirm title={t('standardizationUi.detail.confirmRemainingHint')} onConfirm={() => run.mutate('confirm-remaining', { onError })}>
                <Button>{t('standardizationUi.detail.confirmRemaining')}</Button>
              </Popconfirm>
              <Popconfirm title={t('standardizationUi.detail.concludeHint')} onConfirm={() => run.mutate('conclude', { onError })}>
                <Button type="primary">{t('standardizationUi.detail.conclude')}</Button>
              </Popconfirm>
            </Space>
          )}
        </Space>
        <Descriptions size="small" column={1} style={{ marginTop: 8 }} items={[{ key: 'src', label: t('standardizationUi.detail.sourceNote'), children: detail.sourceNote }]} />
      </Card>
      <Collapse
        defaultActiveKey={detail.elements.filter((e) => detail.items.some((i) => i.elementCode === e.code && i.proposal)).map((e) => e.code)}
        items={detail.elements.map((e) => {
          const sub = r.elements.find((s) => s.code === e.code);
          return {
            key: e.code,
            label: (
              <Space wrap>
                <span>{`${e.code} ${e.name}`}</span>
                <Progress percent={e.total ? Math.round((e.decided / e.total) * 100) : 0} size="small" style={{ width: 120, margin: 0 }} format={() => t('standardizationUi.detail.progress', { decided: e.decided, total: e.total })} />
                {sub && <Tag>{`${sub.earned} / ${sub.applicable}`}</Tag>}
              </Space>
            ),
            children: detail.items
              .filter((i) => i.elementCode === e.code)
              .map((i) => <ItemRow key={i.code} item={i} detail={detail} canWrite={canWrite} onDecide={() => setDeciding(i)} onAct={() => setActing(i)} onAccept={() => accept.mutate(i, { onError })} />),
          };
        })}
      />
      <MeetingsCard detail={detail} canWrite={canWrite} />
      {deciding && <DecisionModal assessmentId={assessmentId} item={deciding} onClose={() => setDeciding(null)} />}
      {acting && <ActionModal assessmentId={assessmentId} item={acting} onClose={() => setActing(null)} />}
    </div>
  );
}
