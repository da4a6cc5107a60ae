import { type ChangeEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  onFile: (file: File) => Promise<unknown>;
  className?: string;
  label: string;
  testId?: string;
  children?: React.ReactNode;
}

/** The camera button: input type=file with capture, so a phone opens the rear camera directly. */
export function PhotoInput({ onFile, className = 'photo-add', label, testId, children }: Props) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const change = async (event: ChangeEvent<HTMLInputElement>) => {
    const files = [...(event.target.files ?? [])];
    event.target.value = ''; // the same photo may be chosen again
    setError(null);
    setIsBusy(true);
    try {
      for (const f of files) await onFile(f);
    } catch {
      setError(t('errors.photoFailed'));
    } finally {
      setIsBusy(false);
    }
  };
  return (
    <>
      <label className={className} aria-busy={isBusy}>
        <input type="file" accept="image/*" capture="environment" onChange={change} data-testid={testId} aria-label={label} />
        {children ?? (
          <>
            <CameraIcon /> {label}
          </>
        )}
      </label>
      {error && <div className="field-error">{error}</div>}
    </>
  );
}

/** Drawn, not an emoji: cheap Android WebViews may lack the colour emoji font. */
export function CameraIcon({ size = 22 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden>
      <path d="M4 8h3l2-3h6l2 3h3a1 1 0 0 1 1 1v10a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V9a1 1 0 0 1 1-1z" />
      <circle cx="12" cy="13.5" r="3.5" />
    </svg>
  );
}
