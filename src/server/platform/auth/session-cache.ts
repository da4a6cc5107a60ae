import type { AuthContext } from './auth-context.js';

/**
 * A short in-process cache in front of resolveSession (issue 18: the session lookup was a query on
 * every request, +9 % CPU on SQLite and half the list query's time on PostgreSQL).
 *
 * - An entry lives at most `ttlMs` (SESSION_CACHE_SECONDS, default 5 s) of real time AND of the
 *   app's clock, so idle/absolute expiry and changes made by another process are seen within it.
 * - Logout, password change, enterprise switch, profile and membership changes in this process call
 *   invalidateSessions() after their write is committed: the next request reads the database.
 * - A lookup that started before an invalidation is not stored (generation check), so a read that
 *   raced a change never outlives it. Unknown sessions are never cached (no cookie spraying).
 */
export class SessionCache {
  readonly #entries = new Map<string, { auth: AuthContext; realAt: number; clockAt: number }>();
  #generation = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly max = 10_000,
  ) {}

  /** The cached session when it is fresh, else undefined (then `resolve` loads it): lets a caller skip a promise on a hit. */
  peek(sessionId: string, clockNow: number): AuthContext | undefined {
    if (this.ttlMs <= 0) return undefined;
    const hit = this.#entries.get(sessionId);
    return hit && performance.now() - hit.realAt < this.ttlMs && Math.abs(clockNow - hit.clockAt) < this.ttlMs ? hit.auth : undefined;
  }

  async resolve(sessionId: string, clockNow: number, load: () => Promise<AuthContext | null>): Promise<AuthContext | null> {
    if (this.ttlMs <= 0) return load();
    const realNow = performance.now();
    const known = this.peek(sessionId, clockNow);
    if (known) return known;
    this.#entries.delete(sessionId);
    const generation = this.#generation;
    const auth = await load();
    if (auth && generation === this.#generation) {
      this.#entries.set(sessionId, { auth: Object.freeze({ ...auth }), realAt: realNow, clockAt: clockNow });
      if (this.#entries.size > this.max) this.#entries.delete(this.#entries.keys().next().value as string);
    }
    return auth;
  }

  /** Forget every cached session (auth data changed in this process). */
  invalidate(): void {
    this.#generation += 1;
    this.#entries.clear();
  }
}

// One cache per database handle: each app (and each test's app) has its own.
const caches = new WeakMap<object, SessionCache>();

export function sessionCacheOf(db: object, ttlMs: number): SessionCache {
  let cache = caches.get(db);
  if (!cache) {
    cache = new SessionCache(ttlMs);
    caches.set(db, cache);
  }
  return cache;
}

/** Call after committing a change to sessions, users or memberships. */
export function invalidateSessions(db: object): void {
  caches.get(db)?.invalidate();
}
