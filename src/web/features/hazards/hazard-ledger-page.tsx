import { DownloadOutlined } from '@ant-design/icons';
import { Button, Checkbox, DatePicker, Input, Select, Space, Typography } from 'antd';
import type { ColumnType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { hazardReporterRoles, type HazardDto } from '../../../schemas/hazards.js';
import { withQuery } from '../../app/api/api-client';
import { hasRole, useCurrentUser } from '../../app/auth/use-me';
import { PageHeader } from '../../app/ui/page-header';
import { ResponsiveTable } from '../../app/ui/responsive-table';
import { type ListParams, usePagedList } from '../../app/ui/use-paged-list';
import { useAreas, usePosts } from '../org/use-org-lookups';
import { endOfLocalDay, startOfLocalDay } from '../../../domain/calendar/enterprise-day.js';
import { formatDate, formatDateTime, hazardStatuses, hazardsPath, useEnterpriseTimeZone } from './hazard-api';
import { HazardGradeTag, HazardStatusTag } from './hazard-tags';

interface Filters {
  status?: string;
  grade?: string;
  postId?: string;
  areaId?: string;
  isOverdue: boolean;
  isMine: boolean;
  range: [Dayjs | null, Dayjs | null] | null;
  q: string;
}

/** The list's query — also the ledger export's, so the .xlsx holds exactly what the screen shows. */
/** The range is read as the enterprise's days (issue 8 §9), not the browser's. */
function toParams(f: Filters, timeZone: string): ListParams {
  return {
    status: f.status,
    grade: f.grade,
    postId: f.postId,
    areaId: f.areaId,
    overdue: f.isOverdue || undefined,
    reportedByMe: f.isMine || undefined,
    from: f.range?.[0] ? startOfLocalDay(f.range[0].format('YYYY-MM-DD'), timeZone) : undefined,
    to: f.range?.[1] ? endOfLocalDay(f.range[1].format('YYYY-MM-DD'), timeZone) : undefined,
    q: f.q || undefined,
  };
}

/** Whether any filter narrows the list, so an empty list says "widen the filters" rather than "nothing yet". */
function isFiltered(f: Filters): boolean {
  return Boolean(f.status || f.grade || f.postId || f.areaId || f.isOverdue || f.isMine || f.range || f.q);
}

/** 隐患台账: every hazard with filters, overdue ones in red, and the .xlsx ledger with the same filters. */
export function HazardLedgerPage() {
  const { t, i18n } = useTranslation();
  const tz = useEnterpriseTimeZone();
  // Only a role that reports hazards is offered "reported by me" (not the regulator).
  const canFilterMine = hasRole(useCurrentUser(), hazardReporterRoles);
  const posts = usePosts();
  const areas = useAreas();
  const [filters, setFilters] = useState<Filters>({ isOverdue: false, isMine: false, range: null, q: '' });
  const params = toParams(filters, tz);
  const list = usePagedList<HazardDto>(hazardsPath, params);
  const set = (patch: Partial<Filters>) => setFilters((prev) => ({ ...prev, ...patch }));
  const exportUrl = withQuery(`${hazardsPath}/ledger.xlsx`, params);

  const columns: ColumnType<HazardDto>[] = [
    {
      key: 'description',
      title: t('hazardUi.field.description'),
      render: (_v, h) => (
        <Link to={`/hazards/${h.id}`} data-testid="hazard-link" style={{ overflowWrap: 'anywhere' }}>
          <Typography.Text strong type={h.isOverdue ? 'danger' : undefined} style={{ color: h.isOverdue ? undefined : 'inherit' }}>
            {h.description.length > 60 ? `${h.description.slice(0, 60)}…` : h.description}
          </Typography.Text>
        </Link>
      ),
    },
    { key: 'status', title: t('hazardUi.field.status'), render: (_v, h) => <HazardStatusTag status={h.status} /> },
    { key: 'grade', title: t('hazardUi.field.grade'), render: (_v, h) => <HazardGradeTag grade={h.grade} /> },
    { key: 'post', title: t('hazardUi.field.post'), dataIndex: 'postName', render: (_v, h) => (h.postId ? <Link to={`/posts/${h.postId}`}>{h.postName}</Link> : '') },
    { key: 'area', title: t('hazardUi.field.area'), dataIndex: 'areaName' },
    {
      key: 'deadline',
      title: t('hazardUi.field.deadline'),
      dataIndex: 'deadline',
      render: (_v, h) =>
        h.deadline ? (
          <Typography.Text type={h.isOverdue ? 'danger' : undefined} strong={h.isOverdue}>
            {formatDate(h.deadline, tz, i18n.language)}
            {h.isOverdue && ` · ${t('hazardUi.overdue')}`}
          </Typography.Text>
        ) : (
          ''
        ),
    },
    { key: 'reporter', title: t('hazardUi.field.reporter'), dataIndex: 'reporterName', render: (_v, h) => h.reporterName ?? (h.source === 'anonymous' ? t('hazardUi.source.anonymous') : '') },
    { key: 'createdAt', title: t('hazardUi.field.reportedAt'), dataIndex: 'createdAt', render: (_v, h) => formatDateTime(h.createdAt, tz, i18n.language) },
  ];

  return (
    <div data-testid="hazard-ledger">
      <PageHeader
        title={t('hazardUi.ledger.title')}
        hint={t('hazardUi.ledger.hint')}
        extra={
          <Button icon={<DownloadOutlined />} href={exportUrl} data-testid="ledger-export">
            {t('hazardUi.ledger.export')}
          </Button>
        }
      />
      <div className="page-toolbar">
        <Input.Search className="grow" allowClear placeholder={t('hazardUi.ledger.search')} onSearch={(value) => set({ q: value.trim() })} style={{ maxWidth: 280 }} />
        <Select
          allowClear
          placeholder={t('hazardUi.field.status')}
          style={{ width: 140 }}
          value={filters.status}
          onChange={(status: string | undefined) => set({ status })}
          options={hazardStatuses.map((s) => ({ value: s, label: t(`hazardUi.status.${s}`) }))}
          data-testid="filter-status"
        />
        <Select
          allowClear
          placeholder={t('hazardUi.field.grade')}
          style={{ width: 110 }}
          value={filters.grade}
          onChange={(grade: string | undefined) => set({ grade })}
          options={(['general', 'major'] as const).map((g) => ({ value: g, label: t(`hazardUi.grade.${g}`) }))}
        />
        <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={t('hazardUi.field.post')} style={{ width: 150 }} value={filters.postId} onChange={(postId: string | undefined) => set({ postId })} options={posts.options} />
        <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={t('hazardUi.field.area')} style={{ width: 150 }} value={filters.areaId} onChange={(areaId: string | undefined) => set({ areaId })} options={areas.options} />
        <DatePicker.RangePicker
          value={filters.range}
          onChange={(range) => set({ range: range as Filters['range'] })}
          style={{ maxWidth: 260 }}
          placeholder={[t('hazardUi.ledger.from'), t('hazardUi.ledger.to')]}
        />
        <Checkbox checked={filters.isOverdue} onChange={(e) => set({ isOverdue: e.target.checked })} data-testid="filter-overdue">
          {t('hazardUi.ledger.overdueOnly')}
        </Checkbox>
        {canFilterMine && (
          <Checkbox checked={filters.isMine} onChange={(e) => set({ isMine: e.target.checked })} data-testid="filter-mine">
            {t('hazardUi.ledger.mineOnly')}
          </Checkbox>
        )}
      </div>
      <ResponsiveTable<HazardDto>
        dataSource={list.items}
        columns={columns}
        loading={list.isLoading}
        locale={{ emptyText: t(isFiltered(filters) ? 'hazardUi.ledger.emptyFiltered' : 'hazardUi.ledger.empty') }}
        rowClassName={(h) => (h.isOverdue ? 'hazard-row-overdue' : '')}
        onRow={(h) => ({ style: h.isOverdue ? { background: '#fff1f0' } : undefined })}
      />
      <div style={{ textAlign: 'center', margin: '12px 0' }}>
        {list.hasNextPage ? (
          <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage} data-testid="load-more">
            {t('common.loadMore')}
          </Button>
        ) : (
          list.items.length > 0 && (
            <Space>
              <Typography.Text type="secondary">{t('common.loadedCount', { count: list.items.length })}</Typography.Text>
            </Space>
          )
        )}
      </div>
    </div>
  );
}
