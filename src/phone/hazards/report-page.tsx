import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { enqueueAndSend, newEntryBase, type SendOutcome } from '../outbox/outbox';
import { CameraIcon, PhotoInput } from '../ui/photo-input';
import { Shell } from '../ui/shell';
import { usePhotos } from '../ui/use-photos';

/** "See it, report it" (issue 5 §4): photo → a few words → send; the place comes from the QR code. */
export function ReportPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const postId = params.get('postId');
  const areaId = params.get('areaId');
  const equipmentId = params.get('equipmentId');
  const place = params.get('place');
  const photos = usePhotos({ postId, areaId, equipmentId });
  const [description, setDescription] = useState('');
  const [outcome, setOutcome] = useState<SendOutcome | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const [isTouched, setIsTouched] = useState(false);
  const photo = photos.slots[photos.slots.length - 1];

  const send = async () => {
    setIsTouched(true);
    if (!description.trim()) return;
    // A hazard names a post or an area; from equipment's QR code the name goes with the words.
    const words = equipmentId && place ? `${place}：${description.trim()}` : description.trim();
    setIsBusy(true);
    try {
      const result = await enqueueAndSend({
        ...newEntryBase(place || description.trim().slice(0, 30)),
        kind: 'hazard',
        postId,
        areaId,
        description: words,
        photos: photos.toOutbox(photo ? [photo.key] : []),
      });
      setOutcome(result);
      if (result.kind !== 'failed') {
        setDescription('');
        setIsTouched(false);
        photos.reset();
      }
    } finally {
      setIsBusy(false);
    }
  };

  if (outcome && outcome.kind !== 'failed') {
    return (
      <Shell title={t('report.title')} backTo="/tasks">
        {outcome.kind === 'sent' ? (
          <div className="notice ok" role="status" data-testid="report-sent">
            <strong>{t('report.sent')}</strong>
          </div>
        ) : (
          <div className="notice warn" role="status" data-testid="saved-offline">
            <strong>{t('inspection.savedOffline')}</strong>
            {t('inspection.savedOfflineHint')}
          </div>
        )}
        <button type="button" className="btn ghost" onClick={() => setOutcome(null)}>
          {t('report.another')}
        </button>
      </Shell>
    );
  }

  return (
    <Shell title={t('report.title')} backTo="/tasks">
      <p className="muted" style={{ margin: '0 0 10px' }}>
        {place ? t('report.place', { place }) : t('report.noPlace')}
      </p>
      <PhotoInput className="photo-big" label={t('report.takePhoto')} testId="report-photo" onFile={(file) => photos.add(file)}>
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
          data-testid="report-description"
        />
        {isTouched && !description.trim() && <div className="field-error" role="alert">{t('report.describeRequired')}</div>}
      </label>
      {outcome?.kind === 'failed' && (
        <div className="notice error" role="alert">
          {outcome.message}
        </div>
      )}
      <button type="button" className="btn danger big" disabled={isBusy} onClick={() => void send()} data-testid="report-send">
        {t('report.step3')}
      </button>
    </Shell>
  );
}
