/* Due items, built once (DESIGN "Mechanisms built once: Due items"). A feature owning due dates
 * (hazard deadlines, inspection windows, plan reviews, drills, supply expiry, certificates, document
 * reviews…) exports one DueItemProvider built on its own service functions and adds it to
 * src/server/due-item-providers.ts. The due-items route, the notifications job and later the
 * calendar / .ics feed read providers only, never another feature's tables. */
import type { AppDeps } from '../../app-deps.js';
import type { Locale } from '../../../i18n/locale.js';
import type { DueStatus } from '../../../schemas/due-items.js';

export interface DueItem {
  kind: string;
  title: Record<Locale, string>;
  /** ISO-8601 instant. */
  dueAt: string;
  status: DueStatus;
  ownerPersonId: string | null;
  link: string;
  sourceRef: string;
}

export interface DueItemWindow {
  from: Date;
  to: Date;
  /** Only items this person owns. */
  personId?: string;
}

export interface DueItemProvider {
  /** Feature prefix of the kinds it returns ('hazard', 'emergency', …). */
  feature: string;
  /**
   * Items due in [from, to], plus every item still open (due or overdue) whose date is before
   * `from`: an overdue item never drops out of the list by ageing.
   */
  listDueItems(deps: AppDeps, enterpriseId: string, window: DueItemWindow): Promise<DueItem[]>;
  /**
   * Days before the due date the owner is notified (the due-items notification job). null: the
   * feature notifies by itself (hazard deadlines) or the item is too frequent (shift inspections).
   */
  notifyDaysBefore: number | null;
}

/** due / overdue / done at `now`: done wins; otherwise past its date is overdue. */
export function dueStatusOf(dueAt: string | Date, isDone: boolean, now: Date): DueStatus {
  if (isDone) return 'done';
  const at = typeof dueAt === 'string' ? new Date(dueAt) : dueAt;
  return at.getTime() < now.getTime() ? 'overdue' : 'due';
}

/** Whether an item belongs to the window under the provider contract above. */
export function isInWindow(item: Pick<DueItem, 'dueAt' | 'status'>, window: DueItemWindow): boolean {
  const at = new Date(item.dueAt).getTime();
  if (at > window.to.getTime()) return false;
  return at >= window.from.getTime() || item.status !== 'done';
}

/** Every provider's items (filtered, earliest first), at most `limit`. */
export async function collectDueItems(
  deps: AppDeps,
  providers: readonly DueItemProvider[],
  enterpriseId: string,
  window: DueItemWindow,
  filter: { kind?: string; status?: DueStatus; limit: number },
): Promise<{ items: DueItem[]; isTruncated: boolean }> {
  const kind = filter.kind;
  const wanted = kind ? providers.filter((p) => kind === p.feature || kind.startsWith(`${p.feature}.`)) : providers;
  const lists = await Promise.all(wanted.map((p) => p.listDueItems(deps, enterpriseId, window)));
  const items = lists
    .flat()
    .filter((i) => isInWindow(i, window))
    .filter((i) => !kind || i.kind === kind || i.kind.startsWith(`${kind}.`))
    .filter((i) => !filter.status || i.status === filter.status)
    .filter((i) => !window.personId || i.ownerPersonId === window.personId)
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.sourceRef.localeCompare(b.sourceRef));
  return { items: items.slice(0, filter.limit), isTruncated: items.length > filter.limit };
}
