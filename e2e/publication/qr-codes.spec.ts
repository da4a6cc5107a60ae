import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshotDir, shouldSkipBrowser } from '../support/browser.js';
import { closeJourney, openJourney } from '../support/journey.js';
import { demoPassword, type TestServer } from '../support/server.js';

describe.skipIf(shouldSkipBrowser())('publication: print QR code sheets for posts and areas', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ server, browser } = await openJourney());
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' })).newPage();
    await page.goto(`${server.url}/login`);
    await page.getByLabel('用户名或手机号').fill('safety');
    await page.getByLabel('密码').fill(demoPassword);
    const loggedIn = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login') && r.status() === 200);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await loggedIn;
  });

  afterAll(async () => {
    await closeJourney({ server, browser });
  });

  it('lays out labelled codes, 8 to an A4 page, each opening the place page on the phone', async () => {
    for (const [kind, phonePath] of [['post', '/m/p/'], ['area', '/m/a/']] as const) {
      await page.goto(`${server.url}/print/qr-codes?kind=${kind}`);
      const labels = page.getByTestId('qr-label');
      await labels.first().waitFor();
      await page.locator('.qr-label img').first().waitFor();
      const count = await labels.count();
      expect(count).toBeGreaterThan(0);
      expect(await labels.first().getAttribute('data-url')).toMatch(new RegExp(`^${server.url}${phonePath}[0-9a-f-]{36}$`));
      expect(await labels.first().textContent()).toContain('扫码排查 / 上报隐患');
      expect(await page.locator('.qr-sheet').count()).toBe(Math.ceil(count / 8));
      fs.mkdirSync(screenshotDir, { recursive: true });
      await page.emulateMedia({ media: 'print' });
      await page.screenshot({ path: path.join(screenshotDir, `qr-codes-${kind}.png`), fullPage: true });
      const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
      await page.emulateMedia({ media: 'screen' });
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
      expect(pages).toBe(Math.ceil(count / 8));
    }
  });
});
