import { CheckCircleTwoTone, RightOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Card, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { OnboardingChecklistDto } from '../../../schemas/onboarding.js';
import { api } from '../../app/api/api-client';
import { useCanManage } from '../../app/auth/use-me';

export const onboardingQueryKey = ['/api/v1/onboarding-checklist'];

/**
 * 还差几步 (issue 8 §4) on the home page: each missing step with its count and a link to fix it.
 * The server computes it from the records, so it shows until done and comes back on regression.
 */
export function OnboardingPanel() {
  const { t } = useTranslation();
  const canManage = useCanManage();
  const checklist = useQuery({
    queryKey: onboardingQueryKey,
    enabled: canManage,
    staleTime: 0,
    queryFn: () => api<OnboardingChecklistDto>('/api/v1/onboarding-checklist'),
  });
  const data = checklist.data;
  if (!canManage || !data || data.remaining === 0) return null;
  const open = data.steps.filter((s) => s.count > 0);
  return (
    <Card
      size="small"
      style={{ marginBottom: 12, borderColor: '#faad14' }}
      data-testid="onboarding-checklist"
      data-remaining={data.remaining}
      title={
        <span>
          {t('onboarding.title')} <Tag color="orange">{data.remaining}</Tag>
        </span>
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('onboarding.hint')}
      </Typography.Paragraph>
      <List
        size="small"
        dataSource={open}
        renderItem={(s) => (
          <List.Item
            data-testid={`onboarding-step-${s.key}`}
            data-count={s.count}
            actions={[
              <Link key="fix" to={s.link} data-testid={`onboarding-fix-${s.key}`}>
                {t('onboarding.fix')} <RightOutlined />
              </Link>,
            ]}
          >
            {t(`onboarding.step.${s.key}`, { count: s.count })}
          </List.Item>
        )}
      />
      {data.steps.length > open.length && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          <CheckCircleTwoTone twoToneColor="#52c41a" /> {data.steps.length - open.length} / {data.steps.length}
        </Typography.Text>
      )}
    </Card>
  );
}
