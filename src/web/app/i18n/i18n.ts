import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { z } from 'zod';
import zodEn from 'zod/v4/locales/en.js';
import zodZhCN from 'zod/v4/locales/zh-CN.js';
import { defaultLocale, isLocale, type Locale } from '../../../i18n/locale.js';
import { humanIssueMessage } from '../../../i18n/validation-messages.js';
import { enUS } from './en-US';
import { zhCN } from './zh-CN';

const storageKey = 'shuangkong.locale';

function initialLocale(): Locale {
  const stored = globalThis.localStorage?.getItem(storageKey);
  if (isLocale(stored)) return stored;
  const nav = globalThis.navigator?.language?.toLowerCase() ?? '';
  return nav.startsWith('en') ? 'en-US' : defaultLocale;
}

/** Dates in antd's calendars and pickers (weekday and month names, first day of the week) follow the UI language. */
function configureDayjs(locale: Locale): void {
  dayjs.locale(locale === 'en-US' ? 'en' : 'zh-cn');
}

/** zod messages from the shared schemas follow the UI language too. */
function configureZod(locale: Locale): void {
  z.config(locale === 'en-US' ? zodEn() : zodZhCN());
  // The same sentences the server sends (src/i18n/validation-messages.ts), never a type name or a regex.
  z.config({ customError: (issue) => humanIssueMessage(issue, locale) });
}

const startLocale = initialLocale();
configureZod(startLocale);
configureDayjs(startLocale);

void i18next.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, 'en-US': { translation: enUS } },
  lng: startLocale,
  fallbackLng: defaultLocale,
  interpolation: { escapeValue: false },
  returnNull: false,
});

export const i18n = i18next;

export function currentLocale(): Locale {
  return isLocale(i18next.language) ? i18next.language : defaultLocale;
}

export async function applyLocale(locale: Locale): Promise<void> {
  if (locale === currentLocale()) return;
  globalThis.localStorage?.setItem(storageKey, locale);
  configureZod(locale);
  configureDayjs(locale);
  document.documentElement.lang = locale;
  await i18next.changeLanguage(locale);
}
