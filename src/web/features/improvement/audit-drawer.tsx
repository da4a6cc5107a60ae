import { FileWordOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Drawer, Form, Grid, Input, Modal, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { auditConclusions, findingKinds, type FindingKind } from '../../../domain/improvement/audit-checklist.js';
import type { AuditDetailDto } from '../../../schemas/internal-audit.js';
import { api } from '../../app/api/api-client';
import { PhotoPicker } from '../hazards/evidence-photos';
import { usePeople } from '../risks/use-people';
import { improvementPaths, useIsManager, useStep } from './improvement-api';

const kindColour: Record<FindingKind, string> = { conformity: 'green', nonconformity: 'red', observation: 'gold' };

/** One audit: the checklist (editable while in progress), findings per item, the report. */
export function AuditDrawer({ id, onClose }: { id: string | null; onClose(): void }) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const detail = useQuery({ queryKey: [improvementPaths.audits, 'detail', id], enabled: id !== null, queryFn: () => api<AuditDetailDto>(`${improvementPaths.audits}/${id}`) });
  return (
    <Drawer title={detail.data?.title ?? t('improvementUi.audit.title')} open={id !== null} onClose={onClose} size={screens.md ? 900 : '100%'} data-testid="audit-detail">
      {detail.data && <AuditBody a={detail.data} />}
    </Drawer>
  );
}

