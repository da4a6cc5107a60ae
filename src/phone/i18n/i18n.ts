import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { defaultLocale, isLocale, type Locale } from '../../i18n/locale.js';
import { enUS } from './en-US';
import { zhCN } from './zh-CN';

/** Same key as the office app: a language chosen on one is kept on the other. */
const storageKey = 'shuangkong.locale';

function initialLocale(): Locale {
  let stored: string | null = null;
  try {
    stored = globalThis.localStorage?.getItem(storageKey) ?? null;
  } catch {
    // WeChat private mode may refuse storage; the default is fine.
  }
  if (isLocale(stored)) return stored;
  // Workers are Chinese-speaking first: only an English browser starts in English.
  return (globalThis.navigator?.language ?? '').toLowerCase().startsWith('en') ? 'en-US' : defaultLocale;
}

void i18next.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, 'en-US': { translation: enUS } },
  lng: initialLocale(),
  fallbackLng: defaultLocale,
  interpolation: { escapeValue: false },
  returnNull: false,
});
if (globalThis.document) document.documentElement.lang = i18next.language;

export function currentLocale(): Locale {
  return isLocale(i18next.language) ? i18next.language : defaultLocale;
}

export async function setLocale(locale: Locale): Promise<void> {
  try {
    localStorage.setItem(storageKey, locale);
  } catch {
    /* storage refused: the choice lasts for this page only */
  }
  document.documentElement.lang = locale;
  await i18next.changeLanguage(locale);
}
