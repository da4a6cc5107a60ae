/**
 * The only place where database representations become domain values (DESIGN.md "The database
 * seam"). Both dialects store timestamps as ISO-8601 UTC text (lexicographic order = time order)
 * and booleans as 0/1 integers.
 */
export function toDbTime(date: Date): string {
  return date.toISOString();
}

export function toDbBool(value: boolean): number {
  return value ? 1 : 0;
}

export function fromDbBool(value: number | boolean | null | undefined): boolean {
  return value === 1 || value === true;
}

export function toDbJson(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}

export function fromDbJson<T>(value: string | null): T | null {
  return value === null ? null : (JSON.parse(value) as T);
}

/** PostgreSQL returns count(*) and bigint as strings; SQLite as numbers. */
export function fromDbCount(value: string | number | bigint | null | undefined): number {
  return value === null || value === undefined ? 0 : Number(value);
}
