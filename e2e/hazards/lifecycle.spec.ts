import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot as saveScreenshot, shouldSkipBrowser } from '../support/browser.js';
import { fillDate } from '../support/date-field.js';
import { logInAndOpen } from '../support/login.js';
import { closeJourney, openJourney } from '../support/journey.js';
import { demoPassword, type TestServer } from '../support/server.js';

/**
 * Issue 5, the manager side at 360×740: a worker reports a hazard (API, as the phone would), the
 * safety manager confirms it as 一般 and puts it under rectification with the five in place, the
 * owner (the workshop head) reports it done, the reporter accepts it, the safety manager
 * publishes it, and the reporter sees it closed and published.
 */
const viewport = { width: 360, height: 740 };

async function apiLogin(base: string, username: string): Promise<string> {
  const r = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: demoPassword }) });
  expect(r.status).toBe(200);
  return (r.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

async function newPage(browser: Browser, base: string, username: string, target: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'zh-CN', viewport, deviceScaleFactor: 1 });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.log(`[pageerror ${username}]`, e.message));
  await logInAndOpen(page, base, target, username);
  await page.waitForLoadState('networkidle');
  return page;
}

/** A full-page shot repeats a sticky header mid-page; pin it to the top for the picture. */
async function screenshot(page: Page, name: string, options?: { isFullPage?: boolean }): Promise<void> {
  await page.addStyleTag({ content: '.app-header, .ant-layout-sider { position: static !important; } .ant-layout-sider { height: auto !important; }' });
  await saveScreenshot(page, name, options);
}

