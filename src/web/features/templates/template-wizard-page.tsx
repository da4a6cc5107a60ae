import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, InputNumber, Result, Row, Select, Skeleton, Space, Steps, Table, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { type EnterpriseDto, type Industry, industries } from '../../../schemas/org.js';
import type { TemplateApplicationInput, TemplateApplicationResult } from '../../../schemas/templates.js';
import { templateApplicationInputSchema } from '../../../schemas/templates.js';
import type { z } from 'zod';
import type { templateSummarySchema } from '../../../schemas/templates.js';
import { api } from '../../app/api/api-client';
import { useCanManage } from '../../app/auth/use-me';
import { LevelTag } from '../../app/ui/level-tag';
import { PageHeader } from '../../app/ui/page-header';

type TemplateSummary = z.infer<typeof templateSummarySchema>;
type TemplatePost = TemplateSummary['posts'][number];

interface PostChoice {
  headcount: number;
  riskSetKeys: string[];
  /** Issue 8 item 5: where the post works; a hazardous place asks how many people work there at once (seed 001 第七条). */
  areas: { name: string; peopleAtOnce: number }[];
}

const defaultAreas = (p: TemplatePost) => p.places.map((pl) => ({ name: pl.name, peopleAtOnce: pl.peopleAtOnce }));

function useTemplates() {
  const { i18n } = useTranslation();
  return useQuery({ queryKey: ['templates', i18n.language], staleTime: 10 * 60_000, queryFn: () => api<{ items: TemplateSummary[] }>('/api/v1/templates') });
}

