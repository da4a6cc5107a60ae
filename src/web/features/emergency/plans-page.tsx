import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, List, Modal, Select, Space, Tag, Typography } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { managerRoles } from '../../../schemas/auth.js';
import type { PlanDetailDto, PlanDto, ScenarioProposalDto } from '../../../schemas/emergency.js';
import { planKinds } from '../../../reference/emergency-plans.js';
import { api } from '../../app/api/api-client';
import { hasRole, useMe } from '../../app/auth/use-me';
import { PageHeader } from '../../app/ui/page-header';
import { ResponsiveTable } from '../../app/ui/responsive-table';
import { usePosts } from '../org/use-org-lookups';
import { emergencyPaths, usePlans, useScenarios } from './emergency-api';

/** 应急预案: the plans in use, and the scenarios proposed from the enterprise's own risks. */
export function PlansPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const isManager = me.data ? hasRole(me.data, managerRoles) : false;
  const plans = usePlans();
  const scenarios = useScenarios();
  const posts = usePosts();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [creating, setCreating] = useState<Partial<{ kind: string; title: string; scenarioCode: string | null; postId: string | null }> | null>(null);
  const [form] = Form.useForm();
  const create = useMutation({
    mutationFn: (body: unknown) => api<PlanDetailDto>(emergencyPaths.plans, { method: 'POST', body }),
    onSuccess: async (plan) => {
      await client.invalidateQueries({ queryKey: [emergencyPaths.plans] });
      await client.invalidateQueries({ queryKey: [emergencyPaths.scenarios] });
      setCreating(null);
      void navigate(`/emergency/plans/${plan.id}`);
    },
    onError: (e) => void message.error(e.message),
  });
  const startFrom = (s: ScenarioProposalDto) => {
    const values = { kind: s.kind === 'onsite' ? 'special' : s.kind, title: `${s.label}${t(`emergencyUi.kinds.${s.kind === 'onsite' ? 'special' : s.kind}`)}`, scenarioCode: s.code, postId: null };
    form.setFieldsValue(values);
    setCreating(values);
  };

  const columns: ColumnType<PlanDto>[] = [
    { key: 'title', title: t('emergencyUi.plans.titleField'), render: (_v, p) => <Link to={`/emergency/plans/${p.id}`}>{p.title}</Link> },
    { key: 'kind', title: t('emergencyUi.plans.kind'), render: (_v, p) => t(`emergencyUi.kinds.${p.kind}`) },
    { key: 'post', title: t('emergencyUi.plans.post'), render: (_v, p) => p.postName ?? '' },
    {
      key: 'current',
      title: t('emergencyUi.plans.current'),
      render: (_v, p) => (
        <Space size={4} wrap>
          {p.current && <Tag color="success">{t('emergencyUi.plan.version', { no: p.current.versionNo })}</Tag>}
          {p.draft && <Tag color="processing">{`${t('emergencyUi.plans.draft')} ${t('emergencyUi.plan.version', { no: p.draft.versionNo })}`}</Tag>}
        </Space>
      ),
    },
    { key: 'review', title: t('emergencyUi.plans.reviewDue'), render: (_v, p) => p.current?.reviewDueOn ?? '' },
  ];

  return (
    <div data-testid="emergency-plans">
      <PageHeader
        title={t('emergencyUi.plans.title')}
        hint={t('emergencyUi.plans.hint')}
        extra={
          isManager && (
            <Button
              type="primary"
              onClick={() => {
                form.resetFields();
                setCreating({});
              }}
            >
              {t('emergencyUi.plans.newPlan')}
            </Button>
          )
        }
      />
      {(scenarios.data?.items.length ?? 0) > 0 && (
        <Card size="small" title={t('emergencyUi.plans.proposals')} style={{ marginBottom: 16 }}>
          <List
            dataSource={scenarios.data?.items ?? []}
            renderItem={(s) => (
              <List.Item
                data-testid={`scenario-${s.code}`}
                actions={[
                  s.planId ? (
                    <Link key="open" to={`/emergency/plans/${s.planId}`}>
                      {t('emergencyUi.plans.open')}
                    </Link>
                  ) : isManager ? (
                    <Button key="draft" size="small" onClick={() => startFrom(s)}>
                      {t('emergencyUi.plans.draftFrom')}
                    </Button>
                  ) : null,
                ]}
              >
                <List.Item.Meta title={s.label} description={s.reasons.join('；')} />
              </List.Item>
            )}
          />
        </Card>
      )}
      <ResponsiveTable<PlanDto> dataSource={plans.data?.items ?? []} columns={columns} loading={plans.isLoading} locale={{ emptyText: t('emergencyUi.plans.none') }} />
      <Modal
        open={creating !== null}
        title={t('emergencyUi.plans.newPlan')}
        onCancel={() => setCreating(null)}
        okButtonProps={{ loading: create.isPending, id: 'create-plan-ok' }}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" initialValues={creating ?? {}} onFinish={(v) => create.mutate({ kind: v.kind, title: v.title, scenarioCode: v.scenarioCode ?? null, postId: v.postId ?? null })}>
          <Form.Item name="kind" label={t('emergencyUi.plans.kind')} rules={[{ required: true }]}>
            <Select options={planKinds.map((k) => ({ value: k, label: t(`emergencyUi.kinds.${k}`) }))} />
          </Form.Item>
          <Form.Item name="title" label={t('emergencyUi.plans.titleField')} rules={[{ required: true }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="scenarioCode" label={t('emergencyUi.plans.scenario')}>
            <Select allowClear options={(scenarios.data?.items ?? []).map((s) => ({ value: s.code, label: s.label }))} />
          </Form.Item>
          <Form.Item name="postId" label={t('emergencyUi.plans.post')}>
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={posts.options} />
          </Form.Item>
          <Typography.Text type="secondary">{t('emergencyUi.plan.approveHint')}</Typography.Text>
        </Form>
      </Modal>
    </div>
  );
}
