import { CheckOutlined, DeleteOutlined, EditOutlined, HistoryOutlined, PlusOutlined, WarningOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Col, Descriptions, Empty, Form, Input, InputNumber, Modal, Popconfirm, Radio, Row, Select, Skeleton, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PostDto } from '../../../schemas/org.js';
import {
  evaluationCreateSchema,
  evaluationStages,
  inspectionMethods,
  measureCreateSchema,
  measureTypes,
  periods,
  phases,
  type RiskDetailDto,
  specialControlPlanInputSchema,
} from '../../../schemas/risks.js';
import { api, isApiError } from '../../app/api/api-client';
import { useCanManage } from '../../app/auth/use-me';
import { LevelTag } from '../../app/ui/level-tag';
import { EvaluationFields, type EvaluationFormValues, EvaluationPreview, evaluationBody, toEvaluationFormValues } from './evaluation-fields';
import { risksKey, riskPaths, useReference, useRiskDetail } from './risk-api';
import { RiskFormDrawer, splitPath, toFieldName, useHazardFactorTree } from './risk-form-drawer';
import { usePeople } from './use-people';

function useRiskMutation<I>(fn: (input: I) => Promise<unknown>, done?: () => void) {
  const client = useQueryClient();
  const { message } = App.useApp();
  const { t } = useTranslation();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: risksKey });
      await client.invalidateQueries({ queryKey: ['/api/v1/posts'] });
      void message.success(t('common.saved'));
      done?.();
    },
    onError: (error) => {
      const detail = isApiError(error) && error.errors.length ? error.errors.map((e) => e.message).join('；') : error.message;
      void message.error(detail);
    },
  });
}

function ReEvaluateModal({ risk, isOpen, onClose }: { risk: RiskDetailDto; isOpen: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<EvaluationFormValues & { stage: string; note: string }>();
  const save = useRiskMutation((input: unknown) => api(`${riskPaths.risks}/${risk.id}/evaluations`, { method: 'POST', body: input }), onClose);
  function submit() {
    const v = form.getFieldsValue(true) as EvaluationFormValues & { stage: string; note?: string };
    const parsed = evaluationCreateSchema.safeParse({ stage: v.stage, note: v.note ?? '', evaluation: evaluationBody(v) ?? { method: v.evalMethod } });
    if (!parsed.success) {
      form.setFields(parsed.error.issues.map((i) => ({ name: toFieldName(i.path as (string | number)[], v) as never, errors: [i.message] })));
      return;
    }
    save.mutate(parsed.data);
  }
  const current = risk.residualEvaluation ?? risk.inherentEvaluation;
  return (
    <Modal
      title={t('riskUi.eval.reEvaluate')}
      open={isOpen}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={save.isPending}
      width={760}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'reevaluate-save' } as never}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ ...toEvaluationFormValues(current?.inputs), stage: risk.measureCount > 0 ? 'residual' : 'inherent', note: '' }}
      >
        <Form.Item name="stage" label={t('riskUi.eval.stage')}>
          <Radio.Group optionType="button" options={evaluationStages.map((s) => ({ value: s, label: t(`riskUi.eval.stages.${s}`) }))} />
        </Form.Item>
        <EvaluationFields />
        <EvaluationPreview />
        <Form.Item name="note" label={t('riskUi.eval.note')} required style={{ marginTop: 12 }}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={1000} placeholder={t('riskUi.eval.notePlaceholder')} />
        </Form.Item>
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}

