import { useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Drawer, Form, Grid, Input, InputNumber, Radio, Select, Space, Switch, Tag, Timeline, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { fishboneCategories, rootCauseMethods } from '../../../domain/improvement/capa-lifecycle.js';
import type { CapaDetailDto } from '../../../schemas/capa.js';
import { api } from '../../app/api/api-client';
import { usePeople } from '../risks/use-people';
import { capaStatusColour } from './capa-page';
import { improvementPaths, useCanWriteCapa, useStep } from './improvement-api';
import { DateField } from '../../app/ui/date-field';

/** One record: analysis, actions by round, the risk check before implementing, the effectiveness checks. */
export function CapaDrawer({ id, onClose }: { id: string | null; onClose(): void }) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const detail = useQuery({ queryKey: [improvementPaths.capas, 'detail', id], enabled: id !== null, queryFn: () => api<CapaDetailDto>(`${improvementPaths.capas}/${id}`) });
  const c = detail.data;
  return (
    <Drawer title={t('improvementUi.capa.detail')} open={id !== null} onClose={onClose} size={screens.md ? 720 : '100%'} data-testid="capa-detail">
      {c && <CapaBody c={c} />}
    </Drawer>
  );
}

function CapaBody({ c }: { c: CapaDetailDto }) {
  const { t } = useTranslation();
  const canWrite = useCanWriteCapa();
  const isClosed = c.status === 'effective';
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={12}>
      <Space wrap>
        <Tag color={capaStatusColour[c.status]} data-testid="capa-status">
          {t(`improvementUi.status.${c.status}`)}
        </Tag>
        <Typography.Text type="secondary">{t('improvementUi.capa.round', { n: c.round })}</Typography.Text>
        {c.escalates && <Tag color="volcano">{t('improvementUi.capa.escalated')}</Tag>}
      </Space>
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t('improvementUi.capa.source')}>
          {t(`improvementUi.source.${c.sourceKind}`)} · {c.sourceLabel}
        </Descriptions.Item>
        <Descriptions.Item label={t('improvementUi.capa.description')}>{c.description}</Descriptions.Item>
        <Descriptions.Item label={t('improvementUi.capa.owner')}>{c.ownerName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('improvementUi.capa.hazards')}>
          {c.hazardIds.length ? c.hazardIds.map((h, i) => <Link key={h} to={`/hazards/${h}`}>{`#${i + 1} `}</Link>) : '—'}
        </Descriptions.Item>
      </Descriptions>
      <AnalysisCard c={c} isEditable={canWrite && !isClosed} />
      <ActionsCard c={c} canWrite={canWrite && !isClosed} />
      {canWrite && c.status === 'planned' && <RiskCheckCard c={c} />}
      {c.riskCheck && (
        <Card size="small" title={t('improvementUi.capa.riskCheck')}>
          {c.riskCheck.hasNewRisks && <Tag color="orange">{t('improvementUi.capa.hasNewRisks')}</Tag>}
          {c.riskCheck.newRisks}
        </Card>
      )}
      <ChecksCard c={c} canWrite={canWrite} />
    </Space>
  );
}

