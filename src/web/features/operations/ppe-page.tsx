import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, Modal, Select, Tabs, Tag, Typography } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ppeKindLabels, ppeKinds } from '../../../reference/ppe-kinds.js';
import { type PpeIssueDto, type PpeRequirementDto, ppeRequirementCreateSchema, ppeRequirementUpdateSchema } from '../../../schemas/occupational-health.js';
import { hasRole, useCurrentUser } from '../../app/auth/use-me';
import { PageHeader } from '../../app/ui/page-header';
import { type FormValues, nullIfEmpty } from '../../app/ui/resource-form-drawer';
import { ResourceListPage } from '../../app/ui/resource-list-page';
import { ResponsiveTable } from '../../app/ui/responsive-table';
import { useAllItems, usePagedList } from '../../app/ui/use-paged-list';
import { orgPaths } from '../org/use-org-lookups';
import { usePeople } from '../risks/use-people';
import { SignOffList } from '../sign-offs/sign-off-list';
import { RecordModal } from './record-modal';
import { DateField } from '../../app/ui/date-field';

const issuesPath = '/api/v1/ppe-issues';
const requirementsPath = '/api/v1/ppe-requirements';
const issuerRoles = ['principal', 'safety_manager', 'consultant', 'dept_head', 'team_leader'] as const;

function useLocale() {
  const { i18n } = useTranslation();
  return i18n.language === 'en-US' ? 'en-US' : 'zh-CN';
}

function Requirements() {
  const { t } = useTranslation();
  const locale = useLocale();
  const posts = useAllItems<{ id: string; name: string }>(orgPaths.posts);
  const postOptions = (posts.data ?? []).map((p) => ({ value: p.id, label: p.name }));
  const columns: ColumnType<PpeRequirementDto>[] = [
    { key: 'name', title: t('operationsUi.ppe.item'), render: (_v, r) => <Typography.Text strong>{r.name}</Typography.Text> },
    { key: 'post', title: t('operationsUi.ppe.post'), render: (_v, r) => postOptions.find((p) => p.value === r.postId)?.label ?? '' },
    { key: 'kind', title: t('operationsUi.ppe.kind'), render: (_v, r) => ppeKindLabels[r.kind][locale] },
    { key: 'months', title: t('operationsUi.ppe.replaceMonths'), render: (_v, r) => r.replaceMonths ?? '—' },
    { key: 'note', title: t('operationsUi.notes'), dataIndex: 'note' },
  ];
  return (
    <ResourceListPage<PpeRequirementDto>
      testId="ppe-requirements"
      path={requirementsPath}
      title={t('operationsUi.ppe.requirements')}
      hint={t('operationsUi.ppe.hint')}
      columns={columns}
      filters={[{ name: 'postId', placeholder: t('operationsUi.ppe.post'), options: postOptions }]}
      form={{
        createSchema: ppeRequirementCreateSchema,
        updateSchema: ppeRequirementUpdateSchema,
        createTitle: t('operationsUi.ppe.addRequirement'),
        editTitle: t('operationsUi.ppe.editRequirement'),
        emptyValues: { kind: 'head' },
        toFormValues: (r) => ({ ...r }),
        fromFormValues: (v: FormValues) => ({ postId: v.postId, name: v.name ?? '', kind: v.kind, replaceMonths: nullIfEmpty(v.replaceMonths), note: v.note ?? '' }),
        fields: (
          <>
            <Form.Item name="postId" label={t('operationsUi.ppe.post')} required>
              <Select options={postOptions} showSearch={{ optionFilterProp: 'label' }} />
            </Form.Item>
            <Form.Item name="name" label={t('operationsUi.ppe.item')} required>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name="kind" label={t('operationsUi.ppe.kind')} required>
              <Select options={ppeKinds.map((k) => ({ value: k, label: ppeKindLabels[k][locale] }))} />
            </Form.Item>
            <Form.Item name="replaceMonths" label={t('operationsUi.ppe.replaceMonths')}>
              <InputNumber min={1} max={120} precision={0} />
            </Form.Item>
            <Form.Item name="note" label={t('operationsUi.notes')}>
              <Input maxLength={500} />
            </Form.Item>
          </>
        ),
      }}
    />
  );
}

