import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { anonymousReportInputSchema, type ReportInfo } from '../../schemas/hazards.js';
import { newClientId } from '../app/client-id';
import { api, ApiError } from '../app/phone-api';
import { useApi } from '../app/use-api';
import { CameraIcon, PhotoInput } from '../ui/photo-input';
import { captureTimeOf, photoUploadPath } from '../ui/photo-target';
import { resizePhoto } from '../ui/resize-photo';
import { ErrorNotice, Shell, Skeleton } from '../ui/shell';

interface Photo {
  blob: Blob;
  url: string;
  capturedAt: string;
  /** The upload started when the photo was taken; awaited (or retried) on send. */
  upload: Promise<string> | null;
  /** The client key of its upload (issue 8 §9: a photo is stored once however often it is sent). */
  key: string;
}

/**
 * /m/r/:postId — "see it, report it" without an account (issue 5 §4), for contractors and visitors:
 * photo → a few words (→ optional name and phone) → send. No outbox: without a session nothing could
 * be sent later in the person's name; a failed send stays on the page to try again (same client id,
 * applied once).
 */
export function AnonymousReportPage() {
  const { t } = useTranslation();
  const { postId = '' } = useParams();
  const info = useApi<ReportInfo>(`/api/v1/public/posts/${encodeURIComponent(postId)}/report-info`);
  const [photo, setPhoto] = useState<Photo | null>(null);
  const [description, setDescription] = useState('');
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [isTouched, setIsTouched] = useState(false);
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [isSent, setIsSent] = useState(false);
  const clientId = useRef(newClientId());
  const enterpriseId = info.data?.enterpriseId;

  const photoUrl = photo?.url;
  useEffect(
    () => () => {
      if (photoUrl) URL.revokeObjectURL(photoUrl);
    },
    [photoUrl],
  );

  const uploadUrl = `/api/v1/public/enterprises/${encodeURIComponent(enterpriseId ?? '')}/attachments`;
  // The photo's client key: a retry after a lost answer gets the stored photo back, not a second one.
  const startUpload = (blob: Blob, capturedAt: string, key: string) =>
    api<{ id: string }>(photoUploadPath({ postId, url: uploadUrl }, capturedAt, key), { body: blob, timeoutMs: 90_000 }).then((r) => r.id);

  const addPhoto = async (file: File) => {
    const capturedAt = captureTimeOf(file);
    const blob = await resizePhoto(file);
    const key = newClientId();
    const upload = navigator.onLine ? startUpload(blob, capturedAt, key) : null;
    upload?.catch(() => undefined); // retried on send
    setPhoto({ blob, url: URL.createObjectURL(blob), capturedAt, upload, key });
  };

  const send = async () => {
    setIsTouched(true);
    setError(null);
    const parsed = anonymousReportInputSchema.safeParse({
      postId,
      description,
      photoIds: [],
      reporterName: name.trim() || null,
      reporterPhone: phone.trim() || null,
      clientId: clientId.current,
    });
    if (!parsed.success || !enterpriseId) {
      if (description.trim()) setError(parsed.error?.issues[0]?.message ?? t('report.describeRequired'));
      return;
    }
    setIsBusy(true);
    try {
      let photoIds: string[] = [];
      if (photo) {
        const id = await (photo.upload ?? Promise.reject(new Error('not uploaded'))).catch(() => {
          const again = startUpload(photo.blob, photo.capturedAt, photo.key);
          setPhoto({ ...photo, upload: again });
          return again;
        });
        photoIds = [id];
      }
      await api(`/api/v1/public/enterprises/${encodeURIComponent(enterpriseId)}/hazard-reports`, { body: { ...parsed.data, photoIds } });
      setIsSent(true);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : t('errors.network'));
    } finally {
      setIsBusy(false);
    }
  };

  const reset = () => {
    clientId.current = newClientId();
    setPhoto(null);
    setDescription('');
    setIsTouched(false);
    setIsSent(false);
  };

  const title = t('anonymous.title');
  if (!info.data) {
    return (
      <Shell title={title} hasTabs={false}>
        {info.isLoading && <Skeleton rows={2} />}
        {info.error instanceof ApiError && info.error.status === 404 ? (
          <div className="notice error" role="alert" data-testid="anonymous-unknown">
            {t('anonymous.unknown')}
          </div>
        ) : info.error ? (
          <ErrorNotice error={info.error} onRetry={info.reload} />
        ) : null}
      </Shell>
    );
  }

  const where = (
    <p className="muted" style={{ margin: '0 0 10px' }} data-testid="anonymous-place">
      {t('anonymous.where', { enterprise: info.data.enterpriseName, post: info.data.postName })}
    </p>
  );
  const loginLink = `/login?next=${encodeURIComponent(`/p/${postId}`)}`;

  if (!info.data.isAnonymousAllowed) {
    return (
      <Shell title={title} hasTabs={false}>
        {where}
        <div className="notice warn" role="alert" data-testid="anonymous-disabled">
          <strong>{t('anonymous.disabled')}</strong>
          {t('anonymous.disabledHint')}
        </div>
        <Link to={loginLink} className="btn primary big" data-testid="anonymous-login">
          {t('anonymous.login')}
        </Link>
      </Shell>
    );
  }

  if (isSent) {
    return (
      <Shell title={title} hasTabs={false}>
        {where}
        <div className="notice ok" role="status" data-testid="anonymous-sent">
          <strong>{t('anonymous.sent')}</strong>
          {t('anonymous.sentHint')}
        </div>
        <button type="button" className="btn ghost" onClick={reset}>
          {t('report.another')}
        </button>
      </Shell>
    );
  }

  return (
    <Shell title={title} hasTabs={false}>
      {where}
      <PhotoInput className="photo-big" label={t('report.takePhoto')} testId="anonymous-photo" onFile={addPhoto}>
        {photo ? <img src={photo.url} alt="" /> : null}
        <span style={{ position: 'relative', display: 'inline-flex', alignItems: 'center', gap: 6, background: photo ? 'rgba(255,255,255,.85)' : 'none', borderRadius: 8, padding: '4px 10px' }}>
          <CameraIcon size={28} /> {photo ? t('report.retake') : t('report.step1')}
        </span>
      </PhotoInput>
      <label className="field" style={{ marginTop: 14 }}>
        <span>
          {t('report.step2')} · {t('report.describe')}
        </span>
        <textarea
          className="input"
          rows={3}
          maxLength={1000}
          placeholder={t('report.describePlaceholder')}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          data-testid="anonymous-description"
        />
        {isTouched && !description.trim() && <div className="field-error" role="alert">{t('report.describeRequired')}</div>}
      </label>
      <details className="field" data-testid="anonymous-contact">
        <summary className="muted" style={{ padding: '6px 0', fontSize: 15 }}>
          {t('anonymous.contact')}
        </summary>
        <label className="field" style={{ marginTop: 8 }}>
          <span>{t('anonymous.name')}</span>
          <input className="input" maxLength={50} autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} data-testid="anonymous-name" />
        </label>
        <label className="field">
          <span>{t('anonymous.phone')}</span>
          <input className="input" maxLength={20} inputMode="tel" autoComplete="tel" value={phone} onChange={(e) => setPhone(e.target.value)} data-testid="anonymous-phone" />
        </label>
      </details>
      {error && (
        <div className="notice error" role="alert">
          {error}
        </div>
      )}
      <button type="button" className="btn danger big" disabled={isBusy} onClick={() => void send()} data-testid="anonymous-send">
        {isBusy ? t('anonymous.sending') : t('report.step3')}
      </button>
      <p className="muted" style={{ textAlign: 'center', marginTop: 14 }}>
        {t('anonymous.hint')} <Link to={loginLink}>{t('anonymous.loginInstead')}</Link>
      </p>
    </Shell>
  );
}
