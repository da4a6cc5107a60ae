import { PlusOutlined, SendOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Popconfirm, Skeleton, Space, Tag, Typography } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { InspectionListDto, ItemDto } from '../../../schemas/inspections.js';
import { api, type ApiError, isApiError } from '../../app/api/api-client';
import { useCanManage } from '../../app/auth/use-me';
import { ResponsiveTable } from '../../app/ui/responsive-table';
import { usePosts } from '../org/use-org-lookups';
import { usePeople } from '../risks/use-people';
import { formatDateTime, useEnterpriseTimeZone } from '../hazards/hazard-api';
import { InspectionItemDrawer, type ItemDrawerState } from './inspection-item-drawer';

export const inspectionListPath = (postId: string) => `/api/v1/posts/${postId}/inspection-list`;
export const inspectionListKey = 'inspection-list';

/** A post's inspection list grouped by control measure, with coverage and publication (Art. 13). */
export function InspectionListView({ postId }: { postId: string }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const canManage = useCanManage();
  const tz = useEnterpriseTimeZone();
  const people = usePeople();
  const posts = usePosts();
  const [drawer, setDrawer] = useState<ItemDrawerState>({ mode: 'closed' });
  const list = useQuery({ queryKey: [inspectionListKey, postId], queryFn: () => api<InspectionListDto>(inspectionListPath(postId)) });
  const refresh = () => client.invalidateQueries({ queryKey: [inspectionListKey] });

  const publish = useMutation({
    mutationFn: () => api<{ itemCount: number; warnings: { message: string }[] }>(`${inspectionListPath(postId)}/publish`, { method: 'POST' }),
    onSuccess: async (r) => {
      await refresh();
      void message.success(t('inspectionUi.list.published', { count: r.itemCount }));
      for (const w of r.warnings) void message.warning(w.message);
    },
  });
  const archive = useMutation({
    mutationFn: (id: string) => api<ItemDto>(`/api/v1/inspection-items/${id}/archive`, { method: 'POST' }),
    onSuccess: async () => {
      await refresh();
      void message.success(t('common.archivedDone'));
    },
    onError: (error) => void message.error(error.message),
  });

  if (list.error) return <Alert type="error" showIcon title={list.error.message} />;
  if (!list.data) return <Skeleton active />;
  const l = list.data;

  const columns: ColumnType<ItemDto>[] = [
    {
      key: 'content',
      title: t('inspectionUi.item.content'),
      render: (_v, i) => (
        <div style={{ whiteSpace: 'normal', overflowWrap: 'anywhere', minWidth: 160 }}>
          {i.content}
          {i.isActive && i.hasUnpublishedChanges && (
            <Tag color="gold" style={{ marginInlineStart: 6 }} data-testid="item-draft">
              {i.publishedAt ? t('inspectionUi.item.draft') : t('inspectionUi.item.new')}
            </Tag>
          )}
        </div>
      ),
    },
    { key: 'method', title: t('inspectionUi.item.method'), render: (_v, i) => t(`riskUi.inspectionMethod.${i.method}`) },
    { key: 'period', title: t('inspectionUi.item.period'), render: (_v, i) => <Tag>{t(`riskUi.period.${i.period}`)}</Tag> },
    {
      key: 'responsible',
      title: t('inspectionUi.item.responsible'),
      render: (_v, i) =>
        i.responsiblePersonId ? (
          people.nameOf(i.responsiblePersonId)
        ) : i.responsibleIsPostHolders ? (
          <Typography.Text type="secondary">{t('inspectionUi.item.postHolder')}</Typography.Text>
        ) : (
          <Tag color="error" data-testid="item-no-responsible">
            {t('inspectionUi.item.noResponsible')}
          </Tag>
        ),
    },
    { key: 'supervisor', title: t('inspectionUi.item.supervisor'), dataIndex: 'supervisorPostId', render: (_v, i) => posts.nameOf(i.supervisorPostId) },
    ...(canManage
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_v: unknown, i: ItemDto) => (
              <Space size={0}>
                <Button size="small" type="link" onClick={() => setDrawer({ mode: 'edit', item: i })} data-testid="item-edit">
                  {t('common.edit')}
                </Button>
                <Popconfirm title={t('inspectionUi.item.archiveConfirm')} onConfirm={() => archive.mutate(i.id)} okText={t('common.archive')} cancelText={t('common.cancel')}>
                  <Button size="small" type="link" danger>
                    {t('common.archive')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          } satisfies ColumnType<ItemDto>,
        ]
      : []),
  ];

  const publishError = publish.error as ApiError | null;
  return (
    <div data-testid="inspection-list">
      <Space wrap style={{ marginBottom: 12 }}>
        {canManage && (
          <Button type="primary" icon={<SendOutlined />} loading={publish.isPending} onClick={() => publish.mutate()} data-testid="list-publish">
            {t('inspectionUi.list.publish')}
          </Button>
        )}
        {canManage && (
          <Button icon={<PlusOutlined />} onClick={() => setDrawer({ mode: 'create', postId, measureId: null })} data-testid="add-extra-item">
            {t('inspectionUi.list.addExtra')}
          </Button>
        )}
        <Typography.Text type="secondary">
          {l.lastPublishedAt ? t('inspectionUi.list.lastPublished', { at: formatDateTime(l.lastPublishedAt, tz, i18n.language) }) : t('inspectionUi.list.neverPublished')}
        </Typography.Text>
      </Space>

      {publishError && isApiError(publishError) && (
        <Alert
          type="error"
          showIcon
          closable
          onClose={() => publish.reset()}
          style={{ marginBottom: 12 }}
          title={publishError.message}
          description={publishError.errors.length > 0 && <ul style={{ margin: 0, paddingInlineStart: 18 }}>{publishError.errors.map((e) => <li key={e.path}>{e.message}</li>)}</ul>}
          data-testid="publish-error"
        />
      )}

      {l.uncoveredMeasures.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="coverage-warning"
          title={t('inspectionUi.list.uncovered', { count: l.uncoveredMeasures.length })}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {l.uncoveredMeasures.map((m) => (
                <li key={m.measureId} style={{ overflowWrap: 'anywhere' }}>
                  {m.text}{' '}
                  {canManage && (
                    <Button size="small" type="link" onClick={() => setDrawer({ mode: 'create', postId, measureId: m.measureId, measureText: m.text })}>
                      {t('inspectionUi.list.addItem')}
                    </Button>
                  )}
                </li>
              ))}
            </ul>
          }
        />
      ) : (
        l.measures.length > 0 && <Alert type="success" showIcon style={{ marginBottom: 12 }} title={t('inspectionUi.list.covered')} />
      )}
      {l.itemsWithoutResponsible.length > 0 && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} data-testid="responsible-warning" title={t('inspectionUi.list.withoutResponsible', { count: l.itemsWithoutResponsible.length })} />
      )}
      {l.superiorCheck.isNeeded && !l.superiorCheck.hasCheck && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="superior-check-warning"
          title={l.superiorCheck.reportsToPostName ? t('inspectionUi.list.noSuperiorCheck', { post: l.superiorCheck.reportsToPostName }) : t('inspectionUi.list.noSuperiorPost')}
          action={
            canManage &&
            l.superiorCheck.reportsToPostId && (
              <Button
                size="small"
                data-testid="add-superior-check"
                onClick={() =>
                  setDrawer({
                    mode: 'create',
                    postId,
                    measureId: null,
                    preset: { content: t('inspectionUi.list.superiorCheckContent'), period: 'week', supervisorPostId: l.superiorCheck.reportsToPostId, responsibleIsPostHolders: true },
                  })
                }
              >
                {t('inspectionUi.list.addSuperiorCheck')}
              </Button>
            )
          }
        />
      )}
      {l.hasDraft && l.lastPublishedAt && <Alert type="info" showIcon style={{ marginBottom: 12 }} data-testid="list-draft" title={t('inspectionUi.list.draft')} />}

      {l.measures.length === 0 && l.extraItems.length === 0 && <Empty description={t('inspectionUi.list.empty')} />}
      {l.measures.map((m) => (
        <Card
          key={m.measureId}
          size="small"
          style={{ marginBottom: 8 }}
          title={
            <Space size={4} wrap style={{ whiteSpace: 'normal' }}>
              <Tag color="blue">{t(`riskUi.measureType.${m.type}`, { defaultValue: m.type })}</Tag>
              <span style={{ fontWeight: 500 }}>{m.text}</span>
            </Space>
          }
          extra={
            <Link to={`/posts/${postId}?risk=${m.riskId}`} style={{ whiteSpace: 'nowrap' }}>
              {t('inspectionUi.list.risk')}
            </Link>
          }
          data-testid="measure-group"
        >
          {m.items.length === 0 ? (
            <Typography.Text type="warning">{t('inspectionUi.list.noItem')}</Typography.Text>
          ) : (
            <ResponsiveTable<ItemDto> dataSource={m.items} columns={columns} size="small" />
          )}
        </Card>
      ))}
      {l.extraItems.length > 0 && (
        <Card size="small" title={t('inspectionUi.list.extraItems')} style={{ marginBottom: 8 }}>
          <ResponsiveTable<ItemDto> dataSource={l.extraItems} columns={columns} size="small" />
        </Card>
      )}
      <InspectionItemDrawer state={drawer} onClose={() => setDrawer({ mode: 'closed' })} />
    </div>
  );
}
