import { describe, expect, it, vi } from 'vitest';
import type { AuthContext } from './auth-context.js';
import { SessionCache } from './session-cache.js';

const auth: AuthContext = { sessionId: 's1', userId: 'u1', username: 'u', displayName: 'U', isAdmin: false, locale: null, enterpriseId: 'e1', role: 'worker' };

describe('SessionCache', () => {
  it('reads the database once within the TTL', async () => {
    const cache = new SessionCache(5_000);
    const load = vi.fn(async () => auth);
    await cache.resolve('s1', 0, load);
    expect(await cache.resolve('s1', 1_000, load)).toEqual(auth);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('peeks at a fresh entry without a promise, and at nothing stale or unknown', async () => {
    const cache = new SessionCache(5_000);
    expect(cache.peek('s1', 0)).toBeUndefined();
    await cache.resolve('s1', 0, async () => auth);
    expect(cache.peek('s1', 1_000)).toEqual(auth);
    expect(cache.peek('s1', 5_000)).toBeUndefined();
    cache.invalidate();
    expect(cache.peek('s1', 0)).toBeUndefined();
  });

  it('reads again once the app clock moved by the TTL (idle and absolute expiry stay exact within it)', async () => {
    const cache = new SessionCache(5_000);
    const load = vi.fn(async () => auth);
    await cache.resolve('s1', 0, load);
    await cache.resolve('s1', 5_000, load);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('reads again after real time passed the TTL', async () => {
    vi.useFakeTimers({ toFake: ['performance'] });
    try {
      const cache = new SessionCache(5_000);
      const load = vi.fn(async () => auth);
      await cache.resolve('s1', 0, load);
      vi.advanceTimersByTime(5_001);
      await cache.resolve('s1', 0, load);
      expect(load).toHaveBeenCalledTimes(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('forgets everything on invalidate (logout, password change in this process)', async () => {
    const cache = new SessionCache(5_000);
    const load = vi.fn(async () => auth);
    await cache.resolve('s1', 0, load);
    cache.invalidate();
    const ended = vi.fn(async () => null);
    expect(await cache.resolve('s1', 0, ended)).toBeNull();
    expect(ended).toHaveBeenCalledTimes(1);
  });

  it('does not store a lookup that raced an invalidation', async () => {
    const cache = new SessionCache(5_000);
    let release: (a: AuthContext) => void = () => undefined;
    const slow = cache.resolve('s1', 0, () => new Promise<AuthContext>((r) => (release = r)));
    cache.invalidate(); // e.g. logout committed while the stale read was in flight
    release(auth);
    await slow;
    const load = vi.fn(async () => null);
    expect(await cache.resolve('s1', 0, load)).toBeNull();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('never caches an unknown session, and a TTL of 0 turns the cache off', async () => {
    const none = vi.fn(async () => null);
    const cache = new SessionCache(5_000);
    await cache.resolve('x', 0, none);
    await cache.resolve('x', 0, none);
    expect(none).toHaveBeenCalledTimes(2);
    const off = new SessionCache(0);
    const load = vi.fn(async () => auth);
    await off.resolve('s1', 0, load);
    await off.resolve('s1', 0, load);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('hands out a frozen copy: one request cannot change what the next one sees', async () => {
    const cache = new SessionCache(5_000);
    await cache.resolve('s1', 0, async () => ({ ...auth }));
    const cached = await cache.resolve('s1', 0, async () => null);
    expect(Object.isFrozen(cached)).toBe(true);
  });
});
