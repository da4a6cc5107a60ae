import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, InputNumber, Modal, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { objectiveComparisons, objectiveMetrics } from '../../../domain/management/objective-metrics.js';
import type { ReviewDto, ReviewGapDto } from '../../../schemas/initial-review.js';
import { api } from '../../app/api/api-client';
import { usePeople } from '../risks/use-people';
import { useReviewStep } from './initial-review-api';
import { managementPaths } from './management-api';
import { DateField } from '../../app/ui/date-field';

type Dialog = { kind: 'objective' | 'action'; gap: ReviewGapDto } | null;

/** The gaps: proposed while the review is a draft; after completion each becomes an objective or an action. */
export function GapList({ review, isManager }: { review: ReviewDto; isManager: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const people = usePeople();
  const step = useReviewStep(review.id);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [form] = Form.useForm();
  const isDone = review.status === 'completed';
  const open = (kind: 'objective' | 'action', gap: ReviewGapDto) => {
    form.resetFields();
    form.setFieldsValue(
      kind === 'objective'
        ? { name: gap.text.slice(0, 200), metric: gap.proposal?.metric, comparison: gap.proposal?.comparison ?? 'gte', targetValue: gap.proposal?.target ?? 0, year: review.baseline.year }
        : { actionText: gap.text.slice(0, 500) },
    );
    setDialog({ kind, gap });
  };
  const submit = async () => {
    if (!dialog) return;
    const v = await form.validateFields();
    try {
      let body: unknown = { actionText: v.actionText, actionOwnerPersonId: v.ownerPersonId, actionDueOn: v.dueOn };
      if (dialog.kind === 'objective') {
        const o = await api<{ id: string }>(managementPaths.objectives, { method: 'POST', body: { name: v.name, metric: v.metric ?? null, comparison: v.comparison, targetValue: v.targetValue, year: v.year, ownerPersonId: v.ownerPersonId } });
        await client.invalidateQueries({ queryKey: [managementPaths.objectives] });
        body = { objectiveId: o.id };
      }
      await step.mutateAsync({ method: 'PUT', path: `gaps/${dialog.gap.id}`, body });
      setDialog(null);
    } catch (e) {
      void message.error((e as Error).message);
    }
  };
  const followUp = (g: ReviewGapDto) => {
    if (g.objectiveName) return <span>{t('ohsSystemUi.gaps.objective', { name: g.objectiveName })}</span>;
    if (g.actionText) {
      return (
        <Space wrap>
          <span>{t('ohsSystemUi.gaps.action', { text: g.actionText, owner: g.actionOwnerName ?? '', due: g.actionDueOn ?? '' })}</span>
          {g.capaId && <Link to={`/improvement/capas/${g.capaId}`} data-testid={`gap-capa-${g.key ?? g.id}`}>{t('ohsSystemUi.gaps.capa')}</Link>}
          {g.actionDoneAt ? (
            <Tag color="green">{t('ohsSystemUi.gaps.done')}</Tag>
          ) : g.capaStatus ? (
            // Done when its corrective action closes effective: the state is the CAPA's, not marked here.
            <Tag data-testid={`gap-capa-status-${g.key ?? g.id}`}>{t(`improvementUi.status.${g.capaStatus}`)}</Tag>
          ) : (
            isManager && <Button size="small" onClick={() => step.mutate({ method: 'PUT', path: `gaps/${g.id}`, body: { actionDone: true } })}>{t('ohsSystemUi.gaps.markDone')}</Button>
          )}
        </Space>
      );
    }
    if (!isDone || !isManager) return isDone ? t('ohsSystemUi.gaps.open') : null;
    return (
      <Space>
        <Button size="small" onClick={() => open('objective', g)} data-testid={`gap-objective-${g.key ?? g.id}`}>{t('ohsSystemUi.gaps.toObjective')}</Button>
        <Button size="small" onClick={() => open('action', g)} data-testid={`gap-action-${g.key ?? g.id}`}>{t('ohsSystemUi.gaps.toAction')}</Button>
      </Space>
    );
  };
  return (
    <Card title={isDone ? t('ohsSystemUi.gaps.title') : t('ohsSystemUi.gaps.proposedTitle')} size="small">
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={review.gaps}
        data-testid="gaps"
        columns={[
          { key: 'area', title: t('ohsSystemUi.review.area'), width: 280, render: (_v, g) => t(`ohsSystemUi.areas.${g.area}`) },
          { key: 'text', title: t('ohsSystemUi.gaps.gap'), render: (_v, g) => <span data-testid={`gap-${g.key ?? 'finding'}`}>{g.text}</span> },
          { key: 'follow', title: t('ohsSystemUi.gaps.followUp'), render: (_v, g) => followUp(g) },
        ]}
      />
      <Modal open={dialog !== null} title={dialog?.kind === 'objective' ? t('ohsSystemUi.gaps.toObjective') : t('ohsSystemUi.gaps.toAction')} onOk={submit} onCancel={() => setDialog(null)} confirmLoading={step.isPending} destroyOnHidden okButtonProps={{ 'data-testid': 'gap-save' } as React.ComponentProps<typeof Button>}>
        <Form form={form} layout="vertical">
          {dialog?.kind === 'objective' ? (
            <>
              <Form.Item name="name" label={t('managementUi.objectives.name')} rules={[{ required: true }]}>
                <Input maxLength={200} />
              </Form.Item>
              <Form.Item name="metric" label={t('managementUi.objectives.metric')}>
                <Select allowClear options={objectiveMetrics.map((m) => ({ value: m, label: t(`managementUi.metrics.${m}`) }))} />
              </Form.Item>
              <Space>
                <Form.Item name="comparison" label={t('managementUi.objectives.comparison')} rules={[{ required: true }]}>
                  <Select style={{ width: 80 }} options={objectiveComparisons.map((c) => ({ value: c, label: t(`managementUi.comparisons.${c}`) }))} />
                </Form.Item>
                <Form.Item name="targetValue" label={t('managementUi.objectives.target')} rules={[{ required: true }]}>
                  <InputNumber min={0} />
                </Form.Item>
                <Form.Item name="year" label={t('managementUi.objectives.year')} rules={[{ required: true }]}>
                  <InputNumber min={2000} max={2100} precision={0} />
                </Form.Item>
              </Space>
            </>
          ) : (
            <>
              <Form.Item name="actionText" label={t('ohsSystemUi.gaps.actionText')} rules={[{ required: true }]}>
                <Input maxLength={500} />
              </Form.Item>
              <Form.Item name="dueOn" label={t('ohsSystemUi.gaps.dueOn')} rules={[{ required: true }]}>
                <DateField data-testid="gap-due" />
              </Form.Item>
            </>
          )}
          <Form.Item name="ownerPersonId" label={t('managementUi.objectives.owner')} rules={[{ required: true }]}>
            <Select options={people.options} showSearch={{ optionFilterProp: 'label' }} data-testid="gap-owner" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