function Issues() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const canIssue = hasRole(me, issuerRoles);
  const people = usePeople();
  const requirements = useAllItems<PpeRequirementDto>(requirementsPath);
  const [personId, setPersonId] = useState<string | undefined>();
  const [isAdding, setIsAdding] = useState(false);
  const [signing, setSigning] = useState<PpeIssueDto | null>(null);
  const list = usePagedList<PpeIssueDto>(issuesPath, { personId });
  const columns: ColumnType<PpeIssueDto>[] = [
    { key: 'person', title: t('operationsUi.ppe.person'), render: (_v, i) => <Typography.Text strong>{i.personName}</Typography.Text> },
    { key: 'item', title: t('operationsUi.ppe.item'), render: (_v, i) => `${i.name} × ${i.quantity}` },
    { key: 'issuedOn', title: t('operationsUi.ppe.issuedOn'), dataIndex: 'issuedOn' },
    { key: 'replaceBy', title: t('operationsUi.ppe.replaceBy'), render: (_v, i) => i.replaceBy ?? '—' },
    {
      key: 'signed',
      title: t('operationsUi.ppe.signed'),
      render: (_v, i) => (
        <Button size="small" type="link" onClick={() => setSigning(i)}>
          {i.signedAt ? <Tag color="green">{t('operationsUi.ppe.signedYes')}</Tag> : <Tag color="orange">{t('operationsUi.ppe.signedNo')}</Tag>}
        </Button>
      ),
    },
  ];
  return (
    <div data-testid="ppe-issues">
      <PageHeader
        title={t('operationsUi.ppe.issues')}
        extra={
          canIssue && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setIsAdding(true)}>
              {t('operationsUi.ppe.issue')}
            </Button>
          )
        }
      />
      <div className="page-toolbar">
        <Select allowClear placeholder={t('operationsUi.ppe.person')} style={{ width: 200 }} value={personId} onChange={setPersonId} options={people.options} showSearch={{ optionFilterProp: 'label' }} />
      </div>
      <ResponsiveTable<PpeIssueDto> dataSource={list.items} columns={columns} loading={list.isLoading} locale={{ emptyText: t('common.empty') }} />
      {isAdding && (
        <RecordModal
          title={t('operationsUi.ppe.issue')}
          path={issuesPath}
          refresh={[issuesPath]}
          initialValues={{ quantity: 1 }}
          toBody={(v) => ({ personId: v.personId, requirementId: nullIfEmpty(v.requirementId), name: v.name ?? '', quantity: v.quantity ?? 1, issuedOn: v.issuedOn, replaceBy: nullIfEmpty(v.replaceBy) })}
          onClose={() => setIsAdding(false)}
          fields={
            <>
              <Form.Item name="personId" label={t('operationsUi.ppe.person')} rules={[{ required: true }]}>
                <Select options={people.options} showSearch={{ optionFilterProp: 'label' }} />
              </Form.Item>
              <Form.Item name="requirementId" label={t('operationsUi.ppe.requirement')}>
                <Select allowClear options={(requirements.data ?? []).map((r) => ({ value: r.id, label: r.name }))} showSearch={{ optionFilterProp: 'label' }} />
              </Form.Item>
              <Form.Item name="name" label={t('operationsUi.ppe.itemOther')}>
                <Input maxLength={200} />
              </Form.Item>
              <Form.Item name="quantity" label={t('operationsUi.ppe.quantity')}>
                <InputNumber min={1} max={1000} precision={0} />
              </Form.Item>
              <Form.Item name="issuedOn" label={t('operationsUi.ppe.issuedOn')} rules={[{ required: true }]}>
                <DateField style={{ width: 180 }} />
              </Form.Item>
              <Form.Item name="replaceBy" label={t('operationsUi.ppe.replaceBy')} extra={t('operationsUi.ppe.replaceHint')}>
                <DateField style={{ width: 180 }} />
              </Form.Item>
            </>
          }
        />
      )}
      {signing && (
        <Modal open title={`${signing.personName} · ${signing.name}`} footer={null} onCancel={() => setSigning(null)} destroyOnHidden>
          <SignOffList subjectType="ppe-issue" subjectId={signing.id} title={t('operationsUi.ppe.signed')} />
        </Modal>
      )}
    </div>
  );
}

/** 劳动防护用品: what each post must wear, and each issue to a person, signed by them; replacements fall due. */
export function PpePage() {
  const { t } = useTranslation();
  return (
    <Tabs
      items={[
        { key: 'requirements', label: t('operationsUi.ppe.requirements'), children: <Requirements /> },
        { key: 'issues', label: t('operationsUi.ppe.issues'), children: <Issues /> },
      ]}
    />
  );
}
