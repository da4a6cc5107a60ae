import { Button } from 'antd';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import type { BadgeDto, IssuedCredential } from '../../../schemas/accounts.js';

/** What the page prints, handed over in the navigation state: shown once, never stored. */
export type CredentialSheetState =
  | { kind: 'credentials'; items: IssuedCredential[] }
  | { kind: 'badges'; items: BadgeDto[] };

const perSheet = 8;

function QrImage({ url }: { url: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let isLive = true;
    void QRCode.toDataURL(url, { margin: 1, width: 320, errorCorrectionLevel: 'M' }).then((u) => isLive && setSrc(u));
    return () => {
      isLive = false;
    };
  }, [url]);
  return src ? <img src={src} alt="" className="cred-qr" /> : <div className="cred-qr" />;
}

function Card({ item, kind }: { item: IssuedCredential | BadgeDto; kind: CredentialSheetState['kind'] }) {
  const { t } = useTranslation();
  const origin = window.location.origin;
  const path = 'badgePath' in item ? item.badgePath : item.invitationPath;
  const url = path ? `${origin}${path}` : null;
  return (
    <div className="cred-card" data-testid="credential-card" data-url={url ?? ''}>
      <div className="cred-name">{item.displayName}</div>
      <div className="cred-line">
        {t('logins.username')}: <b>{item.username}</b>
      </div>
      {url && <QrImage url={url} />}
      {kind === 'badges' ? (
        <div className="cred-action">{t('logins.badgeAction')}</div>
      ) : 'oneTimePassword' in item && item.oneTimePassword ? (
        <div className="cred-line">
          {t('logins.oneTimePassword')}: <b className="cred-secret">{item.oneTimePassword}</b>
        </div>
      ) : (
        <>
          <div className="cred-action">{t('logins.scanToJoin')}</div>
          {'invitationExpiresAt' in item && item.invitationExpiresAt && (
            <div className="cred-small">{t('logins.expires', { date: item.invitationExpiresAt.slice(0, 10) })}</div>
          )}
        </>
      )}
    </div>
  );
}

/**
 * /print/credentials — A4 sheets, 8 cards each: invitation QR codes or one-time passwords for new
 * logins, or personal badge QR codes (issue 8 §2, §3). The secrets come in the navigation state only.
 */
export function CredentialsPrintPage() {
  const { t } = useTranslation();
  const state = useLocation().state as CredentialSheetState | null;
  const items: (IssuedCredential | BadgeDto)[] = state?.items ?? [];
  const sheets: (typeof items)[] = [];
  for (let i = 0; i < items.length; i += perSheet) sheets.push(items.slice(i, i + perSheet));
  return (
    <div className="print-root" data-testid="credentials-print">
      <style>{`
        @page { size: A4 portrait; margin: 0; }
        html, body { margin: 0; background: #e9ecef; }
        .print-root * { -webkit-print-color-adjust: exact; print-color-adjust: exact; box-sizing: border-box; }
        .cred-sheet { width: 210mm; height: 297mm; padding: 10mm; margin: 12px auto; background: #fff; box-shadow: 0 2px 12px rgba(0,0,0,.15);
          display: grid; grid-template-columns: 1fr 1fr; grid-template-rows: repeat(4, 1fr); gap: 4mm; overflow: hidden;
          font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; color: #1f1f1f; }
        .cred-card { border: 1px dashed #8c8c8c; border-radius: 3mm; display: flex; flex-direction: column; align-items: center; justify-content: center; padding: 3mm; overflow: hidden; }
        .cred-name { font-size: 15pt; font-weight: 700; }
        .cred-line { font-size: 10pt; margin-top: 1mm; }
        .cred-secret { font-family: monospace; font-size: 13pt; letter-spacing: 1px; }
        .cred-qr { width: 36mm; height: 36mm; display: block; margin-top: 1mm; }
        .cred-action { font-size: 10pt; font-weight: 700; color: #fff; background: #1f4e8c; border-radius: 2mm; padding: 0.5mm 3mm; margin-top: 1mm; }
        .cred-small { font-size: 8pt; color: #595959; margin-top: 1mm; }
        .print-toolbar { display: flex; gap: 8px; justify-content: center; align-items: center; padding: 12px 0 0; }
        @media print {
          html, body { background: #fff; }
          .print-toolbar { display: none; }
          .cred-sheet { margin: 0; box-shadow: none; break-after: page; page-break-after: always; }
          .cred-sheet:last-child { break-after: auto; page-break-after: auto; }
        }
      `}</style>
      <div className="print-toolbar">
        <b>{state?.kind === 'badges' ? t('logins.badgeSheetTitle') : t('logins.credentialsTitle')}</b>
        <Button type="primary" onClick={() => window.print()} disabled={!sheets.length} data-testid="print-button">
          {t('publication.print')}
        </Button>
        <Button onClick={() => window.history.back()}>{t('publication.back')}</Button>
      </div>
      {sheets.length === 0 ? (
        <p style={{ textAlign: 'center', marginTop: 80 }}>{t('logins.empty')}</p>
      ) : (
        sheets.map((sheet, i) => (
          <div className="cred-sheet" key={i}>
            {sheet.map((item) => (
              <Card key={item.userId} item={item} kind={state?.kind ?? 'credentials'} />
            ))}
          </div>
        ))
      )}
    </div>
  );
}
