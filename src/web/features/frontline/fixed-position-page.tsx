import { DeleteOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Input, Select, Space, Table, message } from 'antd';
import { type MouseEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { type FixedPositionPlanDto, fixedPositionKinds } from '../../../schemas/fixed-position.js';
import { api } from '../../app/api/api-client';
import { hasRole, useCurrentUser } from '../../app/auth/use-me';
import { PageHeader } from '../../app/ui/page-header';
import { useAreas, usePosts } from '../org/use-org-lookups';
import { floorPlanUrl, useRiskMap } from '../publication/publication-api';
import { permitIssuerRoles } from './permits-page';

type Position = FixedPositionPlanDto['positions'][number];
const planPath = (areaId: string) => `/api/v1/areas/${areaId}/fixed-position-plan`;

/**
 * /frontline/fixed-position?areaId= — 定置管理 of an area (issue 11 §5): click the floor plan to mark
 * where each item must be, name it, write the 定置 rule and pick the post that checks it weekly.
 */
export function FixedPositionPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const isEditor = hasRole(me, permitIssuerRoles);
  const client = useQueryClient();
  const [params, setParams] = useSearchParams();
  const areaId = params.get('areaId') ?? undefined;
  const areas = useAreas();
  const posts = usePosts();
  const map = useRiskMap();
  const { data: plan } = useQuery({ queryKey: ['fixed-position', areaId], enabled: Boolean(areaId), queryFn: () => api<FixedPositionPlanDto>(planPath(areaId as string)) });
  const [positions, setPositions] = useState<Position[]>([]);
  const [ruleText, setRuleText] = useState('');
  const [postId, setPostId] = useState<string | undefined>();
  useEffect(() => {
    setPositions(plan?.positions ?? []);
    setRuleText(plan?.ruleText ?? '');
    setPostId(plan?.postId ?? undefined);
  }, [plan]);
  const save = useMutation({
    mutationFn: () => api<FixedPositionPlanDto>(planPath(areaId as string), { method: 'PUT', body: { ruleText, postId, positions, revision: plan?.revision ?? 0 } }),
    onSuccess: (p) => {
      client.setQueryData(['fixed-position', areaId], p);
      void message.success(t('frontlineUi.fixedPosition.saved'));
    },
    onError: (e) => void message.error((e as Error).message),
  });
  const src = map.data ? floorPlanUrl(map.data) : null;
  const width = map.data?.floorPlan?.width ?? 1200;
  const height = map.data?.floorPlan?.height ?? 800;
  const mark = (e: MouseEvent<SVGSVGElement>) => {
    if (!isEditor) return;
    const box = e.currentTarget.getBoundingClientRect();
    const x = Math.min(1, Math.max(0, (e.clientX - box.left) / box.width));
    const y = Math.min(1, Math.max(0, (e.clientY - box.top) / box.height));
    setPositions([...positions, { label: `${t('frontlineUi.fixedPosition.point')} ${positions.length + 1}`, kind: 'extinguisher', x: Number(x.toFixed(4)), y: Number(y.toFixed(4)) }]);
  };
  const set = (i: number, patch: Partial<Position>) => setPositions(positions.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  return (
    <div data-testid="fixed-position-page">
      <PageHeader
        title={t('frontlineUi.fixedPosition.title')}
        hint={t('frontlineUi.fixedPosition.hint')}
        extra={<Select showSearch optionFilterProp="label" placeholder={t('frontlineUi.fixedPosition.pickArea')} value={areaId} onChange={(v) => setParams({ areaId: v })} style={{ width: 220 }} options={areas.options} />}
      />
      {plan && (
        <>
          {!src && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('frontlineUi.fixedPosition.noFloorPlan')} />}
          <Card size="small" title={plan.areaName} style={{ marginBottom: 16 }}>
            <svg viewBox={`0 0 ${width} ${height}`} style={{ width: '100%', maxHeight: 520, border: '1px solid #ddd', cursor: isEditor ? 'crosshair' : 'default', background: '#fafafa' }} onClick={mark} data-testid="fixed-position-map">
              {src && <image href={src} width={width} height={height} />}
              {plan.polygon && <polygon points={plan.polygon.map(([x, y]) => `${x * width},${y * height}`).join(' ')} fill="rgba(22,119,255,.08)" stroke="#1677ff" strokeWidth={3} />}
              {positions.map((p, i) => (
                <g key={i}>
                  <circle cx={p.x * width} cy={p.y * height} r={16} fill="#d4380d" stroke="#fff" strokeWidth={3} />
                  <text x={p.x * width} y={p.y * height + 6} textAnchor="middle" fontSize={18} fill="#fff" fontWeight={700}>
                    {i + 1}
                  </text>
                </g>
              ))}
            </svg>
            <Table
              size="small"
              rowKey={(_r, i) => String(i)}
              pagination={false}
              style={{ marginTop: 12 }}
              dataSource={positions}
              locale={{ emptyText: t('frontlineUi.fixedPosition.clickToMark') }}
              columns={[
                { key: 'n', title: '#', width: 40, render: (_v, _r, i) => i + 1 },
                { key: 'label', title: t('frontlineUi.fixedPosition.label'), render: (_v, p, i) => <Input value={p.label} disabled={!isEditor} maxLength={60} onChange={(e) => set(i, { label: e.target.value })} /> },
                {
                  key: 'kind',
                  title: t('frontlineUi.fixedPosition.kind'),
                  width: 160,
                  render: (_v, p, i) => <Select value={p.kind} disabled={!isEditor} style={{ width: 150 }} onChange={(v) => set(i, { kind: v })} options={fixedPositionKinds.map((k) => ({ value: k, label: t(`frontlineUi.fixedPosition.kinds.${k}`) }))} />,
                },
                { key: 'del', title: '', width: 50, render: (_v, _p, i) => (isEditor ? <Button size="small" danger icon={<DeleteOutlined />} onClick={() => setPositions(positions.filter((_x, j) => j !== i))} /> : null) },
              ]}
            />
          </Card>
          <Card size="small" title={t('frontlineUi.fixedPosition.rule')}>
            <Input.TextArea rows={3} value={ruleText} disabled={!isEditor} onChange={(e) => setRuleText(e.target.value)} maxLength={2000} data-testid="fixed-position-rule" />
            <Space wrap style={{ marginTop: 12 }}>
              <span>{t('frontlineUi.fixedPosition.checkPost')}</span>
              <Select showSearch optionFilterProp="label" value={postId} disabled={!isEditor} onChange={setPostId} style={{ width: 220 }} options={posts.options} data-testid="fixed-position-post" />
              {isEditor && (
                <Button type="primary" disabled={!postId || !ruleText.trim() || positions.length === 0} loading={save.isPending} onClick={() => save.mutate()} data-testid="fixed-position-save">
                  {t('frontlineUi.fixedPosition.save')}
                </Button>
              )}
            </Space>
          </Card>
        </>
      )}
    </div>
  );
}
