import { PrinterOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Flex, Select, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { FloorPlanInfo, RiskMapArea } from '../../../schemas/publication.js';
import { api } from '../../app/api/api-client';
import { useCanManage } from '../../app/auth/use-me';
import { LevelTag } from '../../app/ui/level-tag';
import { PageHeader } from '../../app/ui/page-header';
import { usePosts } from '../org/use-org-lookups';
import { publicationKeys, putJson, useRiskMap } from './publication-api';
import { RiskMapCanvas, RiskMapLegend } from './risk-map-canvas';
import { SignGapsAlert } from '../safety-signs/sign-gaps-alert';

type Point = [number, number];
const boardLevels = new Set(['major', 'significant']);

/** /risk-map — 四色图: the plan coloured by level, an edit mode to draw an area, links to print views. */
export function RiskMapPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const canManage = useCanManage();
  const client = useQueryClient();
  const { data: map, isPending } = useRiskMap();
  const posts = usePosts();
  const [areaId, setAreaId] = useState<string | null>(null);
  const [draft, setDraft] = useState<Point[] | null>(null);
  const [cardPostId, setCardPostId] = useState<string | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: publicationKeys.map });

  const upload = useMutation({
    mutationFn: (file: File) => api<FloorPlanInfo>('/api/v1/risk-map/floor-plan', { method: 'POST', body: file, contentType: file.type }),
    onSuccess: () => {
      void message.success(t('publication.map.uploaded'));
      void refresh();
    },
    onError: (e: Error) => void message.error(e.message),
  });
  const save = useMutation({
    mutationFn: () => putJson(`/api/v1/areas/${areaId}/map-polygon`, { points: draft }),
    onSuccess: () => {
      void message.success(t('common.saved'));
      setDraft(null);
      void refresh();
    },
    onError: (e: Error) => void message.error(e.message),
  });

  if (isPending || !map) return <Card loading />;
  const isEditing = draft !== null;
  const columns = [
    { key: 'name', dataIndex: 'name', title: t('publication.map.area') },
    { key: 'level', dataIndex: 'level', title: t('publication.map.level'), render: (l: RiskMapArea['level']) => (l ? <LevelTag level={l} /> : t('level.none')) },
    { key: 'count', dataIndex: 'riskCount', title: t('publication.map.riskCount') },
    { key: 'drawn', dataIndex: 'points', title: t('publication.map.drawn'), render: (p: RiskMapArea['points']) => (p ? t('common.yes') : t('common.no')) },
    {
      key: 'board',
      title: t('publication.board.title'),
      render: (_: unknown, a: RiskMapArea) =>
        a.level && boardLevels.has(a.level) ? <Link to={`/print/areas/${a.id}/notice-board`}>{t('publication.map.openBoard')}</Link> : t('publication.map.noBoard'),
    },
  ];

  return (
    <div data-testid="risk-map-page">
      <PageHeader
        title={t('publication.map.title')}
        hint={t('publication.map.hint')}
        extra={
          <Space wrap>
            {canManage && (
              <Upload accept="image/png,image/jpeg" showUploadList={false} beforeUpload={(file) => (upload.mutate(file), false)}>
                <Button icon={<UploadOutlined />} loading={upload.isPending}>
                  {map.floorPlan ? t('publication.map.replacePlan') : t('publication.map.uploadPlan')}
                </Button>
              </Upload>
            )}
            <Link to="/print/risk-map">
              <Button icon={<PrinterOutlined />}>{t('publication.map.print')}</Button>
            </Link>
            <Link to="/print/notice-boards">
              <Button icon={<PrinterOutlined />} data-testid="print-notice-boards">
                {t('publication.batch.printBoards')}
              </Button>
            </Link>
            <Link to="/print/risk-cards">
              <Button icon={<PrinterOutlined />}>{t('publication.batch.printCards')}</Button>
            </Link>
            <Link to="/print/qr-codes?kind=area">
              <Button icon={<PrinterOutlined />} data-testid="print-qr-codes">
                {t('publication.qr.print')}
              </Button>
            </Link>
          </Space>
        }
      />
      <SignGapsAlert withLink />
      <Flex gap={16} wrap align="start">
        <Card style={{ flex: '3 1 520px', minWidth: 0 }} size="small">
          {!map.floorPlan && <Typography.Paragraph type="secondary">{t('publication.map.noPlan')}</Typography.Paragraph>}
          <RiskMapCanvas map={map} draft={draft} selectedAreaId={areaId} onPick={isEditing ? (p) => setDraft([...(draft ?? []), p]) : undefined} />
          <div style={{ marginTop: 8 }}>
            <RiskMapLegend />
          </div>
        </Card>
        <Flex vertical gap={16} style={{ flex: '1 1 280px' }}>
          {canManage && (
            <Card size="small" title={t('publication.map.editTitle')}>
              <Space direction="vertical" style={{ width: '100%' }}>
                <Select
                  style={{ width: '100%' }}
                  placeholder={t('publication.map.chooseArea')}
                  value={areaId}
                  onChange={(id: string) => {
                    setAreaId(id);
                    setDraft(null);
                  }}
                  options={map.areas.map((a) => ({ value: a.id, label: a.name }))}
                  data-testid="area-select"
                />
                {isEditing ? (
                  <>
                    <Typography.Text type="secondary">{t('publication.map.clickHint', { count: draft.length })}</Typography.Text>
                    <Space wrap>
                      <Button type="primary" disabled={draft.length < 3} loading={save.isPending} onClick={() => save.mutate()} data-testid="polygon-save">
                        {t('common.save')}
                      </Button>
                      <Button disabled={draft.length === 0} onClick={() => setDraft(draft.slice(0, -1))}>
                        {t('publication.map.undo')}
                      </Button>
                      <Button onClick={() => setDraft(null)}>{t('common.cancel')}</Button>
                    </Space>
                  </>
                ) : (
                  <Button disabled={!areaId} onClick={() => setDraft([])} data-testid="polygon-draw">
                    {t('publication.map.draw')}
                  </Button>
                )}
              </Space>
            </Card>
          )}
          <Card size="small" title={t('publication.card.title')}>
            <Space.Compact style={{ width: '100%' }}>
              <Select style={{ width: '100%' }} showSearch={{ optionFilterProp: 'label' }} placeholder={t('publication.map.choosePost')} value={cardPostId} onChange={setCardPostId} options={posts.options} />
              <Link to={cardPostId ? `/print/posts/${cardPostId}/risk-card` : '#'}>
                <Button disabled={!cardPostId} icon={<PrinterOutlined />} />
              </Link>
            </Space.Compact>
          </Card>
        </Flex>
      </Flex>
      <Card size="small" style={{ marginTop: 16 }}>
        {map.areas.length === 0 ? <Empty description={t('publication.map.noAreas')} /> : <Table rowKey="id" size="small" pagination={false} columns={columns} dataSource={map.areas} />}
      </Card>
    </div>
  );
}
