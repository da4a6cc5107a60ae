import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Descriptions, Drawer, Form, Grid, Image, Input, InputNumber, Modal, Select, Space, Tag, Typography } from 'antd';
import type { ColumnType } from 'antd/es/table';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CadenceDto, DrillDto, DrillProgrammeDto } from '../../../schemas/emergency.js';
import { api } from '../../app/api/api-client';
import { useCanManage } from '../../app/auth/use-me';
import { PageHeader } from '../../app/ui/page-header';
import { ResponsiveTable } from '../../app/ui/responsive-table';
import { usePosts } from '../org/use-org-lookups';
import { usePeople } from '../risks/use-people';
import { PhotoPicker } from '../hazards/evidence-photos';
import { SignOffList } from '../sign-offs/sign-off-list';
import { emergencyPaths, usePlans } from './emergency-api';
import { DateField } from '../../app/ui/date-field';

const drillSignOffType = 'emergency-drill';

function useProgramme(year: number) {
  return useQuery({ queryKey: [emergencyPaths.drills, year], queryFn: () => api<DrillProgrammeDto>(emergencyPaths.drills, { query: { year } }) });
}

/** 应急演练: the year's cadence (an enterprise setting), planned and held drills, sign-in, the post-drill review. */
export function DrillsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const canManage = useCanManage();
  const [year, setYear] = useState(new Date().getFullYear());
  const programme = useProgramme(year);
  const plans = usePlans();
  const people = usePeople();
  const [isPlanning, setIsPlanning] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const [planForm] = Form.useForm();
  const [cadenceForm] = Form.useForm<CadenceDto>();
  const p = programme.data;
  useEffect(() => {
    if (p) cadenceForm.setFieldsValue(p.cadence);
  }, [p, cadenceForm]);
  const refresh = () => client.invalidateQueries({ queryKey: [emergencyPaths.drills] });
  const planDrill = useMutation({
    mutationFn: (body: unknown) => api<DrillDto>(emergencyPaths.drills, { method: 'POST', body }),
    onSuccess: async (d) => {
      await refresh();
      setIsPlanning(false);
      setOpenId(d.id);
    },
    onError: (e) => void message.error(e.message),
  });
  const saveCadence = useMutation({
    mutationFn: (body: CadenceDto) => api<CadenceDto>(emergencyPaths.settings, { method: 'PUT', body }),
    onSuccess: async () => {
      await refresh();
      void message.success(t('common.saved'));
    },
    onError: (e) => void message.error(e.message),
  });

  const columns: ColumnType<DrillDto>[] = [
    {
      key: 'plan',
      title: t('emergencyUi.drills.planField'),
      render: (_v, d) => (
        <Button type="link" style={{ padding: 0 }} onClick={() => setOpenId(d.id)} data-testid="drill-open">
          {d.planTitle}
        </Button>
      ),
    },
    { key: 'kind', title: t('emergencyUi.plans.kind'), render: (_v, d) => t(`emergencyUi.kinds.${d.kind}`) },
    { key: 'scenario', title: t('emergencyUi.drills.scenario'), dataIndex: 'scenario' },
    { key: 'planned', title: t('emergencyUi.drills.plannedOn'), dataIndex: 'plannedOn' },
    {
      key: 'status',
      title: t('emergencyUi.drills.status'),
      render: (_v, d) => (
        <Space size={4} wrap>
          <Tag color={d.status === 'held' ? 'success' : 'processing'}>{t(`emergencyUi.drills.statuses.${d.status}`)}</Tag>
          {d.heldOn && <span>{d.heldOn}</span>}
          {d.review && <Tag color="blue">{t('emergencyUi.drills.reviewed')}</Tag>}
        </Space>
      ),
    },
    { key: 'signed', title: t('emergencyUi.drills.participants'), render: (_v, d) => t('emergencyUi.drills.signedIn', { signed: d.signedInPersonIds.length, total: d.participantPersonIds.length }) },
  ];

  return (
    <div data-testid="emergency-drills">
      <PageHeader
        title={t('emergencyUi.drills.title')}
        hint={t('emergencyUi.drills.hint')}
        extra={
          <Space wrap>
            <InputNumber min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} addonBefore={t('emergencyUi.drills.year')} style={{ width: 150 }} />
            {canManage && (
              <Button
                type="primary"
                onClick={() => {
                  planForm.resetFields();
                  setIsPlanning(true);
                }}
                data-testid="plan-drill"
              >
                {t('emergencyUi.drills.plan')}
              </Button>
            )}
          </Space>
        }
      />
      {p && (
        <Card size="small" title={t('emergencyUi.drills.cadence')} style={{ marginBottom: 16 }}>
          <Space direction="vertical" style={{ width: '100%' }}>
            <Space wrap>
              {p.requirements.map((r) => (
                <Tag key={`${r.rule}${r.periodStart}`} color={r.isMet ? 'success' : 'warning'} data-testid={`requirement-${r.rule}`}>
                  {t(`emergencyUi.drills.requirement.${r.rule}`)}：{t('emergencyUi.drills.heldOf', { held: r.held, required: r.required, due: r.dueOn })}
                </Tag>
              ))}
            </Space>
            {canManage && (
              <Form form={cadenceForm} layout="inline" onFinish={(v) => saveCadence.mutate(v)}>
                <Form.Item name="comprehensiveOrSpecialPerYear" label={t('emergencyUi.drills.perYear')}>
                  <InputNumber min={0} max={12} precision={0} />
                </Form.Item>
                <Form.Item name="onsiteEveryMonths" label={t('emergencyUi.drills.everyMonths')}>
                  <Select style={{ width: 90 }} options={[1, 2, 3, 4, 6, 12].map((m) => ({ value: m, label: String(m) }))} />
                </Form.Item>
                <Button htmlType="submit" loading={saveCadence.isPending}>
                  {t('emergencyUi.drills.saveCadence')}
                </Button>
              </Form>
            )}
          </Space>
        </Card>
      )}
      <ResponsiveTable<DrillDto> dataSource={p?.drills ?? []} columns={columns} loading={programme.isLoading} locale={{ emptyText: t('emergencyUi.drills.empty') }} />
      <Modal open={isPlanning} title={t('emergencyUi.drills.plan')} onCancel={() => setIsPlanning(false)} onOk={() => planForm.submit()} okButtonProps={{ loading: planDrill.isPending, id: 'plan-drill-ok' }} destroyOnHidden>
        <Form form={planForm} layout="vertical" onFinish={(v) => planDrill.mutate({ planId: v.planId, plannedOn: v.plannedOn, scenario: v.scenario ?? '', participantPersonIds: v.participantPersonIds ?? [] })}>
          <Form.Item name="planId" label={t('emergencyUi.drills.planField')} rules={[{ required: true }]}>
            <Select data-testid="drill-plan" options={(plans.data?.items ?? []).map((x) => ({ value: x.id, label: `${x.title}（${t(`emergencyUi.kinds.${x.kind}`)}）` }))} />
          </Form.Item>
          <Form.Item name="plannedOn" label={t('emergencyUi.drills.plannedOn')} rules={[{ required: true }]}>
            <DateField data-testid="drill-planned-on" />
          </Form.Item>
          <Form.Item name="scenario" label={t('emergencyUi.drills.scenario')}>
            <Input maxLength={500} />
          </Form.Item>
          <Form.Item name="participantPersonIds" label={t('emergencyUi.drills.participants')}>
            <Select mode="multiple" allowClear options={people.options} showSearch={{ optionFilterProp: 'label' }} data-testid="drill-participants" />
          </Form.Item>
        </Form>
      </Modal>
      {openId && <DrillDrawer drillId={openId} onClose={() => setOpenId(null)} />}
    </div>
  );
}

