import { Checkbox, Form, Input, InputNumber, Select, Space, Tag, Typography } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { type AreaDto, areaHazardKinds, areaInputSchema, areaUpdateSchema } from '../../../schemas/org.js';
import { type FormValues, nullIfEmpty } from '../../app/ui/resource-form-drawer';
import { ResourceListPage } from '../../app/ui/resource-list-page';
import { orgPaths, useOrgUnits } from './use-org-lookups';
import { SignGapsAlert } from '../safety-signs/sign-gaps-alert';

function AreaFields() {
  const { t } = useTranslation();
  const orgUnits = useOrgUnits();
  return (
    <>
      <Form.Item name="name" label={t('area.name')} required>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="orgUnitId" label={t('area.orgUnit')}>
        <Select allowClear options={orgUnits.options} showSearch={{ optionFilterProp: 'label' }} />
      </Form.Item>
      <Form.Item name="description" label={t('area.description')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} />
      </Form.Item>
      {/* Seed 001 第七条: a place with poisoning, explosion or fire hazards and the people working there at once. */}
      <Form.Item name="hazardKinds" label={t('area.hazardKinds')} extra={t('area.hazardKindsHint')}>
        <Checkbox.Group options={areaHazardKinds.map((k) => ({ value: k, label: t(`area.hazardKind.${k}`) }))} data-testid="area-hazard-kinds" />
      </Form.Item>
      <Form.Item name="maxPeopleAtOnce" label={t('area.maxPeopleAtOnce')} extra={t('area.maxPeopleAtOnceHint')}>
        <InputNumber min={0} max={100000} precision={0} data-testid="area-people-at-once" />
      </Form.Item>
    </>
  );
}

export function AreasPage() {
  const { t } = useTranslation();
  const orgUnits = useOrgUnits();
  const columns: ColumnType<AreaDto>[] = [
    { key: 'name', dataIndex: 'name', title: t('area.name'), render: (name: string) => <Typography.Text strong>{name}</Typography.Text> },
    { key: 'orgUnit', dataIndex: 'orgUnitId', title: t('area.orgUnit'), render: (id: string | null) => orgUnits.nameOf(id) },
    {
      key: 'hazards',
      title: t('area.hazardKinds'),
      render: (_v: unknown, a: AreaDto) =>
        a.hazardKinds.length ? (
          <Space size={2} wrap>
            {a.hazardKinds.map((k) => (
              <Tag key={k} color="volcano">
                {t(`area.hazardKind.${k}`)}
              </Tag>
            ))}
            <Typography.Text type="secondary">{t('area.peopleAtOnce', { count: a.maxPeopleAtOnce })}</Typography.Text>
          </Space>
        ) : null,
    },
    { key: 'description', dataIndex: 'description', title: t('area.description') },
  ];
  return (
    <>
    <SignGapsAlert withLink />
    <ResourceListPage<AreaDto>
      testId="areas-page"
      path={orgPaths.areas}
      title={t('area.title')}
      columns={columns}
      filters={[{ name: 'orgUnitId', placeholder: t('area.orgUnit'), options: orgUnits.options, width: 200 }]}
      form={{
        createSchema: areaInputSchema,
        updateSchema: areaUpdateSchema,
        createTitle: t('area.createTitle'),
        editTitle: t('area.editTitle'),
        emptyValues: { hazardKinds: [], maxPeopleAtOnce: 0 },
        toFormValues: (a) => ({ ...a }),
        fromFormValues: (v: FormValues) => ({
          name: v.name ?? '',
          orgUnitId: nullIfEmpty(v.orgUnitId),
          description: v.description ?? undefined,
          hazardKinds: (v.hazardKinds as string[] | undefined) ?? [],
          maxPeopleAtOnce: v.maxPeopleAtOnce ?? 0,
        }),
        fields: <AreaFields />,
      }}
    />
    </>
  );
}
