import { CheckOutlined, DownloadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, Col, Input, Popconfirm, Row, Select, Space, Statistic, Tag, Typography } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { riskLevelValues } from '../../../schemas/org.js';
import { controlTiers, type RiskListItemDto, riskStatuses } from '../../../schemas/risks.js';
import { api } from '../../app/api/api-client';
import { useCanManage } from '../../app/auth/use-me';
import { LevelTag } from '../../app/ui/level-tag';
import { PageHeader } from '../../app/ui/page-header';
import { ResponsiveTable } from '../../app/ui/responsive-table';
import { type ListParams, usePagedList } from '../../app/ui/use-paged-list';
import { useAreas, usePosts } from '../org/use-org-lookups';
import { risksKey, riskPaths, useReference, useRiskOverview } from './risk-api';
import { RiskStatusTags } from './risk-status-tags';
import { usePeople } from './use-people';

const levelBorder = { major: '#d9363e', significant: '#fa8c16', general: '#fadb14', low: '#1677ff' } as const;

function Overview({ onPick }: { onPick(filter: Record<string, string | boolean | undefined>): void }) {
  const { t } = useTranslation();
  const overview = useRiskOverview();
  const o = overview.data;
  return (
    <Row gutter={[8, 8]} style={{ marginBottom: 12 }} data-testid="risk-overview">
      {riskLevelValues.map((level) => (
        <Col xs={12} md={6} xl={4} key={level}>
          <Card size="small" hoverable onClick={() => onPick({ level })} style={{ borderTop: `4px solid ${levelBorder[level]}` }} data-level={level}>
            <Statistic title={t(`level.${level}`)} value={o?.countsByLevel[level] ?? 0} loading={overview.isLoading} suffix={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('riskUi.overview.posts', { count: o?.postsByLevel[level] ?? 0 })}</Typography.Text>} />
          </Card>
        </Col>
      ))}
      <Col xs={12} md={6} xl={4}>
        <Card size="small" hoverable onClick={() => onPick({ isDueForReview: true })}>
          <Statistic title={t('riskUi.status.dueForReview')} value={o?.dueForReview ?? 0} loading={overview.isLoading} valueStyle={o?.dueForReview ? { color: '#d48806' } : undefined} />
        </Card>
      </Col>
      <Col xs={12} md={6} xl={4}>
        <Card size="small" hoverable onClick={() => onPick({ status: 'proposed' })}>
          <Statistic
            title={t('riskUi.overview.proposedAndMissing')}
            value={o?.proposed ?? 0}
            loading={overview.isLoading}
            suffix={<Typography.Text type="danger" style={{ fontSize: 12 }}>{t('riskUi.overview.missingPlans', { count: o?.missingSpecialPlan ?? 0 })}</Typography.Text>}
          />
        </Card>
      </Col>
    </Row>
  );
}

