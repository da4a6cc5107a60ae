import { describe, expect, it } from 'vitest';
import { TaskPlanMemo } from './task-plan-memo.js';

describe('TaskPlanMemo', () => {
  const e = 'enterprise-1';
  it('trusts a materialisation until the earliest window end, and not after', () => {
    const memo = new TaskPlanMemo(60_000);
    memo.remember(e, memo.generation(), 1_000, 5_000);
    expect(memo.isFresh(e, 4_999)).toBe(true);
    expect(memo.isFresh(e, 5_000)).toBe(false);
    expect(memo.isFresh('enterprise-2', 2_000)).toBe(false);
  });

  it('does not trust a clock set back before the materialisation', () => {
    const memo = new TaskPlanMemo(60_000);
    memo.remember(e, memo.generation(), 1_000, 5_000);
    expect(memo.isFresh(e, 999)).toBe(false);
  });

  it('forgets on a change, and does not store a materialisation that started before it', () => {
    const memo = new TaskPlanMemo(60_000);
    memo.remember(e, memo.generation(), 1_000, 5_000);
    memo.forget(e);
    expect(memo.isFresh(e, 2_000)).toBe(false);
    const started = memo.generation();
    memo.forget(e); // a write committed while that materialisation ran
    memo.remember(e, started, 2_000, 5_000);
    expect(memo.isFresh(e, 2_000)).toBe(false);
  });

  it('lives at most its TTL of real time (another process may have changed things), and 0 turns it off', async () => {
    const memo = new TaskPlanMemo(30);
    memo.remember(e, memo.generation(), 1_000, 5_000);
    expect(memo.isFresh(e, 1_000)).toBe(true);
    await new Promise((r) => setTimeout(r, 40));
    expect(memo.isFresh(e, 1_000)).toBe(false);
    const off = new TaskPlanMemo(0);
    off.remember(e, off.generation(), 1_000, 5_000);
    expect(off.isFresh(e, 1_000)).toBe(false);
  });
});
