import { useQuery } from '@tanstack/react-query';
import { Alert, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EnterpriseCampaignDto } from '../../../schemas/oversight-campaigns.js';
import { api } from '../../app/api/api-client';

/** The enterprise's self-assessment page: the county campaigns covering it, with their deadline and its status. */
export function CampaignNotice() {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: ['/api/v1/standardization/campaigns'], queryFn: () => api<{ items: EnterpriseCampaignDto[] }>('/api/v1/standardization/campaigns') });
  const items = q.data?.items ?? [];
  if (!items.length) return null;
  return (
    <Space direction="vertical" style={{ width: '100%', marginBottom: 12 }} data-testid="campaign-notice">
      {items.map((c) => (
        <Alert
          key={c.id}
          type={c.status === 'completed' ? 'success' : 'info'}
          showIcon
          message={t('campaignUi.notice', { title: c.title, deadline: c.deadline })}
          description={c.status === 'completed' ? `${t('campaignUi.completed')}${c.score !== null ? ` · ${t('campaignUi.score')} ${c.score}` : ''}` : t(c.status === 'in_progress' ? 'campaignUi.inProgress' : 'campaignUi.notStarted')}
        />
      ))}
    </Space>
  );
}