function AnalysisCard({ c, isEditable }: { c: CapaDetailDto; isEditable: boolean }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const method = Form.useWatch('method', form) ?? c.rootCauseMethod ?? 'five_whys';
  const save = useStep<CapaDetailDto>(improvementPaths.capas);
  const initial = { method: c.rootCauseMethod ?? 'five_whys', whys: [0, 1, 2, 3, 4].map((i) => c.whys[i] ?? ''), fishbone: c.fishbone, rootCause: c.rootCause, verifyAfterDays: c.verifyAfterDays };
  return (
    <Card size="small" title={t('improvementUi.capa.analysis')}>
      <Form
        form={form}
        layout="vertical"
        disabled={!isEditable}
        initialValues={initial}
        onFinish={(v: typeof initial) =>
          save.mutate({
            path: `${improvementPaths.capas}/${c.id}/analysis`,
            method: 'PUT',
            body: { method: v.method, whys: (v.whys ?? []).filter((w) => w && w.trim()), fishbone: Object.fromEntries(Object.entries(v.fishbone ?? {}).filter(([, x]) => x)), rootCause: v.rootCause ?? '', verifyAfterDays: v.verifyAfterDays ?? 30 },
          })
        }
      >
        <Form.Item name="method" label={t('improvementUi.capa.analysisMethod')}>
          <Radio.Group options={rootCauseMethods.map((m) => ({ value: m, label: t(`improvementUi.method.${m}`) }))} />
        </Form.Item>
        {method === 'five_whys'
          ? [0, 1, 2, 3, 4].map((i) => (
              <Form.Item key={i} name={['whys', i]} label={t('improvementUi.capa.why', { n: i + 1 })} style={{ marginBottom: 8 }}>
                <Input maxLength={500} data-testid={`capa-why-${i}`} />
              </Form.Item>
            ))
          : fishboneCategories.map((k) => (
              <Form.Item key={k} name={['fishbone', k]} label={t(`improvementUi.fishbone.${k}`)} style={{ marginBottom: 8 }}>
                <Input maxLength={1000} />
              </Form.Item>
            ))}
        <Form.Item name="rootCause" label={t('improvementUi.capa.rootCause')} required>
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={2000} data-testid="capa-root-cause" />
        </Form.Item>
        <Form.Item name="verifyAfterDays" label={t('improvementUi.capa.verifyAfterDays')}>
          <InputNumber min={0} max={365} precision={0} />
        </Form.Item>
        {isEditable && (
          <Button htmlType="submit" loading={save.isPending} data-testid="capa-save-analysis">
            {t('improvementUi.capa.saveAnalysis')}
          </Button>
        )}
      </Form>
    </Card>
  );
}

function ActionsCard({ c, canWrite }: { c: CapaDetailDto; canWrite: boolean }) {
  const { t } = useTranslation();
  const people = usePeople();
  const [form] = Form.useForm();
  const add = useStep<CapaDetailDto>(improvementPaths.capas, () => form.resetFields());
  const done = useStep<CapaDetailDto>(improvementPaths.capas);
  return (
    <Card size="small" title={t('improvementUi.capa.actions')}>
      <Timeline
        items={c.actions.map((a) => ({
          color: a.doneAt ? 'green' : a.isOverdue ? 'red' : 'blue',
          content: (
            <div data-testid="capa-action">
              <Typography.Text strong>{a.description}</Typography.Text> {a.isPreventive && <Tag>{t('improvementUi.capa.isPreventive')}</Tag>}
              <div>
                <Typography.Text type="secondary">
                  {t('improvementUi.capa.round', { n: a.round })} · {a.ownerName ?? ''} · {t('improvementUi.capa.deadline')} {a.deadline}
                  {a.doneAt ? ` · ${t('improvementUi.capa.done')} ${a.doneAt.slice(0, 10)} ${a.doneNote}` : ''}
                </Typography.Text>
                {a.isOverdue && <Tag color="red">{t('improvementUi.capa.overdue', { count: 1 })}</Tag>}
                {!a.doneAt && c.status === 'implementing' && a.round === c.round && (
                  <Button size="small" style={{ marginLeft: 8 }} loading={done.isPending} onClick={() => done.mutate({ path: `${improvementPaths.capas}/${c.id}/action-done`, body: { actionId: a.id, note: '' } })} data-testid="capa-action-done">
                    {t('improvementUi.capa.markDone')}
                  </Button>
                )}
              </div>
            </div>
          ),
        }))}
      />
      {canWrite && (
        <Form
          form={form}
          layout="inline"
          onFinish={(v: { description?: string; ownerPersonId?: string; deadline?: string; isPreventive?: boolean }) =>
            add.mutate({ path: `${improvementPaths.capas}/${c.id}/actions`, body: { description: v.description ?? '', ownerPersonId: v.ownerPersonId, deadline: v.deadline, isPreventive: v.isPreventive ?? false } })
          }
        >
          <Form.Item name="description" rules={[{ required: true }]}>
            <Input placeholder={t('improvementUi.capa.actionDescription')} maxLength={1000} style={{ width: 220 }} data-testid="capa-action-description" />
          </Form.Item>
          <Form.Item name="ownerPersonId" rules={[{ required: true }]}>
            <Select placeholder={t('improvementUi.capa.actionOwner')} options={people.options} showSearch={{ optionFilterProp: 'label' }} style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="deadline" rules={[{ required: true }]}>
            <DateField style={{ width: 150 }} />
          </Form.Item>
          <Form.Item name="isPreventive" valuePropName="checked" label={t('improvementUi.capa.isPreventive')}>
            <Switch size="small" />
          </Form.Item>
          <Button htmlType="submit" loading={add.isPending}>
            {t('improvementUi.capa.addAction')}
          </Button>
        </Form>
      )}
    </Card>
  );
}

