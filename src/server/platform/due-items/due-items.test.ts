import { describe, expect, it } from 'vitest';
import type { AppDeps } from '../../app-deps.js';
import { collectDueItems, type DueItem, type DueItemProvider, dueStatusOf, isInWindow } from './due-items.js';

const now = new Date('2026-12-01T08:00:00Z');

describe('dueStatusOf', () => {
  it('is done when done, whatever the date', () => {
    expect(dueStatusOf('2026-11-01T00:00:00Z', true, now)).toBe('done');
  });
  it('is overdue one millisecond after the due instant and due at it', () => {
    expect(dueStatusOf('2026-12-01T08:00:00.000Z', false, now)).toBe('due');
    expect(dueStatusOf('2026-12-01T07:59:59.999Z', false, now)).toBe('overdue');
  });
});

describe('isInWindow', () => {
  const window = { from: new Date('2026-11-01T00:00:00Z'), to: new Date('2026-12-31T00:00:00Z') };
  it('keeps an open item due before the window (overdue never ages out) but not a done one', () => {
    expect(isInWindow({ dueAt: '2025-01-01T00:00:00Z', status: 'overdue' }, window)).toBe(true);
    expect(isInWindow({ dueAt: '2025-01-01T00:00:00Z', status: 'done' }, window)).toBe(false);
  });
  it('drops anything due after the window', () => {
    expect(isInWindow({ dueAt: '2026-12-31T00:00:00.001Z', status: 'due' }, window)).toBe(false);
    expect(isInWindow({ dueAt: '2026-12-31T00:00:00.000Z', status: 'due' }, window)).toBe(true);
  });
});

describe('collectDueItems', () => {
  const item = (kind: string, dueAt: string, status: DueItem['status'], owner: string | null = null): DueItem => ({
    kind,
    title: { 'zh-CN': kind, 'en-US': kind },
    dueAt,
    status,
    ownerPersonId: owner,
    link: '/',
    sourceRef: `${kind}:${dueAt}`,
  });
  const provider = (feature: string, items: DueItem[]): DueItemProvider & { calls: number } => {
    const p = { feature, notifyDaysBefore: 7, calls: 0, listDueItems: async () => (p.calls++, items) };
    return p;
  };
  const deps = {} as AppDeps;
  const window = { from: new Date('2026-11-01T00:00:00Z'), to: new Date('2027-03-01T00:00:00Z') };

  it("merges every feature's items earliest first and filters by kind prefix, status and owner", async () => {
    const emergency = provider('emergency', [item('emergency.drill', '2027-01-10T00:00:00Z', 'due', 'p1'), item('emergency.supply', '2026-11-20T00:00:00Z', 'overdue')]);
    const hazard = provider('hazard', [item('hazard.rectification', '2026-12-05T00:00:00Z', 'due', 'p2')]);
    const all = await collectDueItems(deps, [emergency, hazard], 'e', window, { limit: 10 });
    expect(all.items.map((i) => i.kind)).toEqual(['emergency.supply', 'hazard.rectification', 'emergency.drill']);
    const drills = await collectDueItems(deps, [emergency, hazard], 'e', window, { kind: 'emergency.drill', limit: 10 });
    expect(drills.items.map((i) => i.kind)).toEqual(['emergency.drill']);
    const hazardCalls = hazard.calls;
    await collectDueItems(deps, [emergency, hazard], 'e', window, { kind: 'emergency', limit: 10 });
    expect(hazard.calls).toBe(hazardCalls); // another feature's provider is not even asked
    expect((await collectDueItems(deps, [emergency, hazard], 'e', window, { status: 'overdue', limit: 10 })).items).toHaveLength(1);
    expect((await collectDueItems(deps, [emergency, hazard], 'e', { ...window, personId: 'p2' }, { limit: 10 })).items.map((i) => i.ownerPersonId)).toEqual(['p2']);
  });

  it('says when the list was cut at the limit', async () => {
    const many = provider('x', [item('x.a', '2026-12-01T00:00:00Z', 'due'), item('x.b', '2026-12-02T00:00:00Z', 'due')]);
    expect(await collectDueItems(deps, [many], 'e', window, { limit: 1 })).toMatchObject({ isTruncated: true, items: [{ kind: 'x.a' }] });
    expect((await collectDueItems(deps, [many], 'e', window, { limit: 2 })).isTruncated).toBe(false);
  });
});
