import { ApartmentOutlined, DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Form, Input, Popconfirm, Radio, Select, Skeleton, Space, Tag, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type OrgUnitDto, orgUnitInputSchema, orgUnitKinds, orgUnitUpdateSchema } from '../../../schemas/org.js';
import { api } from '../../app/api/api-client';
import { useCanManage } from '../../app/auth/use-me';
import { PageHeader } from '../../app/ui/page-header';
import { type FormValues, nullIfEmpty, ResourceFormDrawer } from '../../app/ui/resource-form-drawer';
import { useAllItems } from '../../app/ui/use-paged-list';
import { orgPaths, useOrgUnits } from './use-org-lookups';

const kindColours = { department: 'blue', workshop: 'green', team: 'gold' } as const;

function OrgUnitFields({ editingId }: { editingId: string | null }) {
  const { t } = useTranslation();
  const orgUnits = useOrgUnits();
  return (
    <>
      <Form.Item name="name" label={t('orgUnit.name')} required>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="kind" label={t('orgUnit.kind')} required>
        <Radio.Group optionType="button" buttonStyle="solid" options={orgUnitKinds.map((k) => ({ value: k, label: t(`orgUnitKind.${k}`) }))} />
      </Form.Item>
      <Form.Item name="parentId" label={t('orgUnit.parent')}>
        <Select allowClear placeholder={t('orgUnit.parentNone')} options={orgUnits.options.filter((o) => o.value !== editingId)} showSearch={{ optionFilterProp: 'label' }} />
      </Form.Item>
    </>
  );
}

function buildTree(units: OrgUnitDto[], renderTitle: (u: OrgUnitDto) => React.ReactNode): DataNode[] {
  const children = new Map<string | null, OrgUnitDto[]>();
  const ids = new Set(units.map((u) => u.id));
  for (const u of units) {
    // A unit whose parent is archived shows at the top rather than disappearing.
    const parent = u.parentId && ids.has(u.parentId) ? u.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), u]);
  }
  const walk = (parent: string | null): DataNode[] =>
    (children.get(parent) ?? []).map((u) => ({ key: u.id, title: renderTitle(u), children: walk(u.id) }));
  return walk(null);
}

export function OrgUnitsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const canManage = useCanManage();
  const units = useAllItems<OrgUnitDto>(orgPaths.orgUnits);
  const [drawer, setDrawer] = useState<{ isOpen: boolean; editing: OrgUnitDto | null; preset?: FormValues }>({ isOpen: false, editing: null });

  const archive = useMutation({
    mutationFn: (id: string) => api<OrgUnitDto>(`${orgPaths.orgUnits}/${id}/archive`, { method: 'POST' }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: [orgPaths.orgUnits] });
      void message.success(t('common.archivedDone'));
    },
    onError: (error) => void message.error(error.message),
  });

  const treeData = useMemo(
    () =>
      buildTree(units.data ?? [], (u) => (
        <Space size={6} wrap data-testid="org-unit-node">
          <Tag color={kindColours[u.kind]} style={{ marginInlineEnd: 0 }}>
            {t(`orgUnitKind.${u.kind}`)}
          </Tag>
          <Typography.Text>{u.name}</Typography.Text>
          {canManage && (
            <Space size={0} onClick={(e) => e.stopPropagation()}>
              <Button size="small" type="text" icon={<EditOutlined />} aria-label={t('common.edit')} onClick={() => setDrawer({ isOpen: true, editing: u })} />
              <Button
                size="small"
                type="text"
                icon={<PlusOutlined />}
                aria-label={t('orgUnit.addChild')}
                title={t('orgUnit.addChild')}
                onClick={() => setDrawer({ isOpen: true, editing: null, preset: { parentId: u.id, kind: u.kind === 'department' ? 'workshop' : 'team' } })}
              />
              <Popconfirm title={t('common.confirmArchive', { name: u.name })} onConfirm={() => archive.mutate(u.id)} okText={t('common.archive')} cancelText={t('common.cancel')}>
                <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('common.archive')} />
              </Popconfirm>
            </Space>
          )}
        </Space>
      )),
    [units.data, canManage, t, archive],
  );

  return (
    <div data-testid="org-units-page">
      <PageHeader
        title={t('orgUnit.title')}
        hint={t('orgUnit.hint')}
        extra={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawer({ isOpen: true, editing: null })} data-testid="create-button">
              {t('common.create')}
            </Button>
          )
        }
      />
      <Card>
        {units.isLoading ? (
          <Skeleton active />
        ) : treeData.length === 0 ? (
          <Empty image={<ApartmentOutlined style={{ fontSize: 48, color: '#bfbfbf' }} />} description={t('orgUnit.emptyTree')} />
        ) : (
          <Tree treeData={treeData} defaultExpandAll selectable={false} blockNode showLine />
        )}
      </Card>
      <ResourceFormDrawer<OrgUnitDto>
        path={orgPaths.orgUnits}
        isOpen={drawer.isOpen}
        editing={drawer.editing}
        preset={drawer.preset}
        onClose={() => setDrawer({ isOpen: false, editing: null })}
        spec={{
          createSchema: orgUnitInputSchema,
          updateSchema: orgUnitUpdateSchema,
          createTitle: t('orgUnit.createTitle'),
          editTitle: t('orgUnit.editTitle'),
          emptyValues: { kind: 'department' },
          toFormValues: (u) => ({ ...u }),
          fromFormValues: (v) => ({ name: v.name ?? '', kind: v.kind, parentId: nullIfEmpty(v.parentId) }),
          fields: <OrgUnitFields editingId={drawer.editing?.id ?? null} />,
        }}
      />
    </div>
  );
}
