import { useParams } from 'react-router';
import { PrintSheet, PrintState } from './print-sheet';
import { RiskCardContent } from './risk-card-content';
import { useRiskCard } from './publication-api';

/** /print/posts/:postId/risk-card — A4 portrait, outside the app layout. */
export function RiskCardPrintPage() {
  const { postId = '' } = useParams();
  const { data, isPending, error } = useRiskCard(postId);
  if (!data) return <PrintState isPending={isPending} error={error} />;
  return (
    <PrintSheet orientation="portrait" testId="risk-card-print">
      <RiskCardContent card={data} variant="print" />
    </PrintSheet>
  );
}
