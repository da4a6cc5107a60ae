import { forwardRef, useCallback, useEffect, useImperativeHandle, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { inkedLength, type Point } from './signature-strokes';

export interface SignaturePadHandle {
  /** The drawing as a PNG data URL, or null while it is too short to be a signature. */
  toDataUrl(): string | null;
  clear(): void;
}

interface Props {
  /** Told whether there is enough ink to send (the submit button waits for it). */
  onInkChange?: (hasInk: boolean) => void;
  height?: number;
}

/** Enough stroke length (CSS px) to count as a signature rather than a tap. */
const minInk = 40;

/**
 * A handwritten signature on the phone screen (issue 11 §1): a canvas drawn with a finger (pointer
 * events: touch, pen and mouse alike), transparent background, sent as PNG. `touch-action: none`
 * keeps the page from scrolling under the finger at 360 px.
 */
export const SignaturePad = forwardRef<SignaturePadHandle, Props>(function SignaturePad({ onInkChange, height = 180 }, ref) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const strokes = useRef<Point[][]>([]);
  const drawing = useRef<Point[] | null>(null);
  const [hasInk, setHasInk] = useState(false);

  const updateInk = useCallback(() => {
    const ink = inkedLength(strokes.current) >= minInk;
    setHasInk(ink);
    onInkChange?.(ink);
  }, [onInkChange]);

  // Size the bitmap to the device's pixels so strokes are sharp on a high-density screen.
  useEffect(() => {
    const c = canvas.current;
    if (!c) return;
    const ratio = Math.min(window.devicePixelRatio || 1, 2);
    const rect = c.getBoundingClientRect();
    c.width = Math.round(rect.width * ratio);
    c.height = Math.round(height * ratio);
    const ctx = c.getContext('2d');
    if (!ctx) return;
    ctx.scale(ratio, ratio);
    ctx.lineWidth = 3;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.strokeStyle = '#111';
  }, [height]);

  const pointOf = (e: React.PointerEvent<HTMLCanvasElement>): Point => {
    const rect = e.currentTarget.getBoundingClientRect();
    return { x: e.clientX - rect.left, y: e.clientY - rect.top };
  };

  const onPointerDown = (e: React.PointerEvent<HTMLCanvasElement>) => {
    e.preventDefault();
    try {
      e.currentTarget.setPointerCapture?.(e.pointerId);
    } catch {
      // Some WebViews refuse capture for a pointer they do not track; drawing works without it.
    }
    const p = pointOf(e);
    drawing.current = [p];
    strokes.current.push(drawing.current);
    const ctx = canvas.current?.getContext('2d');
    ctx?.beginPath();
    ctx?.moveTo(p.x, p.y);
  };
  const onPointerMove = (e: React.PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current) return;
    e.preventDefault();
    const p = pointOf(e);
    drawing.current.push(p);
    const ctx = canvas.current?.getContext('2d');
    ctx?.lineTo(p.x, p.y);
    ctx?.stroke();
  };
  const onPointerUp = () => {
    if (!drawing.current) return;
    drawing.current = null;
    updateInk();
  };

  const clear = useCallback(() => {
    const c = canvas.current;
    c?.getContext('2d')?.clearRect(0, 0, c.width, c.height);
    strokes.current = [];
    updateInk();
  }, [updateInk]);

  useImperativeHandle(ref, () => ({
    toDataUrl: () => (inkedLength(strokes.current) >= minInk && canvas.current ? canvas.current.toDataURL('image/png') : null),
    clear,
  }), [clear]);

  return (
    <div className="sigpad">
      <canvas
        ref={canvas}
        className="sigpad-canvas"
        style={{ height }}
        data-testid="signature-pad"
        aria-label={t('signOff.padLabel')}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
        onPointerLeave={onPointerUp}
      />
      <div className="sigpad-foot">
        <span className="muted">{hasInk ? t('signOff.padReady') : t('signOff.padHint')}</span>
        <button type="button" className="sigpad-clear" onClick={clear} disabled={!hasInk}>
          {t('signOff.padClear')}
        </button>
      </div>
    </div>
  );
});
