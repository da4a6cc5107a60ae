import { useQueries, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { RiskCard } from '../../../schemas/publication.js';
import { api } from '../../app/api/api-client';
import { PrintFrame, PrintState, Sheet } from './print-sheet';
import { publicationKeys } from './publication-api';
import { listPlaces } from './qr-codes-print-page';
import { RiskCardContent } from './risk-card-content';

/**
 * /print/risk-cards[?postIds=a,b] — every post's 岗位安全风险告知卡 (or a selection) in one print
 * job, each card on an A4 page of its own with its footer (issue 8 §6).
 */
export function RiskCardsPrintPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const selected = params.get('postIds')?.split(',').filter(Boolean) ?? null;
  const posts = useQuery({ queryKey: ['publication', 'qr-codes', 'post'], queryFn: () => listPlaces('post'), enabled: !selected });
  const ids = selected ?? posts.data?.map((p) => p.id) ?? [];
  const cards = useQueries({
    queries: ids.map((id) => ({ queryKey: publicationKeys.card(id), queryFn: () => api<RiskCard>(`/api/v1/posts/${id}/risk-card`), retry: false })),
  });
  const loaded = cards.flatMap((c) => (c.data ? [c.data] : []));
  const isLoading = (!selected && posts.isPending) || cards.some((c) => c.isPending);
  if (isLoading || (!selected && posts.error)) return <PrintState isPending={isLoading} error={posts.error} />;
  return (
    <PrintFrame orientation="portrait" testId="risk-cards-print">
      <p style={{ textAlign: 'center', color: '#595959', margin: '8px 0 0' }} className="print-toolbar" data-testid="risk-cards-count" data-count={loaded.length}>
        {t('publication.batch.cards', { count: loaded.length })}
      </p>
      {loaded.map((card) => (
        <Sheet key={card.post.id} orientation="portrait" testId="risk-card-sheet">
          <RiskCardContent card={card} variant="print" />
        </Sheet>
      ))}
    </PrintFrame>
  );
}
