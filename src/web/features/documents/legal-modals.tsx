import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, Form, Input, InputNumber, List, Modal, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { legalKinds } from '../../../reference/legal-register-starter.js';
import type { DocumentListItemDto } from '../../../schemas/documents.js';
import { complianceResults, type LegalRequirementDto } from '../../../schemas/legal-register.js';
import type { RiskListItemDto } from '../../../schemas/risks.js';
import { useAllItems } from '../../app/ui/use-paged-list';
import { useOrgUnits, usePosts } from '../org/use-org-lookups';
import { usePeople } from '../risks/use-people';
import { legalPaths, useLegalWrite, useStarterSet } from './legal-api';
import { DateField } from '../../app/ui/date-field';

const done = (message: ReturnType<typeof App.useApp>['message'], text: string) => ({ onSuccess: () => void message.success(text), onError: (e: Error) => void message.error(e.message) });

/** Pick items of the starter set (unconfirmed ones marked) and register them with their clauses. */
export function StarterModal({ isOpen, onClose }: { isOpen: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const starter = useStarterSet(isOpen);
  const write = useLegalWrite();
  const [keys, setKeys] = useState<string[]>([]);
  return (
    <Modal
      open={isOpen}
      width={760}
      title={t('documentsUi.legal.addStarter')}
      onCancel={onClose}
      okButtonProps={{ disabled: !keys.length, loading: write.isPending, id: 'legal-starter-ok' }}
      onOk={() => write.mutate({ method: 'POST', path: `${legalPaths.starter}/register`, body: { keys } }, { ...done(message, t('documentsUi.legal.saved')), onSettled: () => (setKeys([]), onClose()) })}
    >
      <Alert type="warning" showIcon style={{ marginBottom: 8 }} message={t('documentsUi.legal.starterHint')} />
      <Checkbox.Group value={keys} onChange={(v) => setKeys(v as string[])} style={{ width: '100%' }}>
        <List
          size="small"
          dataSource={starter.data?.items ?? []}
          renderItem={(s) => (
            <List.Item>
              <Checkbox value={s.key} disabled={s.isRegistered} data-testid={`starter-${s.key}`}>
                {s.title} <Typography.Text type="secondary">{`${s.documentNo} · ${s.edition}${s.effectiveOn ? ` · ${s.effectiveOn}` : ''}`}</Typography.Text>{' '}
                {s.isUnconfirmed && <Tag color="warning">{t('documentsUi.legal.unconfirmed')}</Tag>}
              </Checkbox>
            </List.Item>
          )}
        />
      </Checkbox.Group>
    </Modal>
  );
}

export function CreateRequirementModal({ isOpen, onClose }: { isOpen: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const write = useLegalWrite();
  const [form] = Form.useForm();
  return (
    <Modal open={isOpen} title={t('documentsUi.legal.add')} onCancel={onClose} onOk={() => form.submit()} okButtonProps={{ loading: write.isPending }} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ kind: 'local' }} onFinish={(v) => write.mutate({ method: 'POST', path: legalPaths.requirements, body: { ...v, effectiveOn: v.effectiveOn || null } }, { ...done(message, t('documentsUi.legal.saved')), onSettled: onClose })}>
        <Form.Item name="kind" label={t('documentsUi.legal.kind')} rules={[{ required: true }]}>
          <Select options={legalKinds.map((k) => ({ value: k, label: t(`documentsUi.legal.kinds.${k}`) }))} />
        </Form.Item>
        <Form.Item name="title" label={t('documentsUi.legal.titleField')} rules={[{ required: true }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="documentNo" label={t('documentsUi.legal.documentNo')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="issuer" label={t('documentsUi.legal.issuer')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="edition" label={t('documentsUi.legal.edition')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="effectiveOn" label={t('documentsUi.legal.effectiveOn')}>
          <DateField />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The clauses that matter, each mapped to posts, departments, risks and documents. */
export function ClausesModal({ requirement, onClose }: { requirement: LegalRequirementDto | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const write = useLegalWrite();
  const posts = usePosts();
  const units = useOrgUnits();
  const risks = useAllItems<RiskListItemDto>('/api/v1/risks', Boolean(requirement));
  const docs = useAllItems<DocumentListItemDto>('/api/v1/documents', Boolean(requirement));
  const [form] = Form.useForm();
  const initial = requirement?.clauses.map((c) => ({ id: c.id, clause: c.clause, summary: c.summary, postIds: c.posts.map((x) => x.id), orgUnitIds: c.orgUnits.map((x) => x.id), riskIds: c.risks.map((x) => x.id), documentIds: c.documents.map((x) => x.id) }));
  const many = (name: number, field: string, label: string, options: { value: string; label: string }[]) => (
    <Form.Item name={[name, field]} label={label} style={{ marginBottom: 8 }}>
      <Select mode="multiple" allowClear options={options} showSearch={{ optionFilterProp: 'label' }} />
    </Form.Item>
  );
  const riskOptions = (risks.data ?? []).map((r) => ({ value: r.id, label: `${r.postName} · ${r.objectName}` }));
  const docOptions = (docs.data ?? []).filter((d) => !d.withdrawnAt).map((d) => ({ value: d.id, label: `${d.number} ${d.title}` }));
  return (
    <Modal open={requirement !== null} width={860} title={`${t('documentsUi.legal.clauses')} — ${requirement?.title ?? ''}`} onCancel={onClose} onOk={() => form.submit()} okButtonProps={{ loading: write.isPending }} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ clauses: initial }} onFinish={(v) => write.mutate({ method: 'PUT', path: `${legalPaths.requirements}/${requirement?.id}/clauses`, body: { clauses: v.clauses ?? [] } }, { ...done(message, t('documentsUi.legal.saved')), onSettled: onClose })}>
        <Form.List name="clauses">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} direction="vertical" style={{ width: '100%', borderBottom: '1px solid #eee', paddingBottom: 8, marginBottom: 8 }}>
                  <Space align="start" style={{ width: '100%' }}>
                    <Form.Item name={[f.name, 'clause']} label={t('documentsUi.legal.clause')} rules={[{ required: true }]} style={{ marginBottom: 8 }}>
                      <Input maxLength={100} style={{ width: 140 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'summary']} label={t('documentsUi.legal.summary')} style={{ marginBottom: 8, width: 560 }}>
                      <Input.TextArea autoSize maxLength={2000} />
                    </Form.Item>
                    <MinusCircleOutlined onClick={() => remove(f.name)} style={{ marginTop: 36 }} />
                  </Space>
                  <Form.Item name={[f.name, 'id']} hidden noStyle>
                    <Input />
                  </Form.Item>
                  {many(f.name, 'postIds', t('documentsUi.legal.posts'), posts.options)}
                  {many(f.name, 'orgUnitIds', t('documentsUi.legal.orgUnits'), units.options)}
                  {many(f.name, 'riskIds', t('documentsUi.legal.risks'), riskOptions)}
                  {many(f.name, 'documentIds', t('documentsUi.legal.documents'), docOptions)}
                </Space>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ clause: '', summary: '', postIds: [], orgUnitIds: [], riskIds: [], documentIds: [] })}>
                {t('documentsUi.legal.addClause')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}

/** The year's compliance evaluation of one requirement; non-compliant asks for the action, its owner and deadline. */
export function EvaluateModal({ requirement, year, onClose }: { requirement: LegalRequirementDto | null; year: number; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const write = useLegalWrite();
  const people = usePeople();
  const [form] = Form.useForm();
  const result = Form.useWatch('result', form);
  return (
    <Modal open={requirement !== null} title={`${t('documentsUi.legal.evaluate')} — ${requirement?.title ?? ''}`} onCancel={onClose} onOk={() => form.submit()} okButtonProps={{ loading: write.isPending, id: 'legal-evaluate-ok' }} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ year, result: 'compliant' }}
        onFinish={(v) =>
          write.mutate(
            { method: 'POST', path: `${legalPaths.requirements}/${requirement?.id}/evaluations`, body: { ...v, actionOwnerPersonId: v.actionOwnerPersonId ?? null, actionDeadline: v.actionDeadline || null } },
            { ...done(message, t('documentsUi.legal.saved')), onSettled: onClose },
          )
        }
      >
        <Form.Item name="year" label={t('documentsUi.legal.year')} rules={[{ required: true }]}>
          <InputNumber min={2000} max={2100} />
        </Form.Item>
        <Form.Item name="result" label={t('documentsUi.legal.result')} rules={[{ required: true }]}>
          <Select data-testid="legal-result" options={complianceResults.map((r) => ({ value: r, label: t(`documentsUi.legal.results.${r}`) }))} />
        </Form.Item>
        <Form.Item name="evidence" label={t('documentsUi.legal.evidence')}>
          <Input.TextArea autoSize maxLength={4000} />
        </Form.Item>
        <Form.Item name="findings" label={t('documentsUi.legal.findings')} rules={[{ required: result === 'non_compliant' }]}>
          <Input.TextArea autoSize maxLength={4000} />
        </Form.Item>
        {result === 'non_compliant' && (
          <>
            <Form.Item name="action" label={t('documentsUi.legal.action')} rules={[{ required: true }]}>
              <Input.TextArea autoSize maxLength={2000} />
            </Form.Item>
            <Form.Item name="actionOwnerPersonId" label={t('documentsUi.legal.actionOwner')} rules={[{ required: true }]}>
              <Select showSearch={{ optionFilterProp: 'label' }} options={people.options} />
            </Form.Item>
            <Form.Item name="actionDeadline" label={t('documentsUi.legal.actionDeadline')} rules={[{ required: true }]}>
              <DateField />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
