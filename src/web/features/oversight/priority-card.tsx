import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, List, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CountyEnterpriseDto } from '../../../schemas/oversight-county.js';
import { api } from '../../app/api/api-client';
import { currentLocale } from '../../app/i18n/i18n';
import { gradeColor } from './grade-tag';

/** The month's inspection priority list, following the supervision grade (差异化执法). */
export function PriorityCard({ onOpen }: { onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const month = new Date().getMonth() + 1;
  const path = '/api/v1/oversight/county/priority';
  const list = useQuery({ queryKey: [path, month], queryFn: () => api<{ items: CountyEnterpriseDto[]; truncatedAt: number | null }>(path, { query: { month } }) });
  return (
    <Card size="small" title={t('countyUi.priority', { monthName: new Intl.DateTimeFormat(currentLocale(), { month: 'long' }).format(new Date()) })} style={{ marginTop: 12 }} data-testid="county-priority">
      {list.data?.truncatedAt != null && <Alert type="warning" showIcon style={{ marginBottom: 8 }} data-testid="county-priority-truncated" message={t('countyUi.priorityTruncated', { n: list.data.truncatedAt.toLocaleString() })} />}
      <List
        size="small"
        loading={list.isLoading}
        locale={{ emptyText: t('countyUi.priorityEmpty') }}
        dataSource={list.data?.items ?? []}
        renderItem={(r) => (
          <List.Item actions={[<Button key="open" size="small" type="link" onClick={() => onOpen(r.enterpriseId)}>{t('countyUi.open')}</Button>]}>
            <Tag color={r.supervisionGrade ? gradeColor[r.supervisionGrade] : undefined}>{r.supervisionGrade}</Tag>
            {r.name}
            {r.gradeReasons[0] ? ` — ${r.gradeReasons[0].text[currentLocale()]}` : ''}
          </List.Item>
        )}
      />
    </Card>
  );
}
