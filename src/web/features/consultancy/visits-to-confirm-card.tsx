import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EnterpriseVisitDto } from '../../../schemas/consultancy.js';
import { api } from '../../app/api/api-client';
import { hasRole, useCurrentUser } from '../../app/auth/use-me';
import { LoadMore } from '../../app/ui/load-more';
import { usePagedList } from '../../app/ui/use-paged-list';
import { signOffsPath } from '../sign-offs/sign-off-list';
import { VisitLine } from './engagement-visits';

const visitsPath = '/api/v1/engagement-visits';

/**
 * The enterprise's side of seed 002's visit records: the consultancy's visits waiting for confirmation;
 * the principal or a safety manager confirms each through the sign-off mechanism (logged in, as itself).
 */
export function VisitsToConfirmCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const client = useQueryClient();
  const mayConfirm = hasRole(me, ['principal', 'safety_manager']);
  // Newest first, 20 at a time ("load more"); only those without the enterprise's confirmation.
  const pending = usePagedList<EnterpriseVisitDto>(visitsPath, { pending: true }, 20, mayConfirm);
  const confirm = useMutation({
    mutationFn: (id: string) => api(signOffsPath, { method: 'POST', body: { subjectType: 'engagement-visit', subjectId: id, role: 'enterprise', personId: me.personId, method: 'session' } }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: [visitsPath] });
      void message.success(t('consultancyUi.confirmed'));
    },
    onError: (e: Error) => void message.error(e.message),
  });
  const items = pending.items;
  if (!mayConfirm || items.length === 0) return null;
  return (
    <Card size="small" title={t('consultancyUi.toConfirmTitle')} style={{ marginBottom: 12 }} data-testid="visits-to-confirm">
      <Typography.Paragraph type="secondary">{t('consultancyUi.toConfirmHint')}</Typography.Paragraph>
      <List
        size="small"
        dataSource={items}
        renderItem={(v) => (
          <List.Item
            actions={[
              <Button key="confirm" type="primary" size="small" disabled={!me.personId} title={me.personId ? undefined : t('consultancyUi.noPerson')} loading={confirm.isPending && confirm.variables === v.id} onClick={() => confirm.mutate(v.id)} data-testid="confirm-visit">
                {t('consultancyUi.confirm')}
              </Button>,
            ]}
          >
            <Typography.Text type="secondary" style={{ marginRight: 8 }}>{v.consultancyName}</Typography.Text>
            <VisitLine v={v} />
          </List.Item>
        )}
      />
      <LoadMore list={pending} testId="visits-load-more" />
    </Card>
  );
}
