import { FileWordOutlined, MinusCircleOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { managerRoles } from '../../../schemas/auth.js';
import type { ReviewDto } from '../../../schemas/initial-review.js';
import { reviewAreaKeys, reviewTeamRoleSuggestions } from '../../../reference/management/initial-review.js';
import { api } from '../../app/api/api-client';
import { hasRole, useMe } from '../../app/auth/use-me';
import { PageHeader } from '../../app/ui/page-header';
import { usePeople } from '../risks/use-people';
import { BaselineTable } from './initial-review-baseline';
import { GapList } from './initial-review-gaps';
import { reviewsPath, useReview, useReviews, useReviewStep } from './initial-review-api';

interface TeamForm {
  title: string;
  members: { personId: string; role: string }[];
}

function TeamFields() {
  const { t, i18n } = useTranslation();
  const people = usePeople();
  const lang = i18n.language === 'en-US' ? 'en-US' : 'zh-CN';
  return (
    <Form.List name="members">
      {(fields, { add, remove }) => (
        <>
          {fields.map((f) => (
            <Space key={f.key} align="baseline" wrap>
              <Form.Item name={[f.name, 'personId']} rules={[{ required: true, message: t('ohsSystemUi.review.pickPerson') }]}>
                <Select style={{ width: 200 }} options={people.options} showSearch={{ optionFilterProp: 'label' }} placeholder={t('ohsSystemUi.review.member')} data-testid={`member-person-${f.name}`} />
              </Form.Item>
              <Form.Item name={[f.name, 'role']} rules={[{ required: true, message: t('ohsSystemUi.review.pickRole') }]}>
                <Select style={{ width: 200 }} options={reviewTeamRoleSuggestions.map((r) => ({ value: r[lang], label: r[lang] }))} placeholder={t('ohsSystemUi.review.role')} data-testid={`member-role-${f.name}`} />
              </Form.Item>
              <MinusCircleOutlined onClick={() => remove(f.name)} />
            </Space>
          ))}
          <Button icon={<PlusOutlined />} onClick={() => add({})} data-testid="member-add">
            {t('ohsSystemUi.review.addMember')}
          </Button>
        </>
      )}
    </Form.List>
  );
}

/** 初始评审 (seed 000 一(三)1, 二(二)): the list of reviews, and a new one with its team. */
export function InitialReviewsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const client = useQueryClient();
  const me = useMe();
  const isManager = me.data ? hasRole(me.data, managerRoles) : false;
  const reviews = useReviews();
  const [form] = Form.useForm<TeamForm>();
  const create = async (v: TeamForm) => {
    try {
      const r = await api<ReviewDto>(reviewsPath, { method: 'POST', body: { title: v.title, members: v.members ?? [] } });
      await client.invalidateQueries({ queryKey: [reviewsPath] });
      void navigate(`/management/initial-review/${r.id}`);
    } catch (e) {
      void message.error((e as Error).message);
    }
  };
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }} data-testid="initial-reviews">
      <PageHeader title={t('ohsSystemUi.review.title')} hint={t('ohsSystemUi.review.hint')} />
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={reviews.data?.items ?? []}
        loading={reviews.isLoading}
        columns={[
          { key: 'title', title: t('ohsSystemUi.review.name'), render: (_v, r) => <Link to={`/management/initial-review/${r.id}`}>{r.title}</Link> },
          { key: 'status', title: t('ohsSystemUi.review.status'), render: (_v, r) => <Tag color={r.status === 'completed' ? 'green' : 'orange'}>{t(`ohsSystemUi.review.statuses.${r.status}`)}</Tag> },
          { key: 'created', title: t('ohsSystemUi.review.createdAt'), render: (_v, r) => r.createdAt.slice(0, 10) },
        ]}
      />
      {isManager && (
        <Card title={t('ohsSystemUi.review.new')}>
          <Form form={form} layout="vertical" onFinish={create} initialValues={{ title: t('ohsSystemUi.review.defaultTitle', { year: new Date().getFullYear() }), members: [{}] }} data-testid="review-new">
            <Form.Item name="title" label={t('ohsSystemUi.review.name')} rules={[{ required: true }]}>
              <Input maxLength={200} />
            </Form.Item>
            <Typography.Text strong>{t('ohsSystemUi.review.team')}</Typography.Text>
            <TeamFields />
            <div style={{ marginTop: 16 }}>
              <Button type="primary" htmlType="submit" data-testid="review-create">
                {t('ohsSystemUi.review.start')}
              </Button>
            </div>
          </Form>
        </Card>
      )}
    </Space>
  );
}

