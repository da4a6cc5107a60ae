import { useQuery } from '@tanstack/react-query';
import { Alert, Checkbox, Select, Tag } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Me } from '../../../schemas/auth.js';
import { type DueItemDto, type DueItemListDto, dueStatuses } from '../../../schemas/due-items.js';
import { api } from '../../app/api/api-client';
import { useCurrentUser } from '../../app/auth/use-me';
import { PageHeader } from '../../app/ui/page-header';
import { ResponsiveTable } from '../../app/ui/responsive-table';
import { usePeople } from '../risks/use-people';
import { formatDateTime, useEnterpriseTimeZone } from '../hazards/hazard-api';

export const dueItemsPath = '/api/v1/due-items';

/**
 * "Mine" (the items of the person this login is) is offered only to who can use it: a login that is a
 * person of the enterprise (not the regulator, nor a consultant without one), and not a worker, whose
 * list is always its own.
 */
export const canFilterOwnDueItems = (me: Me) => me.personId !== null && me.role !== 'worker';
type DueRow = DueItemDto & { id: string };
const statusColours = { due: 'processing', overdue: 'error', done: 'success' } as const;
/** Features that expose due items today; a kind of another feature still lists (by its code). */
export const dueItemFeatures = ['hazard', 'inspection', 'risk', 'emergency', 'training', 'standardization', 'management', 'contractors', 'ohs', 'communication'] as const;

/** 待办事项: one list of what is due in the enterprise, whatever feature it comes from (DESIGN "Due items"). */
export function DueItemsPage() {
  const { t, i18n } = useTranslation();
  const tz = useEnterpriseTimeZone();
  const people = usePeople();
  const [status, setStatus] = useState<string | undefined>();
  const [kind, setKind] = useState<string | undefined>();
  const canFilterMine = canFilterOwnDueItems(useCurrentUser());
  const [isMine, setIsMine] = useState(false);
  const query = { status, kind, mine: isMine ? 'true' : undefined };
  const list = useQuery({ queryKey: [dueItemsPath, query], queryFn: () => api<DueItemListDto>(dueItemsPath, { query }) });

  const rows: DueRow[] = (list.data?.items ?? []).map((i) => ({ ...i, id: `${i.kind}|${i.sourceRef}|${i.dueAt}` }));

  const columns: ColumnType<DueRow>[] = [
    {
      key: 'status',
      title: t('dueItemUi.status'),
      width: 90,
      render: (_v, item) => (
        <Tag color={statusColours[item.status]} data-status={item.status}>
          {t(`dueItemUi.statuses.${item.status}`)}
        </Tag>
      ),
    },
    { key: 'dueAt', title: t('dueItemUi.dueAt'), render: (_v, item) => formatDateTime(item.dueAt, tz, i18n.language) },
    { key: 'kind', title: t('dueItemUi.kind'), render: (_v, item) => t(`dueItemUi.kinds.${item.kind.replace('.', '_')}`, { defaultValue: item.kind }) },
    { key: 'title', title: t('dueItemUi.title'), render: (_v, item) => <Link to={item.link}>{item.title}</Link> },
    { key: 'owner', title: t('dueItemUi.owner'), render: (_v, item) => people.nameOf(item.ownerPersonId) },
  ];

  return (
    <div data-testid="due-items">
      <PageHeader title={t('dueItemUi.pageTitle')} hint={t('dueItemUi.hint')} />
      <div className="page-toolbar">
        <Select allowClear placeholder={t('dueItemUi.status')} style={{ width: 120 }} value={status} onChange={setStatus} options={dueStatuses.map((s) => ({ value: s, label: t(`dueItemUi.statuses.${s}`) }))} />
        <Select allowClear placeholder={t('dueItemUi.kind')} style={{ width: 160 }} value={kind} onChange={setKind} options={dueItemFeatures.map((f) => ({ value: f, label: t(`dueItemUi.features.${f}`) }))} />
        {canFilterMine && (
          <Checkbox checked={isMine} onChange={(e) => setIsMine(e.target.checked)}>
            {t('dueItemUi.mine')}
          </Checkbox>
        )}
      </div>
      {list.data?.isTruncated && <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('dueItemUi.truncated')} />}
      <ResponsiveTable<DueRow> dataSource={rows} columns={columns} loading={list.isLoading} locale={{ emptyText: t('common.empty') }} />
    </div>
  );
}
