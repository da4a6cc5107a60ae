import { Button, Form, Input, Select, Space, Tabs, Tag, Typography } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DateState } from '../../../domain/operations/date-state.js';
import { type ContractorDto, contractorCreateSchema, contractorUpdateSchema, type QualificationDto, qualificationCreateSchema, qualificationUpdateSchema } from '../../../schemas/contractors.js';
import { type FormValues, nullIfEmpty } from '../../app/ui/resource-form-drawer';
import { ResourceListPage } from '../../app/ui/resource-list-page';
import { useAllItems } from '../../app/ui/use-paged-list';
import { useSessionOptions } from '../training/training-api';
import { usePeople } from '../risks/use-people';
import { ContractorRecordsModal } from './contractor-records-modal';
import { DateField } from '../../app/ui/date-field';

const stateColor: Record<DateState, string | undefined> = { past: 'red', soon: 'orange', ok: 'green', none: undefined };

export function DateStateTag({ state, date }: { state: DateState; date: string | null }) {
  const { t } = useTranslation();
  if (state === 'none') return <Typography.Text type="secondary">—</Typography.Text>;
  return <Tag color={stateColor[state]}>{`${date ?? ''} ${t(`operationsUi.dateStates.${state}`)}`}</Tag>;
}

function ContractorFields() {
  const { t } = useTranslation();
  const people = usePeople();
  const sessions = useSessionOptions(new Date().getFullYear());
  return (
    <>
      <Form.Item name="name" label={t('operationsUi.contractors.name')} required>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="creditCode" label={t('operationsUi.contractors.creditCode')}>
        <Input maxLength={40} />
      </Form.Item>
      <Form.Item name="contactName" label={t('operationsUi.contractors.contact')}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="contactPhone" label={t('operationsUi.contractors.phone')}>
        <Input maxLength={40} inputMode="tel" />
      </Form.Item>
      <Form.Item name="workScope" label={t('operationsUi.contractors.workScope')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <Form.Item name="agreementSignedOn" label={t('operationsUi.contractors.agreementSignedOn')}>
        <DateField style={{ width: 180 }} />
      </Form.Item>
      <Form.Item name="agreementExpiresOn" label={t('operationsUi.contractors.agreementExpiresOn')}>
        <DateField style={{ width: 180 }} />
      </Form.Item>
      <Form.Item name="inductionSessionId" label={t('operationsUi.contractors.induction')} extra={t('operationsUi.contractors.inductionHint')}>
        <Select allowClear options={(sessions.data?.items ?? []).map((s) => ({ value: s.id, label: `${s.heldOn} ${s.title}` }))} showSearch={{ optionFilterProp: 'label' }} />
      </Form.Item>
      <Form.Item name="personIds" label={t('operationsUi.contractors.people')}>
        <Select mode="multiple" options={people.list.filter((p) => p.isContractor).map((p) => ({ value: p.id, label: p.name }))} showSearch={{ optionFilterProp: 'label' }} />
      </Form.Item>
    </>
  );
}

function ContractorList() {
  const { t } = useTranslation();
  const [open, setOpen] = useState<ContractorDto | null>(null);
  const columns: ColumnType<ContractorDto>[] = [
    { key: 'name', title: t('operationsUi.contractors.name'), render: (_v, c) => <Typography.Text strong>{c.name}</Typography.Text> },
    { key: 'scope', title: t('operationsUi.contractors.workScope'), dataIndex: 'workScope' },
    {
      key: 'quals',
      title: t('operationsUi.contractors.qualifications'),
      render: (_v, c) => (
        <Space size={4} wrap>
          {c.qualifications.map((q) => (
            <Tag key={q.id} color={stateColor[q.state]}>
              {q.name}
              {q.state === 'past' || q.state === 'soon' ? ` · ${t(`operationsUi.dateStates.${q.state}`)}` : ''}
            </Tag>
          ))}
        </Space>
      ),
    },
    { key: 'agreement', title: t('operationsUi.contractors.agreement'), render: (_v, c) => <DateStateTag state={c.agreementState} date={c.agreementExpiresOn} /> },
    { key: 'induction', title: t('operationsUi.contractors.induction'), render: (_v, c) => (c.induction ? `${c.induction.heldOn} ${t('operationsUi.contractors.signedOf', { signed: c.induction.signed, total: c.induction.attendees })}` : '—') },
    { key: 'people', title: t('operationsUi.contractors.people'), render: (_v, c) => c.personIds.length },
    { key: 'evaluation', title: t('operationsUi.contractors.lastEvaluation'), render: (_v, c) => (c.lastEvaluation ? `${c.lastEvaluation.onDate} ${t(`operationsUi.contractors.results.${c.lastEvaluation.result}`)}` : '—') },
    { key: 'records', title: t('operationsUi.contractors.records'), render: (_v, c) => <Button size="small" onClick={() => setOpen(c)}>{t('operationsUi.contractors.records')}</Button> },
  ];
  return (
    <>
      <ResourceListPage<ContractorDto>
        testId="contractors"
        path="/api/v1/contractors"
        title={t('operationsUi.contractors.title')}
        hint={t('operationsUi.contractors.hint')}
        columns={columns}
        form={{
          createSchema: contractorCreateSchema,
          updateSchema: contractorUpdateSchema,
          createTitle: t('operationsUi.contractors.createTitle'),
          editTitle: t('operationsUi.contractors.editTitle'),
          emptyValues: { personIds: [] },
          toFormValues: (c) => ({ ...c }),
          fromFormValues: (v: FormValues) => ({
            name: v.name ?? '',
            creditCode: v.creditCode ?? '',
            contactName: v.contactName ?? '',
            contactPhone: v.contactPhone ?? '',
            workScope: v.workScope ?? '',
            agreementSignedOn: nullIfEmpty(v.agreementSignedOn),
            agreementExpiresOn: nullIfEmpty(v.agreementExpiresOn),
            inductionSessionId: nullIfEmpty(v.inductionSessionId),
            personIds: v.personIds ?? [],
          }),
          fields: <ContractorFields />,
        }}
      />
      {open && <ContractorRecordsModal contractor={open} onClose={() => setOpen(null)} />}
    </>
  );
}

function QualificationList() {
  const { t } = useTranslation();
  const contractors = useAllItems<ContractorDto>('/api/v1/contractors');
  const nameOf = (id: string) => contractors.data?.find((c) => c.id === id)?.name ?? '';
  const columns: ColumnType<QualificationDto>[] = [
    { key: 'name', title: t('operationsUi.contractors.qualification'), render: (_v, q) => <Typography.Text strong>{q.name}</Typography.Text> },
    { key: 'contractor', title: t('operationsUi.contractors.name'), render: (_v, q) => nameOf(q.contractorId) },
    { key: 'number', title: t('operationsUi.contractors.number'), dataIndex: 'number' },
    { key: 'expires', title: t('operationsUi.contractors.expiresOn'), render: (_v, q) => <DateStateTag state={q.state} date={q.expiresOn} /> },
  ];
  return (
    <ResourceListPage<QualificationDto>
      testId="contractor-qualifications"
      path="/api/v1/contractor-qualifications"
      title={t('operationsUi.contractors.qualifications')}
      columns={columns}
      filters={[{ name: 'contractorId', placeholder: t('operationsUi.contractors.name'), options: (contractors.data ?? []).map((c) => ({ value: c.id, label: c.name })) }]}
      form={{
        createSchema: qualificationCreateSchema,
        updateSchema: qualificationUpdateSchema,
        createTitle: t('operationsUi.contractors.addQualification'),
        editTitle: t('operationsUi.contractors.editQualification'),
        emptyValues: {},
        toFormValues: (q) => ({ ...q }),
        fromFormValues: (v: FormValues) => ({
          contractorId: v.contractorId,
          name: v.name ?? '',
          number: v.number ?? '',
          issuer: v.issuer ?? '',
          issuedOn: nullIfEmpty(v.issuedOn),
          expiresOn: nullIfEmpty(v.expiresOn),
        }),
        fields: (
          <>
            <Form.Item name="contractorId" label={t('operationsUi.contractors.name')} required>
              <Select options={(contractors.data ?? []).map((c) => ({ value: c.id, label: c.name }))} />
            </Form.Item>
            <Form.Item name="name" label={t('operationsUi.contractors.qualification')} required>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name="number" label={t('operationsUi.contractors.number')}>
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="issuer" label={t('operationsUi.contractors.issuer')}>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name="issuedOn" label={t('operationsUi.contractors.issuedOn')}>
              <DateField style={{ width: 180 }} />
            </Form.Item>
            <Form.Item name="expiresOn" label={t('operationsUi.contractors.expiresOn')}>
              <DateField style={{ width: 180 }} />
            </Form.Item>
          </>
        ),
      }}
    />
  );
}

/** 相关方管理: the register, their qualifications (expired ones in red, and in 待办事项), induction, people, supervision and evaluation. */
export function ContractorsPage() {
  const { t } = useTranslation();
  return (
    <Tabs
      items={[
        { key: 'contractors', label: t('operationsUi.contractors.title'), children: <ContractorList /> },
        { key: 'qualifications', label: t('operationsUi.contractors.qualifications'), children: <QualificationList /> },
      ]}
    />
  );
}
