import { Button, Descriptions, List, Space, Tag, Typography } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { managerRoles } from '../../../schemas/auth.js';
import type { LegalRequirementDto } from '../../../schemas/legal-register.js';
import { hasRole, useMe } from '../../app/auth/use-me';
import { PageHeader } from '../../app/ui/page-header';
import { ResponsiveTable } from '../../app/ui/responsive-table';
import { useLegalRequirements } from './legal-api';
import { ClausesModal, CreateRequirementModal, EvaluateModal, StarterModal } from './legal-modals';

const resultColours = { compliant: 'success', non_compliant: 'error', not_applicable: 'default' } as const;

/** 法律法规及其他要求 (issue 14 §6): the register, clause mappings and the yearly compliance evaluation. */
export function LegalRegisterPage() {
  const { t } = useTranslation();
  const me = useMe();
  const isManager = me.data ? hasRole(me.data, managerRoles) : false;
  const list = useLegalRequirements();
  const [isStarterOpen, setStarterOpen] = useState(false);
  const [isCreateOpen, setCreateOpen] = useState(false);
  const [clausesOf, setClausesOf] = useState<LegalRequirementDto | null>(null);
  const [evaluating, setEvaluating] = useState<LegalRequirementDto | null>(null);
  const year = new Date().getFullYear();

  const columns: ColumnType<LegalRequirementDto>[] = [
    {
      key: 'title',
      title: t('documentsUi.legal.titleField'),
      render: (_v, r) => (
        <Space size={4} wrap>
          {r.title}
          {r.isUnconfirmed && <Tag color="warning">{t('documentsUi.legal.unconfirmed')}</Tag>}
        </Space>
      ),
    },
    { key: 'kind', title: t('documentsUi.legal.kind'), render: (_v, r) => t(`documentsUi.legal.kinds.${r.kind}`) },
    { key: 'no', title: t('documentsUi.legal.documentNo'), dataIndex: 'documentNo' },
    { key: 'edition', title: t('documentsUi.legal.edition'), render: (_v, r) => `${r.edition}${r.effectiveOn ? ` · ${r.effectiveOn}` : ''}` },
    { key: 'clauses', title: t('documentsUi.legal.clauses'), render: (_v, r) => r.clauses.length },
    {
      key: 'evaluation',
      title: t('documentsUi.legal.evaluate'),
      render: (_v, r) =>
        r.evaluation ? (
          <Tag color={resultColours[r.evaluation.result]} data-testid={`legal-result-${r.id}`}>{`${t('documentsUi.legal.evaluatedThisYear', { year: r.evaluation.year })}：${t(`documentsUi.legal.results.${r.evaluation.result}`)}`}</Tag>
        ) : (
          <Tag>{t('documentsUi.legal.notEvaluated', { year })}</Tag>
        ),
    },
    ...(isManager
      ? [
          {
            key: 'actions',
            title: '',
            render: (_v: unknown, r: LegalRequirementDto) => (
              <Space size={4}>
                <Button size="small" onClick={() => setClausesOf(r)}>
                  {t('documentsUi.legal.clauses')}
                </Button>
                <Button size="small" type="primary" onClick={() => setEvaluating(r)} data-testid={`legal-evaluate-${r.refKey ?? r.id}`}>
                  {t('documentsUi.legal.evaluate')}
                </Button>
              </Space>
            ),
          },
        ]
      : []),
  ];

  const names = (items: { name: string }[]) => items.map((x) => x.name).join('、') || '—';
  return (
    <div data-testid="legal-register">
      <PageHeader
        title={t('documentsUi.legal.title')}
        hint={t('documentsUi.legal.hint')}
        extra={
          isManager && (
            <Space>
              <Button onClick={() => setCreateOpen(true)}>{t('documentsUi.legal.add')}</Button>
              <Button type="primary" onClick={() => setStarterOpen(true)} data-testid="legal-add-starter">
                {t('documentsUi.legal.addStarter')}
              </Button>
            </Space>
          )
        }
      />
      <ResponsiveTable<LegalRequirementDto>
        dataSource={list.data?.items ?? []}
        columns={columns}
        loading={list.isLoading}
        locale={{ emptyText: t('documentsUi.legal.none') }}
        expandable={{
          expandedRowRender: (r) => (
            <Space direction="vertical" style={{ width: '100%' }}>
              {r.note && <Typography.Text type="secondary">{r.note}</Typography.Text>}
              <List
                size="small"
                header={t('documentsUi.legal.clauses')}
                dataSource={r.clauses}
                renderItem={(c) => (
                  <List.Item>
                    <Descriptions size="small" column={1} title={`${c.clause} ${c.summary}`} extra={c.isUnconfirmed ? <Tag color="warning">{t('documentsUi.legal.unconfirmed')}</Tag> : null}>
                      <Descriptions.Item label={t('documentsUi.legal.posts')}>{names(c.posts)}</Descriptions.Item>
                      <Descriptions.Item label={t('documentsUi.legal.orgUnits')}>{names(c.orgUnits)}</Descriptions.Item>
                      <Descriptions.Item label={t('documentsUi.legal.risks')}>{names(c.risks)}</Descriptions.Item>
                      <Descriptions.Item label={t('documentsUi.legal.documents')}>
                        {c.documents.length ? c.documents.map((d) => <Link key={d.id} to={`/documents/${d.id}`} style={{ marginRight: 8 }}>{d.name}</Link>) : '—'}
                      </Descriptions.Item>
                    </Descriptions>
                  </List.Item>
                )}
              />
              <List
                size="small"
                header={t('documentsUi.legal.evaluations')}
                dataSource={r.evaluations}
                renderItem={(e) => (
                  <List.Item>
                    <Space wrap>
                      <Tag color={resultColours[e.result]}>{`${e.year} ${t(`documentsUi.legal.results.${e.result}`)}`}</Tag>
                      <Typography.Text type="secondary">{e.evaluatedOn}</Typography.Text>
                      {e.evidence && <span>{`${t('documentsUi.legal.evidence')}：${e.evidence}`}</span>}
                      {e.findings && <span>{`${t('documentsUi.legal.findings')}：${e.findings}`}</span>}
                      {e.action && <span>{`${t('documentsUi.legal.action')}：${e.action}（${e.actionOwnerName ?? '—'}，${e.actionDeadline ?? ''}）`}</span>}
                      {e.capaId && <Link to={`/improvement/capas/${e.capaId}`}>CAPA</Link>}
                    </Space>
                  </List.Item>
                )}
              />
            </Space>
          ),
        }}
      />
      <StarterModal isOpen={isStarterOpen} onClose={() => setStarterOpen(false)} />
      <CreateRequirementModal isOpen={isCreateOpen} onClose={() => setCreateOpen(false)} />
      <ClausesModal requirement={clausesOf} onClose={() => setClausesOf(null)} />
      <EvaluateModal requirement={evaluating} year={year} onClose={() => setEvaluating(null)} />
    </div>
  );
}
