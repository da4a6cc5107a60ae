import { Form, Input, Select, Tag, Typography } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { dangerousClasses, type MaterialDto, materialInputSchema, materialUpdateSchema } from '../../../schemas/org.js';
import { type FormValues, nullIfEmpty } from '../../app/ui/resource-form-drawer';
import { ResourceListPage } from '../../app/ui/resource-list-page';
import { orgPaths, useAreas } from './use-org-lookups';

function useClassOptions() {
  const { t } = useTranslation();
  return dangerousClasses.map((c) => ({ value: c, label: t(`dangerousClass.${c}`) }));
}

function MaterialFields() {
  const { t } = useTranslation();
  const areas = useAreas();
  const classOptions = useClassOptions();
  return (
    <>
      <Form.Item name="name" label={t('material.name')} required>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="dangerousClass" label={t('material.dangerousClass')}>
        <Select allowClear placeholder={t('material.notDangerous')} options={classOptions} />
      </Form.Item>
      <Form.Item name="casNo" label={t('material.casNo')}>
        <Input maxLength={12} placeholder="7664-93-9" />
      </Form.Item>
      <Form.Item name="maxStock" label={t('material.maxStock')}>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="areaId" label={t('material.area')}>
        <Select allowClear options={areas.options} showSearch={{ optionFilterProp: 'label' }} />
      </Form.Item>
    </>
  );
}

export function MaterialsPage() {
  const { t } = useTranslation();
  const areas = useAreas();
  const classOptions = useClassOptions();
  const columns: ColumnType<MaterialDto>[] = [
    { key: 'name', dataIndex: 'name', title: t('material.name'), render: (name: string) => <Typography.Text strong>{name}</Typography.Text> },
    {
      key: 'dangerousClass',
      dataIndex: 'dangerousClass',
      title: t('material.dangerousClass'),
      render: (c: MaterialDto['dangerousClass']) => (c ? <Tag color="red">{t(`dangerousClass.${c}`)}</Tag> : <Typography.Text type="secondary">{t('material.notDangerous')}</Typography.Text>),
    },
    { key: 'casNo', dataIndex: 'casNo', title: t('material.casNo') },
    { key: 'maxStock', dataIndex: 'maxStock', title: t('material.maxStock') },
    { key: 'area', dataIndex: 'areaId', title: t('material.area'), render: (id: string | null) => areas.nameOf(id) },
  ];
  return (
    <ResourceListPage<MaterialDto>
      testId="materials-page"
      path={orgPaths.materials}
      title={t('material.title')}
      searchPlaceholder={t('material.searchPlaceholder')}
      columns={columns}
      filters={[
        { name: 'dangerousClass', placeholder: t('material.filterClass'), options: classOptions, width: 200 },
        { name: 'areaId', placeholder: t('material.area'), options: areas.options, width: 180 },
      ]}
      form={{
        createSchema: materialInputSchema,
        updateSchema: materialUpdateSchema,
        createTitle: t('material.createTitle'),
        editTitle: t('material.editTitle'),
        emptyValues: {},
        toFormValues: (m) => ({ ...m }),
        fromFormValues: (v: FormValues) => ({
          name: v.name ?? '',
          dangerousClass: nullIfEmpty(v.dangerousClass),
          casNo: typeof v.casNo === 'string' ? v.casNo : undefined,
          maxStock: v.maxStock ?? undefined,
          areaId: nullIfEmpty(v.areaId),
        }),
        fields: <MaterialFields />,
      }}
    />
  );
}
