import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, DatePicker, Form, Input, Modal, Select, Tag, message } from 'antd';
import type { ColumnType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { managerRoles } from '../../../schemas/auth.js';
import { type CertificateDto, certificateInputSchema, certificateKinds } from '../../../schemas/training.js';
import { specialOperationCategories } from '../../../reference/special-operations.js';
import { api } from '../../app/api/api-client';
import { hasRole, useMe } from '../../app/auth/use-me';
import { useZodForm } from '../../app/forms/use-zod-form';
import { PageHeader } from '../../app/ui/page-header';
import { LoadMore } from '../../app/ui/load-more';
import { ResponsiveTable } from '../../app/ui/responsive-table';
import { usePagedList } from '../../app/ui/use-paged-list';
import { usePeople } from '../risks/use-people';
import { certificateColours, trainingPaths } from './training-api';

/** 证书管理: special-operation and management certificates, with expiry and 复审 (issue 12 §4). */
export function CertificatesPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  // Newest registered first, 50 at a time ("load more").
  const list = usePagedList<CertificateDto>(trainingPaths.certificates, {}, 50);
  const [isOpen, setIsOpen] = useState(false);
  const mayWrite = me.data ? hasRole(me.data, managerRoles) : false;
  const columns: ColumnType<CertificateDto>[] = [
    { key: 'state', title: t('trainingUi.status'), width: 100, render: (_v, c) => <Tag color={certificateColours[c.state]}>{t(`trainingUi.certificateStates.${c.state}`)}</Tag> },
    { key: 'person', title: t('trainingUi.person'), render: (_v, c) => <Link to={`/training/people/${c.personId}`}>{c.personName}</Link> },
    { key: 'kind', title: t('trainingUi.certificateKind'), render: (_v, c) => c.operationLabel ?? t(`trainingUi.certificateKinds.${c.kind}`) },
    { key: 'number', title: t('trainingUi.certificateNumber'), dataIndex: 'number' },
    { key: 'issued', title: t('trainingUi.issuedOn'), dataIndex: 'issuedOn', width: 110 },
    { key: 'expires', title: t('trainingUi.expiresOn'), width: 110, render: (_v, c) => c.expiresOn ?? '—' },
    { key: 'review', title: t('trainingUi.reviewDueOn'), width: 110, render: (_v, c) => c.reviewDueOn ?? '—' },
  ];
  return (
    <div data-testid="certificates" lang={i18n.language}>
      <PageHeader
        title={t('trainingUi.certificatesTitle')}
        hint={t('trainingUi.certificatesHint')}
        extra={mayWrite && <Button type="primary" onClick={() => setIsOpen(true)}>{t('trainingUi.newCertificate')}</Button>}
      />
      <ResponsiveTable<CertificateDto> rowKey="id" dataSource={list.items} columns={columns} loading={list.isLoading} locale={{ emptyText: t('common.empty') }} />
      <LoadMore list={list} testId="certificates-load-more" />
      {isOpen && <CertificateModal onClose={() => setIsOpen(false)} />}
    </div>
  );
}

function CertificateModal({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm();
  const zod = useZodForm(form, certificateInputSchema);
  const people = usePeople();
  const client = useQueryClient();
  const kind = Form.useWatch('kind', form);
  const create = useMutation({
    mutationFn: (body: unknown) => api(trainingPaths.certificates, { body }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: [trainingPaths.certificates] });
      onClose();
    },
    onError: (e) => zod.showServerErrors(e) || void message.error((e as Error).message),
  });
  const date = (v: unknown) => (v ? (v as Dayjs).format('YYYY-MM-DD') : null);
  const lang = i18n.language === 'en-US' ? 'en-US' : 'zh-CN';
  return (
    <Modal open title={t('trainingUi.newCertificate')} onCancel={onClose} onOk={() => form.submit()} okText={t('common.save')} confirmLoading={create.isPending} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: 'special_operation' }}
        onFinish={(v) =>
          zod.submit({ ...v, issuer: v.issuer ?? '', operationCode: v.operationCode ?? null, issuedOn: date(v.issuedOn) ?? undefined, expiresOn: date(v.expiresOn), reviewDueOn: date(v.reviewDueOn) }, (body) => create.mutate(body))
        }
      >
        <Form.Item name="personId" label={t('trainingUi.person')} required>
          <Select showSearch optionFilterProp="label" options={people.options} />
        </Form.Item>
        <Form.Item name="kind" label={t('trainingUi.certificateKind')} required>
          <Select options={certificateKinds.map((k) => ({ value: k, label: t(`trainingUi.certificateKinds.${k}`) }))} />
        </Form.Item>
        {kind === 'special_operation' && (
          <Form.Item name="operationCode" label={t('trainingUi.operation')} required>
            <Select options={specialOperationCategories.map((c) => ({ value: c.code, label: c.label[lang] }))} />
          </Form.Item>
        )}
        <Form.Item name="number" label={t('trainingUi.certificateNumber')} required>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="issuer" label={t('trainingUi.issuer')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="issuedOn" label={t('trainingUi.issuedOn')} required>
          <DatePicker />
        </Form.Item>
        <Form.Item name="expiresOn" label={t('trainingUi.expiresOn')} extra={t('trainingUi.datesHint')}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="reviewDueOn" label={t('trainingUi.reviewDueOn')}>
          <DatePicker />
        </Form.Item>
      </Form>
    </Modal>
  );
}
