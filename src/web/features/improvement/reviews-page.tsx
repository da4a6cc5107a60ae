import { FileWordOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Form, Input, InputNumber, Modal, Radio, Tag } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { reviewKinds, reviewTriggers } from '../../../domain/improvement/review-inputs.js';
import type { ReviewDto } from '../../../schemas/management-review.js';
import { api } from '../../app/api/api-client';
import { PageHeader } from '../../app/ui/page-header';
import { ResponsiveTable } from '../../app/ui/responsive-table';
import { improvementPaths, useIsManager, useStep } from './improvement-api';
import { ReviewDrawer } from './review-drawer';
import { DateField } from '../../app/ui/date-field';

/** 管理评审 and 双重预防机制运行评估: the yearly (or event) reviews; a row opens the inputs, decisions and conclusion. */
export function ReviewsPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  const isManager = useIsManager();
  const [isCreating, setCreating] = useState(false);
  const list = useQuery({ queryKey: [improvementPaths.reviews, 'list'], queryFn: () => api<{ items: ReviewDto[] }>(improvementPaths.reviews) });
  const columns: ColumnType<ReviewDto>[] = [
    {
      key: 'kind',
      title: t('improvementUi.review.kind'),
      render: (_v, r) => (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => navigate(`/improvement/reviews/${r.id}`)} data-testid="review-open">
          {r.year} {t(`improvementUi.review.kinds.${r.kind}`)}
        </Button>
      ),
    },
    { key: 'trigger', title: t('improvementUi.review.trigger'), render: (_v, r) => `${t(`improvementUi.review.triggers.${r.trigger}`)}${r.eventNote ? `：${r.eventNote}` : ''}` },
    { key: 'heldOn', dataIndex: 'heldOn', title: t('improvementUi.review.heldOn') },
    { key: 'status', title: t('improvementUi.review.status'), render: (_v, r) => <Tag color={r.status === 'concluded' ? 'green' : 'blue'}>{t(`improvementUi.review.statuses.${r.status}`)}</Tag> },
    { key: 'docx', title: '', render: (_v, r) => <Button size="small" icon={<FileWordOutlined />} href={`${improvementPaths.reviews}/${r.id}/report.docx`} /> },
  ];
  return (
    <div data-testid="reviews-page">
      <PageHeader
        title={t('improvementUi.review.title')}
        hint={t('improvementUi.review.hint')}
        extra={
          isManager && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="review-create">
              {t('improvementUi.review.create')}
            </Button>
          )
        }
      />
      <ResponsiveTable<ReviewDto> dataSource={list.data?.items ?? []} columns={columns} loading={list.isLoading} locale={{ emptyText: t('common.empty') }} />
      <CreateReview isOpen={isCreating} onClose={() => setCreating(false)} onCreated={(r) => navigate(`/improvement/reviews/${r.id}`)} />
      <ReviewDrawer id={id ?? null} onClose={() => navigate('/improvement/reviews')} />
    </div>
  );
}

function CreateReview({ isOpen, onClose, onCreated }: { isOpen: boolean; onClose(): void; onCreated(r: ReviewDto): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const trigger = Form.useWatch('trigger', form);
  const save = useStep<ReviewDto>(improvementPaths.reviews, (r) => {
    onClose();
    onCreated(r);
  });
  return (
    <Modal open={isOpen} title={t('improvementUi.review.create')} onCancel={onClose} onOk={() => form.submit()} okButtonProps={{ loading: save.isPending, ...({ 'data-testid': 'review-create-ok' } as Record<string, string>) }} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ kind: 'management', trigger: 'yearly', year: new Date().getFullYear() }}
        onFinish={(v: { kind: string; trigger: string; year: number; eventNote?: string; heldOn?: string }) =>
          save.mutate({ path: improvementPaths.reviews, body: { kind: v.kind, trigger: v.trigger, year: v.year, eventNote: v.eventNote ?? '', heldOn: v.heldOn } })
        }
      >
        <Form.Item name="kind" label={t('improvementUi.review.kind')}>
          <Radio.Group options={reviewKinds.map((k) => ({ value: k, label: t(`improvementUi.review.kinds.${k}`) }))} />
        </Form.Item>
        <Form.Item name="trigger" label={t('improvementUi.review.trigger')}>
          <Radio.Group options={reviewTriggers.map((k) => ({ value: k, label: t(`improvementUi.review.triggers.${k}`) }))} />
        </Form.Item>
        {trigger === 'event' && (
          <Form.Item name="eventNote" label={t('improvementUi.review.eventNote')}>
            <Input maxLength={500} />
          </Form.Item>
        )}
        <Form.Item name="year" label={t('improvementUi.review.year')} required>
          <InputNumber min={2000} max={2100} precision={0} />
        </Form.Item>
        <Form.Item name="heldOn" label={t('improvementUi.review.heldOn')} required>
          <DateField data-testid="review-held-on" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
