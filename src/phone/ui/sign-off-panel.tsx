import { type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExpectedSigner, SignOffSheet } from '../../schemas/sign-offs.js';
import { newClientId } from '../app/client-id';
import { api } from '../app/phone-api';
import { useApi } from '../app/use-api';
import { currentLocale } from '../i18n/i18n';
import { formatDateTime } from './format';
import { SignaturePad, type SignaturePadHandle } from './signature-pad';
import { ErrorNotice, Skeleton } from './shell';

interface Props {
  subjectType: string;
  subjectId: string;
  /** Called after every recorded signature (e.g. the permit reloads to see whether it may start). */
  onSigned?: () => void;
  /**
   * What a signer must do before signing (e.g. tick the four checks of 一备三查): shown above the
   * sign button, which waits for `isReady`; `beforeSign` runs just before the signature is sent.
   */
  prepare?: (signer: ExpectedSigner) => { node: ReactNode; isReady: boolean; beforeSign: () => Promise<void> } | null;
}

const slotOf = (x: ExpectedSigner) => `${x.role}|${x.personId}`;

/**
 * The sign-off block of any record on the phone (issue 11 §1): who must sign and who has; "sign as
 * me" when logged in (preferred); otherwise pick a name and draw the signature on this phone.
 */
export function SignOffPanel({ subjectType, subjectId, onSigned, prepare }: Props) {
  const { t } = useTranslation();
  const sheet = useApi<SignOffSheet>(`/api/v1/sign-offs?subjectType=${encodeURIComponent(subjectType)}&subjectId=${encodeURIComponent(subjectId)}`);
  const [picked, setPicked] = useState<string | null>(null);
  const [hasInk, setHasInk] = useState(false);
  const [isSending, setIsSending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const pad = useRef<SignaturePadHandle>(null);

  if (!sheet.data) return sheet.error ? <ErrorNotice error={sheet.error} onRetry={sheet.reload} /> : <Skeleton rows={2} />;
  const s = sheet.data;
  const signedCount = s.expected.filter((x) => x.signOffId).length;
  const mine = s.expected.filter((x) => x.personId === s.me.personId && !x.signOffId);
  const others = s.expected.filter((x) => x.personId !== s.me.personId && !x.signOffId);
  const pickedSigner = s.expected.find((x) => slotOf(x) === picked) ?? null;

  const send = async (signer: ExpectedSigner, method: 'session' | 'drawn') => {
    const signatureImage = method === 'drawn' ? pad.current?.toDataUrl() : undefined;
    if (method === 'drawn' && !signatureImage) return;
    setIsSending(true);
    setError(null);
    try {
      await prepare?.(signer)?.beforeSign();
      await api('/api/v1/sign-offs', {
        body: {
          subjectType: s.subjectType,
          subjectId: s.subjectId,
          role: signer.role,
          personId: signer.personId,
          method,
          ...(signatureImage ? { signatureImage } : {}),
          clientSignedAt: new Date().toISOString(),
          clientId: newClientId(),
        },
      });
      setPicked(null);
      sheet.reload();
      onSigned?.();
    } catch (e) {
      setError(e);
      sheet.reload();
    } finally {
      setIsSending(false);
    }
  };

  return (
    <section className="signoff" data-testid="sign-off-panel">
      <h2 className="section-title">
        {t('signOff.title')} · {t('signOff.progress', { signed: signedCount, total: s.expected.length })}
      </h2>
      {!s.isOpen && <div className="notice warn">{s.closedReason ?? t('signOff.closed')}</div>}
      <ul className="signers">
        {s.expected.map((x) => (
          <li key={slotOf(x)} className={x.signOffId ? 'is-signed' : ''} data-testid="signer">
            <span className="grow">
              {x.personName} <span className="muted">· {x.roleLabel}</span>
            </span>
            {x.signOffId ? <span className="badge done">✓ {formatDateTime(x.signedAt as string, currentLocale())}</span> : <span className="badge">{t('signOff.waiting')}</span>}
          </li>
        ))}
      </ul>
      {error !== null && <ErrorNotice error={error} />}
      {s.isOpen &&
        mine.map((x) => {
          const prep = prepare?.(x) ?? null;
          return (
          <div key={slotOf(x)} className="card">
            {prep?.node}
            <p className="statement">{x.statement}</p>
            <button type="button" className="btn primary" disabled={isSending || (prep !== null && !prep.isReady)} onClick={() => void send(x, 'session')} data-testid={`sign-as-me-${x.role}`}>
              {t('signOff.signAsMe', { role: x.roleLabel })}
            </button>
          </div>
          );
        })}
      {s.isOpen && s.me.mayHostDrawn && others.length > 0 && (
        <div className="card">
          <p className="muted">{t('signOff.pickHint')}</p>
          <div className="signer-picks">
            {others.map((x) => (
              <button
                key={slotOf(x)}
                type="button"
                className={`btn ghost${picked === slotOf(x) ? ' is-picked' : ''}`}
                aria-pressed={picked === slotOf(x)}
                onClick={() => setPicked(slotOf(x))}
              >
                {x.personName} · {x.roleLabel}
              </button>
            ))}
          </div>
          {pickedSigner && (
            <div className="sigpad-wrap">
              {prepare?.(pickedSigner)?.node}
              <p className="statement">
                <strong>{pickedSigner.personName}</strong>：{pickedSigner.statement}
              </p>
              <SignaturePad ref={pad} onInkChange={setHasInk} />
              <button type="button" className="btn primary" disabled={isSending || !hasInk || prepare?.(pickedSigner)?.isReady === false} onClick={() => void send(pickedSigner, 'drawn')} data-testid="submit-drawn">
                {isSending ? t('signOff.sending') : t('signOff.submitDrawn')}
              </button>
            </div>
          )}
        </div>
      )}
    </section>
  );
}
