import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, shouldSkipBrowser } from '../support/browser.js';
import { demoPassword, startServer, type TestServer } from '../support/server.js';

async function logIn(page: Page, url: string, username: string): Promise<void> {
  await page.goto(`${url}/`);
  await page.waitForURL('**/login');
  await page.getByLabel('用户名或手机号').fill(username);
  await page.getByLabel('密码').fill(demoPassword);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL((u) => !u.pathname.endsWith('/login'));
}

/** Seed 001 Art. 17: a confirmed major hazard reaches the county regulator, who lands on its overview and acknowledges it. */
describe.skipIf(shouldSkipBrowser())('hazards: the regulator acknowledges a major-hazard report', () => {
  let server: TestServer;
  let browser: Browser;
  let safety: BrowserContext;
  let regulator: BrowserContext;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    safety = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 900 } });
    regulator = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 900 } });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('delivers the report of a major hazard to the regulator’s inbox, where it is acknowledged', async () => {
    const page = await safety.newPage();
    await logIn(page, server.url, 'safety');
    const api = safety.request;
    const posts = (await (await api.get(`${server.url}/api/v1/posts?limit=200`)).json()).items as { id: string; name: string }[];
    const crane = posts.find((p) => p.name.startsWith('行车工'));
    const created = await api.post(`${server.url}/api/v1/hazards`, {
      data: { description: '行车主钩制动器失效，吊物下滑', postId: crane?.id, photoIds: [], clientId: 'e2e-regulator-major-0001' },
    });
    expect(created.status(), await created.text()).toBe(201);
    const id = (await created.json()).id as string;
    const confirmed = await api.post(`${server.url}/api/v1/hazards/${id}/confirm`, {
      data: { grade: 'major', criterionOtherReason: '起重机械制动失效', peopleWithdrawn: '行车工 2 人', withdrawnBy: '车间主任' },
    });
    expect(confirmed.status(), await confirmed.text()).toBe(200);

    const reg = await regulator.newPage();
    await logIn(reg, server.url, 'regulator');
    // Lands on the overview of its enterprises, not inside an arbitrary one.
    await reg.waitForURL('**/oversight');
    await reg.getByTestId('oversight-enterprises').getByText('鲁安精密机械加工有限公司').waitFor();
    const item = reg.getByTestId('inbox-item').filter({ hasText: '行车主钩制动器失效' });
    await item.waitFor();
    expect(await item.textContent()).toContain('重大事故隐患报告');
    await screenshot(reg, 'regulator-inbox');
    await item.getByTestId('acknowledge').click();
    await item.getByText('已收悉').waitFor();
    // The enterprise sees who acknowledged it.
    const reports = (await (await api.get(`${server.url}/api/v1/hazards/${id}/bureau-reports`)).json()).items as { acknowledgements: { userName: string }[] }[];
    expect(reports[0]?.acknowledgements.map((a) => a.userName)).toEqual(['县应急管理局 监管员']);
  });
});
