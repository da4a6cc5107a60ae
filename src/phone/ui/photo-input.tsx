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
            <span aria-hidden>📷</span> {label}
          </>
        )}
      </label>
      {error && <div className="field-error">{error}</div>}
    </>
  );
}
