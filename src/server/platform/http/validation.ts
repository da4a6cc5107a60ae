import { z } from 'zod';
import type { Locale } from '../../../i18n/locale.js';
import { findUnstorableText, hasUnstorableText, unstorableTextMessage } from '../../../schemas/common.js';
import { humanIssueMessage } from '../../../i18n/validation-messages.js';
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

/** One entry per field and sentence: two checks of one empty field both say "请填写用户名。". */
export function toFieldIssues(issues: readonly z.core.$ZodIssue[]): FieldIssue[] {
  const all = issues.map((issue) => ({ path: pathOf(issue), message: issue.message }));
  return all.filter((issue, i) => all.findIndex((other) => other.path === issue.path && other.message === issue.message) === i);
}

/** Parses with the shared schema; on failure throws VALIDATION naming every failing field, in the user's language. */
export function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown, locale: Locale): T {
  const result = schema.safeParse(value, { error: (issue) => humanIssueMessage(issue, locale) ?? zodLocales[locale].localeError(issue) });
  if (result.success) return result.data;
  throw new AppError('VALIDATION', {}, toFieldIssues(result.error.issues));
}

/** A single field problem found by a service (e.g. "orgUnitId does not exist"). */
export function fieldError(path: string, message: Record<Locale, string>): AppError {
  return new AppError('VALIDATION', {}, [{ path, message }]);
}

export const referenceMissing = (path: string): AppError =>
  fieldError(path, { 'zh-CN': '引用的记录不存在或已归档', 'en-US': 'The referenced record does not exist or is archived' });

/**
 * Refuses a NUL character or a lone surrogate anywhere in a request's path parameters, query or
 * JSON body (PostgreSQL cannot store them; SQLite would): a 400 naming each field, on both databases.
 * Fields are named as the schemas name them: `title`, `items.0.note` (query and path alike).
 */
export function refuseUnstorableText(parts: { params: unknown; query: unknown; body: unknown }): void {
  if (!hasUnstorableText(parts.params) && !hasUnstorableText(parts.query) && (Buffer.isBuffer(parts.body) || !hasUnstorableText(parts.body))) return;
  const paths = [...findUnstorableText(parts.params), ...findUnstorableText(parts.query), ...(Buffer.isBuffer(parts.body) ? [] : findUnstorableText(parts.body))];
  if (paths.length) throw new AppError('VALIDATION', {}, paths.map((path) => ({ path, message: unstorableTextMessage })));
}