function SpecialPlanForm({ risk, onDone }: { risk: RiskDetailDto; onDone(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const save = useRiskMutation((input: unknown) => api(`${riskPaths.risks}/${risk.id}/special-control-plan`, { method: 'PUT' as 'POST', body: input } /* api-client's type lists no PUT; fetch sends it as is */), onDone);
  const plan = risk.specialControlPlan;
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={plan ?? { fundsCny: 0 }}
      onFinish={(values: Record<string, unknown>) => {
        const parsed = specialControlPlanInputSchema.safeParse(values);
        if (!parsed.success) {
          form.setFields(parsed.error.issues.map((i) => ({ name: i.path as never, errors: [i.message] })));
          return;
        }
        save.mutate(parsed.data);
      }}
      data-testid="special-plan-form"
    >
      <Row gutter={8}>
        <Col xs={24} md={12}>
          <Form.Item name="objective" label={t('riskUi.plan.objective')} required>
            <Input.TextArea autoFocus autoSize={{ minRows: 2 }} maxLength={2000} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="measures" label={t('riskUi.plan.measures')} required>
            <Input.TextArea autoSize={{ minRows: 2 }} maxLength={4000} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="people" label={t('riskUi.plan.people')} required>
            <Input maxLength={1000} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="fundsCny" label={t('riskUi.plan.funds')} required>
            <InputNumber min={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="schedule" label={t('riskUi.plan.schedule')} required>
            <Input maxLength={1000} />
          </Form.Item>
        </Col>
      </Row>
      <Space>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('common.save')}
        </Button>
        <Button onClick={onDone}>{t('common.cancel')}</Button>
      </Space>
    </Form>
  );
}

function AddMeasureModal({ risk, postKind, isOpen, onClose }: { risk: RiskDetailDto; postKind: PostDto['kind']; isOpen: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const types = useReference('measure-types');
  const save = useRiskMutation((input: unknown) => api(`${riskPaths.risks}/${risk.id}/measures`, { method: 'POST', body: input }), onClose);
  return (
    <Modal title={t('riskUi.measure.add')} open={isOpen} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} okText={t('common.save')} destroyOnHidden width={640}>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ type: 'engineering', phase: postKind === 'operation' ? 'before' : null, inspection: { method: 'look', period: 'day' } }}
        onFinish={(v: Record<string, unknown>) => {
          const parsed = measureCreateSchema.safeParse({ ...v, phase: v.phase ?? null, dutyItem: v.dutyItem || null });
          if (!parsed.success) {
            form.setFields(parsed.error.issues.map((i) => ({ name: i.path as never, errors: [i.message] })));
            return;
          }
          save.mutate(parsed.data);
        }}
      >
        <Row gutter={8}>
          <Col span={12}>
            <Form.Item name="type" label={t('riskUi.measure.type')}>
              <Select options={measureTypes.map((m) => ({ value: m, label: types.data?.items.find((i) => i.code === m)?.label ?? m }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            {postKind === 'operation' ? (
              <Form.Item name="phase" label={t('riskUi.measure.phase')}>
                <Select allowClear options={phases.map((p) => ({ value: p, label: t(`riskUi.phase.${p}`) }))} />
              </Form.Item>
            ) : (
              <Form.Item name="dutyItem" label={t('riskUi.measure.dutyItem')}>
                <Input maxLength={200} />
              </Form.Item>
            )}
          </Col>
        </Row>
        <Form.Item name="text" label={t('riskUi.measure.text')} required>
          <Input autoFocus maxLength={1000} />
        </Form.Item>
        <Form.Item name={['inspection', 'content']} label={t('riskUi.measure.inspectionContent')} required>
          <Input maxLength={500} />
        </Form.Item>
        <Row gutter={8}>
          <Col span={12}>
            <Form.Item name={['inspection', 'method']} label={t('riskUi.measure.inspectionMethod')}>
              <Select options={inspectionMethods.map((m) => ({ value: m, label: t(`riskUi.inspectionMethod.${m}`) }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name={['inspection', 'period']} label={t('riskUi.measure.period')}>
              <Select options={periods.map((p) => ({ value: p, label: t(`riskUi.period.${p}`) }))} />
            </Form.Item>
          </Col>
        </Row>
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}

function RejectModal({ riskId, isOpen, onClose }: { riskId: string; isOpen: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const save = useRiskMutation(() => api(`${riskPaths.risks}/${riskId}/reject`, { method: 'POST', body: { reason } }), onClose);
  return (
    <Modal title={t('riskUi.proposal.reject')} open={isOpen} onCancel={onClose} onOk={() => save.mutate(undefined)} okButtonProps={{ disabled: !reason.trim(), danger: true }} confirmLoading={save.isPending} destroyOnHidden>
      <Input.TextArea autoFocus value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('riskUi.proposal.rejectReason')} autoSize={{ minRows: 3 }} />
    </Modal>
  );
}

/** Everything about one risk: identification, evaluations, measures with inspection items, special plan, history. */
export function RiskDetailPanel({ riskId, post }: { riskId: string; post: PostDto }) {
  const { t } = useTranslation();
  const canManage = useCanManage();
  const detail = useRiskDetail(riskId);
  const accidentTypes = useReference('accident-types');
  const hazards = useHazardFactorTree();
  const tiers = useReference('control-tiers');
  const types = useReference('measure-types');
  const people = usePeople();
  const [modal, setModal] = useState<null | 'evaluate' | 'measure' | 'reject' | 'edit' | 'plan' | 'history'>(null);
  const close = () => setModal(null);
  const archiveMeasure = useRiskMutation((id: string) => api(`/api/v1/control-measures/${id}/archive`, { method: 'POST' }));
  const accept = useRiskMutation(() => api(`${riskPaths.risks}/${riskId}/accept`, { method: 'POST' }));
  const reidentified = useRiskMutation((risk: RiskDetailDto) => api(`${riskPaths.risks}/${risk.id}`, { method: 'PATCH', body: { causes: risk.causes } }));

  if (detail.isLoading || !detail.data) return <Skeleton active />;
  const risk = detail.data;
  const accidentLabel = (code: string) => accidentTypes.data?.items.find((a) => a.code === code)?.label ?? code;
  const typeLabel = (code: string) => types.data?.items.find((i) => i.code === code)?.label ?? code;

  return (
    <div data-testid={`risk-detail-${risk.id}`} style={{ padding: '4px 8px' }}>
      {risk.status === 'proposed' && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 8 }}
          title={t('riskUi.proposal.pending')}
          action={
            canManage && (
              <Space>
                <Button size="small" type="primary" icon={<CheckOutlined />} onClick={() => accept.mutate(undefined)} loading={accept.isPending}>
                  {t('riskUi.proposal.accept')}
                </Button>
                <Button size="small" danger onClick={() => setModal('reject')}>
                  {t('riskUi.proposal.reject')}
                </Button>
              </Space>
            )
          }
        />
      )}
      {risk.status === 'rejected' && <Alert type="warning" showIcon style={{ marginBottom: 8 }} title={`${t('riskUi.status.rejected')}：${risk.rejectionReason ?? ''}`} />}
      {risk.isDueForReview && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          data-testid="review-flag"
          title={t('riskUi.review.flagged')}
          description={risk.reviewReason}
          action={
            canManage && (
              <Space direction="vertical">
                <Popconfirm title={t('riskUi.review.confirm')} onConfirm={() => reidentified.mutate(risk)}>
                  <Button size="small" type="primary">
                    {t('riskUi.review.reidentified')}
                  </Button>
                </Popconfirm>
                <Button size="small" onClick={() => setModal('edit')}>
                  {t('riskUi.review.editAndReidentify')}
                </Button>
              </Space>
            )
          }
        />
      )}
      {risk.missingSpecialPlan && modal !== 'plan' && (
        <Alert
          type="error"
          showIcon
          icon={<WarningOutlined />}
          style={{ marginBottom: 8 }}
          data-testid="missing-plan"
          title={t('riskUi.plan.missing')}
          action={
            canManage && (
              <Button size="small" danger onClick={() => setModal('plan')}>
                {t('riskUi.plan.create')}
              </Button>
            )
          }
        />
      )}
      {modal === 'plan' && (
        <div style={{ border: '1px solid #ffccc7', borderRadius: 6, padding: 12, marginBottom: 8 }}>
          <Typography.Title level={5}>{t('riskUi.plan.title')}</Typography.Title>
          <SpecialPlanForm risk={risk} onDone={close} />
        </div>
      )}
      <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} bordered style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('riskUi.field.hazardFactors')} span={2}>
          {risk.hazardFactorCodes.map((c) => (
            <Tag key={c}>
              {c} {hazards.labelOf(c)}
            </Tag>
          ))}
        </Descriptions.Item>
        <Descriptions.Item label={t('riskUi.field.accidentTypes')}>
          {risk.accidentTypeCodes.map((c) => (
            <Tag key={c} color="volcano">
              {accidentLabel(c)}
            </Tag>
          ))}
        </Descriptions.Item>
        <Descriptions.Item label={t('riskUi.field.causes')} span={3}>
          {risk.causes}
        </Descriptions.Item>
        <Descriptions.Item label={t('riskUi.field.identificationMethod')}>{t(`riskUi.identificationMethod.${risk.identificationMethod}`)}</Descriptions.Item>
        <Descriptions.Item label={t('riskUi.field.controlTier')}>{tiers.data?.labels[risk.controlTier] ?? risk.controlTier}</Descriptions.Item>
        <Descriptions.Item label={t('riskUi.field.responsible')}>{people.nameOf(risk.responsiblePersonId) || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('riskUi.eval.stages.inherent')}>
          {risk.inherentEvaluation ? (
            <Space size={4} wrap>
              <LevelTag level={risk.inherentEvaluation.level} />
              <Typography.Text type="secondary">
                {risk.inherentEvaluation.method} {risk.inherentEvaluation.score ?? ''} · {risk.inherentEvaluation.profile}
              </Typography.Text>
            </Space>
          ) : (
            '—'
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('riskUi.eval.stages.residual')}>
          {risk.residualEvaluation ? (
            <Space size={4} wrap>
              <LevelTag level={risk.residualEvaluation.level} />
              <Typography.Text type="secondary">
                {risk.residualEvaluation.method} {risk.residualEvaluation.score ?? ''}
              </Typography.Text>
            </Space>
          ) : (
            '—'
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('riskUi.plan.title')}>
          {risk.specialControlPlan ? (
            <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setModal('plan')}>
              {t('riskUi.plan.present')}
            </Button>
          ) : risk.missingSpecialPlan ? (
            <Typography.Text type="danger">{t('riskUi.plan.none')}</Typography.Text>
          ) : (
            '—'
          )}
        </Descriptions.Item>
        {risk.jhaSteps && risk.jhaSteps.length > 0 && (
          <Descriptions.Item label={t('riskUi.field.jhaSteps')} span={3}>
            <ol style={{ margin: 0, paddingLeft: 18 }}>
              {risk.jhaSteps.map((s, i) => (
                <li key={i}>
                  {s.step}
                  {s.hazards && <Typography.Text type="secondary"> — {s.hazards}</Typography.Text>}
                </li>
              ))}
            </ol>
          </Descriptions.Item>
        )}
      </Descriptions>
      {canManage && risk.status !== 'rejected' && (
        <Space wrap style={{ marginBottom: 12 }}>
          <Button size="small" icon={<EditOutlined />} onClick={() => setModal('edit')}>
            {t('riskUi.action.edit')}
          </Button>
          <Button size="small" onClick={() => setModal('evaluate')} data-testid="reevaluate">
            {t('riskUi.eval.reEvaluate')}
          </Button>
          <Button size="small" icon={<PlusOutlined />} onClick={() => setModal('measure')}>
            {t('riskUi.measure.add')}
          </Button>
          {(risk.level === 'major' || risk.level === 'significant') && !risk.specialControlPlan && (
            <Button size="small" danger onClick={() => setModal('plan')}>
              {t('riskUi.plan.create')}
            </Button>
          )}
          <Button size="small" icon={<HistoryOutlined />} onClick={() => setModal(modal === 'history' ? null : 'history')}>
            {t('riskUi.eval.history')} ({risk.history.length})
          </Button>
        </Space>
      )}
      {(modal === 'history' || !canManage) && risk.history.length > 0 && (
        <Timeline
          style={{ marginTop: 8 }}
          data-testid="evaluation-history"
          items={risk.history.map((h) => ({
            color: h.colour === 'yellow' ? 'gold' : h.colour,
            content: (
              <div>
                <Space size={4} wrap>
                  <Typography.Text strong>{t(`riskUi.eval.stages.${h.stage}`)}</Typography.Text>
                  {h.levelBefore && (
                    <>
                      <LevelTag level={h.levelBefore} />→
                    </>
                  )}
                  <LevelTag level={h.level} />
                  <Typography.Text type="secondary">
                    {h.method} {h.score ?? ''} · {h.evaluatedByName ?? ''} · {new Date(h.evaluatedAt).toLocaleString()}
                  </Typography.Text>
                </Space>
                <div>
                  <Typography.Text type="secondary">{h.note}</Typography.Text>
                </div>
              </div>
            ),
          }))}
        />
      )}
      <Typography.Title level={5} style={{ marginTop: 4 }}>
        {t('riskUi.measure.title')}
      </Typography.Title>
      {risk.measureGroups.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('riskUi.measure.none')} />}
      {risk.measureGroups.map((group) => (
        <div key={`${group.by}-${group.key ?? 'none'}`} style={{ marginBottom: 12 }}>
          <Typography.Text strong>{group.label}</Typography.Text>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={group.measures}
            scroll={{ x: 'max-content' }}
            columns={[
              { key: 'type', title: t('riskUi.measure.type'), width: 96, render: (_v, m) => <Tag>{typeLabel(m.type)}</Tag> },
              { key: 'text', title: t('riskUi.measure.text'), dataIndex: 'text' },
              { key: 'content', title: t('riskUi.measure.inspectionContent'), render: (_v, m) => m.inspectionItems.map((i) => <div key={i.id}>{i.content}</div>) },
              { key: 'method', title: t('riskUi.measure.inspectionMethod'), width: 80, render: (_v, m) => m.inspectionItems.map((i) => <div key={i.id}>{t(`riskUi.inspectionMethod.${i.method}`)}</div>) },
              { key: 'period', title: t('riskUi.measure.period'), width: 80, render: (_v, m) => m.inspectionItems.map((i) => <div key={i.id}>{t(`riskUi.period.${i.period}`)}</div>) },
              {
                key: 'responsible',
                title: t('riskUi.field.responsible'),
                width: 90,
                render: (_v, m) => m.inspectionItems.map((i) => <div key={i.id}>{people.nameOf(i.responsiblePersonId) || people.nameOf(risk.responsiblePersonId) || '—'}</div>),
              },
              ...(canManage
                ? [
                    {
                      key: 'actions',
                      title: '',
                      width: 40,
                      render: (_v: unknown, m: (typeof group.measures)[number]) => (
                        <Popconfirm title={t('common.confirmArchive', { name: m.text.slice(0, 20) })} onConfirm={() => archiveMeasure.mutate(m.id)}>
                          <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('common.archive')} />
                        </Popconfirm>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </div>
      ))}
      <ReEvaluateModal risk={risk} isOpen={modal === 'evaluate'} onClose={close} />
      <AddMeasureModal risk={risk} postKind={post.kind} isOpen={modal === 'measure'} onClose={close} />
      <RejectModal riskId={risk.id} isOpen={modal === 'reject'} onClose={close} />
      <RiskFormDrawer post={post} isOpen={modal === 'edit'} editing={risk} onClose={close} />
    </div>
  );
}

export { splitPath };
