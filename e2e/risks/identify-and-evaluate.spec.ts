import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, shouldSkipBrowser } from '../support/browser.js';
import { logInAndOpen } from '../support/login.js';
import { closeJourney, openJourney } from '../support/journey.js';
import { demoPassword, type TestServer } from '../support/server.js';

/** Logs in as `username` from the login page the app sent us to, then goes back to `target`. */
async function logInAndReturn(page: Page, target: string, username: string, password: string): Promise<void> {
  await logInAndOpen(page, new URL(target).origin, target, username, { password });
  await page.waitForLoadState('networkidle');
}

/** Opens an antd Select by its form label and picks the option with exactly this text. */
async function pick(page: Page, scope: ReturnType<Page['locator']>, label: string, option: string): Promise<void> {
  await scope.locator('.ant-form-item').filter({ has: page.locator(`label:text-is("${label}")`) }).locator('.ant-select').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first().click();
}

describe.skipIf(shouldSkipBrowser())('risks: identify and evaluate a risk on a post', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ server, browser } = await openJourney());
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 900 } });
    page = await context.newPage();
    page.on('pageerror', (e) => console.log('[pageerror]', e.message));
  });

  afterAll(async () => {
    await closeJourney({ server, browser });
  });

  it('opens a 一般 post from the posts list', async () => {
    await logInAndReturn(page, `${server.url}/org/posts`, 'safety', demoPassword);
    const row = page.getByRole('row').filter({ hasText: '车床/铣床工' });
    await row.first().waitFor();
    expect(await row.first().textContent()).toContain('一般风险');
    await row.first().getByTestId('post-link').click();
    await page.waitForURL('**/posts/*');
    await page.getByTestId('post-name').filter({ hasText: '车床/铣床工' }).waitFor();
    await page.getByTestId('post-level').locator('[data-level="general"]').waitFor();
    await page.locator('.ant-table-row').first().waitFor();
    await screenshot(page, 'risk-post-page-before');
  });

  it('adds a risk with LEC 6 × 6 × 7 and sees the orange preview before saving', async () => {
    await page.getByTestId('add-risk').click();
    const drawer = page.locator('.ant-drawer-section').filter({ hasText: '新增风险' });
    await drawer.waitFor();
    // Autofocus on the first field: type straight away.
    await page.keyboard.type('卡盘扳手遗留在卡盘上开机');
    expect(await drawer.getByLabel('风险点 / 作业活动 / 设备 / 职责').inputValue()).toBe('卡盘扳手遗留在卡盘上开机');

    await drawer.locator('.ant-form-item').filter({ hasText: '危险有害因素' }).locator('.ant-select').click();
    await page.keyboard.type('外露运动件');
    await page.locator('.ant-select-dropdown:visible').getByText('210108 外露运动件').first().click();
    await page.keyboard.press('Escape');

    await drawer.locator('.ant-form-item').filter({ hasText: '可能导致的事故类型' }).locator('.ant-select').click();
    await page.keyboard.type('物体打击');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');

    await drawer.getByLabel('原因 / 危害描述').fill('开机前未取下卡盘扳手，高速旋转时飞出伤人');
    // Saving before the factors are picked names each one missing, in a sentence.
    await drawer.getByTestId('risk-save').click();
    await drawer.getByText('请选择L · 事故发生的可能性。').waitFor();
    await drawer.getByText('请选择C · 发生事故可能造成的后果。').waitFor();
    expect(await drawer.textContent()).not.toContain('必填');
    await pick(page, drawer, 'L · 事故发生的可能性', '6 — 相当可能');
    await pick(page, drawer, 'E · 暴露于危险环境的频繁程度', '6 — 每天工作时间内暴露');
    await pick(page, drawer, 'C · 发生事故可能造成的后果', '7 — 严重，重伤');

    const preview = drawer.getByTestId('evaluation-preview');
    await drawer.locator('[data-testid="evaluation-preview"][data-colour="orange"]').waitFor();
    expect(await preview.getAttribute('data-level')).toBe('significant');
    expect(await drawer.getByTestId('evaluation-score').textContent()).toBe('252');
    expect(await preview.textContent()).toContain('较大风险');

    await drawer.getByTestId('add-measure').click();
    await drawer.getByTestId('measure-row-0').getByLabel('管控措施').fill('开机前确认卡盘扳手已取下，扳手设自动弹出装置');
    await drawer.getByTestId('measure-row-0').getByLabel('排查内容').fill('卡盘扳手是否有自动弹出装置、是否随手取下');
    await preview.scrollIntoViewIfNeeded();
    await screenshot(page, 'risk-form-live-preview', { isFullPage: false });
  });

  it('saves with Enter and sees the post level change to 较大', async () => {
    const drawer = page.locator('.ant-drawer-section').filter({ hasText: '新增风险' });
    // Enter in a one-line field submits the form.
    await drawer.getByTestId('measure-row-0').getByLabel('排查内容').press('Enter');
    await drawer.waitFor({ state: 'hidden' });
    await page.getByTestId('post-level').locator('[data-level="significant"]').waitFor();
    const row = page.locator('.ant-table-row').filter({ hasText: '卡盘扳手遗留在卡盘上开机' });
    await row.waitFor();
    // The new risk opens below its row: measures, its inspection item, the special-plan warning.
    await page.getByTestId('missing-plan').first().waitFor();
    await page.getByText('卡盘扳手是否有自动弹出装置、是否随手取下').waitFor();
    await screenshot(page, 'risk-post-page-after');
  });

  it('opens the special plan form whole at 1366 px, every field and the save button inside the window (issue 8 §9)', async () => {
    await page.getByTestId('missing-plan').first().getByRole('button', { name: '制定专项管控方案' }).click();
    const form = page.getByTestId('special-plan-form');
    await form.waitFor();
    const width = page.viewportSize()?.width ?? 0;
    // The drawer slides in from the right: measure once it has come to rest.
    const isInside = async () => {
      for (const box of [await form.boundingBox(), await form.getByRole('button', { name: /保\s*存/ }).boundingBox(), await form.getByLabel('进度安排').boundingBox()]) {
        if (!box || box.x < 0 || box.x + box.width > width) return false;
      }
      return true;
    };
    await expect.poll(isInside, { timeout: 10_000 }).toBe(true);
    await form.getByLabel('管控目标').fill('杜绝卡盘扳手飞出伤人');
    await form.getByLabel('管控措施').fill('扳手自动弹出装置；开机前确认');
    await form.getByLabel('责任人员').fill('车间主任');
    await form.getByLabel('进度安排').fill('本月底前完成');
    await form.getByRole('button', { name: /保\s*存/ }).click();
    await form.waitFor({ state: 'hidden' });
    await page.getByTestId('missing-plan').first().waitFor({ state: 'hidden' });
  });

  it('shows the register with the new 较大 risk counted', async () => {
    await page.goto(`${server.url}/risks`);
    await page.getByTestId('risk-overview').waitFor();
    await page.locator('.ant-table-row').first().waitFor();
    await page.getByRole('row').filter({ hasText: '卡盘扳手遗留在卡盘上开机' }).first().waitFor({ timeout: 5000 }).catch(() => undefined);
    await screenshot(page, 'risk-register');
    expect(await page.locator('.ant-table-row [data-level]').count()).toBeGreaterThan(0);
  });

  it('the register opens the post with that risk expanded (?risk=), under 岗位 in the menu; the post links its inspection list', async () => {
    await page.locator('.ant-input-search input').fill('卡盘扳手');
    await page.keyboard.press('Enter');
    const row = page.getByRole('row').filter({ hasText: '卡盘扳手遗留在卡盘上开机' }).first();
    await row.getByTestId('risk-post-link').click();
    await page.waitForURL(/\/posts\/[^/?]+\?risk=/);
    const riskId = new URL(page.url()).searchParams.get('risk');
    await page.getByTestId(`risk-detail-${riskId}`).waitFor();
    expect(await page.locator('.ant-menu-root .ant-menu-item-selected').textContent()).toBe('岗位');
    await page.getByTestId('post-inspection-list').click();
    await page.waitForURL('**/posts/*/inspection-list');
    await page.getByTestId('inspection-list').waitFor();
    expect(await page.locator('.ant-menu-root .ant-menu-item-selected').textContent()).toBe('排查清单');
  });
});
