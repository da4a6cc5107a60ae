import { DownloadOutlined, FileTextOutlined, OrderedListOutlined, PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Flex, Result, Skeleton, Space, Table, Tag, Typography } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { mayProposeOn } from './roles';
import type { PostDto } from '../../../schemas/org.js';
import type { RiskListItemDto } from '../../../schemas/risks.js';
import { api, isApiError, type Page } from '../../app/api/api-client';
import { useCanManage, useCurrentUser } from '../../app/auth/use-me';
import { LevelTag } from '../../app/ui/level-tag';
import { PageHeader } from '../../app/ui/page-header';
import { useOrgUnits } from '../org/use-org-lookups';
import { riskPaths } from './risk-api';
import { RiskDetailPanel } from './risk-detail-panel';
import { RiskFormDrawer } from './risk-form-drawer';
import { RiskStatusTags } from './risk-status-tags';
import { ReidentificationCard } from './reidentification-card';
import { PostDocumentsCard } from '../documents/post-documents-card';

export function usePost(postId: string | undefined) {
  return useQuery({ queryKey: ['/api/v1/posts', 'one', postId], enabled: Boolean(postId), queryFn: () => api<PostDto>(`/api/v1/posts/${postId}`) });
}

export function usePostRisks(postId: string | undefined) {
  return useQuery({
    queryKey: [riskPaths.risks, 'post', postId],
    enabled: Boolean(postId),
    queryFn: async () => {
      const all: RiskListItemDto[] = [];
      let cursor: string | null = null;
      for (let i = 0; i < 20; i++) {
        const page: Page<RiskListItemDto> = await api<Page<RiskListItemDto>>(riskPaths.risks, { query: { postId, limit: 200, cursor: cursor ?? undefined } });
        all.push(...page.items);
        cursor = page.nextCursor;
        if (!cursor) break;
      }
      return all;
    },
  });
}

/**
 * `?risk=<riskId>` (links from a hazard's failed measure, the register…): once the post's risks are
 * loaded, expand that risk and scroll its row into view, once per id.
 */
function useFocusedRisk(risks: RiskListItemDto[] | undefined, setExpanded: (update: (keys: string[]) => string[]) => void): string | null {
  const [params] = useSearchParams();
  const riskId = params.get('risk');
  const done = useRef<string | null>(null);
  useEffect(() => {
    if (!riskId || done.current === riskId || !risks?.some((r) => r.id === riskId)) return;
    done.current = riskId;
    setExpanded((keys) => (keys.includes(riskId) ? keys : [...keys, riskId]));
    // After the expanded row has rendered.
    const timer = window.setTimeout(() => document.querySelector(`[data-row-key="${CSS.escape(riskId)}"]`)?.scrollIntoView({ behavior: 'smooth', block: 'start' }), 50);
    return () => window.clearTimeout(timer);
  }, [riskId, risks, setExpanded]);
  return riskId;
}

const levelRank = { major: 0, significant: 1, general: 2, low: 3 } as const;

