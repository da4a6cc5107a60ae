import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Badge, Button, Card, Checkbox, Flex, Select, Space, Table, Tag, Typography } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { industries, sizeClasses } from '../../../schemas/org.js';
import { supervisionGrades, type CountyEnterpriseDto, type CountyPageDto, type CountySortKey, type TownDto } from '../../../schemas/oversight-county.js';
import { api, withQuery } from '../../app/api/api-client';
import { PageHeader } from '../../app/ui/page-header';
import { CountyDetailDrawer } from './county-detail-drawer';
import { gradeColor } from './grade-tag';
import { PriorityCard } from './priority-card';
import { TownsLoginsCard } from './towns-logins-card';
import { CampaignsCard } from './campaigns-card';

const listPath = '/api/v1/oversight/county';

interface Filters {
  townCode?: string;
  industry?: string;
  sizeClass?: string;
  supervisionGrade?: string;
  hasOpenMajorHazard?: boolean;
  hasOverdueHazard?: boolean;
  hasStopWork?: boolean;
  isDemonstration?: boolean;
}

/**
 * Issue 17: the county view — every enterprise of the regulator's county (a town user: its town) on
 * one page, from the precomputed figures; filters, server-side sort, .xlsx of the same rows, a
 * read-only detail with the supervision grade's reasons.
 */
