/* Issue 18: every task-list read ran materialiseTasks (the shift calendar, every active item
 * assignment and the existing task keys) before its page query. An enterprise's tasks, once
 * materialised at a moment, stay right until the earliest end among the windows then computed (or
 * of a task still open) — unless something changes what tasks should exist. So a read within that
 * time skips materialisation, while:
 * - every write that changes what tasks should exist (list publication, an item's activity or
 *   archive, who holds a post, a post's archive, the shifts, the time zone) calls taskPlanChanged()
 *   and this process forgets the enterprise's memo when that write commits (onCommit, synchronous:
 *   the very next read materialises);
 * - a memo lives at most `ttlMs` (TASK_PLAN_CACHE_SECONDS, default 60 s) of real time, so a change
 *   made by another server process is seen within it (and by the minute scheduler's own run there);
 * - a materialisation that started before an invalidation is not stored (generation check). */
import type { Executor } from '../../db/with-transaction.js';
import { onCommit } from '../../db/with-transaction.js';

interface Entry {
  /** App-clock time (ms) at which some window computed ends: from then on a new window is due. */
  until: number;
  clockAt: number;
  realAt: number;
}

export class TaskPlanMemo {
  readonly #entries = new Map<string, Entry>();
  #generation = 0;
  #seenGlobal = globalGeneration;

  constructor(private readonly ttlMs: number) {}

  /** True when the enterprise's tasks were materialised for `clockNow` in this process recently. */
  isFresh(enterpriseId: string, clockNow: number): boolean {
    this.#syncGlobal();
    const hit = this.#entries.get(enterpriseId);
    if (!hit) return false;
    if (clockNow < hit.until && clockNow >= hit.clockAt && performance.now() - hit.realAt < this.ttlMs) return true;
    this.#entries.delete(enterpriseId);
    return false;
  }

  /** Taken before materialising; `remember` stores only if nothing was invalidated since. */
  generation(): number {
    this.#syncGlobal();
    return this.#generation;
  }

  remember(enterpriseId: string, generation: number, clockNow: number, until: number): void {
    this.#syncGlobal();
    if (this.ttlMs <= 0 || generation !== this.#generation || until <= clockNow) return;
    this.#entries.set(enterpriseId, { until, clockAt: clockNow, realAt: performance.now() });
  }

  forget(enterpriseId?: string): void {
    this.#generation += 1;
    if (enterpriseId) this.#entries.delete(enterpriseId);
    else this.#entries.clear();
  }

  #syncGlobal(): void {
    if (this.#seenGlobal === globalGeneration) return;
    this.#seenGlobal = globalGeneration;
    this.forget();
  }
}

// One memo per database handle (each app, and each test's app, has its own); a change made in a
// transaction this module cannot trace to its handle forgets every memo (globalGeneration).
const memos = new WeakMap<object, TaskPlanMemo>();
let globalGeneration = 0;

export function taskPlanMemoOf(db: object, ttlMs: number): TaskPlanMemo {
  let memo = memos.get(db);
  if (!memo) {
    memo = new TaskPlanMemo(ttlMs);
    memos.set(db, memo);
  }
  return memo;
}

/** Call from every write that changes which tasks should exist; takes effect when the write commits. */
export function taskPlanChanged(executor: Executor, enterpriseId: string): void {
  onCommit(executor, (db) => {
    if (db) memos.get(db)?.forget(enterpriseId);
    else globalGeneration += 1;
  });
}