function AuditBody({ a }: { a: AuditDetailDto }) {
  const { t } = useTranslation();
  const canWrite = useIsManager() && a.status === 'planned';
  const [findingFor, setFindingFor] = useState<string | null | undefined>(undefined);
  const [newItem, setNewItem] = useState({ element: '', question: '' });
  const saveList = useStep<AuditDetailDto>(improvementPaths.audits, () => setNewItem({ element: '', question: '' }));
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={12}>
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t('improvementUi.audit.scope')}>{a.scope}</Descriptions.Item>
        <Descriptions.Item label={t('improvementUi.audit.plannedOn')}>{a.plannedOn}</Descriptions.Item>
        <Descriptions.Item label={t('improvementUi.audit.auditors')}>{[...a.auditors.map((x) => `${x.name}（${x.training}）`), a.externalAuditor].filter(Boolean).join('、')}</Descriptions.Item>
        <Descriptions.Item label={t('improvementUi.audit.findings')}>{t('improvementUi.audit.tally', a.tally)}</Descriptions.Item>
      </Descriptions>
      <Card
        size="small"
        title={t('improvementUi.audit.checklist')}
        extra={
          <Space>
            {canWrite && <Button onClick={() => setFindingFor(null)}>{t('improvementUi.audit.addFinding')}</Button>}
            <Button icon={<FileWordOutlined />} href={`${improvementPaths.audits}/${a.id}/report.docx`} data-testid="audit-docx">
              {t('improvementUi.audit.docx')}
            </Button>
          </Space>
        }
      >
        <Table
          size="small"
          rowKey="key"
          pagination={false}
          dataSource={a.checklist}
          columns={[
            { key: 'element', dataIndex: 'element', title: t('improvementUi.audit.element'), width: '25%' },
            { key: 'question', dataIndex: 'question', title: t('improvementUi.audit.question'), width: '35%' },
            {
              key: 'findings',
              title: t('improvementUi.audit.findings'),
              render: (_v, c) => (
                <Space orientation="vertical" size={2}>
                  {a.findings
                    .filter((f) => f.checklistKey === c.key)
                    .map((f) => (
                      <span key={f.id}>
                        <Tag color={kindColour[f.kind]}>{t(`improvementUi.audit.kinds.${f.kind}`)}</Tag>
                        {f.evidence} {f.capaId && <Link to={`/improvement/capas/${f.capaId}`}>{t('improvementUi.audit.capaLink')}</Link>}
                      </span>
                    ))}
                  {canWrite && (
                    <Button size="small" type="link" style={{ padding: 0 }} onClick={() => setFindingFor(c.key)} data-testid="audit-add-finding">
                      {t('improvementUi.audit.addFinding')}
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
        {canWrite && (
          <Space style={{ marginTop: 8 }} wrap>
            <Input placeholder={t('improvementUi.audit.element')} value={newItem.element} onChange={(e) => setNewItem({ ...newItem, element: e.target.value })} style={{ width: 180 }} />
            <Input placeholder={t('improvementUi.audit.question')} value={newItem.question} onChange={(e) => setNewItem({ ...newItem, question: e.target.value })} style={{ width: 280 }} />
            <Button
              loading={saveList.isPending}
              onClick={() => saveList.mutate({ path: `${improvementPaths.audits}/${a.id}/checklist`, method: 'PUT', body: { items: [...a.checklist, { key: `own.${Date.now().toString(36)}`, ...newItem }] } })}
            >
              {t('improvementUi.audit.addItem')}
            </Button>
          </Space>
        )}
      </Card>
      {a.findings.some((f) => f.checklistKey === null) && (
        <Card size="small" title={t('improvementUi.audit.findings')}>
          {a.findings
            .filter((f) => f.checklistKey === null)
            .map((f) => (
              <div key={f.id}>
                <Tag color={kindColour[f.kind]}>{t(`improvementUi.audit.kinds.${f.kind}`)}</Tag>
                {f.evidence} {f.capaId && <Link to={`/improvement/capas/${f.capaId}`}>{t('improvementUi.audit.capaLink')}</Link>}
              </div>
            ))}
        </Card>
      )}
      <ReportCard a={a} canWrite={canWrite} />
      <FindingModal auditId={a.id} checklistKey={findingFor} onClose={() => setFindingFor(undefined)} />
    </Space>
  );
}

function ReportCard({ a, canWrite }: { a: AuditDetailDto; canWrite: boolean }) {
  const { t } = useTranslation();
  const save = useStep<AuditDetailDto>(improvementPaths.audits);
  if (a.status === 'reported') {
    return (
      <Card size="small" title={t('improvementUi.audit.judgement')}>
        <Tag color="green">{t(`improvementUi.audit.conclusions.${a.conclusion ?? 'conforming'}`)}</Tag>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 8 }}>{a.judgement}</Typography.Paragraph>
      </Card>
    );
  }
  if (!canWrite) return null;
  return (
    <Card size="small" title={t('improvementUi.audit.report')}>
      <Form layout="vertical" initialValues={{ conclusion: a.suggestedConclusion }} onFinish={(v: { conclusion: string; judgement?: string }) => save.mutate({ path: `${improvementPaths.audits}/${a.id}/report`, body: { conclusion: v.conclusion, judgement: v.judgement ?? '' } })}>
        <Form.Item name="conclusion" label={t('improvementUi.audit.conclusion')} extra={t('improvementUi.audit.suggested', { c: t(`improvementUi.audit.conclusions.${a.suggestedConclusion}`) })}>
          <Radio.Group options={auditConclusions.map((c) => ({ value: c, label: t(`improvementUi.audit.conclusions.${c}`) }))} />
        </Form.Item>
        <Form.Item name="judgement" label={t('improvementUi.audit.judgement')} required>
          <Input.TextArea autoSize={{ minRows: 3 }} maxLength={4000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('improvementUi.audit.report')}
        </Button>
      </Form>
    </Card>
  );
}

function FindingModal({ auditId, checklistKey, onClose }: { auditId: string; checklistKey: string | null | undefined; onClose(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const people = usePeople();
  const kind = Form.useWatch('kind', form);
  const save = useStep<AuditDetailDto>(improvementPaths.audits, () => onClose());
  return (
    <Modal open={checklistKey !== undefined} title={t('improvementUi.audit.addFinding')} onCancel={onClose} onOk={() => form.submit()} okButtonProps={{ loading: save.isPending }} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ kind: 'conformity', photoIds: [] }}
        onFinish={(v: { kind: string; evidence?: string; photoIds?: string[]; capaOwnerPersonId?: string }) =>
          save.mutate({ path: `${improvementPaths.audits}/${auditId}/findings`, body: { checklistKey: checklistKey ?? null, kind: v.kind, evidence: v.evidence ?? '', photoIds: v.photoIds ?? [], capaOwnerPersonId: v.capaOwnerPersonId ?? null } })
        }
      >
        <Form.Item name="kind" label={t('improvementUi.audit.kind')}>
          <Radio.Group options={findingKinds.map((k) => ({ value: k, label: t(`improvementUi.audit.kinds.${k}`) }))} />
        </Form.Item>
        <Form.Item name="evidence" label={t('improvementUi.audit.evidence')} required>
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={2000} />
        </Form.Item>
        <Form.Item name="photoIds" label={t('improvementUi.audit.photos')}>
          <PhotoPicker testId="audit-photos" />
        </Form.Item>
        {kind === 'nonconformity' && (
          <Form.Item name="capaOwnerPersonId" label={t('improvementUi.audit.capaOwner')}>
            <Select allowClear options={people.options} showSearch={{ optionFilterProp: 'label' }} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
