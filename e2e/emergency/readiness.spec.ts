import fs from 'node:fs';
import JSZip from 'jszip';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, shouldSkipBrowser } from '../support/browser.js';
import { logIn, logInOnPhone } from '../support/login.js';
import { closeJourney, openJourney } from '../support/journey.js';
import type { TestServer } from '../support/server.js';
import { apiAs, ensurePhoneBuild } from '../phone/phone-support.js';

const phone = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' } as const;
const firstSteps = { stop: '立即按下急停按钮，停止车床', alarm: '高喊"着火了"，报告班长', isolate: '关闭本机电源和切削液泵', firstAid: '烫伤用冷水冲洗 15 分钟', evacuation: '沿东侧安全通道撤离', assemblyPoint: '南门广场' };

describe.skipIf(shouldSkipBrowser())('emergency readiness: a fire plan from the proposed scenario, approved with the eight contents; a worker sees the first steps and calls from a 360-px phone', () => {
  let server: TestServer;
  let browser: Browser;
  let safetyCtx: BrowserContext;
  let principalCtx: BrowserContext;
  let planUrl: string;
  let workerPostId: string;

  beforeAll(async () => {
    ensurePhoneBuild();
    ({ server, browser } = await openJourney());
    safetyCtx = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
    principalCtx = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
    const worker = await apiAs(server.url, 'worker');
    workerPostId = (await worker.get<{ postIds: string[] }>('/api/v1/auth/me')).postIds[0] as string;
  });
  afterAll(async () => {
    await closeJourney({ server, browser });
  });

  it('the safety manager keeps the call tree and the post first steps, and drafts the fire plan from the proposed scenario', async () => {
    const page = await safetyCtx.newPage();
    await logIn(page, server.url, 'safety');
    await page.goto(`${server.url}/emergency/contacts`);
    await page.getByTestId('create-button').click();
    const drawer = page.locator('.ant-drawer-section').filter({ hasText: '新增联系人' });
    await drawer.waitFor();
    await drawer.getByLabel('姓名 / 名称').fill('值班室');
    await drawer.getByLabel('单位', { exact: true }).fill('县消防救援大队');
    await drawer.getByLabel('电话', { exact: true }).fill('119');
    await drawer.getByLabel('外部单位', { exact: true }).click();
    await drawer.getByTestId('form-save').click();
    await drawer.waitFor({ state: 'hidden' });
    await page.getByRole('link', { name: '119' }).waitFor();
    expect(await page.getByRole('link', { name: '119' }).getAttribute('href')).toBe('tel:119');

    await page.goto(`${server.url}/emergency/cards?postId=${workerPostId}`);
    for (const [k, v] of Object.entries(firstSteps)) await page.getByTestId(`step-${k}`).fill(v);
    await page.getByTestId('save-steps').click();
    await page.getByText('已保存', { exact: true }).first().waitFor();

    await page.goto(`${server.url}/emergency/plans`);
    const fire = page.getByTestId('scenario-fire');
    await fire.getByRole('button', { name: /起草预案/ }).click();
    // The dialog holds the proposal's title before it is sent (under CI load the click once went
    // out before the form had its values, and no plan was created).
    const dialog = page.locator('.ant-modal').filter({ has: page.locator('#create-plan-ok') });
    await expect.poll(() => dialog.getByLabel('预案名称').inputValue()).toContain('火灾');
    const created = page.waitForResponse((r) => r.url().endsWith('/api/v1/emergency-plans') && r.request().method() === 'POST');
    await page.locator('#create-plan-ok').click();
    expect((await created).status()).toBe(201);
    await page.waitForURL(/\/emergency\/plans\/[0-9a-f-]{36}$/);
    planUrl = page.url();
    // Pre-filled: the accidents identified from the enterprise's risks, the external number just entered.
    expect(await page.getByTestId('content-potentialEmergencies').inputValue()).toContain('火灾');
    await page.getByTestId('content-responseDuties').fill('主要负责人任总指挥；安全管理人员组织疏散；各班组长清点人数');
    await page.getByTestId('content-commander').fill('主要负责人王建国（不在时由安全管理人员李秀英代行）');
    await page.getByTestId('content-alarmAndHelp').fill('发现人高喊并按下手动报警按钮，拨打 119，报告值班室');
    await page.getByTestId('content-onSiteCommunication').fill('对讲机 1 频道；向指挥报告起火位置、火势、被困人员');
    await page.getByTestId('content-resources').fill('干粉灭火器 20 具，消火栓 6 处');
    await page.getByTestId('save-draft').click();
    await page.getByText('草稿已保存').waitFor();
    await expect(page.getByText('尚缺 1 项内容').isVisible()).resolves.toBe(true);
    await page.close();
  });

  it('the principal is refused approval while (6) is missing, completes it, approves, and reads the .docx back', async () => {
    const page = await principalCtx.newPage();
    await logIn(page, server.url, 'principal');
    await page.goto(planUrl);
    await page.getByTestId('approve-plan').click();
    const problem = page.getByTestId('plan-problem');
    await problem.waitFor();
    expect(await problem.innerText()).toContain('具有特定作用的人员的职责、权限和义务');
    await expect(page.getByTestId('version-status').innerText()).resolves.toContain('草稿');
    await screenshot(page, 'emergency-plan-refused', { isFullPage: false });

    await page.getByTestId('content-specialRoles').fill('现场工作负责人：切断电源和气源，有权停止作业并组织撤离');
    await page.getByTestId('approve-plan').click();
    await page.getByText('已批准发布').first().waitFor();
    await expect(page.getByTestId('version-status').innerText()).resolves.toContain('现行有效');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('plan-docx').click()]);
    const xml = await (await JSZip.loadAsync(fs.readFileSync((await download.path()) as string))).file('word/document.xml')?.async('string');
    expect(xml).toContain('火灾');
    expect(xml).toContain('现场工作负责人：切断电源和气源');
    expect(xml).toContain('119');
    for (const n of ['（1）', '（4）', '（8）']) expect(xml).toContain(n);
  });

  it('prints the post card on A4 with the first steps and the numbers', async () => {
    const page = await principalCtx.newPage();
    await page.goto(`${server.url}/print/posts/${workerPostId}/emergency-card`);
    const sheet = page.getByTestId('emergency-card-print');
    await sheet.waitFor();
    expect(await sheet.innerText()).toContain(firstSteps.assemblyPoint);
    expect(await page.getByTestId('card-contacts').innerText()).toContain('119');
    await page.emulateMedia({ media: 'print' });
    await screenshot(page, 'emergency-card-print');
  });

  it('a worker on a 360-px phone opens the post, taps 应急处置, sees the first steps and one-tap call buttons', async () => {
    const context = await browser.newContext(phone);
    const page = await context.newPage();
    await page.goto(`${server.url}/m/p/${workerPostId}`);
    await page.waitForURL(/\/m\/login\?next=/);
    await logInOnPhone(page, 'worker');
    await page.getByTestId('post-emergency').click();
    await page.waitForURL(`**/m/p/${workerPostId}/emergency`);
    const call = page.getByTestId('call-button').filter({ hasText: '119' });
    await call.waitFor();
    expect(await call.getAttribute('href')).toBe('tel:119');
    const steps = await page.getByTestId('first-steps').innerText();
    expect(steps).toContain(firstSteps.stop);
    expect(steps).toContain(firstSteps.assemblyPoint);
    const box = await call.boundingBox();
    expect(box?.width).toBeLessThanOrEqual(360);
    expect(box?.height).toBeGreaterThanOrEqual(48);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screenshot(page, 'phone-post-emergency');
    await context.close();
  });
});
