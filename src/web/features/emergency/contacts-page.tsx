import { Form, Input, InputNumber, Select, Switch, Tag, Typography } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { type ContactDto, contactCreateSchema, contactUpdateSchema } from '../../../schemas/emergency.js';
import { type FormValues, nullIfEmpty } from '../../app/ui/resource-form-drawer';
import { ResourceListPage } from '../../app/ui/resource-list-page';
import { usePeople } from '../risks/use-people';
import { emergencyPaths } from './emergency-api';

function ContactFields() {
  const { t } = useTranslation();
  const people = usePeople();
  return (
    <>
      <Form.Item name="name" label={t('emergencyUi.contacts.name')} required>
        <Input maxLength={100} data-testid="contact-name" />
      </Form.Item>
      <Form.Item name="organisation" label={t('emergencyUi.contacts.organisation')}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="duty" label={t('emergencyUi.contacts.duty')}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="phone" label={t('emergencyUi.contacts.phone')} required>
        <Input maxLength={40} inputMode="tel" data-testid="contact-phone" />
      </Form.Item>
      <Form.Item name="isExternal" label={t('emergencyUi.contacts.isExternal')} valuePropName="checked">
        <Switch data-testid="contact-external" />
      </Form.Item>
      <Form.Item name="callOrder" label={t('emergencyUi.contacts.callOrder')}>
        <InputNumber min={0} max={999} precision={0} />
      </Form.Item>
      <Form.Item name="personId" label={t('emergencyUi.contacts.person')}>
        <Select allowClear options={people.options} showSearch={{ optionFilterProp: 'label' }} />
      </Form.Item>
    </>
  );
}

/** 应急通讯录 / call tree: internal responders first, in call order, then the external numbers; the phone dials them with one tap. */
export function ContactsPage() {
  const { t } = useTranslation();
  const columns: ColumnType<ContactDto>[] = [
    {
      key: 'name',
      title: t('emergencyUi.contacts.name'),
      render: (_v, c) => (
        <>
          <Typography.Text strong>{c.name}</Typography.Text> <Tag color={c.isExternal ? 'blue' : 'green'}>{c.isExternal ? t('emergencyUi.contacts.external') : t('emergencyUi.contacts.internal')}</Tag>
        </>
      ),
    },
    { key: 'organisation', title: t('emergencyUi.contacts.organisation'), dataIndex: 'organisation' },
    { key: 'duty', title: t('emergencyUi.contacts.duty'), dataIndex: 'duty' },
    { key: 'phone', title: t('emergencyUi.contacts.phone'), render: (_v, c) => <a href={`tel:${c.phone.replace(/[^0-9+]/g, '')}`}>{c.phone}</a> },
    { key: 'order', title: t('emergencyUi.contacts.callOrder'), dataIndex: 'callOrder' },
  ];
  return (
    <ResourceListPage<ContactDto>
      testId="emergency-contacts"
      path={emergencyPaths.contacts}
      title={t('emergencyUi.contacts.title')}
      hint={t('emergencyUi.contacts.hint')}
      columns={columns}
      filters={[
        {
          name: 'isExternal',
          placeholder: t('emergencyUi.contacts.isExternal'),
          options: [
            { value: 'false', label: t('emergencyUi.contacts.internal') },
            { value: 'true', label: t('emergencyUi.contacts.external') },
          ],
        },
      ]}
      form={{
        createSchema: contactCreateSchema,
        updateSchema: contactUpdateSchema,
        createTitle: t('emergencyUi.contacts.createTitle'),
        editTitle: t('emergencyUi.contacts.editTitle'),
        emptyValues: { isExternal: false, callOrder: 0 },
        toFormValues: (c) => ({ ...c }),
        fromFormValues: (v: FormValues) => ({
          name: v.name ?? '',
          organisation: v.organisation ?? '',
          duty: v.duty ?? '',
          phone: v.phone ?? '',
          isExternal: Boolean(v.isExternal),
          callOrder: v.callOrder ?? 0,
          personId: nullIfEmpty(v.personId),
        }),
        fields: <ContactFields />,
      }}
    />
  );
}