export function CountyPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [filters, setFilters] = useState<Filters>({});
  const [sort, setSort] = useState<{ sort: CountySortKey; order: 'asc' | 'desc' }>({ sort: 'name', order: 'asc' });
  const [openId, setOpenId] = useState<string | null>(null);
  const query = { ...filters, ...sort };
  const list = useInfiniteQuery({
    queryKey: [listPath, query],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => api<CountyPageDto>(listPath, { query: { ...query, cursor: pageParam ?? undefined, limit: 50 } }),
    getNextPageParam: (last) => last.nextCursor,
  });
  const towns = useQuery({ queryKey: ['/api/v1/oversight/towns'], queryFn: () => api<{ items: TownDto[] }>('/api/v1/oversight/towns') });
  const refresh = useMutation({
    mutationFn: () => api<{ refreshed: number }>(`${listPath}/refresh`, { method: 'POST' }),
    onSuccess: async (r) => {
      await client.invalidateQueries({ queryKey: [listPath] });
      void message.success(t('countyUi.refreshed', { n: r.refreshed }));
    },
    onError: (error) => void message.error(error.message),
  });
  const scope = list.data?.pages[0]?.scope;
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const set = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch }));
  const flag = (key: 'hasOpenMajorHazard' | 'hasOverdueHazard' | 'hasStopWork' | 'isDemonstration') => (
    <Checkbox key={key} checked={filters[key] === true} onChange={(e) => set({ [key]: e.target.checked ? true : undefined })} data-testid={`filter-${key}`}>
      {t(`countyUi.filter.${key}`)}
    </Checkbox>
  );
  const sorter = (key: CountySortKey) => ({ sorter: true, sortOrder: sort.sort === key ? (sort.order === 'asc' ? ('ascend' as const) : ('descend' as const)) : null });
  const pct = (v: number | null) => (v === null ? '—' : `${v}%`);
  return (
    <div data-testid="county-page">
      <PageHeader
        title={scope ? t('countyUi.titleOf', { name: scope.townName ? `${scope.countyName} ${scope.townName}` : scope.countyName }) : t('countyUi.title')}
        hint={t('countyUi.hint')}
        extra={
          <Space>
            <Button onClick={() => refresh.mutate()} loading={refresh.isPending} data-testid="county-refresh">
              {t('countyUi.refresh')}
            </Button>
            <Button href={withQuery(`${listPath}.xlsx`, { ...query })} data-testid="county-export">
              {t('countyUi.export')}
            </Button>
          </Space>
        }
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex wrap gap={8} align="center">
          <Select allowClear placeholder={t('countyUi.town')} style={{ width: 160 }} value={filters.townCode} onChange={(v) => set({ townCode: v })} options={(towns.data?.items ?? []).map((x) => ({ value: x.code, label: x.name }))} />
          <Select allowClear placeholder={t('countyUi.industry')} style={{ width: 140 }} value={filters.industry} onChange={(v) => set({ industry: v })} options={industries.map((i) => ({ value: i, label: t(`industry.${i}`) }))} />
          <Select allowClear placeholder={t('countyUi.size')} style={{ width: 110 }} value={filters.sizeClass} onChange={(v) => set({ sizeClass: v })} options={sizeClasses.map((s) => ({ value: s, label: t(`sizeClass.${s}`) }))} />
          <Select allowClear placeholder={t('countyUi.grade')} style={{ width: 120 }} value={filters.supervisionGrade} onChange={(v) => set({ supervisionGrade: v })} options={supervisionGrades.map((g) => ({ value: g, label: g }))} />
          {flag('hasOpenMajorHazard')}
          {flag('hasOverdueHazard')}
          {flag('hasStopWork')}
          {flag('isDemonstration')}
        </Flex>
      </Card>
      <Table<CountyEnterpriseDto>
        rowKey="enterpriseId"
        size="middle"
        pagination={false}
        loading={list.isLoading}
        dataSource={items}
        scroll={{ x: 'max-content' }}
        data-testid="county-list"
        onRow={(r) => ({ onClick: () => setOpenId(r.enterpriseId), style: { cursor: 'pointer' }, 'data-testid': 'county-row' }) as React.HTMLAttributes<HTMLElement>}
        onChange={(_p, _f, s) => {
          const one = (Array.isArray(s) ? s[0] : s) as SorterResult<CountyEnterpriseDto> | undefined;
          setSort(one?.order && one.columnKey ? { sort: one.columnKey as CountySortKey, order: one.order === 'ascend' ? 'asc' : 'desc' } : { sort: 'name', order: 'asc' });
        }}
        columns={[
          {
            key: 'name',
            title: t('countyUi.enterprise'),
            ...sorter('name'),
            render: (_v, r) => (
              <Space size={4}>
                <Typography.Text strong>{r.name}</Typography.Text>
                {r.isDemonstration && <Tag color="gold">{t('countyUi.demonstration')}</Tag>}
              </Space>
            ),
          },
          { key: 'town', title: t('countyUi.town'), render: (_v, r) => r.townName ?? '—' },
          { key: 'industry', title: t('countyUi.industry'), render: (_v, r) => `${t(`industry.${r.industry}`)} · ${t(`sizeClass.${r.sizeClass}`)}` },
          { key: 'posts', title: t('countyUi.posts'), render: (_v, r) => t('countyUi.postCounts', { major: r.postsMajor, significant: r.postsSignificant }) },
          { key: 'openHazards', title: t('countyUi.openHazards'), dataIndex: 'openHazards', align: 'right', ...sorter('openHazards') },
          { key: 'overdueHazards', title: t('countyUi.overdue'), align: 'right', ...sorter('overdueHazards'), render: (_v, r) => <Typography.Text type={r.overdueHazards ? 'danger' : undefined}>{r.overdueHazards}</Typography.Text> },
          {
            key: 'openMajorHazards',
            title: t('countyUi.major'),
            ...sorter('openMajorHazards'),
            render: (_v, r) => <Badge count={r.openMajorHazards} showZero color={r.openMajorHazards ? 'red' : 'green'} />,
          },
          { key: 'stopWork', title: t('countyUi.stopWork'), render: (_v, r) => (r.stopWorkInForce ? <Tag color="red">{t('countyUi.inForce')}</Tag> : '—') },
          { key: 'inspection', title: t('countyUi.inspection'), align: 'right', render: (_v, r) => pct(r.inspectionCompletion) },
          { key: 'training', title: t('countyUi.training'), align: 'right', render: (_v, r) => pct(r.trainingCompliance) },
          { key: 'selfAssessmentScore', title: t('countyUi.score'), align: 'right', ...sorter('selfAssessmentScore'), render: (_v, r) => r.selfAssessmentScore ?? '—' },
          { key: 'supervisionGrade', title: t('countyUi.grade'), ...sorter('supervisionGrade'), render: (_v, r) => (r.supervisionGrade ? <Tag color={gradeColor[r.supervisionGrade]}>{r.supervisionGrade}</Tag> : '—') },
          { key: 'lastActivityAt', title: t('countyUi.lastActivity'), ...sorter('lastActivityAt'), render: (_v, r) => (r.lastActivityAt ? new Date(r.lastActivityAt).toLocaleString() : '—') },
        ]}
      />
      {list.hasNextPage && (
        <Flex justify="center" style={{ marginTop: 8 }}>
          <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t('countyUi.more')}
          </Button>
        </Flex>
      )}
      <PriorityCard onOpen={setOpenId} />
      <CampaignsCard towns={towns.data?.items ?? []} canCreate={!!scope && !scope.townCode} />
      {scope && !scope.townCode && <TownsLoginsCard countyCode={scope.countyCode} isAdmin={false} />}
      <CountyDetailDrawer enterpriseId={openId} towns={towns.data?.items ?? []} canEdit={!!scope && !scope.townCode} onClose={() => setOpenId(null)} />
    </div>
  );
}