/** The post page: the centre of gravity of risk control (facts, level, risks, measures, items, card, list). */
export function PostPage() {
  const { postId } = useParams();
  const { t } = useTranslation();
  const me = useCurrentUser();
  const canManage = useCanManage();
  const canPropose = !canManage && mayProposeOn(me, postId);
  const post = usePost(postId);
  const risks = usePostRisks(postId);
  const orgUnits = useOrgUnits();
  const [isFormOpen, setFormOpen] = useState(false);
  const [expanded, setExpanded] = useState<string[]>([]);
  const focusRiskId = useFocusedRisk(risks.data, setExpanded);

  if (post.error) {
    return <Result status={isApiError(post.error) && post.error.status === 404 ? '404' : 'error'} title={post.error.message} extra={<Link to="/org/posts">{t('riskUi.post.backToPosts')}</Link>} />;
  }
  if (!post.data) return <Skeleton active />;
  const p = post.data;
  const rows = [...(risks.data ?? [])].sort(
    (a, b) => (a.level ? levelRank[a.level] : 9) - (b.level ? levelRank[b.level] : 9) || a.objectName.localeCompare(b.objectName),
  );
  const dueCount = rows.filter((r) => r.isDueForReview).length;
  const missingPlan = rows.filter((r) => r.missingSpecialPlan).length;
  const proposed = rows.filter((r) => r.status === 'proposed').length;

  const columns: ColumnType<RiskListItemDto>[] = [
    {
      key: 'object',
      title: t('riskUi.field.objectName'),
      render: (_v, r) => (
        <Space size={4} wrap>
          <Typography.Text strong>{r.objectName}</Typography.Text>
          <Tag>{t(`riskUi.objectKind.${r.objectKind}`)}</Tag>
          {r.isNonRoutine && <Tag color="purple">{t('riskUi.field.nonRoutineYes')}</Tag>}
        </Space>
      ),
    },
    { key: 'level', title: t('riskUi.field.level'), width: 100, render: (_v, r) => <LevelTag level={r.level} /> },
    { key: 'residual', title: t('riskUi.eval.stages.residual'), width: 100, render: (_v, r) => <LevelTag level={r.residualLevel} /> },
    { key: 'measures', title: t('riskUi.field.measureCount'), width: 80, align: 'right', dataIndex: 'measureCount' },
    { key: 'status', title: t('riskUi.field.status'), render: (_v, r) => <RiskStatusTags risk={r} /> },
  ];

  return (
    <div data-testid="post-page">
      <PageHeader
        title={
          <Space size={8}>
            <span data-testid="post-name">{p.name}</span>
            <span data-testid="post-level">{p.level ? <LevelTag level={p.level} /> : <Tag>{t('level.none')}</Tag>}</span>
          </Space>
        }
        extra={
          <Space wrap>
            <Link to={`/print/posts/${p.id}/risk-card`} target="_blank">
              <Button icon={<PrinterOutlined />}>{t('riskUi.post.riskCard')}</Button>
            </Link>
            <Link to={`/posts/${p.id}/inspection-list`} data-testid="post-inspection-list">
              <Button icon={<OrderedListOutlined />}>{t('riskUi.post.inspectionList')}</Button>
            </Link>
            <Button icon={<DownloadOutlined />} href={`/api/v1/posts/${p.id}/risk-list.xlsx`} data-testid="post-list-download">
              {t('riskUi.post.listXlsx')}
            </Button>
            {canManage && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setFormOpen(true)} data-testid="add-risk">
                {t('riskUi.post.addRisk')}
              </Button>
            )}
            {canPropose && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setFormOpen(true)} data-testid="propose-risk">
                {t('riskUi.post.proposeRisk')}
              </Button>
            )}
          </Space>
        }
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 4 }}>
          <Descriptions.Item label={t('post.kind')}>{t(`postKind.${p.kind}`)}</Descriptions.Item>
          <Descriptions.Item label={t('post.orgUnit')}>{orgUnits.nameOf(p.orgUnitId) || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('post.headcount')}>{p.headcount}</Descriptions.Item>
          <Descriptions.Item label={t('riskUi.post.riskCount')}>{rows.filter((r) => r.status === 'accepted').length}</Descriptions.Item>
          {p.mainEquipment && <Descriptions.Item label={t('post.mainEquipment')} span={2}>{p.mainEquipment}</Descriptions.Item>}
          {p.mainActivities && <Descriptions.Item label={t('post.mainActivities')} span={2}>{p.mainActivities}</Descriptions.Item>}
          {p.kind === 'management' && p.duties && (
            <Descriptions.Item label={t('post.duties')} span={4}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-line', margin: 0 }} ellipsis={{ rows: 3, expandable: true }}>
                {p.duties}
              </Typography.Paragraph>
            </Descriptions.Item>
          )}
          {p.templateRef && (
            <Descriptions.Item label={t('riskUi.post.template')}>
              <Typography.Text type="secondary">
                <FileTextOutlined /> {p.templateRef}
              </Typography.Text>
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <ReidentificationCard postId={p.id} />
      <Flex vertical gap={8} style={{ marginBottom: 12 }}>
        {missingPlan > 0 && <Alert type="error" showIcon title={t('riskUi.post.missingPlans', { count: missingPlan })} />}
        {dueCount > 0 && <Alert type="warning" showIcon title={t('riskUi.post.dueForReview', { count: dueCount })} />}
        {proposed > 0 && canManage && <Alert type="info" showIcon title={t('riskUi.post.proposals', { count: proposed })} />}
      </Flex>
      <Table<RiskListItemDto>
        rowKey="id"
        size="middle"
        loading={risks.isLoading}
        dataSource={rows}
        columns={columns}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('riskUi.post.noRisks') }}
        data-testid="post-risks"
        rowClassName={(r) => (r.id === focusRiskId ? 'ant-table-row-selected' : '')}
        expandable={{
          expandedRowKeys: expanded,
          onExpandedRowsChange: (keys) => setExpanded(keys as string[]),
          expandRowByClick: true,
          expandedRowRender: (r) => <RiskDetailPanel riskId={r.id} post={p} />,
        }}
      />
      <PostDocumentsCard postId={p.id} />
      <RiskFormDrawer post={p} isOpen={isFormOpen} editing={null} isProposal={canPropose} onClose={() => setFormOpen(false)} onSaved={(r) => setExpanded((e) => [...e, r.id])} />
    </div>
  );
}