function FindingForm({ review }: { review: ReviewDto }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const step = useReviewStep(review.id);
  const [form] = Form.useForm<{ area: string; text: string; isGap: boolean }>();
  const submit = (v: { area: string; text: string; isGap: boolean }) =>
    step.mutate({ method: 'POST', path: 'findings', body: { area: v.area, text: v.text, isGap: v.isGap } }, { onSuccess: () => form.resetFields(['text']), onError: (e) => void message.error((e as Error).message) });
  return (
    <Form form={form} layout="inline" onFinish={submit} initialValues={{ isGap: true }} data-testid="finding-form">
      <Form.Item name="area" rules={[{ required: true, message: t('ohsSystemUi.review.pickArea') }]}>
        <Select style={{ width: 320 }} placeholder={t('ohsSystemUi.review.area')} options={reviewAreaKeys.map((k) => ({ value: k, label: t(`ohsSystemUi.areas.${k}`) }))} data-testid="finding-area" />
      </Form.Item>
      <Form.Item name="text" rules={[{ required: true, message: t('ohsSystemUi.review.pickText') }]}>
        <Input style={{ width: 360 }} maxLength={2000} placeholder={t('ohsSystemUi.review.findingText')} data-testid="finding-text" />
      </Form.Item>
      <Form.Item name="isGap">
        <Select style={{ width: 140 }} options={[{ value: true, label: t('ohsSystemUi.review.isGap') }, { value: false, label: t('ohsSystemUi.review.notGap') }]} />
      </Form.Item>
      <Button htmlType="submit" loading={step.isPending} data-testid="finding-add">
        {t('ohsSystemUi.review.addFinding')}
      </Button>
    </Form>
  );
}

/** One review: team, the baseline the records showed, findings per area, completion, gaps and the Word report. */
export function InitialReviewPage() {
  const { reviewId = '' } = useParams();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const isManager = me.data ? hasRole(me.data, managerRoles) : false;
  const review = useReview(reviewId);
  const step = useReviewStep(reviewId);
  const [conclusion] = Form.useForm<{ conclusion: string }>();
  if (review.error) return <Alert type="error" showIcon message={(review.error as Error).message} />;
  const r = review.data;
  if (!r) return null;
  const isDraft = r.status === 'draft';
  const run = (args: Parameters<typeof step.mutate>[0], done: string) => step.mutate(args, { onSuccess: () => void message.success(done), onError: (e) => void message.error((e as Error).message) });
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }} data-testid="initial-review">
      <PageHeader
        title={r.title}
        hint={isDraft ? t('ohsSystemUi.review.draftHint') : t('ohsSystemUi.review.completedOn', { at: r.completedAt?.slice(0, 10) ?? '', name: r.completedByName ?? '' })}
        extra={
          <Space>
            <Tag color={isDraft ? 'orange' : 'green'} data-testid="review-status">{t(`ohsSystemUi.review.statuses.${r.status}`)}</Tag>
            <Button icon={<FileWordOutlined />} href={`${reviewsPath}/${r.id}/report.docx`} data-testid="review-docx">
              {t('ohsSystemUi.review.docx')}
            </Button>
          </Space>
        }
      />
      <Card title={t('ohsSystemUi.review.team')} size="small">
        <Table rowKey="personId" size="small" pagination={false} dataSource={r.members} columns={[{ key: 'name', title: t('ohsSystemUi.review.member'), dataIndex: 'name' }, { key: 'role', title: t('ohsSystemUi.review.role'), dataIndex: 'role' }]} />
      </Card>
      <Card
        title={t('ohsSystemUi.review.baseline')}
        size="small"
        extra={isDraft && isManager && (
          <Button icon={<ReloadOutlined />} onClick={() => run({ method: 'POST', path: 'baseline' }, t('ohsSystemUi.review.refreshed'))} data-testid="baseline-refresh">
            {t('ohsSystemUi.review.refresh')}
          </Button>
        )}
      >
        <Typography.Paragraph type="secondary">{t('ohsSystemUi.review.baselineHint', { at: r.baseline.takenAt.slice(0, 16).replace('T', ' ') })}</Typography.Paragraph>
        <BaselineTable baseline={r.baseline} />
      </Card>
      <Card title={t('ohsSystemUi.review.findings')} size="small">
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={r.findings}
          data-testid="findings"
          columns={[
            { key: 'area', title: t('ohsSystemUi.review.area'), render: (_v, f) => t(`ohsSystemUi.areas.${f.area}`) },
            { key: 'text', title: t('ohsSystemUi.review.findingText'), dataIndex: 'text' },
            { key: 'gap', title: '', render: (_v, f) => (f.isGap ? <Tag color="red">{t('ohsSystemUi.review.isGap')}</Tag> : null) },
          ]}
        />
        {isDraft && isManager && <div style={{ marginTop: 12 }}><FindingForm review={r} /></div>}
      </Card>
      <GapList review={r} isManager={isManager} />
      {isDraft && isManager && (
        <Card title={t('ohsSystemUi.review.complete')} size="small">
          <Form form={conclusion} layout="vertical" onFinish={(v) => run({ method: 'POST', path: 'complete', body: { conclusion: v.conclusion ?? '' } }, t('ohsSystemUi.review.completed'))}>
            <Form.Item name="conclusion" label={t('ohsSystemUi.review.conclusion')}>
              <Input.TextArea rows={3} maxLength={4000} data-testid="review-conclusion" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={step.isPending} data-testid="review-complete">
              {t('ohsSystemUi.review.completeButton')}
            </Button>
          </Form>
        </Card>
      )}
      {!isDraft && r.conclusion && (
        <Card title={t('ohsSystemUi.review.conclusion')} size="small">
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{r.conclusion}</Typography.Paragraph>
        </Card>
      )}
    </Space>
  );
}
