import { Alert, Button, Spin } from 'antd';
import { type ReactNode, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

const mmToPx = 96 / 25.4;
const marginMm = 8;
const sizeOf = (orientation: 'portrait' | 'landscape'): [number, number] => (orientation === 'portrait' ? [210, 297] : [297, 210]);

/**
 * The frame of a print job: the page size for the printer (@page), colours kept when printing,
 * the toolbar (hidden on paper). It holds one sheet or many (issue 8 §6: all posts' cards in one
 * job), each sheet on a page of its own.
 */
export function PrintFrame({ orientation, children, testId }: { orientation: 'portrait' | 'landscape'; children: ReactNode; testId: string }) {
  const { t } = useTranslation();
  const [widthMm, heightMm] = sizeOf(orientation);
  return (
    <div className="print-root" data-testid={testId}>
      <style>{`
        @page { size: A4 ${orientation}; margin: 0; }
        html, body { margin: 0; background: #e9ecef; }
        .print-root * { -webkit-print-color-adjust: exact; print-color-adjust: exact; box-sizing: border-box; }
        .print-sheet { width: ${widthMm}mm; height: ${heightMm}mm; padding: ${marginMm}mm; margin: 12px auto; background: #fff;
          box-shadow: 0 2px 12px rgba(0,0,0,.15); overflow: hidden; position: relative;
          font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif; color: #1f1f1f; }
        .print-toolbar { display: flex; gap: 8px; justify-content: center; align-items: center; padding: 12px 0 0; }
        @media print {
          html, body { background: #fff; }
          .print-toolbar { display: none; }
          .print-sheet { margin: 0; box-shadow: none; break-after: page; page-break-after: always; }
          .print-sheet:last-of-type { break-after: auto; page-break-after: auto; }
        }
      `}</style>
      <div className="print-toolbar">
        <Button type="primary" onClick={() => window.print()} data-testid="print-button">
          {t('publication.print')}
        </Button>
        <Button onClick={() => window.history.back()}>{t('publication.back')}</Button>
      </div>
      {children}
    </div>
  );
}

/**
 * One A4 sheet whose content is scaled down when it would run past the page, so a card is always
 * exactly one page with its footer. The content is laid out at a width that fills the sheet after
 * scaling (transform, not zoom: a transform leaves the measured layout height alone, so the fit
 * converges instead of flipping between two sizes and clipping the footer — issue 8 §6).
 */
export function Sheet({ orientation, children, testId }: { orientation: 'portrait' | 'landscape'; children: ReactNode; testId?: string }) {
  const [, heightMm] = sizeOf(orientation);
  const inner = useRef<HTMLDivElement>(null);
  const [scale, setScale] = useState(1);
  useLayoutEffect(() => {
    const el = inner.current;
    if (!el) return;
    const available = (heightMm - 2 * marginMm) * mmToPx - 2;
    const fit = () =>
      setScale((current) => {
        const needed = el.offsetHeight * current; // the height on paper at the current scale
        if (needed <= available) return current;
        return Math.max(0.4, current * (available / needed) * 0.995);
      });
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(el);
    return () => observer.disconnect();
  }, [heightMm]);
  return (
    <div className="print-sheet" data-testid={testId} data-scale={scale.toFixed(3)}>
      <div ref={inner} style={{ transform: scale < 1 ? `scale(${scale})` : undefined, transformOrigin: 'top left', width: `${100 / scale}%` }}>
        {children}
      </div>
    </div>
  );
}

/** One A4 sheet in its own print job (a single card, board or map). */
export function PrintSheet({ orientation, children, testId }: { orientation: 'portrait' | 'landscape'; children: ReactNode; testId: string }) {
  return (
    <PrintFrame orientation={orientation} testId={testId}>
      <Sheet orientation={orientation}>{children}</Sheet>
    </PrintFrame>
  );
}

export function PrintState({ isPending, error }: { isPending: boolean; error: Error | null }) {
  if (isPending) return <Spin style={{ display: 'block', margin: '120px auto' }} size="large" />;
  if (error) return <Alert style={{ maxWidth: 640, margin: '80px auto' }} type="warning" showIcon message={error.message} data-testid="print-error" />;
  return null;
}
