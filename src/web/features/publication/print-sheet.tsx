import { Alert, Button, Spin } from 'antd';
import { type ReactNode, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

const mmToPx = 96 / 25.4;

/**
 * One A4 sheet: the page size for the printer (@page), colours kept when printing, and content
 * scaled down when it would run past the sheet, so a card is always exactly one page.
 */
export function PrintSheet({ orientation, children, testId }: { orientation: 'portrait' | 'landscape'; children: ReactNode; testId: string }) {
  const { t } = useTranslation();
  const [widthMm, heightMm] = orientation === 'portrait' ? [210, 297] : [297, 210];
  const marginMm = 8;
  const inner = useRef<HTMLDivElement>(null);
  const [zoom, setZoom] = useState(1);
  useLayoutEffect(() => {
    const el = inner.current;
    if (!el) return;
    const fit = () => {
      const available = (heightMm - 2 * marginMm) * mmToPx - 4;
      const needed = el.scrollHeight;
      setZoom(needed > available ? Math.max(0.4, available / needed) : 1);
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(el);
    return () => observer.disconnect();
  }, [heightMm]);
  return (
    <div className="print-root" data-testid={testId}>
      <style>{`
        @page { size: A4 ${orientation}; margin: 0; }
        html, body { margin: 0; background: #e9ecef; }
        .print-root * { -webkit-print-color-adjust: exact; print-color-adjust: exact; box-sizing: border-box; }
        .print-sheet { width: ${widthMm}mm; height: ${heightMm}mm; padding: ${marginMm}mm; margin: 12px auto; background: #fff;
          box-shadow: 0 2px 12px rgba(0,0,0,.15); overflow: hidden;
          font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif; color: #1f1f1f; }
        .print-toolbar { display: flex; gap: 8px; justify-content: center; padding: 12px 0 0; }
        @media print {
          html, body { background: #fff; }
          .print-toolbar { display: none; }
          .print-sheet { margin: 0; box-shadow: none; break-after: avoid; page-break-after: avoid; }
        }
      `}</style>
      <div className="print-toolbar">
        <Button type="primary" onClick={() => window.print()} data-testid="print-button">
          {t('publication.print')}
        </Button>
        <Button onClick={() => window.history.back()}>{t('publication.back')}</Button>
      </div>
      <div className="print-sheet">
        <div ref={inner} style={{ zoom }}>
          {children}
        </div>
      </div>
    </div>
  );
}

export function PrintState({ isPending, error }: { isPending: boolean; error: Error | null }) {
  if (isPending) return <Spin style={{ display: 'block', margin: '120px auto' }} size="large" />;
  if (error) return <Alert style={{ maxWidth: 640, margin: '80px auto' }} type="warning" showIcon message={error.message} data-testid="print-error" />;
  return null;
}
