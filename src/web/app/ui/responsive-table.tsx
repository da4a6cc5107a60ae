import { Card, Grid, List, Table, Typography } from 'antd';
import type { ColumnType, TableProps } from 'antd/es/table';
import type { ReactNode } from 'react';

type Row = { id: string };

function cellOf<T extends Row>(column: ColumnType<T>, record: T, index: number): ReactNode {
  const dataIndex = column.dataIndex as keyof T | undefined;
  const value = dataIndex !== undefined ? record[dataIndex] : undefined;
  if (column.render) return column.render(value, record, index) as ReactNode;
  return value === null || value === undefined ? '' : String(value);
}

/** A table on wide screens; on phones a list of cards built from the same columns (no sideways scrolling). */
export function ResponsiveTable<T extends Row>(props: TableProps<T> & { dataSource: T[]; columns: ColumnType<T>[] }) {
  const screens = Grid.useBreakpoint();
  if (screens.md) return <Table<T> rowKey="id" size="middle" pagination={false} scroll={{ x: 'max-content' }} {...props} />;

  const [first, ...rest] = props.columns;
  const actions = rest.filter((c) => c.key === 'actions');
  const fields = rest.filter((c) => c.key !== 'actions');
  return (
    <List<T>
      dataSource={props.dataSource}
      loading={Boolean(props.loading)}
      locale={{ emptyText: props.locale?.emptyText as ReactNode }}
      rowKey="id"
      renderItem={(record, index) => (
        <List.Item style={{ padding: '4px 0', border: 'none' }}>
          <Card size="small" style={{ width: '100%' }} title={first ? cellOf(first, record, index) : null} extra={actions.map((c) => <span key="a">{cellOf(c, record, index)}</span>)}>
            {fields.map((c, i) => {
              const raw = c.dataIndex !== undefined ? record[c.dataIndex as keyof T] : undefined;
              if (c.dataIndex !== undefined && (raw === null || raw === undefined || raw === '' || (Array.isArray(raw) && raw.length === 0))) return null;
              const cell = cellOf(c, record, index);
              if (cell === '' || cell === null || cell === undefined) return null;
              return (
                <div key={String(c.key ?? i)} style={{ display: 'flex', gap: 8, fontSize: 13, lineHeight: '22px' }}>
                  <Typography.Text type="secondary" style={{ flex: '0 0 auto' }}>
                    {c.title as ReactNode}:
                  </Typography.Text>
                  <div style={{ minWidth: 0, overflow: 'hidden', overflowWrap: 'anywhere' }}>{cell}</div>
                </div>
              );
            })}
          </Card>
        </List.Item>
      )}
    />
  );
}
