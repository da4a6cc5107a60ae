import { z } from 'zod';

export const idSchema = z.uuid();
export const idParamsSchema = z.strictObject({ id: idSchema });
export type IdParams = z.infer<typeof idParamsSchema>;

/** Query-string booleans arrive as text. */
export const queryBoolean = z.enum(['true', 'false']).transform((v) => v === 'true');

/** Keyset pagination: the cursor is opaque to clients (created_at + id of the last row). */
export const pageQuerySchema = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  q: z.string().trim().max(100).optional(),
  includeArchived: queryBoolean.optional(),
});

export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number(),
  code: z.string(),
  detail: z.string(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type Problem = z.infer<typeof problemSchema>;

export const nonEmptyText = (max = 200) => z.string().trim().min(1).max(max);
export const optionalText = (max = 2000) => z.string().trim().max(max).default('');
export const isoDate = z.iso.date();

/**
 * Text no database may store: a NUL character (PostgreSQL refuses it, SQLite would keep it) or a
 * lone UTF-16 surrogate (not Unicode; PostgreSQL refuses its UTF-8 encoding). The route layer
 * refuses both in every body, query and path of every route, naming the field, so that the same
 * input gets the same 400 on SQLite and PostgreSQL.
 */
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** NUL or any surrogate: text without one is storable, and most text has none (one cheap scan). */
const suspect = /[\u0000\uD800-\uDFFF]/;
export function isStorableText(value: string): boolean {
  return !suspect.test(value) || (!value.includes('\u0000') && !loneSurrogate.test(value));
}

/** Whether findUnstorableText would find anything, without building a path for every field (every request asks). */
export function hasUnstorableText(value: unknown): boolean {
  if (typeof value === 'string') return !isStorableText(value);
  if (Array.isArray(value)) return value.some(hasUnstorableText);
  if (value && typeof value === 'object' && !ArrayBuffer.isView(value)) {
    for (const key of Object.keys(value)) if (!isStorableText(key) || hasUnstorableText((value as Record<string, unknown>)[key])) return true;
  }
  return false;
}

export const unstorableTextMessage = {
  'zh-CN': '包含不允许的字符（空字符 NUL 或无效的 Unicode 代理字符）',
  'en-US': 'contains a character that cannot be stored (a NUL character or an invalid Unicode surrogate)',
} as const;

/** Path of every string (or object key) in a parsed JSON/query value that is not storable text. */
export function findUnstorableText(value: unknown, path = '', out: string[] = []): string[] {
  if (typeof value === 'string') {
    if (!isStorableText(value)) out.push(path);
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => findUnstorableText(item, path ? `${path}.${i}` : String(i), out));
  } else if (value && typeof value === 'object' && !ArrayBuffer.isView(value)) {
    for (const [key, item] of Object.entries(value)) {
      const at = path ? `${path}.${key}` : key;
      if (!isStorableText(key)) out.push(path || '(body)');
      findUnstorableText(item, at, out);
    }
  }
  return out;
}