/** One drill: sign-in (QR for the phone), the record of what happened, then the review whose findings become hazards. */
function DrillDrawer({ drillId, onClose }: { drillId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const canManage = useCanManage();
  const screens = Grid.useBreakpoint();
  const people = usePeople();
  const posts = usePosts();
  const drill = useQuery({ queryKey: [emergencyPaths.drills, 'one', drillId], queryFn: () => api<DrillDto>(`${emergencyPaths.drills}/${drillId}`) });
  const [recordForm] = Form.useForm();
  const [reviewForm] = Form.useForm();
  const [qr, setQr] = useState<string | null>(null);
  const phoneUrl = `${window.location.origin}/m/drills/${drillId}`;
  useEffect(() => {
    void QRCode.toDataURL(phoneUrl, { margin: 1, width: 200 }).then(setQr);
  }, [phoneUrl]);
  const step = useMutation({
    mutationFn: ({ path, body }: { path: 'record' | 'review'; body: unknown }) => api<DrillDto>(`${emergencyPaths.drills}/${drillId}/${path}`, { method: 'POST', body }),
    onSuccess: async (d) => {
      client.setQueryData([emergencyPaths.drills, 'one', drillId], d);
      await client.invalidateQueries({ queryKey: [emergencyPaths.drills] });
      await client.invalidateQueries({ queryKey: [emergencyPaths.plans] });
      void message.success(t('common.saved'));
    },
    onError: (e) => void message.error(e.message),
  });
  const d = drill.data;
  return (
    <Drawer open title={d ? `${d.planTitle} · ${d.plannedOn}` : ''} onClose={onClose} size={screens.md ? 720 : '100%'} data-testid="drill-drawer">
      {drill.error && <Alert type="error" showIcon message={(drill.error as Error).message} />}
      {d && (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
            <Descriptions.Item label={t('emergencyUi.plans.kind')}>{t(`emergencyUi.kinds.${d.kind}`)}</Descriptions.Item>
            <Descriptions.Item label={t('emergencyUi.drills.scenario')}>{d.scenario}</Descriptions.Item>
            <Descriptions.Item label={t('emergencyUi.drills.status')}>
              <Tag data-testid="drill-status">{t(`emergencyUi.drills.statuses.${d.status}`)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('emergencyUi.drills.heldOn')}>{d.heldOn ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('emergencyUi.drills.participants')} span={2}>
              {d.participantPersonIds.map((id) => people.nameOf(id)).join('、') || '—'}
            </Descriptions.Item>
          </Descriptions>
          {d.description && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{d.description}</Typography.Paragraph>}
          {d.photoIds.length > 0 && (
            <Image.PreviewGroup>
              <Space wrap data-testid="drill-photo-list">
                {d.photoIds.map((id) => (
                  <Image key={id} src={`/api/v1/attachments/${id}`} width={140} height={105} style={{ objectFit: 'cover', borderRadius: 4 }} />
                ))}
              </Space>
            </Image.PreviewGroup>
          )}
          <Card size="small" title={t('emergencyUi.drills.signOnPhone')}>
            <Space align="start" wrap>
              {qr && <img src={qr} alt={phoneUrl} width={120} height={120} />}
              <Typography.Text copyable code>
                {phoneUrl}
              </Typography.Text>
            </Space>
          </Card>
          <SignOffList subjectType={drillSignOffType} subjectId={d.id} title={t('emergencyUi.drills.participants')} />
          {canManage && d.status === 'planned' && (
            <Card size="small" title={t('emergencyUi.drills.record')}>
              <Form
                form={recordForm}
                layout="vertical"
                initialValues={{ heldOn: d.plannedOn, participantPersonIds: d.participantPersonIds }}
                onFinish={(v) => step.mutate({ path: 'record', body: { heldOn: v.heldOn || undefined, description: v.description ?? '', participantPersonIds: v.participantPersonIds ?? [], photoIds: v.photoIds ?? [] } })}
              >
                <Form.Item name="heldOn" label={t('emergencyUi.drills.heldOn')} required>
                  <DateField data-testid="drill-held-on" />
                </Form.Item>
                <Form.Item name="description" label={t('emergencyUi.drills.description')} required>
                  <Input.TextArea autoSize={{ minRows: 3 }} maxLength={4000} data-testid="drill-description" />
                </Form.Item>
                <Form.Item name="participantPersonIds" label={t('emergencyUi.drills.participants')}>
                  <Select mode="multiple" allowClear options={people.options} showSearch={{ optionFilterProp: 'label' }} />
                </Form.Item>
                <Form.Item name="photoIds" label={t('emergencyUi.drills.photos')}>
                  <PhotoPicker testId="drill-photos" />
                </Form.Item>
                <Button type="primary" htmlType="submit" loading={step.isPending} data-testid="drill-record">
                  {t('emergencyUi.drills.record')}
                </Button>
              </Form>
            </Card>
          )}
          {canManage && d.status === 'held' && !d.review && (
            <Card size="small" title={t('emergencyUi.drills.review')}>
              <Form
                form={reviewForm}
                layout="vertical"
                initialValues={{ needsRevision: false, findings: '' }}
                onFinish={(v) =>
                  step.mutate({
                    path: 'review',
                    body: {
                      whatWorked: v.whatWorked ?? '',
                      whatFailed: v.whatFailed ?? '',
                      needsRevision: Boolean(v.needsRevision),
                      revisionReason: v.revisionReason ?? '',
                      findings: String(v.findings ?? '')
                        .split('\n')
                        .map((s) => s.trim())
                        .filter(Boolean)
                        .map((text) => ({ text, postId: v.findingPostId ?? null })),
                    },
                  })
                }
              >
                <Form.Item name="whatWorked" label={t('emergencyUi.drills.whatWorked')}>
                  <Input.TextArea autoSize={{ minRows: 2 }} maxLength={4000} data-testid="review-worked" />
                </Form.Item>
                <Form.Item name="whatFailed" label={t('emergencyUi.drills.whatFailed')}>
                  <Input.TextArea autoSize={{ minRows: 2 }} maxLength={4000} data-testid="review-failed" />
                </Form.Item>
                <Form.Item name="findings" label={t('emergencyUi.drills.findings')}>
                  <Input.TextArea autoSize={{ minRows: 2 }} data-testid="review-findings" />
                </Form.Item>
                <Form.Item name="findingPostId" label={t('emergencyUi.drills.findingPost')}>
                  <Select allowClear options={posts.options} showSearch={{ optionFilterProp: 'label' }} />
                </Form.Item>
                <Form.Item name="needsRevision" valuePropName="checked">
                  <Checkbox data-testid="review-needs-revision">{t('emergencyUi.drills.needsRevision')}</Checkbox>
                </Form.Item>
                <Form.Item noStyle shouldUpdate={(a, b) => a.needsRevision !== b.needsRevision}>
                  {({ getFieldValue }) =>
                    getFieldValue('needsRevision') ? (
                      <Form.Item name="revisionReason" label={t('emergencyUi.plan.reviseReason')}>
                        <Input maxLength={1000} />
                      </Form.Item>
                    ) : null
                  }
                </Form.Item>
                <Button type="primary" htmlType="submit" loading={step.isPending} data-testid="drill-review">
                  {t('emergencyUi.drills.review')}
                </Button>
              </Form>
            </Card>
          )}
          {d.review && (
            <Card size="small" title={t('emergencyUi.drills.review')} data-testid="drill-review-result">
              <Descriptions size="small" column={1}>
                <Descriptions.Item label={t('emergencyUi.drills.whatWorked')}>{d.review.whatWorked || '—'}</Descriptions.Item>
                <Descriptions.Item label={t('emergencyUi.drills.whatFailed')}>{d.review.whatFailed || '—'}</Descriptions.Item>
                <Descriptions.Item label={t('emergencyUi.drills.needsRevision')}>
                  {d.review.needsRevision ? (
                    <Link to={`/emergency/plans/${d.planId}`} data-testid="review-new-version">
                      {t('emergencyUi.drills.newVersionOpened')}
                    </Link>
                  ) : (
                    t('common.no')
                  )}
                </Descriptions.Item>
              </Descriptions>
              {d.review.findings.map((f) => (
                <div key={f.hazardId}>
                  <Link to={`/hazards/${f.hazardId}`}>{f.text}</Link>
                  {f.postId ? ` · ${posts.nameOf(f.postId)}` : ''}
                </div>
              ))}
            </Card>
          )}
        </Space>
      )}
    </Drawer>
  );
}
