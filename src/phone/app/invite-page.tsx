import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { acceptInvitationSchema, type InvitationInfo } from '../../schemas/accounts.js';
import type { Me } from '../../schemas/auth.js';
import { Shell } from '../ui/shell';
import { api, ApiError } from './phone-api';
import { useSession } from './session';
import { useApi } from './use-api';

/**
 * /m/invite/:token — the invitation QR a person scans: they choose a 6-digit PIN (and a password for
 * the computer when their role uses one) and this phone stays signed in (issue 8 §2, §3).
 */
export function InvitePage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const { signIn } = useSession();
  const navigate = useNavigate();
  const info = useApi<InvitationInfo>(`/api/v1/public/invitations/${encodeURIComponent(token)}`);
  const [pin, setPin] = useState('');
  const [pin2, setPin2] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (pin !== pin2) {
      setError(t('invite.pinMismatch'));
      return;
    }
    const parsed = acceptInvitationSchema.safeParse({ pin, ...(info.data?.isPasswordAsked ? { password } : {}) });
    if (!parsed.success) {
      setError(parsed.error.issues.map((i) => i.message).join('；'));
      return;
    }
    setIsBusy(true);
    setError(null);
    try {
      const me = await api<Me>(`/api/v1/public/invitations/${encodeURIComponent(token)}/accept`, { body: parsed.data });
      signIn(me);
      navigate('/tasks', { replace: true });
    } catch (e) {
      setError(e instanceof ApiError ? (e.errors[0]?.message ?? e.message) : t('errors.network'));
    } finally {
      setIsBusy(false);
    }
  };

  if (info.error) {
    return (
      <Shell title={t('invite.title')} hasTabs={false}>
        <div className="login" data-testid="invite-invalid">
          <div className="notice error">{t('invite.invalid')}</div>
          <p className="muted">{t('invite.invalidHint')}</p>
        </div>
      </Shell>
    );
  }
  const data = info.data;
  return (
    <Shell title={t('invite.title')} hasTabs={false}>
      <form className="login" onSubmit={submit} noValidate data-testid="invite-page">
        {data && (
          <>
            <h2>{t('invite.hello', { name: data.displayName })}</h2>
            <p className="muted">{t('invite.where', { enterprise: data.enterpriseName, role: t(`invite.role.${data.role}`) })}</p>
          </>
        )}
        <label className="field">
          <span>{t('invite.choosePin')}</span>
          <input className="input" name="pin" type="password" inputMode="numeric" autoComplete="new-password" maxLength={6} value={pin} onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))} />
        </label>
        <label className="field">
          <span>{t('invite.confirmPin')}</span>
          <input className="input" name="pin2" type="password" inputMode="numeric" autoComplete="new-password" maxLength={6} value={pin2} onChange={(e) => setPin2(e.target.value.replace(/\D/g, ''))} />
        </label>
        <p className="muted" style={{ fontSize: 13, marginTop: -8 }}>
          {t('invite.pinHint')}
        </p>
        {data?.isPasswordAsked && (
          <label className="field">
            <span>{t('invite.password')}</span>
            <input className="input" name="password" type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />
          </label>
        )}
        {error && (
          <div className="notice error" role="alert">
            {error}
          </div>
        )}
        <button type="submit" className="btn primary big" disabled={isBusy || !data}>
          {t('invite.submit')}
        </button>
      </form>
    </Shell>
  );
}
