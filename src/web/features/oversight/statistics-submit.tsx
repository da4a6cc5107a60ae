import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StatisticsSubmissionDto } from '../../../schemas/oversight-statistics.js';
import { api } from '../../app/api/api-client';
import { hasRole, useCurrentUser } from '../../app/auth/use-me';

const path = '/api/v1/statistics-submissions';

/** 16号令 Art. 14: the enterprise submits a finished period's statistics to the bureau (once). */
export function StatisticsSubmit({ year, quarter, hasEnded }: { year: number; quarter: number | null; hasEnded: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const isManager = hasRole(useCurrentUser(), ['principal', 'safety_manager']);
  const list = useQuery({ queryKey: [path], enabled: isManager, queryFn: () => api<{ items: StatisticsSubmissionDto[] }>(path) });
  const submit = useMutation({
    mutationFn: () => api<StatisticsSubmissionDto>(path, { method: 'POST', body: { year, quarter } }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: [path] });
      await client.invalidateQueries({ queryKey: ['/api/v1/due-items'] });
      void message.success(t('statisticsUi.submitted'));
    },
    onError: (error) => void message.error(error.message),
  });
  if (!isManager) return null;
  const key = quarter ? `${year}-Q${quarter}` : String(year);
  const sent = list.data?.items.find((s) => s.periodKey === key);
  if (sent) return <Tag color={sent.isLate ? 'orange' : 'green'} data-testid="statistics-submitted">{t(sent.isLate ? 'statisticsUi.sentLate' : 'statisticsUi.sent', { at: new Date(sent.submittedAt).toLocaleDateString() })}</Tag>;
  return (
    <Button type="primary" disabled={!hasEnded} loading={submit.isPending} onClick={() => submit.mutate()} data-testid="statistics-submit" title={hasEnded ? undefined : t('statisticsUi.notEnded')}>
      {t('statisticsUi.submit')}
    </Button>
  );
}
