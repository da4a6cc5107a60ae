/*
 * What a database error means for the caller, the same on SQLite and PostgreSQL. The error handler
 * is the only user: a unique violation becomes 409 naming the field (two identical writes at once
 * pass every select-then-insert check and meet at the unique key), text the database refuses
 * becomes 400. Everything else stays a server error.
 */

export type DbErrorMeaning = { kind: 'unique'; columns: string[] } | { kind: 'unstorable-text' } | null;

/** Columns that scope a key rather than name what the user typed. */
const scopeColumns = new Set(['enterprise_id']);

function columnsOfPgDetail(detail: string): string[] {
  // "Key (enterprise_id, username)=(…) already exists." — also "Key (lower(username::text))=(…)".
  const match = /^Key \((.*?)\)=\(/.exec(detail);
  if (!match?.[1]) return [];
  return match[1]
    .split(',')
    .map((part) => /([a-z_][a-z0-9_]*)(?:::[a-z ]+)?\)*\s*$/i.exec(part.trim())?.[1] ?? '')
    .filter(Boolean);
}

function columnsOfSqliteMessage(message: string): string[] {
  // "UNIQUE constraint failed: user.username" / "…: membership.user_id, membership.enterprise_id" / "…: index 'name'".
  const match = /constraint failed: (.*)$/.exec(message);
  if (!match?.[1] || match[1].startsWith('index ')) return [];
  return match[1].split(',').map((part) => part.trim().split('.').pop() ?? '');
}

export function meaningOfDbError(error: unknown): DbErrorMeaning {
  if (!error || typeof error !== 'object') return null;
  const { code, detail, message } = error as { code?: unknown; detail?: unknown; message?: unknown };
  if (code === '23505') return { kind: 'unique', columns: typeof detail === 'string' ? columnsOfPgDetail(detail) : [] };
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    return { kind: 'unique', columns: typeof message === 'string' ? columnsOfSqliteMessage(message) : [] };
  }
  // 22021 invalid byte sequence (NUL), 22P05 untranslatable character: the route layer refuses such
  // text first; this catches text that reached the database another way (e.g. a parsed file).
  if (code === '22021' || code === '22P05') return { kind: 'unstorable-text' };
  return null;
}

const camel = (column: string) => column.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());

/** The field a unique violation names, as the API's schemas call it (`credit_code` → `creditCode`). */
export function fieldOfUniqueColumns(columns: readonly string[]): string {
  const named = columns.filter((c) => !scopeColumns.has(c));
  return (named.length ? named : columns).map(camel).join(',');
}

/** For services that turn a lost race into their own 409 (e.g. the first-run set-up's SETUP_DONE). */
export function isUniqueViolation(error: unknown): boolean {
  return meaningOfDbError(error)?.kind === 'unique';
}
