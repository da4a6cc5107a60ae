/** The two UI languages. zh-CN is the default (DESIGN.md "Front end"). */
export const locales = ['zh-CN', 'en-US'] as const;
export type Locale = (typeof locales)[number];

/** A label or sentence in both UI languages; the API picks one per request. */
export type LocalizedText = { readonly 'zh-CN': string; readonly 'en-US': string };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

export function isLocalizedText(value: unknown): value is LocalizedText {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return (
    keys.length === 2 &&
    typeof (value as Record<string, unknown>)['zh-CN'] === 'string' &&
    typeof (value as Record<string, unknown>)['en-US'] === 'string'
  );
}

/**
 * Replaces every `{ 'zh-CN', 'en-US' }` object inside `value` by the string for `locale`.
 * Used to serve reference sets and evaluation reasons in the request's language.
 */
export function localizeDeep(value: unknown, locale: Locale): unknown {
  if (isLocalizedText(value)) return value[locale];
  if (Array.isArray(value)) return value.map((item) => localizeDeep(item, locale));
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = localizeDeep(item, locale);
    return out;
  }
  return value;
}
