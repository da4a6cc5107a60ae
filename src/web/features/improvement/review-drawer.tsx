import { FileWordOutlined, ReloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Drawer, Form, Grid, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReviewDto } from '../../../schemas/management-review.js';
import { api } from '../../app/api/api-client';
import { hasRole, useCurrentUser } from '../../app/auth/use-me';
import { usePeople } from '../risks/use-people';
import { improvementPaths, useIsManager, useStep } from './improvement-api';
import { DateField } from '../../app/ui/date-field';

/** One review: the inputs as filled from the records, the decisions, the principal's conclusion. */
export function ReviewDrawer({ id, onClose }: { id: string | null; onClose(): void }) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const detail = useQuery({ queryKey: [improvementPaths.reviews, 'detail', id], enabled: id !== null, queryFn: () => api<ReviewDto>(`${improvementPaths.reviews}/${id}`) });
  const r = detail.data;
  return (
    <Drawer title={r ? `${r.year} ${t(`improvementUi.review.kinds.${r.kind}`)}` : ''} open={id !== null} onClose={onClose} size={screens.md ? 820 : '100%'} data-testid="review-detail">
      {r && <ReviewBody r={r} />}
    </Drawer>
  );
}

function ReviewBody({ r }: { r: ReviewDto }) {
  const { t } = useTranslation();
  const isManager = useIsManager();
  const isPrincipal = hasRole(useCurrentUser(), ['principal']);
  const isDraft = r.status === 'draft';
  const refresh = useStep<ReviewDto>(improvementPaths.reviews);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={12}>
      <Space wrap>
        <Tag color={isDraft ? 'blue' : 'green'} data-testid="review-status">
          {t(`improvementUi.review.statuses.${r.status}`)}
        </Tag>
        <Typography.Text type="secondary">
          {t('improvementUi.review.period')} {r.periodFrom} – {r.periodTo}
        </Typography.Text>
        {r.chairedByName && <Typography.Text>{t('improvementUi.review.chairedBy', { name: r.chairedByName })}</Typography.Text>}
        <Button icon={<FileWordOutlined />} href={`${improvementPaths.reviews}/${r.id}/report.docx`} data-testid="review-docx">
          {t('improvementUi.review.docx')}
        </Button>
      </Space>
      <Card
        size="small"
        title={t('improvementUi.review.inputs')}
        extra={
          <Space>
            <Typography.Text type="secondary">{t('improvementUi.review.inputsAt', { at: r.inputsAt.slice(0, 10) })}</Typography.Text>
            {isManager && isDraft && (
              <Button size="small" icon={<ReloadOutlined />} loading={refresh.isPending} onClick={() => refresh.mutate({ path: `${improvementPaths.reviews}/${r.id}/refresh-inputs` })}>
                {t('improvementUi.review.refresh')}
              </Button>
            )}
          </Space>
        }
      >
        <Space orientation="vertical" style={{ width: '100%' }} data-testid="review-inputs">
          {r.inputs.map((s) => (
            <Descriptions key={s.key} title={s.title} size="small" column={1} bordered data-testid={`review-input-${s.key}`}>
              {s.lines ? (
                s.lines.map((l) => (
                  <Descriptions.Item key={l.label} label={l.label}>
                    {l.value}
                  </Descriptions.Item>
                ))
              ) : (
                <Descriptions.Item label="—">
                  <Typography.Text type="secondary">{t('improvementUi.review.notRecorded')}</Typography.Text>
                </Descriptions.Item>
              )}
            </Descriptions>
          ))}
        </Space>
        {r.suggestedFindings.length > 0 && <Alert style={{ marginTop: 12 }} type="warning" showIcon title={t('improvementUi.review.suggested')} description={r.suggestedFindings.join('；')} />}
      </Card>
      <DecisionsCard r={r} canWrite={isManager && isDraft} />
      {r.status === 'concluded' ? (
        <Card size="small" title={t('improvementUi.review.conclusion')}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{r.conclusion}</Typography.Paragraph>
        </Card>
      ) : (
        isPrincipal && <ConcludeCard r={r} />
      )}
    </Space>
  );
}

function DecisionsCard({ r, canWrite }: { r: ReviewDto; canWrite: boolean }) {
  const { t } = useTranslation();
  const people = usePeople();
  const [form] = Form.useForm();
  const add = useStep<ReviewDto>(improvementPaths.reviews, () => form.resetFields());
  const done = useStep<ReviewDto>(improvementPaths.reviews);
  return (
    <Card size="small" title={t('improvementUi.review.decisions')}>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={r.decisions}
        data-testid="review-decisions"
        columns={[
          { key: 'decision', dataIndex: 'decision', title: t('improvementUi.review.decision') },
          { key: 'measure', dataIndex: 'measure', title: t('improvementUi.review.measure') },
          { key: 'owner', dataIndex: 'ownerName', title: t('improvementUi.review.owner') },
          { key: 'deadline', dataIndex: 'deadline', title: t('improvementUi.review.deadline') },
          {
            key: 'done',
            title: '',
            render: (_v, d) =>
              d.doneAt ? (
                <Tag color="green">{t('improvementUi.review.done')}</Tag>
              ) : (
                canWrite && (
                  <Button size="small" onClick={() => done.mutate({ path: `${improvementPaths.reviews}/${r.id}/decision-done`, body: { decisionId: d.id } })}>
                    {t('improvementUi.review.markDone')}
                  </Button>
                )
              ),
          },
        ]}
      />
      {canWrite && (
        <Form
          form={form}
          layout="vertical"
          style={{ marginTop: 12 }}
          onFinish={(v: { decision?: string; measure?: string; ownerPersonId?: string; deadline?: string }) =>
            add.mutate({ path: `${improvementPaths.reviews}/${r.id}/decisions`, body: { decision: v.decision ?? '', measure: v.measure ?? '', ownerPersonId: v.ownerPersonId, deadline: v.deadline } })
          }
        >
          <Form.Item name="decision" label={t('improvementUi.review.decision')} required>
            <Input maxLength={1000} data-testid="decision-text" />
          </Form.Item>
          <Form.Item name="measure" label={t('improvementUi.review.measure')} required>
            <Input maxLength={1000} data-testid="decision-measure" />
          </Form.Item>
          <Space wrap>
            <Form.Item name="ownerPersonId" label={t('improvementUi.review.owner')} required>
              <Select options={people.options} showSearch={{ optionFilterProp: 'label' }} style={{ width: 180 }} data-testid="decision-owner" />
            </Form.Item>
            <Form.Item name="deadline" label={t('improvementUi.review.deadline')} required>
              <DateField style={{ width: 160 }} data-testid="decision-deadline" />
            </Form.Item>
          </Space>
          <Button htmlType="submit" loading={add.isPending} data-testid="decision-add">
            {t('improvementUi.review.addDecision')}
          </Button>
        </Form>
      )}
    </Card>
  );
}

function ConcludeCard({ r }: { r: ReviewDto }) {
  const { t } = useTranslation();
  const save = useStep<ReviewDto>(improvementPaths.reviews);
  return (
    <Card size="small" title={t('improvementUi.review.conclusion')}>
      <Form layout="vertical" onFinish={(v: { conclusion?: string }) => save.mutate({ path: `${improvementPaths.reviews}/${r.id}/conclude`, body: { conclusion: v.conclusion ?? '' } })}>
        <Form.Item name="conclusion" required>
          <Input.TextArea autoSize={{ minRows: 3 }} maxLength={4000} data-testid="review-conclusion" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="review-conclude">
          {t('improvementUi.review.conclude')}
        </Button>
      </Form>
    </Card>
  );
}
