import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PrintSheet, PrintState } from '../publication/print-sheet';
import { usePointCallCard } from './point-call-page';

/**
 * /print/posts/:postId/point-call — the post's 手指口述 pocket card four times on one A4 sheet (each
 * A6, 2 × 2, cut along the dashed lines). Long cards shrink their type to stay on the card.
 */
export function PointCallPrintPage() {
  const { postId = '' } = useParams();
  const { t } = useTranslation();
  const { data: card, isPending, error } = usePointCallCard(postId);
  if (!card) return <PrintState isPending={isPending} error={error} />;
  const fontSize = card.steps.length > 14 ? 8 : card.steps.length > 10 ? 9 : card.steps.length > 7 ? 10 : 11;
  const one = (key: number) => (
    <div key={key} style={{ border: '1px dashed #888', padding: '4mm', height: '140mm', overflow: 'hidden', display: 'flex', flexDirection: 'column' }} data-testid="pocket-card">
      <div style={{ textAlign: 'center', fontWeight: 700, fontSize: 15, color: '#0b5394' }}>{t('frontlineUi.pointCall.cardTitle')}</div>
      <div style={{ textAlign: 'center', fontSize: 11, marginBottom: 4 }}>
        {card.enterpriseName} · {card.postName}
      </div>
      <ol style={{ margin: 0, paddingLeft: 16, fontSize, lineHeight: 1.45 }}>
        {card.steps.map((s, i) => (
          <li key={i} style={{ marginBottom: 2 }}>
            <strong>{s.step}</strong> {t('frontlineUi.pointCall.look')}：{s.look}
            <div style={{ color: '#b45309' }}>
              {t('frontlineUi.pointCall.say')}：“{s.say}”
            </div>
          </li>
        ))}
      </ol>
      <div style={{ marginTop: 'auto', fontSize: 9, color: '#555', textAlign: 'center' }}>{t('frontlineUi.pointCall.cardFoot')}</div>
    </div>
  );
  return (
    <PrintSheet orientation="portrait" testId="point-call-print">
      <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 0 }}>{[0, 1, 2, 3].map(one)}</div>
    </PrintSheet>
  );
}
