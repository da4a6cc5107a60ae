import { useQuery } from '@tanstack/react-query';
import { Button, Segmented } from 'antd';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api } from '../../app/api/api-client';
import { PrintState } from './print-sheet';

export const qrKinds = ['post', 'area', 'equipment'] as const;
export type QrKind = (typeof qrKinds)[number];

const collectionOf: Record<QrKind, string> = { post: 'posts', area: 'areas', equipment: 'equipment' };
/** The phone pages a code opens (src/phone/app/phone-app.tsx): the place's open tasks and the report button. */
const phonePathOf: Record<QrKind, string> = { post: '/m/p/', area: '/m/a/', equipment: '/m/e/' };
const perSheet = 8;

interface Place {
  id: string;
  name: string;
}

export function phoneUrlOf(origin: string, kind: QrKind, id: string): string {
  return `${origin}${phonePathOf[kind]}${id}`;
}

/** Every (not archived) place of the kind, through the keyset pages. */
export async function listPlaces(kind: QrKind): Promise<Place[]> {
  const all: Place[] = [];
  let cursor: string | null = null;
  do {
    const query: string = `?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const page: { items: Place[]; nextCursor: string | null } = await api(`/api/v1/${collectionOf[kind]}${query}`);
    all.push(...page.items.map((p) => ({ id: p.id, name: p.name })));
    cursor = page.nextCursor;
  } while (cursor);
  return all;
}

function QrLabel({ kind, place }: { kind: QrKind; place: Place }) {
  const { t } = useTranslation();
  const [src, setSrc] = useState<string | null>(null);
  const url = phoneUrlOf(window.location.origin, kind, place.id);
  useEffect(() => {
    let isLive = true;
    // H: a label on a machine gets oily and scratched.
    void QRCode.toDataURL(url, { margin: 1, width: 360, errorCorrectionLevel: 'H' }).then((u) => isLive && setSrc(u));
    return () => {
      isLive = false;
    };
  }, [url]);
  return (
    <div className="qr-label" data-testid="qr-label" data-url={url}>
      <div className="qr-kind">{t(`publication.qr.kind.${kind}`)}</div>
      {src ? <img src={src} alt={url} className="qr-img" /> : <div className="qr-img" />}
      <div className="qr-name">{place.name}</div>
      <div className="qr-action">{t('publication.qr.action')}</div>
    </div>
  );
}

/**
 * /print/qr-codes?kind=post|area|equipment[&ids=a,b] — A4 sheets of QR labels, 8 to a page, one per place: a
 * worker scans it to see the place's inspection tasks or report a hazard (issue 5 §3, §4).
 */
export function QrCodesPrintPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const kind: QrKind = (qrKinds as readonly string[]).includes(params.get('kind') ?? '') ? (params.get('kind') as QrKind) : 'post';
  // ?ids=a,b prints a selection (issue 8 §6); without it every place of the kind.
  const selected = params.get('ids')?.split(',').filter(Boolean) ?? null;
  const { data: all, isPending, error } = useQuery({ queryKey: ['publication', 'qr-codes', kind], queryFn: () => listPlaces(kind) });
  const places = all && selected ? all.filter((p) => selected.includes(p.id)) : all;
  const sheets: Place[][] = [];
  for (let i = 0; i < (places?.length ?? 0); i += perSheet) sheets.push((places ?? []).slice(i, i + perSheet));
  return (
    <div className="print-root" data-testid="qr-codes-print">
      <style>{`
        @page { size: A4 portrait; margin: 0; }
        html, body { margin: 0; background: #e9ecef; }
        .print-root * { -webkit-print-color-adjust: exact; print-color-adjust: exact; box-sizing: border-box; }
        .qr-sheet { width: 210mm; height: 297mm; padding: 10mm; margin: 12px auto; background: #fff; box-shadow: 0 2px 12px rgba(0,0,0,.15);
          display: grid; grid-template-columns: 1fr 1fr; grid-template-rows: repeat(4, 1fr); gap: 4mm; overflow: hidden;
          font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif; color: #1f1f1f; }
        .qr-label { border: 1px dashed #8c8c8c; border-radius: 3mm; display: flex; flex-direction: column; align-items: center; justify-content: center; padding: 3mm; overflow: hidden; }
        .qr-kind { font-size: 9pt; color: #595959; }
        .qr-img { width: 40mm; height: 40mm; display: block; }
        .qr-name { font-size: 14pt; font-weight: 700; text-align: center; line-height: 1.25; margin-top: 1mm; max-height: 2.5em; overflow: hidden; }
        .qr-action { font-size: 11pt; font-weight: 700; color: #fff; background: #d92d20; border-radius: 2mm; padding: 0.5mm 3mm; margin-top: 1.5mm; letter-spacing: 1px; }
        .print-toolbar { display: flex; gap: 8px; justify-content: center; align-items: center; padding: 12px 0 0; }
        @media print {
          html, body { background: #fff; }
          .print-toolbar { display: none; }
          .qr-sheet { margin: 0; box-shadow: none; break-after: page; page-break-after: always; }
          .qr-sheet:last-child { break-after: auto; page-break-after: auto; }
        }
      `}</style>
      <div className="print-toolbar">
        <Segmented
          value={kind}
          options={qrKinds.map((k) => ({ value: k, label: t(`publication.qr.kind.${k}`) }))}
          onChange={(v) => setParams({ kind: String(v) }, { replace: true })}
          data-testid="qr-kind"
        />
        <Button type="primary" onClick={() => window.print()} disabled={!sheets.length} data-testid="print-button">
          {t('publication.print')}
        </Button>
        <Button onClick={() => window.history.back()}>{t('publication.back')}</Button>
        {places && <span style={{ color: '#595959' }}>{t('publication.qr.count', { count: places.length, sheets: sheets.length })}</span>}
      </div>
      {!places ? (
        <PrintState isPending={isPending} error={error} />
      ) : sheets.length === 0 ? (
        <p style={{ textAlign: 'center', marginTop: 80 }} data-testid="qr-empty">
          {t('publication.qr.empty')}
        </p>
      ) : (
        sheets.map((sheet, i) => (
          <div className="qr-sheet" key={i}>
            {sheet.map((p) => (
              <QrLabel key={p.id} kind={kind} place={p} />
            ))}
          </div>
        ))
      )}
    </div>
  );
}
