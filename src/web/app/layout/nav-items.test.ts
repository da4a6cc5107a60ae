import { describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import type { Me } from '../../../schemas/auth.js';
import { enUS } from '../i18n/en-US';
import { zhCN } from '../i18n/zh-CN';
import { buildNavItems, navGroupOf, selectedNavKey } from './nav-items';

describe('selectedNavKey', () => {
  it('keeps a menu page its own entry', () => {
    expect(selectedNavKey('/hazards')).toBe('/hazards');
    expect(selectedNavKey('/risk-map')).toBe('/risk-map');
    expect(selectedNavKey('/risks')).toBe('/risks');
    expect(selectedNavKey('/org/units')).toBe('/org/units');
    expect(selectedNavKey('/settings/shifts')).toBe('/settings/shifts');
    expect(selectedNavKey('/due-items')).toBe('/due-items');
  });

  it('highlights the parent entry on detail pages', () => {
    expect(selectedNavKey('/hazards/h-123')).toBe('/hazards');
    expect(selectedNavKey('/posts/p-1')).toBe('/org/posts');
    expect(selectedNavKey('/posts/p-1/')).toBe('/org/posts');
    expect(selectedNavKey('/posts/p-1/inspection-list')).toBe('/inspection-lists');
    expect(selectedNavKey('/risks/r-9')).toBe('/risks');
    expect(selectedNavKey('/risks/r-9/history')).toBe('/risks');
  });

  it('does not confuse entries that share a prefix', () => {
    expect(selectedNavKey('/risk-map')).not.toBe('/risks');
    expect(selectedNavKey('/hazard-statistics')).toBe('/hazard-statistics');
  });
});

describe('navGroupOf', () => {
  const me = {
    user: { isAdmin: false },
    activeEnterpriseId: 'e1',
    role: 'safety_manager',
    memberships: [{ enterpriseId: 'e1', role: 'safety_manager' }],
  } as unknown as Me;
  const items = buildNavItems(me, ((key: string) => key) as unknown as TFunction);

  it('finds the collapsible group of the current page so it can open', () => {
    expect(navGroupOf(items, selectedNavKey('/hazards/h-1'))).toBe('hazard');
    expect(navGroupOf(items, '/management/policy')).toBe('management');
    expect(navGroupOf(items, '/system/password')).toBe('system');
  });

  it('finds no group for a page outside the menu', () => {
    expect(navGroupOf(items, '/nowhere')).toBeNull();
  });

  it('makes every area a submenu (no flat groups that never collapse)', () => {
    for (const item of items) expect(item && 'type' in item ? item.type : undefined).toBeUndefined();
  });
});

describe('the consultancy services group', () => {
  const t = ((key: string) => key) as unknown as TFunction;
  const consultant = (activeEnterpriseId: string | null) =>
    ({
      user: { isAdmin: false },
      activeEnterpriseId,
      role: activeEnterpriseId ? 'consultant' : null,
      memberships: [{ enterpriseId: 'e1', role: 'consultant' }],
    }) as unknown as Me;
  const children = (items: ReturnType<typeof buildNavItems>, group: string) =>
    (items.find((i) => i?.key === group) as { children?: { key: string }[] } | undefined)?.children?.map((c) => c.key) ?? [];

  it("puts the consultant's desk in its own group, not under risk control", () => {
    const items = buildNavItems(consultant('e1'), t);
    expect(children(items, 'consultancy')).toContain('/consultancy');
    expect(children(items, 'risk')).not.toContain('/consultancy');
    expect(navGroupOf(items, selectedNavKey('/consultancy'))).toBe('consultancy');
  });

  it('keeps the desk in the menu while the consultant is in no enterprise (it reads across enterprises)', () => {
    expect(children(buildNavItems(consultant(null), t), 'consultancy')).toContain('/consultancy');
  });

  it('names the group in both languages', () => {
    expect(zhCN.consultancyUi.navGroup).toBe('咨询服务');
    expect(enUS.consultancyUi.navGroup).toBe('Consultancy services');
  });
});

describe("the regulator's menu", () => {
  const t = ((key: string) => key) as unknown as TFunction;
  const regulator = (activeEnterpriseId: string | null) =>
    ({ user: { isAdmin: false }, activeEnterpriseId, role: activeEnterpriseId ? 'regulator' : null, memberships: [{ enterpriseId: 'e1', role: 'regulator' }] }) as unknown as Me;
  const keys = (items: ReturnType<typeof buildNavItems>) => items.flatMap((i) => ((i as { children?: { key: string }[] }).children ?? []).map((c) => c.key));

  it('opens with its own oversight pages, in or out of an enterprise', () => {
    for (const me of [regulator('e1'), regulator(null)]) {
      const items = buildNavItems(me, t);
      expect(items[0]?.key).toBe('oversight');
      expect(keys(items.slice(0, 1))).toEqual(['/oversight', '/oversight/county']);
    }
  });

  it('inside an enterprise lists only pages its role may read: no set-up, accounts, audit log, home or appraisal', () => {
    const paths = keys(buildNavItems(regulator('e1'), t));
    for (const hidden of ['/home', '/org/import', '/templates/wizard', '/settings/publication', '/settings/shifts', '/settings/notifications', '/print/qr-codes', '/system/accounts', '/system/audit-log', '/improvement/appraisal', '/consultancy', '/engagements']) {
      expect(paths, hidden).not.toContain(hidden);
    }
    for (const read of ['/hazards', '/risks', '/training/records', '/standardization', '/improvement/capas']) expect(paths).toContain(read);
  });
});
