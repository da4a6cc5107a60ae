import { useParams } from 'react-router';
import { PrintState } from './print-sheet';
import { RiskCardContent } from './risk-card-content';
import { useRiskCard } from './publication-api';

/** /cards/posts/:postId — what the QR code on a printed card opens: the card's current version, on a phone. */
export function RiskCardPhonePage() {
  const { postId = '' } = useParams();
  const { data, isPending, error } = useRiskCard(postId);
  return (
    <main style={{ maxWidth: 560, margin: '0 auto', padding: 10, fontFamily: 'system-ui, "PingFang SC", "Noto Sans CJK SC", sans-serif' }} data-testid="risk-card-phone">
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      {data ? <RiskCardContent card={data} variant="phone" /> : <PrintState isPending={isPending} error={error} />}
    </main>
  );
}
