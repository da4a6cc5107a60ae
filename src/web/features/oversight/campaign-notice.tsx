import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { managerRoles } from '../../../schemas/auth.js';
import type { EnterpriseCampaignDto } from '../../../schemas/oversight-campaigns.js';
import { api } from '../../app/api/api-client';
import { hasRole, useMe } from '../../app/auth/use-me';

/** The enterprise's self-assessment page: the county campaigns covering it, with their deadline and its status;
 * a manager starts a self-assessment on the campaign's sheet from here (`onStart(sheetRef)`). */
export function CampaignNotice({ onStart }: { onStart(sheetRef: string): void }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const q = useQuery({ queryKey: ['/api/v1/standardization/campaigns'], queryFn: () => api<{ items: EnterpriseCampaignDto[] }>('/api/v1/standardization/campaigns') });
  const items = q.data?.items ?? [];
  if (!items.length) return null;
  const canStart = Boolean(me && hasRole(me, managerRoles));
  return (
    <Space direction="vertical" style={{ width: '100%', marginBottom: 12 }} data-testid="campaign-notice">
      {items.map((c) => (
        <Alert
          key={c.id}
          type={c.status === 'completed' ? 'success' : 'info'}
          showIcon
          message={t('campaignUi.notice', { title: c.title, deadline: c.deadline })}
          description={c.status === 'completed' ? `${t('campaignUi.completed')}${c.score !== null ? ` · ${t('campaignUi.score')} ${c.score}` : ''}` : t(c.status === 'in_progress' ? 'campaignUi.inProgress' : 'campaignUi.notStarted')}
          action={
            canStart && c.status === 'not_started' ? (
              <Button size="small" type="primary" onClick={() => onStart(c.sheetRef)}>
                {t('campaignUi.startOnSheet')}
              </Button>
            ) : undefined
          }
        />
      ))}
    </Space>
  );
}