/** Template wizard: industry → posts (headcounts, non-routine sets) → confirm; creates posts, risks, measures, items. */
export function TemplateWizardPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const client = useQueryClient();
  const canManage = useCanManage();
  const templates = useTemplates();
  const enterprise = useQuery({ queryKey: ['/api/v1/enterprises/current'], queryFn: () => api<EnterpriseDto>('/api/v1/enterprises/current') });
  const [step, setStep] = useState(0);
  const [industry, setIndustry] = useState<Industry | null>(null);
  const [ticked, setTicked] = useState<string[]>([]);
  const [choices, setChoices] = useState<Record<string, PostChoice>>({});

  // Start from the enterprise's own industry.
  useEffect(() => {
    if (industry === null && enterprise.data) setIndustry(enterprise.data.industry);
  }, [enterprise.data, industry]);

  const template = useMemo(() => templates.data?.items.find((x) => x.industry === industry) ?? null, [templates.data, industry]);

  function chooseIndustry(next: Industry) {
    setIndustry(next);
    const tpl = templates.data?.items.find((x) => x.industry === next);
    if (!tpl) return;
    setTicked(tpl.posts.map((p) => p.key));
    setChoices(Object.fromEntries(tpl.posts.map((p) => [p.key, { headcount: p.defaultHeadcount, riskSetKeys: [], areas: defaultAreas(p) }])));
  }

  // Default ticks when the industry was preset from the enterprise.
  useEffect(() => {
    if (template && Object.keys(choices).length === 0) chooseIndustry(template.industry);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [template]);

  const apply = useMutation({
    mutationFn: (input: TemplateApplicationInput) => api<TemplateApplicationResult>('/api/v1/template-applications', { method: 'POST', body: input }),
    onSuccess: async () => {
      await client.invalidateQueries();
      setStep(3);
    },
    onError: (error) => void message.error(error.message),
  });

  if (!canManage) return <Result status="403" title={t('app.forbidden')} />;
  if (templates.isLoading || enterprise.isLoading) return <Skeleton active />;

  const chosenPosts = template ? template.posts.filter((p) => ticked.includes(p.key)) : [];
  const totals = chosenPosts.reduce(
    (acc, p) => {
      const sets = (choices[p.key]?.riskSetKeys ?? []).map((k) => template?.riskSets.find((s) => s.key === k)?.riskCount ?? 0);
      return { risks: acc.risks + p.riskCount + sets.reduce((a, b) => a + b, 0), measures: acc.measures + p.measureCount };
    },
    { risks: 0, measures: 0 },
  );

  function confirm() {
    if (!template) return;
    const input = {
      industry: template.industry,
      posts: chosenPosts.map((p) => ({
        key: p.key,
        headcount: choices[p.key]?.headcount ?? p.defaultHeadcount,
        riskSetKeys: choices[p.key]?.riskSetKeys ?? [],
        areas: choices[p.key]?.areas ?? defaultAreas(p),
      })),
    };
    const parsed = templateApplicationInputSchema.safeParse(input);
    if (!parsed.success) {
      void message.error(parsed.error.issues.map((i) => i.message).join('；'));
      return;
    }
    apply.mutate(parsed.data);
  }

  const setChoice = (key: string, patch: Partial<PostChoice>) =>
    setChoices((prev) => ({ ...prev, [key]: { headcount: prev[key]?.headcount ?? 0, riskSetKeys: prev[key]?.riskSetKeys ?? [], areas: prev[key]?.areas ?? [], ...patch } }));
  // A place's 第七条 hazards, wherever the template suggests it.
  const hazardsOf = (name: string) => template?.posts.flatMap((p) => p.places).find((pl) => pl.name === name)?.hazardKinds ?? [];

  return (
    <div data-testid="template-wizard">
      <PageHeader title={t('templateUi.wizard.title')} hint={t('templateUi.wizard.hint', { name: enterprise.data?.name ?? '' })} />
      <Steps
        current={step}
        style={{ marginBottom: 16 }}
        items={[{ title: t('templateUi.wizard.stepIndustry') }, { title: t('templateUi.wizard.stepPosts') }, { title: t('templateUi.wizard.stepConfirm') }, { title: t('templateUi.wizard.stepDone') }]}
      />
      {step === 0 && (
        <>
          <Row gutter={[12, 12]}>
            {industries.map((ind) => {
              const tpl = templates.data?.items.find((x) => x.industry === ind);
              const isActive = ind === industry;
              return (
                <Col xs={24} sm={12} lg={6} key={ind}>
                  <Card
                    hoverable
                    size="small"
                    role="radio"
                    aria-checked={isActive}
                    tabIndex={0}
                    data-testid={`industry-${ind}`}
                    onClick={() => chooseIndustry(ind)}
                    onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && chooseIndustry(ind)}
                    style={{ borderColor: isActive ? '#1677ff' : undefined, borderWidth: isActive ? 2 : 1, height: '100%' }}
                    title={
                      <Space>
                        {t(`industry.${ind}`)}
                        {enterprise.data?.industry === ind && <Tag color="blue">{t('templateUi.wizard.yourIndustry')}</Tag>}
                      </Space>
                    }
                  >
                    <Typography.Text>{t('templateUi.wizard.postCount', { count: tpl?.posts.length ?? 0 })}</Typography.Text>
                    <ul style={{ margin: '6px 0 0', paddingLeft: 16, fontSize: 12, color: 'rgba(0,0,0,0.55)' }}>
                      {(tpl?.basis ?? []).map((b) => (
                        <li key={b}>{b}</li>
                      ))}
                    </ul>
                  </Card>
                </Col>
              );
            })}
          </Row>
          <div style={{ marginTop: 16, textAlign: 'right' }}>
            <Button type="primary" disabled={!template} onClick={() => setStep(1)} data-testid="wizard-next">
              {t('templateUi.wizard.next')}
            </Button>
          </div>
        </>
      )}
      {step === 1 && template && (
        <>
          <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('templateUi.wizard.postsHint')} />
          <Table<TemplatePost>
            rowKey="key"
            size="middle"
            pagination={false}
            dataSource={template.posts}
            scroll={{ x: 'max-content' }}
            rowSelection={{ selectedRowKeys: ticked, onChange: (keys) => setTicked(keys as string[]) }}
            columns={[
              { key: 'name', dataIndex: 'name', title: t('post.name'), render: (name: string) => <Typography.Text strong>{name}</Typography.Text> },
              { key: 'kind', dataIndex: 'kind', title: t('post.kind'), render: (k: TemplatePost['kind']) => <Tag color={k === 'management' ? 'geekblue' : 'default'}>{t(`postKind.${k}`)}</Tag> },
              { key: 'risks', dataIndex: 'riskCount', title: t('templateUi.wizard.riskCount'), align: 'right' },
              { key: 'measures', dataIndex: 'measureCount', title: t('templateUi.wizard.measureCount'), align: 'right' },
              { key: 'level', dataIndex: 'highestLevel', title: t('templateUi.wizard.highestLevel'), render: (l: TemplatePost['highestLevel']) => <LevelTag level={l} /> },
              {
                key: 'headcount',
                title: t('post.headcount'),
                render: (_v, p) => (
                  <InputNumber
                    size="small"
                    min={0}
                    max={100000}
                    precision={0}
                    style={{ width: 80 }}
                    disabled={!ticked.includes(p.key)}
                    value={choices[p.key]?.headcount ?? p.defaultHeadcount}
                    onChange={(v) => setChoice(p.key, { headcount: v ?? 0 })}
                    aria-label={`${p.name} ${t('post.headcount')}`}
                  />
                ),
              },
              {
                key: 'areas',
                title: t('templateUi.wizard.areas'),
                render: (_v, p) => {
                  const areas = choices[p.key]?.areas ?? defaultAreas(p);
                  return (
                    <Space orientation="vertical" size={4} data-testid={`wizard-areas-${p.key}`}>
                      <Select
                        size="small"
                        mode="tags"
                        style={{ minWidth: 180 }}
                        disabled={!ticked.includes(p.key)}
                        placeholder={t('templateUi.wizard.areasPlaceholder')}
                        value={areas.map((a) => a.name)}
                        onChange={(names: string[]) =>
                          setChoice(p.key, {
                            areas: names.map((name) => areas.find((a) => a.name === name) ?? { name, peopleAtOnce: p.places.find((pl) => pl.name === name)?.peopleAtOnce ?? 0 }),
                          })
                        }
                        aria-label={`${p.name} ${t('templateUi.wizard.areas')}`}
                      />
                      {areas
                        .filter((a) => hazardsOf(a.name).length > 0)
                        .map((a) => (
                          <Space key={a.name} size={4}>
                            <Typography.Text type="secondary">{t('templateUi.wizard.peopleAtOnce', { name: a.name, hazards: hazardsOf(a.name).map((k) => t(`area.hazardKind.${k}`)).join('、') })}</Typography.Text>
                            <InputNumber
                              size="small"
                              min={0}
                              max={100000}
                              precision={0}
                              style={{ width: 64 }}
                              disabled={!ticked.includes(p.key)}
                              value={a.peopleAtOnce}
                              onChange={(v) => setChoice(p.key, { areas: areas.map((x) => (x.name === a.name ? { ...x, peopleAtOnce: v ?? 0 } : x)) })}
                              aria-label={`${p.name} ${a.name} ${t('area.maxPeopleAtOnce')}`}
                            />
                          </Space>
                        ))}
                    </Space>
                  );
                },
              },
              {
                key: 'sets',
                title: t('templateUi.wizard.riskSets'),
                render: (_v, p) => (
                  <Select
                    size="small"
                    mode="multiple"
                    allowClear
                    style={{ minWidth: 220 }}
                    disabled={!ticked.includes(p.key)}
                    placeholder={t('templateUi.wizard.riskSetsPlaceholder')}
                    value={choices[p.key]?.riskSetKeys ?? []}
                    onChange={(v: string[]) => setChoice(p.key, { riskSetKeys: v })}
                    options={template.riskSets.map((s) => ({ value: s.key, label: `${s.name}（${s.riskCount}）` }))}
                  />
                ),
              },
            ]}
          />
          <Space style={{ marginTop: 16, display: 'flex', justifyContent: 'flex-end' }}>
            <Button onClick={() => setStep(0)}>{t('templateUi.wizard.back')}</Button>
            <Button type="primary" disabled={ticked.length === 0} onClick={() => setStep(2)} data-testid="wizard-next">
              {t('templateUi.wizard.next')}
            </Button>
          </Space>
        </>
      )}
      {step === 2 && template && (
        <Card size="small">
          <Typography.Paragraph>
            {t('templateUi.wizard.confirmText', { industry: t(`industry.${template.industry}`), posts: chosenPosts.length, risks: totals.risks, measures: totals.measures })}
          </Typography.Paragraph>
          <Space size={[4, 8]} wrap style={{ marginBottom: 12 }}>
            {chosenPosts.map((p) => (
              <Tag key={p.key}>
                {p.name} × {choices[p.key]?.headcount ?? p.defaultHeadcount}
                {(choices[p.key]?.riskSetKeys.length ?? 0) > 0 && ` + ${choices[p.key]?.riskSetKeys.length}`}
              </Tag>
            ))}
          </Space>
          <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('templateUi.wizard.confirmHint')} />
          <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
            <Button onClick={() => setStep(1)}>{t('templateUi.wizard.back')}</Button>
            <Button type="primary" loading={apply.isPending} onClick={confirm} data-testid="wizard-apply">
              {t('templateUi.wizard.apply')}
            </Button>
          </Space>
        </Card>
      )}
      {step === 3 && apply.data && (
        <Result
          status="success"
          title={t('templateUi.wizard.doneTitle')}
          subTitle={t('templateUi.wizard.doneCounts', { posts: apply.data.posts, risks: apply.data.risks, measures: apply.data.measures, items: apply.data.inspectionItems })}
          extra={[
            <Button type="primary" key="posts" onClick={() => navigate('/org/posts')} data-testid="wizard-to-posts">
              {t('templateUi.wizard.toPosts')}
            </Button>,
            <Button key="risks" onClick={() => navigate('/risks')}>
              {t('templateUi.wizard.toRegister')}
            </Button>,
          ]}
        />
      )}
    </div>
  );
}
