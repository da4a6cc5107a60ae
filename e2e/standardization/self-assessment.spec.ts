import JSZip from 'jszip';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportSections } from '../../src/server/modules/standardization/standardization-outputs.service.js';
import { screenshot, shouldSkipBrowser } from '../support/browser.js';
import { logInAndOpen } from '../support/login.js';
import { closeJourney, openJourney } from '../support/journey.js';
import type { TestServer } from '../support/server.js';

/**
 * The safety manager runs a self-assessment of the demo enterprise: the product pre-fills evidence
 * and proposes deductions, she overrides one proposal with a note, confirms the rest, concludes,
 * sees the grade and downloads the nine-section report.
 */
function formItem(page: Page, label: string) {
  return page.locator('.ant-form-item').filter({ has: page.locator(`label:text-is("${label}")`) });
}

describe.skipIf(shouldSkipBrowser())('standardization: a self-assessment of the demo enterprise', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    ({ server, browser } = await openJourney());
  });
  afterAll(async () => {
    await closeJourney({ server, browser });
  });

  it('pre-fills, takes an override with its note, grades and gives the report', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    page.on('pageerror', (e) => console.log('[pageerror]', e.message));
    await logInAndOpen(page, server.url, '/standardization', 'safety');

    // Plan: the principal leads the team.
    await page.getByRole('button', { name: '新建自评' }).click();
    await formItem(page, '组长（主要负责人）').locator('.ant-select').click();
    await page.keyboard.type('王建国');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '王建国' }).first().click();
    await page.getByRole('button', { name: '创建并预填证据' }).click();
    await page.waitForURL('**/standardization/assessments/*');

    // The product proposes a deduction with its reason: the demo has no emergency plan in force.
    const plans = page.locator('[data-item="5.6.1"]');
    await expect.poll(() => plans.getByTestId('proposal').innerText(), { timeout: 20_000 }).toMatch(/建议扣 \d+ 分/);
    const proposalText = await plans.getByTestId('proposal').innerText();
    expect(proposalText).toContain('没有现行有效的应急预案');
    const proposed = Number(/建议扣 (\d+) 分/.exec(proposalText)?.[1]);
    expect(proposed).toBeGreaterThan(0);
    await screenshot(page, 'standardization-prefilled', { isFullPage: false });

    // Override it with a note.
    await plans.getByRole('button', { name: '评 分' }).or(plans.getByRole('button', { name: '评分' })).first().click();
    const modal = page.locator('.ant-modal:visible');
    await modal.locator('.ant-input-number input').fill(String(proposed - 1));
    await modal.locator('textarea').fill('综合应急预案已由总经理签发纸质版，系统尚未录入');
    await modal.getByRole('button', { name: /保\s*存/ }).click();
    await expect.poll(() => plans.getByTestId('decision').innerText(), { timeout: 20_000 }).toContain('已调整');
    expect(await plans.getByTestId('decision').innerText()).toContain('纸质版');

    // The rest as proposed, then conclude: the grade shows.
    await page.getByRole('button', { name: '其余项目按建议确认' }).click();
    await page.locator('.ant-popover:visible').getByRole('button', { name: /确\s*定|OK/ }).click();
    await page.locator('[data-item="5.1.1"] [data-testid="decision"]').waitFor({ timeout: 20_000 });
    // The first confirmation's popover has closed before the second one opens.
    await expect.poll(() => page.locator('.ant-popover:visible').count(), { timeout: 10_000 }).toBe(0);
    await page.getByRole('button', { name: '结束自评' }).click();
    await page.locator('.ant-popover:visible').getByRole('button', { name: /确\s*定|OK/ }).click();
    await page.getByText('已结束').first().waitFor({ timeout: 20_000 });
    const grade = await page.getByTestId('grade').locator('[data-grade]').innerText();
    expect(['一级', '二级', '三级', '未达到等级']).toContain(grade);
    await screenshot(page, 'standardization-concluded', { isFullPage: false });

    // The report, with the nine sections of seed 002.
    await page.getByRole('button', { name: /下\s*载/ }).hover();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '自评报告' }).click()]);
    const saved = await download.path();
    const xml = await (await JSZip.loadAsync(await import('node:fs').then((fs) => fs.readFileSync(saved as string)))).file('word/document.xml')?.async('string');
    for (const heading of reportSections) expect(xml).toContain(heading);
    expect(xml).toContain('已由总经理签发纸质版');
    await context.close();
  });
});
