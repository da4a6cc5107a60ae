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
