import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { FixedPositionPlanDto } from '../../schemas/fixed-position.js';
import { newClientId } from '../app/client-id';
import { api, ApiError } from '../app/phone-api';
import { useApi } from '../app/use-api';
import { PhotoInput } from '../ui/photo-input';
import { ErrorNotice, Shell, Skeleton } from '../ui/shell';
import { usePhotos } from '../ui/use-photos';

/**
 * /m/a/:placeId/fixed-position — the area's 定置图 on the phone (issue 11 §5): the marked positions
 * on the floor plan and the rule; a position found off its place is reported as a hazard in one step.
 */
export function FixedPositionPhonePage() {
  const { t } = useTranslation();
  const { placeId = '' } = useParams();
  const { data: plan, error, reload } = useApi<FixedPositionPlanDto>(`/api/v1/areas/${encodeURIComponent(placeId)}/fixed-position-plan`);
  const [open, setOpen] = useState<number | null>(null);
  const [note, setNote] = useState('');
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string; hazardId?: string } | null>(null);
  const [isSending, setIsSending] = useState(false);
  // The photo of what is off its place, compared on the office side with the marked plan.
  const photos = usePhotos({ areaId: placeId });
  const isUploading = photos.slots.some((s) => !s.uploadedId);
  const title = plan ? `${plan.areaName} · ${t('fixedPosition.title')}` : t('fixedPosition.title');
  if (!plan) {
    return (
      <Shell title={title} backTo={`/a/${placeId}`}>
        {error ? <ErrorNotice error={error} onRetry={reload} /> : <Skeleton rows={4} />}
      </Shell>
    );
  }
  const report = async (positionIndex: number) => {
    setIsSending(true);
    setMessage(null);
    try {
      const photoIds = photos.slots.flatMap((s) => (s.uploadedId ? [s.uploadedId] : []));
      const r = await api<{ hazardId: string }>(`/api/v1/areas/${encodeURIComponent(placeId)}/fixed-position-deviations`, { body: { positionIndex, note, photoIds, clientId: newClientId() } });
      setMessage({ kind: 'ok', text: t('fixedPosition.reported'), hazardId: r.hazardId });
      setOpen(null);
      setNote('');
      photos.reset();
    } catch (e) {
      setMessage({ kind: 'error', text: e instanceof ApiError ? e.message : t('errors.network') });
    } finally {
      setIsSending(false);
    }
  };
  return (
    <Shell title={title} backTo={`/a/${placeId}`}>
      {plan.positions.length === 0 && <p className="empty">{t('fixedPosition.none')}</p>}
      {plan.positions.length > 0 && (
        <div style={{ position: 'relative', background: '#f2f4f7', borderRadius: 10, overflow: 'hidden', aspectRatio: plan.hasFloorPlan ? undefined : '3 / 2' }} data-testid="fixed-position-plan">
          {plan.hasFloorPlan && <img src="/api/v1/risk-map/floor-plan" alt="" style={{ width: '100%', display: 'block' }} />}
          {plan.positions.map((p, i) => (
            <span
              key={i}
              style={{ position: 'absolute', left: `${p.x * 100}%`, top: `${p.y * 100}%`, transform: 'translate(-50%, -50%)', width: 22, height: 22, borderRadius: 11, background: '#d4380d', color: '#fff', fontSize: 13, fontWeight: 700, display: 'flex', alignItems: 'center', justifyContent: 'center', border: '2px solid #fff' }}
            >
              {i + 1}
            </span>
          ))}
        </div>
      )}
      {plan.ruleText && (
        <section className="card">
          <div className="section-title" style={{ marginTop: 0 }}>
            {t('fixedPosition.rule')}
          </div>
          <p style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{plan.ruleText}</p>
        </section>
      )}
      {plan.positions.map((p, i) => (
        <section key={i} className="card" data-testid="fixed-position-item">
          <div style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
            <strong style={{ flex: 1 }}>
              {i + 1}. {p.label}
            </strong>
            <button type="button" className="btn ghost" style={{ width: 'auto', minHeight: 40 }} onClick={() => setOpen(open === i ? null : i)}>
              {t('fixedPosition.deviation')}
            </button>
          </div>
          {open === i && (
            <div style={{ marginTop: 8 }}>
              <textarea className="input" rows={2} value={note} placeholder={t('fixedPosition.notePlaceholder')} onChange={(e) => setNote(e.target.value)} />
              <div className="photos">
                {photos.slots.map((slot) => (
                  <div key={slot.key} className="photo-thumb">
                    <img src={slot.url} alt="" />
                    <button type="button" aria-label={t('inspection.removePhoto')} onClick={() => photos.remove(slot.key)}>
                      ×
                    </button>
                  </div>
                ))}
                {photos.slots.length < 6 && <PhotoInput label={t('fixedPosition.photo')} testId="fixed-position-photo" onFile={(file) => photos.add(file)} />}
              </div>
              <button type="button" className="btn danger" disabled={!note.trim() || isSending || isUploading} onClick={() => void report(i)} style={{ marginTop: 8 }}>
                {t('fixedPosition.report')}
              </button>
            </div>
          )}
        </section>
      ))}
      {message && (
        <div className={`notice ${message.kind}`}>
          {message.text} {message.hazardId && <Link to={`/hazards/${message.hazardId}`}>{t('fixedPosition.view')}</Link>}
        </div>
      )}
    </Shell>
  );
}
