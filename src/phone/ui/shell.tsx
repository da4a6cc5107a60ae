import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useNavigate } from 'react-router';
import { currentLocale, setLocale } from '../i18n/i18n';
import { useIsOnline, useOutbox } from '../outbox/use-outbox';

interface Props {
  title: string;
  /** Show a back arrow (history back, or `backTo` when the page was opened straight from a QR code). */
  backTo?: string;
  children: ReactNode;
  hasTabs?: boolean;
}

export function Shell({ title, backTo, children, hasTabs = true }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const isOnline = useIsOnline();
  const outbox = useOutbox();
  const waiting = outbox.entries.length;
  const goBack = () => {
    if (window.history.length > 1 && window.history.state?.idx > 0) navigate(-1);
    else navigate(backTo ?? '/tasks');
  };
  return (
    <>
      <header className="bar">
        {backTo !== undefined && (
          <button type="button" className="back" onClick={goBack} aria-label={t('app.back')}>
            ‹
          </button>
        )}
        <h1>{title}</h1>
        {waiting > 0 && (
          <Link to="/tasks" className="outbox-badge" data-testid="outbox-count" data-count={waiting}>
            {t('outbox.waiting', { count: waiting })}
          </Link>
        )}
        <button
          type="button"
          className="lang"
          aria-label={t('app.langToggleLabel')}
          data-testid="lang-toggle"
          onClick={() => void setLocale(currentLocale() === 'zh-CN' ? 'en-US' : 'zh-CN')}
        >
          {t('app.langToggle')}
        </button>
      </header>
      {!isOnline && (
        <div className="offline-strip" role="status">
          {t('app.offline')}
        </div>
      )}
      <main className="page">{children}</main>
      {hasTabs && <Tabs />}
    </>
  );
}

function Tabs() {
  const { t } = useTranslation();
  return (
    <nav className="tabs">
      <NavLink to="/tasks">
        <span className="icon" aria-hidden>
          ☑
        </span>
        {t('nav.tasks')}
      </NavLink>
      <NavLink to="/report" className="report">
        <span className="icon" aria-hidden>
          ⚠
        </span>
        {t('nav.report')}
      </NavLink>
      <NavLink to="/hazards">
        <span className="icon" aria-hidden>
          ◎
        </span>
        {t('nav.hazards')}
      </NavLink>
      <NavLink to="/permits">
        <span className="icon" aria-hidden>
          ✎
        </span>
        {t('nav.permits')}
      </NavLink>
    </nav>
  );
}

export function Skeleton({ rows = 3 }: { rows?: number }) {
  return (
    <div aria-busy="true">
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="skeleton" />
      ))}
    </div>
  );
}

export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const message = error instanceof Error && error.name === 'ApiError' ? error.message : t('errors.network');
  return (
    <div className="notice error" role="alert">
      {message}
      {onRetry && (
        <button type="button" className="btn ghost" style={{ marginTop: 8 }} onClick={onRetry}>
          {t('app.retry')}
        </button>
      )}
    </div>
  );
}
