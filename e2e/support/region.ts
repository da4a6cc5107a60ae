import type { Locator, Page } from 'playwright-core';

/** Picks a county in the region Cascader by typing its name (issue 8 §1: no code typed by hand). */
export async function pickRegion(page: Page, scope: Locator, county: string): Promise<void> {
  const picker = scope.getByTestId('region-picker');
  await picker.click();
  await picker.locator('input').fill(county);
  await page.locator('.ant-cascader-dropdown .ant-cascader-menu-item', { hasText: county }).first().click();
}
