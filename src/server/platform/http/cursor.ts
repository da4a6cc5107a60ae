import { AppError } from './app-error.js';

/** Opaque keyset cursor over (timestamp, id). */
export function encodeCursor(at: string, id: string): string {
  return Buffer.from(`${at}|${id}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | undefined): { at: string; id: string } | undefined {
  if (!cursor) return undefined;
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const [at, id] = text.split('|');
  if (!at || !id || Number.isNaN(Date.parse(at))) {
    throw new AppError('VALIDATION', {}, [{ path: 'cursor', message: { 'zh-CN': '分页游标无效', 'en-US': 'Invalid page cursor' } }]);
  }
  return { at, id };
}

/** Fetch limit + 1 rows; the extra one tells whether there is a next page (`encode`: encodeTextCursor for a list in name order). */
export function toPage<R, T>(rows: R[], limit: number, key: (row: R) => { at: string; id: string }, map: (row: R) => T, encode = encodeCursor) {
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  const last = pageRows[pageRows.length - 1];
  return {
    items: pageRows.map(map),
    nextCursor: hasMore && last ? encode(key(last).at, key(last).id) : null,
  };
}

/** Opaque keyset cursor over (text key, id), for lists in name order: the key may hold any character. */
export function encodeTextCursor(key: string, id: string): string {
  return Buffer.from(JSON.stringify([key, id]), 'utf8').toString('base64url');
}

export function decodeTextCursor(cursor: string | undefined): { at: string; id: string } | undefined {
  if (!cursor) return undefined;
  try {
    const [key, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof key === 'string' && typeof id === 'string' && id) return { at: key, id };
  } catch {
    // falls through to the 400 below
  }
  throw new AppError('VALIDATION', {}, [{ path: 'cursor', message: { 'zh-CN': '分页游标无效', 'en-US': 'Invalid page cursor' } }]);
}
