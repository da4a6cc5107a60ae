import { Button, Card, Col, Row, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntryDto } from '../../../schemas/org.js';
import { PageHeader } from '../../app/ui/page-header';
import { usePagedList } from '../../app/ui/use-paged-list';
import { zhCN } from '../../app/i18n/zh-CN';
import { DateField } from '../../app/ui/date-field';

const entities = Object.keys(zhCN.auditEntity);
const actions = Object.keys(zhCN.auditAction);
const actionColours: Record<string, string> = { create: 'green', update: 'blue', archive: 'orange', restore: 'cyan', lock: 'red' };

/** A calendar day in the browser's zone → ISO instant bounds for the API's from/to. */
function dayStart(date: string): string | undefined {
  return date ? new Date(`${date}T00:00:00`).toISOString() : undefined;
}
function dayEnd(date: string): string | undefined {
  return date ? new Date(`${date}T23:59:59.999`).toISOString() : undefined;
}

function JsonBlock({ title, value }: { title: string; value: unknown }) {
  return (
    <Col xs={24} md={12}>
      <Typography.Text type="secondary">{title}</Typography.Text>
      <pre className="json-block">{value === null || value === undefined ? '—' : JSON.stringify(value, null, 2)}</pre>
    </Col>
  );
}

export function AuditLogPage() {
  const { t, i18n } = useTranslation();
  const [entity, setEntity] = useState<string>();
  const [action, setAction] = useState<string>();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const list = usePagedList<AuditEntryDto>('/api/v1/audit-log', { entity, action, from: dayStart(from), to: dayEnd(to) }, 30);
  const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'medium', timeZone: 'Asia/Shanghai' });
  const label = (group: 'auditEntity' | 'auditAction', key: string) => (i18n.exists(`${group}.${key}`) ? t(`${group}.${key}`) : key);

  return (
    <div data-testid="audit-log-page">
      <PageHeader title={t('audit.title')} />
      <div className="page-toolbar">
        <Select allowClear placeholder={t('audit.entity')} style={{ width: 150 }} value={entity} onChange={setEntity} options={entities.map((e) => ({ value: e, label: label('auditEntity', e) }))} />
        <Select allowClear placeholder={t('audit.action')} style={{ width: 130 }} value={action} onChange={setAction} options={actions.map((a) => ({ value: a, label: label('auditAction', a) }))} />
        <DateField aria-label={t('audit.from')} prefix={<Typography.Text type="secondary">{t('audit.from')}</Typography.Text>} value={from} onChange={(v) => setFrom(v ?? '')} style={{ width: 220 }} />
        <DateField aria-label={t('audit.to')} prefix={<Typography.Text type="secondary">{t('audit.to')}</Typography.Text>} value={to} onChange={(v) => setTo(v ?? '')} style={{ width: 220 }} />
      </div>
      <Card styles={{ body: { padding: 0 } }}>
        <Table<AuditEntryDto>
          rowKey="id"
          size="middle"
          loading={list.isLoading}
          dataSource={list.items}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('common.empty') }}
          expandable={{
            expandedRowRender: (entry) => (
              <Row gutter={[16, 8]}>
                <JsonBlock title={t('audit.before')} value={entry.before} />
                <JsonBlock title={t('audit.after')} value={entry.after} />
              </Row>
            ),
          }}
          columns={[
            { key: 'at', dataIndex: 'at', title: t('audit.at'), render: (at: string) => format.format(new Date(at)) },
            { key: 'actor', dataIndex: 'actorName', title: t('audit.actor'), render: (n: string | null) => n ?? t('audit.system') },
            { key: 'entity', dataIndex: 'entity', title: t('audit.entity'), render: (e: string) => label('auditEntity', e) },
            { key: 'action', dataIndex: 'action', title: t('audit.action'), render: (a: string) => <Tag color={actionColours[a]}>{label('auditAction', a)}</Tag> },
            {
              key: 'name',
              title: t('audit.entityId'),
              render: (_v, entry) => {
                const record = (entry.after ?? entry.before) as { name?: unknown } | null;
                return typeof record?.name === 'string' ? record.name : <Typography.Text code>{entry.entityId.slice(-8)}</Typography.Text>;
              },
            },
          ]}
        />
      </Card>
      <div style={{ textAlign: 'center', margin: '12px 0' }}>
        {list.hasNextPage ? (
          <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        ) : (
          list.items.length > 0 && <Typography.Text type="secondary">{t('common.noMore')}</Typography.Text>
        )}
      </div>
    </div>
  );
}
