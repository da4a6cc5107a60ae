import { afterEach, describe, expect, it, vi } from 'vitest';
import { startScheduler } from './scheduler.js';

describe('startScheduler', () => {
  afterEach(() => vi.useRealTimers());

  it('runs a job at once and then every interval, never two runs of it at the same time, and logs failures', async () => {
    vi.useFakeTimers();
    let runs = 0;
    let release: () => void = () => undefined;
    const errors: unknown[] = [];
    const stop = startScheduler(
      [
        { name: 'slow', everyMs: 1000, run: () => { runs++; return new Promise<void>((r) => { release = r; }); } },
        { name: 'broken', everyMs: 1000, run: async () => { throw new Error('boom'); } },
      ],
      { error: (obj) => errors.push(obj) },
    );
    expect(runs).toBe(1);
    await vi.advanceTimersByTimeAsync(3000); // the first run is still going: no overlap
    expect(runs).toBe(1);
    release();
    await vi.advanceTimersByTimeAsync(1000);
    expect(runs).toBe(2);
    expect(errors.length).toBeGreaterThanOrEqual(3);
    stop();
    release();
    await vi.advanceTimersByTimeAsync(5000);
    expect(runs).toBe(2);
  });

  it('stop() starts no new run and settles only when the run under way has finished (graceful shutdown)', async () => {
    let release: () => void = () => undefined;
    let finished = 0;
    const stop = startScheduler(
      [{ name: 'long', everyMs: 10, run: () => new Promise<void>((r) => { release = () => { finished++; r(); }; }) }],
      { error: () => undefined },
    );
    let isStopped = false;
    const stopping = stop().then(() => (isStopped = true));
    await new Promise((r) => setTimeout(r, 30));
    expect(isStopped).toBe(false); // the job is still running
    release();
    await stopping;
    expect(finished).toBe(1);
  });
});
