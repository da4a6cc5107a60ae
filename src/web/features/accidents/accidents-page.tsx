import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Col, Row, Select, Statistic, Tag, Typography } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AccidentDto, type AccidentIndicatorsDto, accidentInputSchema, accidentKinds } from '../../../schemas/accidents.js';
import { api } from '../../app/api/api-client';
import { useCanManage } from '../../app/auth/use-me';
import { PageHeader } from '../../app/ui/page-header';
import { ResourceFormDrawer } from '../../app/ui/resource-form-drawer';
import { ResponsiveTable } from '../../app/ui/responsive-table';
import { usePagedList } from '../../app/ui/use-paged-list';
import { usePosts } from '../org/use-org-lookups';
import { AccidentDetailDrawer, accidentsPath } from './accident-detail-drawer';
import { AccidentFields, toAccidentInput } from './accident-fields';

const severityColour = { death: 'red', serious: 'volcano', minor: 'orange', none: 'default' } as const;

/** 事故事件台账: accidents and near misses; registering one re-evaluates the risks of its place (seed 001 第七条). */
export function AccidentsPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const canManage = useCanManage();
  const posts = usePosts();
  const [kind, setKind] = useState<string | undefined>();
  const [postId, setPostId] = useState<string | undefined>();
  const [isCreating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const list = usePagedList<AccidentDto>(accidentsPath, { kind, postId });
  const year = new Date().getFullYear();
  const figures = useQuery({
    queryKey: [accidentsPath, 'indicators', year],
    queryFn: () => api<AccidentIndicatorsDto>('/api/v1/accident-indicators', { query: { since: `${year - 2}-01-01` } }),
  });

  const columns: ColumnType<AccidentDto>[] = [
    {
      key: 'occurredOn',
      dataIndex: 'occurredOn',
      title: t('accidentUi.field.occurredOn'),
      render: (d: string, a) => (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setOpenId(a.id)} data-testid="accident-open">
          {d}
        </Button>
      ),
    },
    { key: 'kind', dataIndex: 'kind', title: t('accidentUi.field.kind'), render: (k: AccidentDto['kind']) => <Tag color={k === 'near_miss' ? 'blue' : 'red'}>{t(`accidentUi.kind.${k}`)}</Tag> },
    { key: 'place', title: t('accidentUi.field.place'), render: (_v, a) => [a.postName, a.areaName, a.equipmentName].filter(Boolean).join(' / ') },
    { key: 'type', dataIndex: 'accidentTypeLabel', title: t('accidentUi.field.type') },
    {
      key: 'casualties',
      title: t('accidentUi.field.casualties'),
      render: (_v, a) => <Tag color={severityColour[a.severity]}>{t('accidentUi.casualties', { d: a.deaths, s: a.seriousInjuries, m: a.minorInjuries })}</Tag>,
    },
    {
      key: 'description',
      dataIndex: 'description',
      title: t('accidentUi.field.description'),
      render: (text: string, a) => (
        <Typography.Text ellipsis={{ tooltip: text }} style={{ maxWidth: 280 }}>
          {a.revision > 1 && <Tag>{t('accidentUi.revision', { n: a.revision })}</Tag>}
          {text}
        </Typography.Text>
      ),
    },
  ];

  return (
    <div data-testid="accidents-page">
      <PageHeader
        title={t('accidentUi.title')}
        hint={t('accidentUi.hint')}
        extra={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-button">
              {t('accidentUi.create')}
            </Button>
          )
        }
      />
      {figures.data && (
        <Row gutter={12} style={{ marginBottom: 12 }}>
          {(['accidents', 'nearMisses', 'deaths', 'seriousInjuries', 'minorInjuries'] as const).map((k) => (
            <Col key={k} xs={12} md={4}>
              <Card size="small">
                <Statistic title={t(`accidentUi.figures.${k}`, { from: year - 2 })} value={figures.data[k]} />
              </Card>
            </Col>
          ))}
        </Row>
      )}
      <div className="page-toolbar">
        <Select allowClear placeholder={t('accidentUi.field.kind')} style={{ width: 140 }} value={kind} onChange={setKind} options={accidentKinds.map((k) => ({ value: k, label: t(`accidentUi.kind.${k}`) }))} />
        <Select allowClear placeholder={t('accidentUi.field.post')} style={{ width: 200 }} value={postId} onChange={setPostId} options={posts.options} showSearch={{ optionFilterProp: 'label' }} />
      </div>
      <ResponsiveTable<AccidentDto> dataSource={list.items} columns={columns} loading={list.isLoading} locale={{ emptyText: t('common.empty') }} />
      <div style={{ textAlign: 'center', margin: '12px 0' }}>
        {list.hasNextPage && (
          <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        )}
      </div>
      <ResourceFormDrawer<AccidentDto>
        path={accidentsPath}
        isOpen={isCreating}
        editing={null}
        onClose={() => {
          setCreating(false);
          // A registered accident re-evaluates risks: their pages must not show the old levels.
          void client.invalidateQueries({ queryKey: ['/api/v1/risks'] });
          void client.invalidateQueries({ queryKey: ['/api/v1/posts'] });
        }}
        spec={{
          createSchema: accidentInputSchema,
          updateSchema: accidentInputSchema,
          createTitle: t('accidentUi.create'),
          editTitle: t('accidentUi.create'),
          emptyValues: { kind: 'accident', deaths: 0, seriousInjuries: 0, minorInjuries: 0, directLossCny: 0, isMajorPropertyLoss: false },
          toFormValues: () => ({}),
          fromFormValues: toAccidentInput,
          fields: <AccidentFields />,
        }}
      />
      <AccidentDetailDrawer id={openId} onClose={() => setOpenId(null)} />
    </div>
  );
}
