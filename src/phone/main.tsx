import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n/i18n';
import './ui/phone.css';
import { PhoneApp } from './app/phone-app';
import { startOutbox } from './outbox/outbox';

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <PhoneApp />
  </StrictMode>,
);
startOutbox();

// Issue 8 §8: the service worker (built by vite-plugin-pwa, vite.config.ts) keeps the phone shell,
// so a QR code scanned without a connection still opens the page. Browsers allow it only in a
// secure context (HTTPS, or localhost); elsewhere the pages work online as before. In dev there is
// no /m/sw.js and the registration fails quietly.
if ('serviceWorker' in navigator && window.isSecureContext) {
  window.addEventListener('load', () => void navigator.serviceWorker.register('/m/sw.js', { scope: '/m/' }).catch(() => undefined));
}

