import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { deviceLoginSchema } from '../../schemas/accounts.js';
import type { Me } from '../../schemas/auth.js';
import type { ReportInfo } from '../../schemas/hazards.js';
import { Shell } from '../ui/shell';
import { api, ApiError } from './phone-api';
import { useSession } from './session';
import { useApi } from './use-api';

/** The post a `next` of /p/:postId (its QR code) names, if any. */
export function postOfNext(next: string): string | null {
  const m = /^\/p\/([0-9a-fA-F-]{36})(?:[/?#]|$)/.exec(next);
  return m ? (m[1] as string) : null;
}

/** Only paths inside the phone app: a QR code's `next` must not send the worker elsewhere. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/tasks';
}

export function LoginPage() {
  const { t } = useTranslation();
  const { me, signIn } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const postId = postOfNext(next);
  // Scanned a post's QR code without an account: offer the report page that needs none, if the enterprise allows it.
  const reportInfo = useApi<ReportInfo>(postId && !me ? `/api/v1/public/posts/${postId}/report-info` : null);

  if (me) return <Navigate to={next} replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // Passwords have 8+ characters, so six digits are always the PIN (issue 8 §3: workers type a short PIN).
    const secret = /^\d{6}$/.test(password.trim()) ? { pin: password.trim() } : { password };
    const parsed = deviceLoginSchema.safeParse({ login: username, ...secret });
    if (!parsed.success || !username.trim() || !password) {
      setError(t('login.required'));
      return;
    }
    setIsBusy(true);
    setError(null);
    try {
      // A device session: this phone stays signed in, and the next post QR opens without a login.
      const fresh = await api<Me>('/api/v1/auth/device-login', { body: parsed.data });
      signIn(fresh);
      navigate(next, { replace: true });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : t('errors.network'));
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <Shell title={t('app.title')} hasTabs={false}>
      <form className="login" onSubmit={submit} noValidate>
        <h2>{t('login.title')}</h2>
        <p className="muted">{t('login.hint')}</p>
        <p className="muted">{t('login.remembered')}</p>
        <label className="field">
          <span>{t('login.username')}</span>
          <input className="input" name="username" autoComplete="username" inputMode="text" value={username} onChange={(e) => setUsername(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('login.password')}</span>
          <input className="input" name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        <p className="muted" style={{ fontSize: 13, marginTop: -8 }}>
          {t('login.pinHint')}
        </p>
        {error && (
          <div className="notice error" role="alert">
            {error}
          </div>
        )}
        <button type="submit" className="btn primary big" disabled={isBusy}>
          {t('login.submit')}
        </button>
        {postId && reportInfo.data?.isAnonymousAllowed && (
          <Link to={`/r/${postId}`} className="btn ghost" style={{ marginTop: 14 }} data-testid="login-anonymous-report">
            ⚠ {t('login.anonymous')}
          </Link>
        )}
      </form>
    </Shell>
  );
}
