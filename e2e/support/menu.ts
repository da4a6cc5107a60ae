import type { Locator, Page } from 'playwright-core';

function exactly(text: string): RegExp {
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
}

/** A side-menu entry by its exact name, whether or not its group is open (closed groups keep their entries in the page). */
export function menuEntry(page: Page, name: string): Locator {
  return page.locator('.ant-menu-item').filter({ hasText: exactly(name) }).first();
}

/** Opens the entry's group if it is closed (the menu's groups collapse), as a user would, and returns the entry. */
export async function showMenuEntry(page: Page, name: string): Promise<Locator> {
  const entry = menuEntry(page, name);
  await entry.waitFor({ state: 'attached' });
  if (!(await entry.isVisible())) {
    await page.locator('li.ant-menu-submenu').filter({ has: entry }).locator('.ant-menu-submenu-title').first().click();
    await entry.waitFor();
  }
  return entry;
}

/** Clicks a side-menu entry by name, opening its group first when closed. */
export async function clickMenuEntry(page: Page, name: string): Promise<void> {
  await (await showMenuEntry(page, name)).click();
}
