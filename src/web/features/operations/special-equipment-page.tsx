import { Button, Form, Input, InputNumber, Select, Typography } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { inspectionResults } from '../../../domain/operations/occupational-health.js';
import { specialEquipmentCategories } from '../../../reference/special-equipment-categories.js';
import { type SpecialEquipmentDto, specialEquipmentCreateSchema, specialEquipmentUpdateSchema } from '../../../schemas/occupational-health.js';
import { useCanManage } from '../../app/auth/use-me';
import { type FormValues, nullIfEmpty } from '../../app/ui/resource-form-drawer';
import { ResourceListPage } from '../../app/ui/resource-list-page';
import { useAllItems } from '../../app/ui/use-paged-list';
import { orgPaths } from '../org/use-org-lookups';
import { usePeople } from '../risks/use-people';
import { DateStateTag } from './contractors-page';
import { RecordModal } from './record-modal';
import { DateField } from '../../app/ui/date-field';

const path = '/api/v1/special-equipment';

function Fields() {
  const { t, i18n } = useTranslation();
  const people = usePeople();
  const equipment = useAllItems<{ id: string; name: string }>(orgPaths.equipment);
  const locale = i18n.language === 'en-US' ? 'en-US' : 'zh-CN';
  return (
    <>
      <Form.Item name="name" label={t('operationsUi.special.name')} required>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="category" label={t('operationsUi.special.category')} required extra={t('operationsUi.special.categoryHint')}>
        <Select options={specialEquipmentCategories.map((c) => ({ value: c.code, label: `${c.label[locale]} · ${c.cycleMonths}${t('operationsUi.special.months')}` }))} />
      </Form.Item>
      <Form.Item name="equipmentId" label={t('operationsUi.special.equipment')}>
        <Select allowClear options={(equipment.data ?? []).map((e) => ({ value: e.id, label: e.name }))} showSearch={{ optionFilterProp: 'label' }} />
      </Form.Item>
      <Form.Item name="registrationNo" label={t('operationsUi.special.registrationNo')}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="cycleMonths" label={t('operationsUi.special.cycleMonths')} extra={t('operationsUi.special.cycleHint')}>
        <InputNumber min={1} max={120} precision={0} />
      </Form.Item>
      <Form.Item name="firstDueOn" label={t('operationsUi.special.firstDueOn')}>
        <DateField style={{ width: 180 }} />
      </Form.Item>
      <Form.Item name="responsiblePersonId" label={t('operationsUi.special.responsible')}>
        <Select allowClear options={people.options} showSearch={{ optionFilterProp: 'label' }} />
      </Form.Item>
    </>
  );
}

/** 特种设备台账: category per 特种设备目录, 使用登记证, periodic inspections and the next due date (in 待办事项). */
export function SpecialEquipmentPage() {
  const { t } = useTranslation();
  const canManage = useCanManage();
  const [inspecting, setInspecting] = useState<SpecialEquipmentDto | null>(null);
  const columns: ColumnType<SpecialEquipmentDto>[] = [
    { key: 'name', title: t('operationsUi.special.name'), render: (_v, e) => <Typography.Text strong>{e.name}</Typography.Text> },
    { key: 'category', title: t('operationsUi.special.category'), dataIndex: 'categoryLabel' },
    { key: 'reg', title: t('operationsUi.special.registrationNo'), dataIndex: 'registrationNo' },
    { key: 'last', title: t('operationsUi.special.lastInspection'), render: (_v, e) => (e.lastInspection ? `${e.lastInspection.inspectedOn} ${t(`operationsUi.special.results.${e.lastInspection.result}`)} ${e.lastInspection.reportNo}` : '—') },
    { key: 'next', title: t('operationsUi.special.nextDueOn'), render: (_v, e) => <DateStateTag state={e.dueState} date={e.nextDueOn} /> },
    ...(canManage ? [{ key: 'inspect', title: t('operationsUi.special.inspections'), render: (_v: unknown, e: SpecialEquipmentDto) => <Button size="small" onClick={() => setInspecting(e)}>{t('operationsUi.special.addInspection')}</Button> }] : []),
  ];
  return (
    <>
      <ResourceListPage<SpecialEquipmentDto>
        testId="special-equipment"
        path={path}
        title={t('operationsUi.special.title')}
        hint={t('operationsUi.special.hint')}
        columns={columns}
        form={{
          createSchema: specialEquipmentCreateSchema,
          updateSchema: specialEquipmentUpdateSchema,
          createTitle: t('operationsUi.special.createTitle'),
          editTitle: t('operationsUi.special.editTitle'),
          emptyValues: {},
          toFormValues: (e) => ({ ...e }),
          fromFormValues: (v: FormValues) => ({
            name: v.name ?? '',
            category: v.category,
            equipmentId: nullIfEmpty(v.equipmentId),
            registrationNo: v.registrationNo ?? '',
            ...(typeof v.cycleMonths === 'number' && { cycleMonths: v.cycleMonths }),
            firstDueOn: nullIfEmpty(v.firstDueOn),
            responsiblePersonId: nullIfEmpty(v.responsiblePersonId),
          }),
          fields: <Fields />,
        }}
      />
      {inspecting && (
        <RecordModal
          title={`${inspecting.name} · ${t('operationsUi.special.addInspection')}`}
          path={`${path}/${inspecting.id}/inspections`}
          refresh={[path]}
          initialValues={{ result: 'pass' }}
          toBody={(v) => ({ inspectedOn: v.inspectedOn, agency: v.agency ?? '', reportNo: v.reportNo ?? '', result: v.result, nextDueOn: nullIfEmpty(v.nextDueOn), notes: v.notes ?? '' })}
          onClose={() => setInspecting(null)}
          fields={
            <>
              <Form.Item name="inspectedOn" label={t('operationsUi.special.inspectedOn')} rules={[{ required: true }]}>
                <DateField style={{ width: 180 }} />
              </Form.Item>
              <Form.Item name="result" label={t('operationsUi.special.result')} rules={[{ required: true }]}>
                <Select options={inspectionResults.map((r) => ({ value: r, label: t(`operationsUi.special.results.${r}`) }))} />
              </Form.Item>
              <Form.Item name="agency" label={t('operationsUi.special.agency')}>
                <Input maxLength={200} />
              </Form.Item>
              <Form.Item name="reportNo" label={t('operationsUi.special.reportNo')}>
                <Input maxLength={100} />
              </Form.Item>
              <Form.Item name="nextDueOn" label={t('operationsUi.special.reportedNext')} extra={t('operationsUi.special.reportedNextHint')}>
                <DateField style={{ width: 180 }} />
              </Form.Item>
              <Form.Item name="notes" label={t('operationsUi.notes')}>
                <Input.TextArea rows={2} maxLength={2000} />
              </Form.Item>
            </>
          }
        />
      )}
    </>
  );
}
