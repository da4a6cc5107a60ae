import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HazardDetailDto, HazardDto } from '../../src/schemas/hazards.js';
import { screenshot, shouldSkipBrowser } from '../support/browser.js';
import { closeJourney, openJourney } from '../support/journey.js';
import type { TestServer } from '../support/server.js';
import { apiAs, cameraPhoto, ensurePhoneBuild } from './phone-support.js';

const phone = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' } as const;

describe.skipIf(shouldSkipBrowser())('phone: a contractor reports a hazard from the post QR code without an account', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let safety: Awaited<ReturnType<typeof apiAs>>;
  let post: { id: string; name: string };
  const words = `配电箱门敞开，线头外露 ${Date.now().toString(36)}`;

  beforeAll(async () => {
    ensurePhoneBuild();
    ({ server, browser } = await openJourney());
    context = await browser.newContext(phone); // no session cookie: a stranger's phone
    page = await context.newPage();
    safety = await apiAs(server.url, 'safety');
    post = (await safety.get<{ items: { id: string; name: string }[] }>('/api/v1/posts?limit=1')).items[0] as { id: string; name: string };
  });

  afterAll(async () => {
    await closeJourney({ server, browser });
  });

  it('offers "report without logging in" on the login page a post QR code leads to, once the enterprise allows it', async () => {
    await safety.put('/api/v1/notification-settings', { allowAnonymousReports: false });
    await page.goto(`${server.url}/m/r/${post.id}`);
    await page.getByTestId('anonymous-disabled').waitFor();
    await page.getByTestId('anonymous-login').waitFor();
    await screenshot(page, 'phone-anonymous-disabled');

    await safety.put('/api/v1/notification-settings', { allowAnonymousReports: true });
    await page.goto(`${server.url}/m/p/${post.id}`);
    await page.waitForURL(/\/m\/login\?next=/);
    await page.getByTestId('login-anonymous-report').click();
    await page.waitForURL(`**/m/r/${post.id}`);
  });

  it('takes a photo, a few words and a contractor’s name, and says the report waits for confirmation', async () => {
    await page.getByTestId('anonymous-place').filter({ hasText: post.name }).waitFor();
    const upload = page.waitForResponse((r) => r.url().includes(`/attachments`) && r.request().method() === 'POST');
    await page.getByTestId('anonymous-photo').setInputFiles({ name: 'camera.png', mimeType: 'image/png', buffer: await cameraPhoto('#2e86c1') });
    const uploaded = await upload;
    expect(uploaded.status()).toBe(201);
    expect(uploaded.url()).toContain('/api/v1/public/enterprises/');
    expect(uploaded.url()).toContain('capturedAt=');
    expect((await uploaded.json()).stampedText).toContain('匿名上报');
    await page.getByTestId('anonymous-description').fill(words);
    await page.getByTestId('anonymous-contact').locator('summary').click();
    await page.getByTestId('anonymous-name').fill('外包 王五');
    await page.getByTestId('anonymous-phone').fill('13900001111');
    await screenshot(page, 'phone-anonymous-form');
    await page.getByTestId('anonymous-send').click();
    await page.getByTestId('anonymous-sent').filter({ hasText: '已提交，等待安全管理人员确认' }).waitFor();
    await screenshot(page, 'phone-anonymous-sent');
  });

  it('shows the safety manager the report, with its photo, waiting for confirmation', async () => {
    const { items } = await safety.get<{ items: HazardDto[] }>(`/api/v1/hazards?status=reported&q=${encodeURIComponent(words)}`);
    expect(items).toHaveLength(1);
    const h = await safety.get<HazardDetailDto>(`/api/v1/hazards/${items[0]?.id}`);
    expect(h).toMatchObject({ source: 'anonymous', status: 'reported', postId: post.id, reporterUserId: null, reporterName: '外包 王五 13900001111' });
    expect(h.photoIds).toHaveLength(1);
  });
});
