import { Form, Input, Select, Space, Switch, Tag, Typography } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { type PersonDto, personInputSchema, personUpdateSchema } from '../../../schemas/org.js';
import { type FormValues, nullIfEmpty } from '../../app/ui/resource-form-drawer';
import { ResourceListPage } from '../../app/ui/resource-list-page';
import { CreateLoginsButton } from '../accounts/create-logins-button';
import { orgPaths, useOrgUnits, usePosts } from './use-org-lookups';
import { DateField } from '../../app/ui/date-field';

function PersonFields() {
  const { t } = useTranslation();
  const orgUnits = useOrgUnits();
  const posts = usePosts();
  return (
    <>
      <Form.Item name="name" label={t('person.name')} required>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="phone" label={t('person.phone')}>
        <Input inputMode="tel" maxLength={11} />
      </Form.Item>
      <Form.Item name="orgUnitId" label={t('person.orgUnit')}>
        <Select allowClear options={orgUnits.options} showSearch={{ optionFilterProp: 'label' }} />
      </Form.Item>
      <Form.Item name="postIds" label={t('person.posts')}>
        <Select mode="multiple" allowClear options={posts.options} showSearch={{ optionFilterProp: 'label' }} />
      </Form.Item>
      <Form.Item name="hireDate" label={t('person.hireDate')}>
        <DateField style={{ width: 180 }} />
      </Form.Item>
      <Form.Item name="isContractor" label={t('person.isContractor')} valuePropName="checked">
        <Switch />
      </Form.Item>
    </>
  );
}

export function PeoplePage() {
  const { t } = useTranslation();
  const orgUnits = useOrgUnits();
  const posts = usePosts();

  const columns: ColumnType<PersonDto>[] = [
    {
      key: 'name',
      dataIndex: 'name',
      title: t('person.name'),
      render: (name: string, p) => (
        <Space size={4}>
          <Typography.Text strong>{name}</Typography.Text>
          {p.isContractor && <Tag color="purple">{t('person.contractorTag')}</Tag>}
        </Space>
      ),
    },
    { key: 'phone', dataIndex: 'phone', title: t('person.phone') },
    { key: 'orgUnit', dataIndex: 'orgUnitId', title: t('person.orgUnit'), render: (id: string | null) => orgUnits.nameOf(id) },
    {
      key: 'posts',
      dataIndex: 'postIds',
      title: t('person.posts'),
      render: (ids: string[]) => (ids.length ? <Space size={[0, 4]} wrap>{ids.map((id) => <Tag key={id}>{posts.nameOf(id)}</Tag>)}</Space> : ''),
    },
    { key: 'hireDate', dataIndex: 'hireDate', title: t('person.hireDate') },
  ];

  return (
    <ResourceListPage<PersonDto>
      testId="people-page"
      path={orgPaths.people}
      selectionActions={(selected, clear) => <CreateLoginsButton selected={selected} onDone={clear} />}
      title={t('person.title')}
      searchPlaceholder={t('person.searchPlaceholder')}
      columns={columns}
      filters={[
        { name: 'postId', placeholder: t('person.filterPost'), options: posts.options, width: 180 },
        { name: 'orgUnitId', placeholder: t('person.filterOrgUnit'), options: orgUnits.options, width: 200 },
        {
          name: 'isContractor',
          placeholder: t('person.filterContractor'),
          options: [
            { value: 'false', label: t('person.ownStaff') },
            { value: 'true', label: t('person.contractorTag') },
          ],
          width: 130,
        },
      ]}
      form={{
        createSchema: personInputSchema,
        updateSchema: personUpdateSchema,
        createTitle: t('person.createTitle'),
        editTitle: t('person.editTitle'),
        emptyValues: { isContractor: false, postIds: [] },
        toFormValues: (p) => ({ ...p, hireDate: p.hireDate ?? '' }),
        fromFormValues: (v: FormValues) => ({
          name: v.name ?? '',
          phone: nullIfEmpty(typeof v.phone === 'string' ? v.phone.trim() : v.phone),
          orgUnitId: nullIfEmpty(v.orgUnitId),
          postIds: v.postIds ?? [],
          hireDate: nullIfEmpty(v.hireDate),
          isContractor: Boolean(v.isContractor),
        }),
        fields: <PersonFields />,
      }}
    />
  );
}