function RiskCheckCard({ c }: { c: CapaDetailDto }) {
  const { t } = useTranslation();
  const save = useStep<CapaDetailDto>(improvementPaths.capas);
  return (
    <Card size="small" title={t('improvementUi.capa.riskCheck')}>
      <Form layout="vertical" onFinish={(v: { newRisks?: string; hasNewRisks?: boolean }) => save.mutate({ path: `${improvementPaths.capas}/${c.id}/risk-check`, body: { newRisks: v.newRisks ?? '', hasNewRisks: v.hasNewRisks ?? false } })}>
        <Form.Item name="newRisks" label={t('improvementUi.capa.newRisks')} required>
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={2000} data-testid="capa-new-risks" />
        </Form.Item>
        <Form.Item name="hasNewRisks" label={t('improvementUi.capa.hasNewRisks')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="capa-risk-check">
          {t('improvementUi.capa.saveRiskCheck')}
        </Button>
      </Form>
    </Card>
  );
}

function ChecksCard({ c, canWrite }: { c: CapaDetailDto; canWrite: boolean }) {
  const { t } = useTranslation();
  const save = useStep<CapaDetailDto>(improvementPaths.capas);
  if (!c.checks.length && c.status !== 'verifying') return null;
  return (
    <Card size="small" title={t('improvementUi.capa.checks')} extra={c.checkDueOn && c.status === 'verifying' ? t('improvementUi.capa.checkDue', { date: c.checkDueOn }) : null}>
      <Timeline
        items={c.checks.map((k) => ({
          color: k.isEffective ? 'green' : 'red',
          content: (
            <div>
              <Tag color={k.isEffective ? 'green' : 'red'}>{t(k.isEffective ? 'improvementUi.capa.effective' : 'improvementUi.capa.ineffective')}</Tag>
              {k.evidence}
              <div>
                <Typography.Text type="secondary">
                  {t('improvementUi.capa.round', { n: k.round })} · {k.checkedByName ?? ''} · {k.at.slice(0, 10)}
                </Typography.Text>
              </div>
            </div>
          ),
        }))}
      />
      {canWrite && c.status === 'verifying' && (
        <Form layout="vertical" initialValues={{ isEffective: true }} onFinish={(v: { evidence?: string; isEffective: boolean }) => save.mutate({ path: `${improvementPaths.capas}/${c.id}/checks`, body: { evidence: v.evidence ?? '', isEffective: v.isEffective } })}>
          <Typography.Paragraph type="secondary">{t('improvementUi.capa.checkHint')}</Typography.Paragraph>
          <Form.Item name="isEffective" label={t('improvementUi.capa.isEffective')}>
            <Radio.Group options={[{ value: true, label: t('improvementUi.capa.effective') }, { value: false, label: t('improvementUi.capa.ineffective') }]} />
          </Form.Item>
          <Form.Item name="evidence" label={t('improvementUi.capa.evidence')} required>
            <Input.TextArea autoSize={{ minRows: 2 }} maxLength={2000} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('improvementUi.capa.saveCheck')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
