import { StrictMode, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { AppProviders } from './app-providers';
import { useMe } from './auth/use-me';
import { applyLocale } from './i18n/i18n';
import { router } from './router';

/** The account's saved language wins over the browser's once we know who is signed in. */
function AccountLocale() {
  const { data: me } = useMe();
  const saved = me?.user.locale;
  useEffect(() => {
    if (saved) void applyLocale(saved);
  }, [saved]);
  return null;
}

const root = document.getElementById('root');
if (!root) throw new Error('#root missing');
createRoot(root).render(
  <StrictMode>
    <AppProviders>
      <AccountLocale />
      <RouterProvider router={router} />
    </AppProviders>
  </StrictMode>,
);
