import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Input, Radio, Select, Space, Table, Tag, message } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { PointCallCardDto } from '../../../schemas/point-and-call.js';
import { api } from '../../app/api/api-client';
import { hasRole, useCurrentUser } from '../../app/auth/use-me';
import { PageHeader } from '../../app/ui/page-header';
import { formatDateTime, useEnterpriseTimeZone } from '../hazards/hazard-api';
import { usePosts } from '../org/use-org-lookups';
import { permitIssuerRoles } from './permits-page';

type Step = PointCallCardDto['steps'][number];
export const pointCallPath = (postId: string) => `/api/v1/posts/${postId}/point-call-card`;

export function usePointCallCard(postId: string | undefined) {
  return useQuery({ queryKey: ['point-call', postId], enabled: Boolean(postId), queryFn: () => api<PointCallCardDto>(pointCallPath(postId as string)) });
}

/** /frontline/point-call?postId= — a post's 手指口述 card: edit the steps, print the pocket cards, record spot checks (issue 11 §4). */
export function PointCallPage() {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const isEditor = hasRole(me, permitIssuerRoles);
  const timeZone = useEnterpriseTimeZone();
  const client = useQueryClient();
  const [params, setParams] = useSearchParams();
  const postId = params.get('postId') ?? undefined;
  const posts = usePosts();
  const frontLine = useMemo(() => posts.list.filter((p) => (p as { kind?: string }).kind === 'operation').map((p) => ({ value: p.id, label: p.name })), [posts.list]);
  const { data: card } = usePointCallCard(postId);
  const [steps, setSteps] = useState<Step[]>([]);
  const [performer, setPerformer] = useState<string | undefined>();
  const [isCorrect, setIsCorrect] = useState(true);
  const [note, setNote] = useState('');
  useEffect(() => setSteps(card?.steps ?? []), [card]);
  const onSaved = (c: PointCallCardDto) => client.setQueryData(['point-call', postId], c);
  const save = useMutation({
    mutationFn: () => api<PointCallCardDto>(pointCallPath(postId as string), { method: 'PUT', body: { steps, revision: card?.revision ?? 0 } }),
    onSuccess: (c) => {
      onSaved(c);
      void message.success(t('frontlineUi.pointCall.saved'));
    },
    onError: (e) => void message.error((e as Error).message),
  });
  const spot = useMutation({
    mutationFn: () => api<PointCallCardDto>(`/api/v1/posts/${postId}/point-call-spot-checks`, { body: { performerPersonId: performer, isCorrect, note } }),
    onSuccess: (c) => {
      onSaved(c);
      setNote('');
      void message.success(t('frontlineUi.pointCall.spotRecorded'));
    },
    onError: (e) => void message.error((e as Error).message),
  });
  const set = (i: number, patch: Partial<Step>) => setSteps(steps.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  const move = (i: number, d: -1 | 1) => {
    const next = [...steps];
    const [s] = next.splice(i, 1);
    next.splice(i + d, 0, s as Step);
    setSteps(next);
  };
  const isDirty = JSON.stringify(steps) !== JSON.stringify(card?.steps ?? []);
  return (
    <div data-testid="point-call-page">
      <PageHeader
        title={t('frontlineUi.pointCall.title')}
        hint={t('frontlineUi.pointCall.hint')}
        extra={
          <Space wrap>
            <Select showSearch optionFilterProp="label" placeholder={t('frontlineUi.pointCall.pickPost')} value={postId} onChange={(v) => setParams({ postId: v })} style={{ width: 220 }} options={frontLine} data-testid="point-call-post" />
            {card && !card.isDraft && (
              <Link to={`/print/posts/${postId}/point-call`}>
                <Button>{t('frontlineUi.pointCall.print')}</Button>
              </Link>
            )}
          </Space>
        }
      />
      {card && (
        <>
          {card.isDraft && <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('frontlineUi.pointCall.draft')} />}
          <Card size="small" title={`${card.postName} · ${card.isDraft ? t('frontlineUi.pointCall.draftTag') : t('frontlineUi.scenarios.revision', { revision: card.revision })}`} style={{ marginBottom: 16 }}>
            <Table
              size="small"
              rowKey={(_r, i) => String(i)}
              pagination={false}
              dataSource={steps}
              columns={[
                { key: 'n', title: '#', width: 40, render: (_v, _r, i) => i + 1 },
                { key: 'step', title: t('frontlineUi.pointCall.step'), width: 120, render: (_v, r, i) => <Input value={r.step} disabled={!isEditor} onChange={(e) => set(i, { step: e.target.value })} maxLength={50} /> },
                { key: 'look', title: t('frontlineUi.pointCall.look'), render: (_v, r, i) => <Input value={r.look} disabled={!isEditor} onChange={(e) => set(i, { look: e.target.value })} maxLength={200} /> },
                { key: 'say', title: t('frontlineUi.pointCall.say'), render: (_v, r, i) => <Input value={r.say} disabled={!isEditor} onChange={(e) => set(i, { say: e.target.value })} maxLength={200} /> },
                ...(isEditor
                  ? [
                      {
                        key: 'ops',
                        title: '',
                        width: 110,
                        render: (_v: unknown, _r: Step, i: number) => (
                          <Space size={2}>
                            <Button size="small" icon={<ArrowUpOutlined />} disabled={i === 0} onClick={() => move(i, -1)} />
                            <Button size="small" icon={<ArrowDownOutlined />} disabled={i === steps.length - 1} onClick={() => move(i, 1)} />
                            <Button size="small" danger icon={<DeleteOutlined />} onClick={() => setSteps(steps.filter((_s, j) => j !== i))} />
                          </Space>
                        ),
                      },
                    ]
                  : []),
              ]}
            />
            {isEditor && (
              <Space style={{ marginTop: 12 }}>
                <Button icon={<PlusOutlined />} onClick={() => setSteps([...steps, { step: '作业中', look: '', say: '' }])}>
                  {t('frontlineUi.pointCall.addStep')}
                </Button>
                <Button type="primary" disabled={!isDirty && !card.isDraft} loading={save.isPending} onClick={() => save.mutate()} data-testid="point-call-save">
                  {t('frontlineUi.pointCall.save')}
                </Button>
              </Space>
            )}
          </Card>
          {!card.isDraft && (
            <Card size="small" title={t('frontlineUi.pointCall.spotChecks')}>
              {isEditor && (
                <Space wrap style={{ marginBottom: 12 }}>
                  <Select placeholder={t('frontlineUi.pointCall.performer')} value={performer} onChange={setPerformer} style={{ width: 160 }} options={card.workers.map((w) => ({ value: w.id, label: w.name }))} />
                  <Radio.Group value={isCorrect} onChange={(e) => setIsCorrect(e.target.value as boolean)}>
                    <Radio.Button value={true}>{t('frontlineUi.pointCall.correct')}</Radio.Button>
                    <Radio.Button value={false}>{t('frontlineUi.pointCall.incorrect')}</Radio.Button>
                  </Radio.Group>
                  <Input placeholder={t('frontlineUi.pointCall.note')} value={note} onChange={(e) => setNote(e.target.value)} style={{ width: 220 }} maxLength={500} />
                  <Button type="primary" disabled={!performer} loading={spot.isPending} onClick={() => spot.mutate()}>
                    {t('frontlineUi.pointCall.recordSpot')}
                  </Button>
                </Space>
              )}
              <Table
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={card.spotChecks}
                locale={{ emptyText: t('common.empty') }}
                columns={[
                  { key: 'at', title: t('frontlineUi.pointCall.checkedAt'), render: (_v, c) => formatDateTime(c.checkedAt, timeZone, i18n.language) },
                  { key: 'who', title: t('frontlineUi.pointCall.performer'), render: (_v, c) => c.performer.name },
                  { key: 'ok', title: t('frontlineUi.pointCall.result'), render: (_v, c) => <Tag color={c.isCorrect ? 'green' : 'red'}>{c.isCorrect ? t('frontlineUi.pointCall.correct') : t('frontlineUi.pointCall.incorrect')}</Tag> },
                  { key: 'note', title: t('frontlineUi.pointCall.note'), dataIndex: 'note' },
                  { key: 'by', title: t('frontlineUi.pointCall.checkedBy'), dataIndex: 'checkedBy' },
                ]}
              />
            </Card>
          )}
        </>
      )}
    </div>
  );
}
