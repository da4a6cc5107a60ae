import { useQuery } from '@tanstack/react-query';
import { Badge, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EngagementSummaryDto } from '../../../schemas/consultancy.js';
import { api } from '../../app/api/api-client';
import { PageHeader } from '../../app/ui/page-header';
import { EngagementDrawer } from './engagement-drawer';

export const deskPath = '/api/v1/consultancy/desk';

/**
 * Issue 17 / seed 002: the consultant's desk — every engagement it works on, with phase, overdue
 * deliverables, open findings, the latest self-assessment score and the enterprise's alerts, without
 * switching enterprise (the header's switcher still enters one).
 */
export function ConsultantDeskPage() {
  const { t } = useTranslation();
  const [openId, setOpenId] = useState<string | null>(null);
  const desk = useQuery({ queryKey: [deskPath], queryFn: () => api<{ items: EngagementSummaryDto[] }>(deskPath) });
  return (
    <div data-testid="consultant-desk">
      <PageHeader title={t('consultancyUi.title')} hint={t('consultancyUi.hint')} />
      <Table<EngagementSummaryDto>
        rowKey="id"
        size="middle"
        pagination={false}
        loading={desk.isLoading}
        dataSource={desk.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('consultancyUi.empty') }}
        onRow={(r) => ({ onClick: () => setOpenId(r.id), style: { cursor: 'pointer' }, 'data-testid': 'engagement-row' }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { key: 'enterprise', title: t('consultancyUi.enterprise'), render: (_v, r) => <Typography.Text strong>{r.enterpriseName}</Typography.Text> },
          { key: 'consultancy', title: t('consultancyUi.consultancy'), dataIndex: 'consultancyName' },
          { key: 'phase', title: t('consultancyUi.phase'), render: (_v, r) => (r.endedAt ? <Tag title={t('engagementUi.endedAt', { at: r.endedAt.slice(0, 10) })}>{t('engagementUi.ended')}</Tag> : r.completedAt ? <Tag color="green">{t('consultancyUi.completed')}</Tag> : <Tag color="blue">{r.phaseTitle}</Tag>) },
          { key: 'overdue', title: t('consultancyUi.overdueDeliverables'), render: (_v, r) => <Badge count={r.overdueDeliverables} showZero color={r.overdueDeliverables ? 'orange' : 'green'} /> },
          { key: 'findings', title: t('consultancyUi.openFindings'), dataIndex: 'openFindings', align: 'right' },
          { key: 'score', title: t('consultancyUi.score'), align: 'right', render: (_v, r) => r.selfAssessmentScore ?? '—' },
          {
            key: 'alerts',
            title: t('consultancyUi.alerts'),
            render: (_v, r) =>
              Object.values(r.alerts).every((n) => !n) ? '—' : (
              <Space size={4} wrap>
                {r.alerts.openMajorHazards > 0 && <Tag color="red">{t('consultancyUi.alert.major', { n: r.alerts.openMajorHazards })}</Tag>}
                {r.alerts.overdueHazards > 0 && <Tag color="orange">{t('consultancyUi.alert.overdue', { n: r.alerts.overdueHazards })}</Tag>}
                {r.alerts.stopWorkInForce > 0 && <Tag color="red">{t('consultancyUi.alert.stopWork')}</Tag>}
                {r.alerts.certificatesLapsed > 0 && <Tag color="gold">{t('consultancyUi.alert.certificates', { n: r.alerts.certificatesLapsed })}</Tag>}
              </Space>
            ),
          },
          { key: 'contract', title: t('consultancyUi.contract'), render: (_v, r) => `${r.contractStart} ~ ${r.contractEnd}` },
        ]}
      />
      <EngagementDrawer engagementId={openId} onClose={() => setOpenId(null)} />
    </div>
  );
}
