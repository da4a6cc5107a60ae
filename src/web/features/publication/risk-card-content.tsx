import QRCode from 'qrcode';
import { type CSSProperties, type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RiskCard } from '../../../schemas/publication.js';
import { formatStamp, label } from './publication-api';
import { paintOf } from './level-colours';

function Section({ title, children, accent }: { title: string; children: ReactNode; accent: string }) {
  return (
    <section style={{ border: '1px solid #bfbfbf', borderRadius: 4, marginTop: 8, breakInside: 'avoid' }}>
      <h2 style={{ margin: 0, padding: '4px 10px', fontSize: 15, fontWeight: 700, background: '#f5f5f5', borderBottom: `3px solid ${accent}` }}>{title}</h2>
      <div style={{ padding: '6px 10px', fontSize: 13, lineHeight: 1.6 }}>{children}</div>
    </section>
  );
}

export function useQrDataUrl(text: string): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let isLive = true;
    void QRCode.toDataURL(text, { margin: 1, width: 240, errorCorrectionLevel: 'M' }).then((u) => isLive && setUrl(u));
    return () => {
      isLive = false;
    };
  }, [text]);
  return url;
}

const list: CSSProperties = { margin: 0, paddingInlineStart: 20 };

/** The card itself, shared by the A4 print page and the phone page the QR code opens. */
export function RiskCardContent({ card, variant }: { card: RiskCard; variant: 'print' | 'phone' }) {
  const { t } = useTranslation();
  const paint = paintOf(card.level);
  const phoneUrl = `${window.location.origin}/cards/posts/${card.post.id}`;
  const qr = useQrDataUrl(phoneUrl);
  const isPrint = variant === 'print';
  const groupTitle = (g: RiskCard['measureGroups'][number]) =>
    g.by === 'phase' ? t(`publication.phase.${g.key}`) : g.by === 'type' ? t(`publication.measureType.${g.key}`) : g.key;
  return (
    <article data-testid="risk-card" data-level={card.level ?? 'none'}>
      <header style={{ background: paint.fill, color: paint.text, padding: isPrint ? '12px 16px' : '12px', borderRadius: 4, display: 'flex', alignItems: 'center', gap: 12 }}>
        <div style={{ flex: 1 }}>
          <div style={{ fontSize: isPrint ? 28 : 22, fontWeight: 800, letterSpacing: isPrint ? 4 : 1 }}>{t('publication.card.title')}</div>
          <div style={{ fontSize: isPrint ? 20 : 17, fontWeight: 700, marginTop: 4 }}>
            {t('publication.card.post')}：{card.post.name}
          </div>
        </div>
        <div style={{ textAlign: 'center', border: `2px solid ${paint.text}`, borderRadius: 6, padding: '6px 12px' }}>
          <div style={{ fontSize: 12 }}>{t('publication.card.level')}</div>
          <div style={{ fontSize: isPrint ? 22 : 18, fontWeight: 800 }} data-testid="card-level">
            {card.level ? t(`level.${card.level}`) : t('level.none')}
          </div>
        </div>
      </header>

      <Section title={t('publication.card.postInfo')} accent={paint.fill}>
        <div style={{ display: 'grid', gridTemplateColumns: isPrint ? '1fr 1fr' : '1fr', columnGap: 16 }}>
          <div>{t('publication.card.enterprise')}：{card.enterprise.name}</div>
          <div>{t('publication.card.orgUnit')}：{card.post.orgUnitName ?? '—'}</div>
          <div>{t('publication.card.headcount')}：{card.post.headcount}</div>
          <div>{t('publication.card.equipment')}：{card.post.mainEquipment || '—'}</div>
        </div>
      </Section>

      <Section title={t('publication.card.accidents')} accent={paint.fill}>
        {card.accidentTypes.length === 0 ? (
          t('publication.card.noRisks')
        ) : (
          <ul style={list}>
            {card.accidentTypes.map((a) => (
              <li key={a.code}>
                <b>{label(a.label)}</b>：{label(a.consequences)}
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section title={t('publication.card.hazards')} accent={paint.fill}>
        {card.hazardFactors.length === 0 ? '—' : card.hazardFactors.map((h) => label(h.label)).join('；')}
        {card.risks.length > 0 && (
          <div style={{ marginTop: 4, color: '#595959' }}>
            {t('publication.card.causes')}：{card.risks.map((r) => `${r.objectName}（${r.causes}）`).join('；')}
          </div>
        )}
      </Section>

      <Section title={t('publication.card.measures')} accent={paint.fill}>
        {card.measureGroups.length === 0
          ? '—'
          : card.measureGroups.map((g) => (
              <div key={`${g.by}:${g.key}`} style={{ marginBottom: 4 }}>
                <b>{groupTitle(g)}</b>
                <ol style={list}>
                  {g.items.map((m) => (
                    <li key={m.text}>{m.text}</li>
                  ))}
                </ol>
              </div>
            ))}
      </Section>

      <Section title={t('publication.card.emergency')} accent={paint.fill}>
        {card.emergency.actions.length === 0 ? (
          t('publication.card.noActions')
        ) : (
          <ol style={list}>
            {card.emergency.actions.map((a) => (
              <li key={a}>{a}</li>
            ))}
          </ol>
        )}
      </Section>

      <div style={{ display: 'flex', gap: 12, marginTop: 8, alignItems: 'stretch' }}>
        <div style={{ flex: 1, border: '2px solid #e60012', borderRadius: 4, padding: '6px 10px' }} data-testid="emergency-phones">
          <div style={{ fontWeight: 700, fontSize: 15, color: '#e60012' }}>{t('publication.card.phones')}</div>
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: '2px 18px', fontSize: isPrint ? 18 : 16, fontWeight: 700 }}>
            {card.emergency.phones.map((p) => (
              <span key={p.kind}>
                {t(`publication.phone.${p.kind}`)} {p.number}
              </span>
            ))}
          </div>
        </div>
        {isPrint && (
          <div style={{ width: 128, textAlign: 'center', fontSize: 11 }}>
            {qr && <img src={qr} alt="QR" width={104} height={104} data-testid="card-qr" style={{ display: 'block', margin: '0 auto' }} />}
            {t('publication.card.scan')}
          </div>
        )}
      </div>
      <footer style={{ marginTop: 6, fontSize: 11, color: '#595959', display: 'flex', justifyContent: 'space-between', gap: 8, flexWrap: 'wrap' }} data-testid="card-footer">
        {card.footer && <span data-testid="card-footer-text">{card.footer}</span>}
        <span data-testid="card-version">
          {t('publication.card.version')}：{formatStamp(card.version)}
        </span>
        <span>{t('publication.card.basis')}</span>
      </footer>
    </article>
  );
}
