import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Checkbox, Input, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/api-client';
import { useCanManage } from '../auth/use-me';
import { PageHeader } from './page-header';
import { ResourceFormDrawer, type ResourceFormSpec } from './resource-form-drawer';
import { ResponsiveTable } from './responsive-table';
import { type ListParams, usePagedList } from './use-paged-list';

export interface ListFilter {
  name: string;
  placeholder: string;
  options: { value: string; label: ReactNode }[];
  width?: number;
}

export interface ResourceRow {
  id: string;
  name: string;
  archivedAt: string | null;
}

interface Props<Dto extends ResourceRow> {
  /** Collection URL, e.g. /api/v1/posts. */
  path: string;
  title: string;
  hint?: ReactNode;
  searchPlaceholder?: string;
  columns: ColumnType<Dto>[];
  filters?: ListFilter[];
  form: ResourceFormSpec<Dto>;
  testId?: string;
  /** Bulk actions over ticked rows (e.g. create logins for the ticked people); the table gets checkboxes. */
  selectionActions?: (selected: Dto[], clear: () => void) => ReactNode;
}

/** List with search, filters and "load more", plus the create/edit drawer and archive/restore; shared by the org resources. */
export function ResourceListPage<Dto extends ResourceRow>({ path, title, hint, searchPlaceholder, columns, filters = [], form, testId, selectionActions }: Props<Dto>) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const canManage = useCanManage();
  const [q, setQ] = useState('');
  const [filterValues, setFilterValues] = useState<Record<string, string | undefined>>({});
  const [includeArchived, setIncludeArchived] = useState(false);
  const [drawer, setDrawer] = useState<{ isOpen: boolean; editing: Dto | null }>({ isOpen: false, editing: null });
  const [selectedIds, setSelectedIds] = useState<string[]>([]);

  const params: ListParams = { q: q || undefined, includeArchived: includeArchived || undefined, ...filterValues };
  const list = usePagedList<Dto>(path, params);

  const setArchived = useMutation({
    mutationFn: ({ id, isArchived }: { id: string; isArchived: boolean }) => api<Dto>(`${path}/${id}/${isArchived ? 'archive' : 'restore'}`, { method: 'POST' }),
    onSuccess: async (_dto, { isArchived }) => {
      await client.invalidateQueries({ queryKey: [path] });
      void message.success(isArchived ? t('common.archivedDone') : t('common.restoredDone'));
    },
    onError: (error) => void message.error(error.message),
  });

  const nameColumn: ColumnType<Dto> = {
    ...columns[0],
    render: (value, record, index) => (
      <Space size={4} wrap>
        {columns[0]?.render ? (columns[0].render(value, record, index) as ReactNode) : <Typography.Text strong>{record.name}</Typography.Text>}
        {record.archivedAt && <Tag>{t('common.archived')}</Tag>}
      </Space>
    ),
  };
  const actionColumn: ColumnType<Dto> = {
    key: 'actions',
    title: t('common.actions'),
    fixed: 'right',
    width: 130,
    render: (_v, record) =>
      record.archivedAt ? (
        <Button size="small" type="link" onClick={() => setArchived.mutate({ id: record.id, isArchived: false })}>
          {t('common.restore')}
        </Button>
      ) : (
        <Space size={0}>
          <Button size="small" type="link" onClick={() => setDrawer({ isOpen: true, editing: record })}>
            {t('common.edit')}
          </Button>
          <Popconfirm title={t('common.confirmArchive', { name: record.name })} onConfirm={() => setArchived.mutate({ id: record.id, isArchived: true })} okText={t('common.archive')} cancelText={t('common.cancel')}>
            <Button size="small" type="link" danger>
              {t('common.archive')}
            </Button>
          </Popconfirm>
        </Space>
      ),
  };
  const allColumns = [nameColumn, ...columns.slice(1), ...(canManage ? [actionColumn] : [])];

  return (
    <div data-testid={testId}>
      <PageHeader
        title={title}
        hint={hint}
        extra={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawer({ isOpen: true, editing: null })} data-testid="create-button">
              {t('common.create')}
            </Button>
          )
        }
      />
      <div className="page-toolbar">
        <Input.Search className="grow" allowClear placeholder={searchPlaceholder ?? t('common.searchPlaceholder')} onSearch={(value) => setQ(value.trim())} style={{ maxWidth: 320 }} />
        {filters.map((f) => (
          <Select
            key={f.name}
            allowClear
            placeholder={f.placeholder}
            options={f.options}
            style={{ width: f.width ?? 150 }}
            value={filterValues[f.name]}
            onChange={(value: string | undefined) => setFilterValues((prev) => ({ ...prev, [f.name]: value }))}
            showSearch={{ optionFilterProp: 'label' }}
          />
        ))}
        <Checkbox checked={includeArchived} onChange={(e) => setIncludeArchived(e.target.checked)}>
          {t('common.showArchived')}
        </Checkbox>
        {selectionActions?.(
          list.items.filter((item) => selectedIds.includes(item.id)),
          () => setSelectedIds([]),
        )}
      </div>
      <ResponsiveTable<Dto>
        dataSource={list.items}
        columns={allColumns}
        loading={list.isLoading}
        locale={{ emptyText: t('common.empty') }}
        {...(selectionActions && {
          rowSelection: {
            selectedRowKeys: selectedIds,
            onChange: (keys) => setSelectedIds(keys.map(String)),
            getCheckboxProps: (record: Dto) => ({ disabled: record.archivedAt !== null }),
          },
        })}
      />
      <div style={{ textAlign: 'center', margin: '12px 0' }}>
        {list.hasNextPage ? (
          <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        ) : (
          list.items.length > 0 && <Typography.Text type="secondary">{t('common.loadedCount', { count: list.items.length })}</Typography.Text>
        )}
      </div>
      <ResourceFormDrawer<Dto> path={path} spec={form} isOpen={drawer.isOpen} editing={drawer.editing} onClose={() => setDrawer({ isOpen: false, editing: null })} />
    </div>
  );
}