/** The risk register: every risk of the enterprise, filtered, with bulk accept / tier / responsible person. */
export function RisksPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const canManage = useCanManage();
  const posts = usePosts();
  const areas = useAreas();
  const people = usePeople();
  const tiers = useReference('control-tiers');
  const [q, setQ] = useState('');
  const [filters, setFilters] = useState<Record<string, string | boolean | undefined>>({});
  const [selected, setSelected] = useState<string[]>([]);
  const [bulkTier, setBulkTier] = useState<string>();
  const [bulkPerson, setBulkPerson] = useState<string>();
  const [bulkArea, setBulkArea] = useState<string>();

  const params: ListParams = { q: q || undefined, ...filters };
  const list = usePagedList<RiskListItemDto>(riskPaths.risks, params, 50);
  const setFilter = (name: string, value: string | boolean | undefined) => {
    setSelected([]);
    setFilters((prev) => ({ ...prev, [name]: value }));
  };

  const bulk = useMutation({
    mutationFn: async (op: { kind: 'accept' } | { kind: 'patch'; body: Record<string, unknown> }) => {
      const rows = list.items.filter((r) => selected.includes(r.id));
      const targets = op.kind === 'accept' ? rows.filter((r) => r.status === 'proposed') : rows.filter((r) => r.status !== 'rejected');
      let done = 0;
      const failures: string[] = [];
      // One at a time: each write is audited and re-rolls the post level; tens of rows, not thousands.
      for (const r of targets) {
        try {
          if (op.kind === 'accept') await api(`${riskPaths.risks}/${r.id}/accept`, { method: 'POST' });
          else await api(`${riskPaths.risks}/${r.id}`, { method: 'PATCH', body: op.body });
          done++;
        } catch (error) {
          failures.push(`${r.objectName}: ${(error as Error).message}`);
        }
      }
      return { done, skipped: rows.length - targets.length, failures };
    },
    onSuccess: async ({ done, skipped, failures }) => {
      await client.invalidateQueries({ queryKey: risksKey });
      await client.invalidateQueries({ queryKey: ['/api/v1/posts'] });
      if (failures.length) void message.error(failures.join('；'));
      void message.success(t('riskUi.bulk.done', { done, skipped }));
      setSelected([]);
    },
  });

  const columns: ColumnType<RiskListItemDto>[] = [
    {
      key: 'object',
      title: t('riskUi.field.objectName'),
      render: (_v, r) => (
        <Space direction="vertical" size={0}>
          <Typography.Text strong>{r.objectName}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`riskUi.objectKind.${r.objectKind}`)}
            {r.isNonRoutine && ` · ${t('riskUi.field.nonRoutineYes')}`}
          </Typography.Text>
        </Space>
      ),
    },
    {
      key: 'post',
      dataIndex: 'postName',
      title: t('riskUi.field.post'),
      render: (_v, r) => <Link to={`/posts/${r.postId}?risk=${r.id}`} data-testid="risk-post-link">{r.postName}</Link>,
    },
    { key: 'level', dataIndex: 'level', title: t('riskUi.field.level'), render: (_v, r) => <LevelTag level={r.level} /> },
    { key: 'residual', dataIndex: 'residualLevel', title: t('riskUi.eval.stages.residual'), render: (_v, r) => <LevelTag level={r.residualLevel} /> },
    { key: 'tier', dataIndex: 'controlTier', title: t('riskUi.field.controlTier'), render: (_v, r) => tiers.data?.labels[r.controlTier] ?? r.controlTier },
    { key: 'responsible', dataIndex: 'responsiblePersonId', title: t('riskUi.field.responsible'), render: (_v, r) => people.nameOf(r.responsiblePersonId) },
    { key: 'measures', dataIndex: 'measureCount', title: t('riskUi.field.measureCount'), align: 'right' },
    { key: 'status', title: t('riskUi.field.status'), render: (_v, r) => <RiskStatusTags risk={r} /> },
  ];

  const selectedRows = list.items.filter((r) => selected.includes(r.id));
  const proposedSelected = selectedRows.filter((r) => r.status === 'proposed').length;

  return (
    <div data-testid="risks-page">
      <PageHeader
        title={t('riskUi.register.title')}
        hint={t('riskUi.register.hint')}
        extra={
          <Button icon={<DownloadOutlined />} href="/api/v1/risk-list.xlsx" data-testid="enterprise-list-download">
            {t('riskUi.register.listXlsx')}
          </Button>
        }
      />
      <Overview onPick={(f) => { setSelected([]); setFilters(f); }} />
      <div className="page-toolbar">
        <Input.Search className="grow" allowClear placeholder={t('riskUi.register.search')} onSearch={(v) => setQ(v.trim())} style={{ maxWidth: 260 }} />
        <Select allowClear placeholder={t('riskUi.field.post')} options={posts.options} style={{ width: 170 }} value={filters.postId as string | undefined} onChange={(v: string | undefined) => setFilter('postId', v)} showSearch={{ optionFilterProp: 'label' }} />
        <Select allowClear placeholder={t('riskUi.field.area')} options={areas.options} style={{ width: 150 }} value={filters.areaId as string | undefined} onChange={(v: string | undefined) => setFilter('areaId', v)} showSearch={{ optionFilterProp: 'label' }} />
        <Select
          allowClear
          placeholder={t('riskUi.field.level')}
          style={{ width: 130 }}
          value={filters.level as string | undefined}
          onChange={(v: string | undefined) => setFilter('level', v)}
          options={riskLevelValues.map((l) => ({ value: l, label: <LevelTag level={l} /> }))}
          data-testid="filter-level"
        />
        <Select
          allowClear
          placeholder={t('riskUi.field.controlTier')}
          style={{ width: 170 }}
          value={filters.controlTier as string | undefined}
          onChange={(v: string | undefined) => setFilter('controlTier', v)}
          options={controlTiers.map((c) => ({ value: c, label: tiers.data?.labels[c] ?? c }))}
          title={t('riskUi.register.tierHint')}
        />
        <Select allowClear placeholder={t('riskUi.field.status')} style={{ width: 120 }} value={filters.status as string | undefined} onChange={(v: string | undefined) => setFilter('status', v)} options={riskStatuses.map((s) => ({ value: s, label: t(`riskUi.status.${s}`) }))} />
        <Checkbox checked={filters.isDueForReview === true} onChange={(e) => setFilter('isDueForReview', e.target.checked || undefined)}>
          {t('riskUi.status.dueForReview')}
        </Checkbox>
      </div>
      {filters.controlTier && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('riskUi.register.tierHint')}
        </Typography.Paragraph>
      )}
      {canManage && selected.length > 0 && (
        <Card size="small" style={{ marginBottom: 8, background: '#f0f5ff' }} data-testid="bulk-bar">
          <Space wrap>
            <Typography.Text>{t('riskUi.bulk.selected', { count: selected.length })}</Typography.Text>
            <Popconfirm title={t('riskUi.bulk.acceptConfirm', { count: proposedSelected })} onConfirm={() => bulk.mutate({ kind: 'accept' })} disabled={proposedSelected === 0}>
              <Button size="small" type="primary" icon={<CheckOutlined />} disabled={proposedSelected === 0} loading={bulk.isPending}>
                {t('riskUi.bulk.accept', { count: proposedSelected })}
              </Button>
            </Popconfirm>
            <Select size="small" placeholder={t('riskUi.field.controlTier')} style={{ width: 150 }} value={bulkTier} onChange={setBulkTier} options={controlTiers.map((c) => ({ value: c, label: tiers.data?.labels[c] ?? c }))} />
            <Button size="small" disabled={!bulkTier} loading={bulk.isPending} onClick={() => bulk.mutate({ kind: 'patch', body: { controlTier: bulkTier } })}>
              {t('riskUi.bulk.setTier')}
            </Button>
            <Select size="small" placeholder={t('riskUi.field.responsible')} style={{ width: 150 }} value={bulkPerson} onChange={setBulkPerson} options={people.options} showSearch={{ optionFilterProp: 'label' }} />
            <Button size="small" disabled={!bulkPerson} loading={bulk.isPending} onClick={() => bulk.mutate({ kind: 'patch', body: { responsiblePersonId: bulkPerson } })}>
              {t('riskUi.bulk.setResponsible')}
            </Button>
            {/* Issue 8 item 5: place many risks at once; each is re-evaluated with the area's 第七条 facts. */}
            <Select size="small" placeholder={t('riskUi.field.area')} style={{ width: 150 }} value={bulkArea} onChange={setBulkArea} options={areas.options} showSearch={{ optionFilterProp: 'label' }} data-testid="bulk-area" />
            <Button size="small" disabled={!bulkArea} loading={bulk.isPending} onClick={() => bulk.mutate({ kind: 'patch', body: { areaId: bulkArea } })} data-testid="bulk-set-area">
              {t('riskUi.bulk.setArea')}
            </Button>
            <Button size="small" type="link" onClick={() => setSelected([])}>
              {t('riskUi.bulk.clear')}
            </Button>
          </Space>
        </Card>
      )}
      <ResponsiveTable<RiskListItemDto>
        dataSource={list.items}
        columns={columns}
        loading={list.isLoading}
        locale={{ emptyText: t('common.empty') }}
        rowSelection={canManage ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) } : undefined}
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
    </div>
  );
}
