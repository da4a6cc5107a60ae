import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { Me } from '../../schemas/auth.js';
import { isLocale } from '../../i18n/locale.js';
import { setLocale } from '../i18n/i18n';
import { drain } from '../outbox/outbox';
import { api, ApiError, setUnauthenticatedHandler } from './phone-api';
import { clearApiCache } from './use-api';

const meKey = 'shuangkong.m.me';

function readStoredMe(): Me | null {
  try {
    const text = localStorage.getItem(meKey);
    return text ? (JSON.parse(text) as Me) : null;
  } catch {
    return null;
  }
}

function storeMe(me: Me | null): void {
  try {
    if (me) localStorage.setItem(meKey, JSON.stringify(me));
    else localStorage.removeItem(meKey);
  } catch {
    /* the session cookie still works */
  }
}

interface Session {
  me: Me | null;
  /** Still asking the server; a copy kept on the phone may already be in `me`. */
  isChecking: boolean;
  signIn: (me: Me) => void;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  // The copy kept on the phone lets a worker open the app offline in a dead spot of the workshop.
  const [me, setMe] = useState<Me | null>(readStoredMe);
  const [isChecking, setIsChecking] = useState(true);

  const forget = useCallback(() => {
    storeMe(null);
    clearApiCache();
    setMe(null);
  }, []);

  useEffect(() => {
    setUnauthenticatedHandler(forget);
    api<Me>('/api/v1/auth/me').then(
      (fresh) => {
        storeMe(fresh);
        setMe(fresh);
        setIsChecking(false);
      },
      (error: unknown) => {
        if (error instanceof ApiError && error.status === 401) forget();
        setIsChecking(false);
      },
    );
  }, [forget]);

  const signIn = useCallback((fresh: Me) => {
    storeMe(fresh);
    setMe(fresh);
    if (isLocale(fresh.user.locale)) void setLocale(fresh.user.locale);
    void drain({ force: true }); // what waited for a login goes now
  }, []);

  const signOut = useCallback(async () => {
    await api('/api/v1/auth/logout', { method: 'POST' }).catch(() => undefined);
    forget();
  }, [forget]);

  const value = useMemo(() => ({ me, isChecking, signIn, signOut }), [me, isChecking, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('SessionProvider missing');
  return s;
}

/** Pages behind a login send the worker to /m/login and back here afterwards (the QR code's page). */
export function RequireLogin({ children }: { children: ReactNode }) {
  const { me, isChecking } = useSession();
  const location = useLocation();
  if (!me && isChecking) return null;
  if (!me) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return <>{children}</>;
}
