import { FileWordOutlined, MinusCircleOutlined, PrinterOutlined } from '@ant-design/icons';
import { App, Alert, Button, Card, Form, Input, Modal, Select, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { managerRoles } from '../../../schemas/auth.js';
import type { PlanContentsInput, PlanVersionDto, SupplyDto } from '../../../schemas/emergency.js';
import { planContentKeys } from '../../../reference/emergency-plans.js';
import { isApiError } from '../../app/api/api-client';
import { hasRole, useMe } from '../../app/auth/use-me';
import { PageHeader } from '../../app/ui/page-header';
import { useAllItems } from '../../app/ui/use-paged-list';
import { usePeople } from '../risks/use-people';
import { emergencyPaths, usePlan, usePlanStep } from './emergency-api';

const statusColours = { draft: 'processing', approved: 'success', superseded: 'default', obsolete: 'error' } as const;
const textKeys = ['potentialEmergencies', 'responseDuties', 'alarmAndHelp', 'onSiteCommunication', 'specialRoles'] as const;

/** One plan: the draft's eight contents (seed 000 三(五)3), approval by the principal, versions, Word export. */
export function PlanPage() {
  const { planId = '' } = useParams();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const isManager = me.data ? hasRole(me.data, managerRoles) : false;
  const isPrincipal = me.data ? hasRole(me.data, ['principal']) : false;
  const plan = usePlan(planId);
  const step = usePlanStep(planId);
  const people = usePeople();
  const supplies = useAllItems<SupplyDto>(emergencyPaths.supplies);
  const [form] = Form.useForm<PlanContentsInput>();
  const [problem, setProblem] = useState<string | null>(null);
  const [isRevising, setIsRevising] = useState(false);
  const [reason, setReason] = useState('');
  const draft = plan.data?.draft ?? null;
  const shown: PlanVersionDto | null = draft ?? plan.data?.current ?? null;

  useEffect(() => {
    if (shown) form.setFieldsValue(shown.contents);
  }, [shown, form]);

  if (!plan.data || !shown) return <Skeleton active />;
  const p = plan.data;
  const isEditable = Boolean(draft) && isManager && !p.archivedAt;

  const valuesOf = (): PlanContentsInput => {
    const v = form.getFieldsValue(true) as PlanContentsInput;
    return { ...v, commanderPersonId: v.commanderPersonId ?? null, externalContacts: (v.externalContacts ?? []).filter((c) => c && (c.name || c.phone)), supplyIds: v.supplyIds ?? [] };
  };
  const showError = (e: unknown) => {
    setProblem(e instanceof Error ? e.message : String(e));
    if (isApiError(e)) form.setFields(e.errors.filter((x) => x.path.startsWith('contents.')).map((x) => ({ name: x.path.slice('contents.'.length).split('.') as never, errors: [x.message] })));
  };
  const save = async () => {
    setProblem(null);
    form.setFields(planContentKeys.map((k) => ({ name: k === 'commander' ? 'commander' : k === 'resources' ? 'resources' : k, errors: [] })));
    await step.mutateAsync({ method: 'PUT', step: 'draft', body: { contents: valuesOf() } });
  };

  return (
    <div data-testid="emergency-plan">
      <PageHeader
        title={p.title}
        hint={`${t(`emergencyUi.kinds.${p.kind}`)} · ${p.documentNumber}${p.postName ? ` · ${p.postName}` : ''}`}
        extra={
          <Space wrap>
            <Button icon={<FileWordOutlined />} href={`${emergencyPaths.plans}/${p.id}/plan.docx`} data-testid="plan-docx">
              {t('emergencyUi.plan.docx')}
            </Button>
            {p.postId && (
              <Button icon={<PrinterOutlined />} href={`/print/posts/${p.postId}/emergency-card`} data-testid="print-card">
                {t('emergencyUi.plan.printCard')}
              </Button>
            )}
            {!draft && isManager && !p.archivedAt && <Button onClick={() => setIsRevising(true)}>{t('emergencyUi.plan.revise')}</Button>}
          </Space>
        }
      />
      <Space style={{ marginBottom: 12 }} wrap>
        <Tag color={statusColours[shown.status]} data-testid="version-status">
          {`${t('emergencyUi.plan.version', { no: shown.versionNo })} · ${t(`emergencyUi.versionStatuses.${shown.status}`)}`}
        </Tag>
        {draft && draft.missingContents.length > 0 && <Tag color="warning">{t('emergencyUi.plan.missing', { count: draft.missingContents.length })}</Tag>}
      </Space>
      {problem && <Alert type="error" showIcon message={problem} style={{ marginBottom: 12 }} data-testid="plan-problem" />}
      {!draft && <Alert type="info" showIcon message={t('emergencyUi.plan.noDraft')} style={{ marginBottom: 12 }} />}
      <Card size="small">
        <Form form={form} layout="vertical" disabled={!isEditable}>
          {(['potentialEmergencies', 'responseDuties'] as const).map((k) => (
            <Form.Item key={k} name={k} label={t(`emergencyUi.contents.${k}`)}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={4000} data-testid={`content-${k}`} />
            </Form.Item>
          ))}
          <Form.Item label={t('emergencyUi.contents.commander')} required>
            <Space.Compact block>
              <Form.Item name="commanderPersonId" noStyle>
                <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={t('emergencyUi.plan.commanderPerson')} options={people.options} style={{ width: '40%' }} />
              </Form.Item>
              <Form.Item name="commander" noStyle>
                <Input placeholder={t('emergencyUi.plan.commanderText')} maxLength={500} data-testid="content-commander" />
              </Form.Item>
            </Space.Compact>
          </Form.Item>
          {textKeys.slice(2).map((k) => (
            <Form.Item key={k} name={k} label={t(`emergencyUi.contents.${k}`)}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={4000} data-testid={`content-${k}`} />
            </Form.Item>
          ))}
          <Form.Item label={t('emergencyUi.contents.externalContacts')} required>
            <Form.List name="externalContacts">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((f) => (
                    <Space key={f.key} align="baseline" style={{ display: 'flex' }}>
                      <Form.Item name={[f.name, 'name']} noStyle>
                        <Input placeholder={t('emergencyUi.plan.contactName')} maxLength={100} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'phone']} noStyle>
                        <Input placeholder={t('emergencyUi.plan.contactPhone')} maxLength={40} style={{ width: 160 }} />
                      </Form.Item>
                      {isEditable && <MinusCircleOutlined onClick={() => remove(f.name)} />}
                    </Space>
                  ))}
                  {isEditable && (
                    <Button type="dashed" onClick={() => add({ name: '', phone: '' })} style={{ marginTop: 8 }}>
                      {t('emergencyUi.plan.addContact')}
                    </Button>
                  )}
                </>
              )}
            </Form.List>
          </Form.Item>
          <Form.Item name="supplyIds" label={`${t('emergencyUi.contents.resources')} — ${t('emergencyUi.plan.supplies')}`}>
            <Select mode="multiple" allowClear options={(supplies.data ?? []).map((s) => ({ value: s.id, label: `${s.name} ${s.quantity}${s.unit}` }))} data-testid="content-supplyIds" />
          </Form.Item>
          <Form.Item name="resources" label={t('emergencyUi.plan.resourcesText')}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} maxLength={4000} data-testid="content-resources" />
          </Form.Item>
        </Form>
        {isEditable && (
          <Space wrap>
            <Button
              loading={step.isPending}
              onClick={() => save().then(() => void message.success(t('emergencyUi.plan.saved')), showError)}
              data-testid="save-draft"
            >
              {t('emergencyUi.plan.save')}
            </Button>
            {isPrincipal && (
              <Button
                type="primary"
                loading={step.isPending}
                data-testid="approve-plan"
                onClick={() =>
                  save()
                    .then(() => step.mutateAsync({ method: 'POST', step: 'approve' }))
                    .then(() => {
                      setProblem(null);
                      void message.success(t('emergencyUi.plan.approved'));
                    }, showError)
                }
              >
                {t('emergencyUi.plan.approve')}
              </Button>
            )}
            <Typography.Text type="secondary">{t('emergencyUi.plan.approveHint')}</Typography.Text>
          </Space>
        )}
      </Card>
      <Card size="small" title={t('emergencyUi.plan.versions')} style={{ marginTop: 16 }}>
        <Table<PlanVersionDto>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={p.versions}
          columns={[
            { key: 'no', title: '#', render: (_v, v) => t('emergencyUi.plan.version', { no: v.versionNo }) },
            { key: 'status', title: '', render: (_v, v) => <Tag color={statusColours[v.status]}>{t(`emergencyUi.versionStatuses.${v.status}`)}</Tag> },
            { key: 'reason', title: t('emergencyUi.plan.reason'), dataIndex: 'revisionReason' },
            { key: 'by', title: t('emergencyUi.plan.approvedBy'), dataIndex: 'approvedByName' },
            { key: 'issued', title: t('emergencyUi.plan.issuedOn'), dataIndex: 'issuedOn' },
            { key: 'review', title: t('emergencyUi.plans.reviewDue'), dataIndex: 'reviewDueOn' },
          ]}
        />
      </Card>
      <Modal
        open={isRevising}
        title={t('emergencyUi.plan.revise')}
        onCancel={() => setIsRevising(false)}
        onOk={() =>
          step.mutateAsync({ method: 'POST', step: 'revisions', body: { reason } }).then(
            () => setIsRevising(false),
            (e: Error) => void message.error(e.message),
          )
        }
      >
        <Input.TextArea value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('emergencyUi.plan.reviseReason')} maxLength={1000} />
      </Modal>
    </div>
  );
}
