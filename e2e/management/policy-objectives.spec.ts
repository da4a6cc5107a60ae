import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, shouldSkipBrowser } from '../support/browser.js';
import { demoPassword, ensureWebBuild, startServer, type TestServer } from '../support/server.js';
import { apiAs } from '../phone/phone-support.js';

describe.skipIf(shouldSkipBrowser())('management system: the principal approves the drafted policy; objectives bound to metrics show their values', () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    ensureWebBuild();
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('drafts, approves and lists objectives with their current values and sources', async () => {
    const safety = await apiAs(server.url, 'safety');
    const me = await safety.get<{ personId: string }>('/api/v1/auth/me');
    const year = new Date().getFullYear();
    await safety.post('/api/v1/ohs-objectives', { name: '全年零事故', metric: 'accidents', comparison: 'lte', targetValue: 0, year, ownerPersonId: me.personId });
    await safety.post('/api/v1/ohs-objectives', { name: '重大隐患动态清零', metric: 'open_major_hazards', comparison: 'lte', targetValue: 0, year, ownerPersonId: me.personId });

    const ctx = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
    const page = await ctx.newPage();
    await page.goto(`${server.url}/login`);
    await page.getByLabel(/用户名/).fill('principal');
    await page.getByLabel('密码').fill(demoPassword);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));

    await page.goto(`${server.url}/management/policy`);
    expect(await page.getByTestId('policy-text').inputValue()).toContain('持续改进');
    await page.getByTestId('policy-save').click();
    await page.getByText('草稿已保存').waitFor();
    await page.getByTestId('policy-approve').click();
    await page.getByTestId('policy-current').waitFor();
    expect(await page.getByTestId('policy-current').textContent()).toContain('预防事故');

    await page.goto(`${server.url}/management/objectives`);
    await page.getByText('全年零事故').waitFor();
    await page.getByText('事故登记：本年事故起数（不含未遂）').waitFor();
    await page.getByText('隐患排查治理：当前未整改的重大隐患数').waitFor();
    const values = await page.locator('[data-testid^="objective-value-"]').allTextContents();
    expect(values).toHaveLength(2);
    for (const v of values) expect(v).toMatch(/^\d+ \/ ≤ 0/);
    await ctx.close();
  });
});
