import { Form, Input, Select, Space, Switch, Tag, Typography } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { type EquipmentDto, equipmentInputSchema, equipmentUpdateSchema } from '../../../schemas/org.js';
import { type FormValues, nullIfEmpty } from '../../app/ui/resource-form-drawer';
import { ResourceListPage } from '../../app/ui/resource-list-page';
import { orgPaths, useAreas } from './use-org-lookups';

function EquipmentFields() {
  const { t } = useTranslation();
  const areas = useAreas();
  return (
    <>
      <Form.Item name="name" label={t('equipment.name')} required>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="model" label={t('equipment.model')}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="code" label={t('equipment.code')}>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="areaId" label={t('equipment.area')}>
        <Select allowClear options={areas.options} showSearch={{ optionFilterProp: 'label' }} />
      </Form.Item>
      <Form.Item name="isSpecial" label={t('equipment.isSpecial')} valuePropName="checked">
        <Switch />
      </Form.Item>
      <Form.Item name="isMajorHazardInstallation" label={t('equipment.isMajorHazardInstallation')} extra={t('equipment.majorHazardHint')} valuePropName="checked">
        <Switch />
      </Form.Item>
    </>
  );
}

export function EquipmentPage() {
  const { t } = useTranslation();
  const areas = useAreas();
  const columns: ColumnType<EquipmentDto>[] = [
    {
      key: 'name',
      dataIndex: 'name',
      title: t('equipment.name'),
      render: (name: string, e) => (
        <Space size={4}>
          <Typography.Text strong>{name}</Typography.Text>
          {e.isSpecial && <Tag color="volcano">{t('equipment.specialTag')}</Tag>}
        </Space>
      ),
    },
    { key: 'model', dataIndex: 'model', title: t('equipment.model') },
    { key: 'code', dataIndex: 'code', title: t('equipment.code') },
    { key: 'area', dataIndex: 'areaId', title: t('equipment.area'), render: (id: string | null) => areas.nameOf(id) },
  ];
  return (
    <ResourceListPage<EquipmentDto>
      testId="equipment-page"
      path={orgPaths.equipment}
      title={t('equipment.title')}
      searchPlaceholder={t('equipment.searchPlaceholder')}
      columns={columns}
      filters={[
        { name: 'areaId', placeholder: t('equipment.area'), options: areas.options, width: 180 },
        {
          name: 'isSpecial',
          placeholder: t('equipment.filterSpecial'),
          options: [
            { value: 'true', label: t('common.yes') },
            { value: 'false', label: t('common.no') },
          ],
          width: 150,
        },
      ]}
      form={{
        createSchema: equipmentInputSchema,
        updateSchema: equipmentUpdateSchema,
        createTitle: t('equipment.createTitle'),
        editTitle: t('equipment.editTitle'),
        emptyValues: { isSpecial: false, isMajorHazardInstallation: false },
        toFormValues: (e) => ({ ...e }),
        fromFormValues: (v: FormValues) => ({
          name: v.name ?? '',
          model: v.model ?? undefined,
          code: v.code ?? undefined,
          areaId: nullIfEmpty(v.areaId),
          isSpecial: Boolean(v.isSpecial),
          isMajorHazardInstallation: Boolean(v.isMajorHazardInstallation),
        }),
        fields: <EquipmentFields />,
      }}
    />
  );
}