/** No element wider than the 360-px screen: nothing scrolls sideways. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(viewport.width);
}

async function statusIs(page: Page, status: string): Promise<void> {
  try {
    await page.locator(`[data-testid="hazard-tags"] [data-status="${status}"]`).waitFor({ timeout: 10_000 });
  } catch (error) {
    await saveScreenshot(page, `hazard-debug-${status}`);
    console.log('[debug]', page.url(), (await page.locator('body').textContent())?.slice(0, 500));
    throw error;
  }
}

function formItem(page: Page, label: string) {
  return page.locator('.ant-form-item').filter({ has: page.locator(`label:text-is("${label}")`) });
}

describe.skipIf(shouldSkipBrowser())('hazards: report → confirm → five in place → submit → accept → publish, at 360 px', () => {
  let server: TestServer;
  let browser: Browser;
  let hazardId = '';
  let postId = '';
  const description = '车床防护罩松动，卡盘旋转时可能甩出切屑伤人';

  beforeAll(async () => {
    ({ server, browser } = await openJourney());
  });

  afterAll(async () => {
    await closeJourney({ server, browser });
  });

  it('the worker reports a hazard with a photo on the lathe post (as the phone does)', async () => {
    const cookie = await apiLogin(server.url, 'worker');
    const posts = (await (await fetch(`${server.url}/api/v1/posts?q=${encodeURIComponent('车床')}`, { headers: { cookie } })).json()) as { items: { id: string; name: string }[] };
    const post = posts.items.find((p) => p.name === '车床/铣床工');
    expect(post).toBeDefined();
    postId = post?.id ?? '';
    const png = await sharp({ create: { width: 640, height: 480, channels: 3, background: { r: 200, g: 120, b: 40 } } }).png().toBuffer();
    const photo = await fetch(`${server.url}/api/v1/attachments?postId=${post?.id}`, { method: 'POST', headers: { cookie, 'content-type': 'image/png' }, body: new Uint8Array(png) });
    expect(photo.status).toBe(201);
    const photoId = ((await photo.json()) as { id: string }).id;
    const body = { postId: post?.id, description, photoIds: [photoId], clientId: randomUUID() };
    const created = await fetch(`${server.url}/api/v1/hazards`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(created.status).toBe(201);
    hazardId = ((await created.json()) as { id: string }).id;
  });

  it('the safety manager finds it in the ledger and confirms it as 一般', async () => {
    const page = await newPage(browser, server.url, 'safety', '/hazards');
    const link = page.getByTestId('hazard-link').filter({ hasText: '车床防护罩松动' });
    await link.waitFor();
    await expectNoSidewaysScroll(page);
    await screenshot(page, 'hazard-1-ledger');
    expect(await page.getByTestId('ledger-export').getAttribute('href')).toBe('/api/v1/hazards/ledger.xlsx');
    // A search that finds nothing says so and how to get rows back, not a bare "暂无数据".
    const search = page.getByPlaceholder('搜索隐患描述');
    await search.fill('没有这样的隐患');
    await search.press('Enter');
    await page.getByText('没有符合筛选条件的隐患，可放宽或清除筛选。').waitFor();
    await search.fill('');
    await search.press('Enter');
    await link.waitFor();

    await link.click();
    await page.waitForURL(`**/hazards/${hazardId}`);
    await statusIs(page, 'reported');
    await page.locator('.ant-image img').first().waitFor();
    await page.getByTestId('action-panel').waitFor();
    await expectNoSidewaysScroll(page);
    await screenshot(page, 'hazard-2-reported');

    // 一般 is preselected; the deadline is optional at this step.
    expect(await page.locator('[data-testid="confirm-grade"] .ant-radio-button-wrapper-checked').textContent()).toContain('一般隐患');
    await page.getByTestId('step-submit-confirm').click();
    await statusIs(page, 'confirmed');
    await page.locator('[data-testid="hazard-tags"] [data-grade="general"]').waitFor();
    await screenshot(page, 'hazard-3-confirmed');

    // The five in place: every one is required — an empty save names the fields.
    await page.getByRole('tab', { name: '五到位整改' }).click();
    await page.getByTestId('step-submit-rectification-plan').click();
    await formItem(page, '整改措施').locator('.ant-form-item-explain-error').waitFor();
    expect(await page.locator('[data-testid="step-form-rectification-plan"] .ant-form-item-explain-error').count()).toBe(5);

    await formItem(page, '整改措施').locator('textarea').fill('紧固防护罩并加装联锁开关，防护罩打开时车床不能启动');
    await formItem(page, '整改责任人').locator('.ant-select').click();
    await page.keyboard.type('张伟');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '张伟' }).first().click();
    await formItem(page, '整改资金（元）').locator('input').fill('800');
    const deadline = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
    await fillDate(formItem(page, '整改时限').locator('input'), deadline);
    await formItem(page, '整改期间的临时安全措施 / 应急预案').locator('textarea').fill('整改完成前停用该车床，挂“禁止操作”牌');
    await screenshot(page, 'hazard-4-five-in-place-form');
    await page.getByTestId('step-submit-rectification-plan').click();
    await statusIs(page, 'under_rectification');
    await page.getByTestId('rectification-plan').waitFor();
    expect(await page.getByTestId('rectification-plan').textContent()).toContain('张伟');
    await expectNoSidewaysScroll(page);
    await screenshot(page, 'hazard-5-under-rectification');
    await page.context().close();
  });

  it('the owner (workshop head 张伟) reports the rectification done', async () => {
    const page = await newPage(browser, server.url, 'depthead', `/hazards/${hazardId}`);
    await statusIs(page, 'under_rectification');
    await page.getByRole('tab', { name: '提交验收' }).waitFor();
    await formItem(page, '说明').locator('textarea').fill('防护罩已紧固，联锁开关已安装并试验有效');
    // Issue 8 §7: a photo of the rectified state goes with it (optional for 一般).
    const after = await sharp({ create: { width: 640, height: 480, channels: 3, background: { r: 40, g: 160, b: 90 } } }).jpeg().toBuffer();
    await page.getByTestId('after-photos').locator('input[type="file"]').setInputFiles({ name: 'after.jpg', mimeType: 'image/jpeg', buffer: after });
    await page.getByTestId('after-photos').locator('.ant-image img').waitFor();
    await page.getByTestId('step-submit-submit').click();
    await statusIs(page, 'submitted_for_acceptance');
    // The rectifier may not accept his own work: no acceptance panel for him.
    await page.getByTestId('waiting-note').waitFor();
    await screenshot(page, 'hazard-6-submitted');
    await page.context().close();
  });

  it('the reporter (worker) is notified, accepts it and sees it closed', async () => {
    const page = await newPage(browser, server.url, 'worker', '/hazards');
    await page.locator('[data-testid="notification-bell"]').waitFor();
    await page.locator('.ant-badge-count').first().waitFor();
    await page.getByTestId('notification-bell').click();
    const notice = page.getByTestId('notification-item').filter({ hasText: '待验收' });
    await notice.first().waitFor();
    await page.waitForTimeout(400); // the drawer's slide-in
    await screenshot(page, 'hazard-7-notification', { isFullPage: false });
    await notice.first().click();
    await page.waitForURL(`**/hazards/${hazardId}`);
    await statusIs(page, 'submitted_for_acceptance');
    await page.getByRole('tab', { name: '验收', exact: true }).waitFor();
    // Before and after side by side.
    await page.getByTestId('before-after').waitFor();
    expect(await page.getByTestId('photos-before').getAttribute('data-count')).toBe('1');
    expect(await page.getByTestId('photos-after').getAttribute('data-count')).toBe('1');
    await page.getByTestId('photos-after').locator('.ant-image img').waitFor();
    await formItem(page, '验收意见').locator('textarea').fill('已复查，防护罩牢固，联锁有效');
    await screenshot(page, 'hazard-8-acceptance');
    await page.getByTestId('step-submit-accept').click();
    await statusIs(page, 'closed');
    await expectNoSidewaysScroll(page);
    await page.context().close();
  });

  it('the safety manager publishes it; the reporter sees it closed and published', async () => {
    const safety = await newPage(browser, server.url, 'safety', `/hazards/${hazardId}`);
    await statusIs(safety, 'closed');
    await safety.getByTestId('step-submit-publish').click();
    await safety.locator('[data-testid="hazard-tags"]').filter({ hasText: '已公示' }).waitFor();
    await safety.context().close();

    const worker = await newPage(browser, server.url, 'worker', `/hazards/${hazardId}`);
    await statusIs(worker, 'closed');
    await worker.locator('[data-testid="hazard-tags"]').filter({ hasText: '已公示' }).waitFor();
    const timeline = await worker.getByTestId('hazard-timeline').textContent();
    for (const step of ['上报', '确认', '制定整改方案（五到位）', '提交验收', '验收通过', '公示']) expect(timeline).toContain(step);
    await expectNoSidewaysScroll(worker);
    await screenshot(worker, 'hazard-9-closed-published');
    // Seed 001 第十八条: the published closure is on the post's notice, printable on A4.
    await worker.goto(`${server.url}/print/hazard-notices?postId=${postId}`);
    const row = worker.getByTestId('notice-row').filter({ hasText: '车床防护罩松动' });
    await row.waitFor();
    expect(await row.textContent()).toContain('整改完成，验收合格');
    expect(await worker.getByTestId('closure-notice').textContent()).toContain('车床/铣床工');
    await screenshot(worker, 'hazard-9b-closure-notice');
    await worker.context().close();
  });
  it('the other hazard-management pages fit a 360-px screen (lists, tasks, statistics, settings)', async () => {
    const page = await newPage(browser, server.url, 'safety', '/inspection-lists');
    await page.getByTestId('list-post-select').waitFor();
    await page.goto(`${server.url}/inspection-lists`);
    await page.getByRole('link', { name: /车床\/铣床工/ }).first().click();
    await page.waitForURL('**/posts/*/inspection-list');
    await page.getByTestId('measure-group').first().waitFor();
    await expectNoSidewaysScroll(page);
    await screenshot(page, 'hazard-10-inspection-list');

    // Archive the only item of the first measure: the list warns, and publishing is refused with the reason.
    const firstGroup = page.getByTestId('measure-group').first();
    const measureText = ((await firstGroup.locator('.ant-card-head-title').first().textContent()) ?? '').replace(/^(控制|管理|个体防护|应急处置|消除|替代)/, '').trim();
    await firstGroup.getByRole('button', { name: /归\s*档/ }).first().click();
    await page.locator('.ant-popover:visible').getByRole('button', { name: /归\s*档/ }).click();
    await page.getByTestId('coverage-warning').waitFor();
    expect(await page.getByTestId('coverage-warning').textContent()).toContain(measureText.slice(0, 10));
    await page.getByTestId('list-publish').click();
    await page.getByTestId('publish-error').waitFor();
    expect(await page.getByTestId('publish-error').textContent()).toContain(measureText.slice(0, 10));
    await screenshot(page, 'hazard-10b-list-refused', { isFullPage: false });

    // Cover it again from the warning, naming the responsible person and the supervising post (Art. 14).
    await page.getByTestId('coverage-warning').getByRole('button', { name: '添加排查项' }).click();
    const drawer = page.locator('.ant-drawer-section').filter({ hasText: '为管控措施添加排查项' });
    await drawer.getByLabel('排查内容').fill('防护罩是否齐全、联锁是否有效');
    await formItem(page, '责任人').locator('.ant-select').click();
    await page.keyboard.type('陈静');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '陈静' }).first().click();
    await formItem(page, '监督岗位').locator('.ant-select').click();
    await page.keyboard.type('车间主任');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '车间主任' }).first().click();
    await page.getByTestId('item-save').click();
    await page.getByTestId('coverage-warning').waitFor({ state: 'detached' });
    await page.getByTestId('list-publish').click();
    await page.getByText(/已发布，共 \d+ 项/).waitFor();

    await page.goto(`${server.url}/inspection-tasks`);
    await page.getByTestId('inspection-tasks').locator('.ant-card').first().waitFor();
    await expectNoSidewaysScroll(page);
    await screenshot(page, 'hazard-11-tasks', { isFullPage: false });

    await page.goto(`${server.url}/hazard-statistics`);
    await page.locator('.ant-statistic').first().waitFor();
    await page.waitForLoadState('networkidle');
    const found = await page.locator('.ant-statistic').first().textContent();
    expect(found).toContain('1');
    await expectNoSidewaysScroll(page);
    await screenshot(page, 'hazard-12-statistics');

    await page.goto(`${server.url}/settings/notifications`);
    await page.getByTestId('notification-settings').waitFor();
    await expectNoSidewaysScroll(page);
    await screenshot(page, 'hazard-13-notification-settings');

    await page.getByTestId('nav-toggle').click();
    await page.locator('.ant-drawer-section .ant-menu-root .ant-menu-item').filter({ hasText: '隐患台账' }).waitFor();
    await page.waitForTimeout(400);
    await screenshot(page, 'hazard-14-nav', { isFullPage: false });
    await page.context().close();
  });
});
