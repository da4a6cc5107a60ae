import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { badgeLoginSchema } from '../../schemas/accounts.js';
import type { Me } from '../../schemas/auth.js';
import { Shell } from '../ui/shell';
import { api, ApiError } from './phone-api';
import { useSession } from './session';

/** /m/badge/:token — a worker scans the badge QR and types the PIN; the phone stays signed in (issue 8 §3). */
export function BadgePage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const { signIn } = useSession();
  const navigate = useNavigate();
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = badgeLoginSchema.safeParse({ token, pin });
    if (!parsed.success) {
      setError(parsed.error.issues.map((i) => i.message).join('；'));
      return;
    }
    setIsBusy(true);
    setError(null);
    try {
      signIn(await api<Me>('/api/v1/auth/badge-login', { body: parsed.data }));
      navigate('/tasks', { replace: true });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : t('errors.network'));
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <Shell title={t('badge.title')} hasTabs={false}>
      <form className="login" onSubmit={submit} noValidate data-testid="badge-page">
        <h2>{t('badge.hint')}</h2>
        <p className="muted">{t('login.remembered')}</p>
        <label className="field">
          <span>{t('badge.pin')}</span>
          <input className="input" name="pin" type="password" inputMode="numeric" autoComplete="current-password" maxLength={6} value={pin} onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))} />
        </label>
        {error && (
          <div className="notice error" role="alert">
            {error}
          </div>
        )}
        <button type="submit" className="btn primary big" disabled={isBusy}>
          {t('badge.submit')}
        </button>
      </form>
    </Shell>
  );
}
