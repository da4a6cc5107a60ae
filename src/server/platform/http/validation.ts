import { z } from 'zod';
import type { Locale } from '../../../i18n/locale.js';
import { AppError, type FieldIssue } from './app-error.js';

const zodLocales: Record<Locale, ReturnType<typeof z.locales.en>> = {
  'zh-CN': z.locales.zhCN(),
  'en-US': z.locales.en(),
};

function pathOf(issue: z.core.$ZodIssue): string {
  const base = issue.path.map(String).join('.');
  // Unknown keys name themselves: an `enterpriseId` smuggled into a body is reported as that field.
  if (issue.code === 'unrecognized_keys') return issue.keys.map((k) => (base ? `${base}.${k}` : k)).join(',');
  return base;
}

export function toFieldIssues(issues: readonly z.core.$ZodIssue[]): FieldIssue[] {
  return issues.map((issue) => ({ path: pathOf(issue), message: issue.message }));
}

/** Parses with the shared schema; on failure throws VALIDATION naming every failing field, in the user's language. */
export function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown, locale: Locale): T {
  const result = schema.safeParse(value, { error: zodLocales[locale].localeError });
  if (result.success) return result.data;
  throw new AppError('VALIDATION', {}, toFieldIssues(result.error.issues));
}

/** A single field problem found by a service (e.g. "orgUnitId does not exist"). */
export function fieldError(path: string, message: Record<Locale, string>): AppError {
  return new AppError('VALIDATION', {}, [{ path, message }]);
}

export const referenceMissing = (path: string): AppError =>
  fieldError(path, { 'zh-CN': '引用的记录不存在或已归档', 'en-US': 'The referenced record does not exist or is archived' });
