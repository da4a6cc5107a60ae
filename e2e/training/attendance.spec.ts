import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, shouldSkipBrowser } from '../support/browser.js';
import { demoEnterpriseDay, fillDate } from '../support/date-field.js';
import { logIn, logInOnPhone } from '../support/login.js';
import { closeJourney, openJourney } from '../support/journey.js';
import { showMenuEntry } from '../support/menu.js';
import type { TestServer } from '../support/server.js';
import { apiAs, ensurePhoneBuild } from '../phone/phone-support.js';

const phone = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' } as const;
const attendees = ['陈静', '杨磊', '赵敏'];
const title = '年度安全再培训（e2e）';

async function drawSignature(page: Page) {
  const pad = page.getByTestId('signature-pad');
  await pad.scrollIntoViewIfNeeded();
  // A finger's stroke, as the phone's browser reports it: pointer events of type "touch".
  await pad.evaluate((canvas) => {
    const rect = canvas.getBoundingClientRect();
    const at = (i: number) => ({ clientX: rect.left + 20 + i * ((rect.width - 40) / 12), clientY: rect.top + rect.height * (i % 2 ? 0.3 : 0.7) });
    const fire = (type: string, i: number) =>
      canvas.dispatchEvent(new PointerEvent(type, { bubbles: true, cancelable: true, pointerId: 7, pointerType: 'touch', isPrimary: true, ...at(i) }));
    fire('pointerdown', 0);
    for (let i = 1; i <= 12; i++) fire('pointermove', i);
    fire('pointerup', 12);
  });
}

describe.skipIf(shouldSkipBrowser())('training: plan a session, three workers sign on a 360-px phone, the register shows their hours', () => {
  let server: TestServer;
  let browser: Browser;
  let office: BrowserContext;
  let sessionId: string;

  beforeAll(async () => {
    ensurePhoneBuild();
    ({ server, browser } = await openJourney());
    office = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
  });
  afterAll(async () => {
    await closeJourney({ server, browser });
  });

  it('at 1366×800 the office sidebar scrolls: its last entry comes into view above the collapse bar and opens', async () => {
    // Its own context: the journey below starts from the login page with no session.
    const context = await browser.newContext({ viewport: { width: 1366, height: 800 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await logIn(page, server.url, 'safety');
    const sider = page.locator('aside.app-sider');
    // Its group opened, and every other group (they collapse), so the menu is at its longest.
    const last = await showMenuEntry(page, '修改密码');
    const closed = sider.locator('.ant-menu-submenu:not(.ant-menu-submenu-open) > .ant-menu-submenu-title');
    while ((await closed.count()) > 0) await closed.first().click();
    const siderBox = await sider.boundingBox();
    // A user scrolls the menu with the wheel over it, then clicks where the entry is drawn.
    await page.mouse.move((siderBox?.x ?? 0) + 100, 400);
    // Its whole box must end above the collapse bar, whatever the scroll container (the groups may still be unfolding: scroll again).
    const trigger = page.locator('.ant-layout-sider-trigger');
    const triggerTop = (await trigger.boundingBox())?.y ?? 800;
    await expect
      .poll(async () => {
        await page.mouse.wheel(0, 4000);
        const b = await last.boundingBox();
        return b ? b.y + b.height : 9999;
      })
      .toBeLessThanOrEqual(triggerTop);
    const box = await last.boundingBox();
    await page.mouse.click((box?.x ?? 0) + 40, (box?.y ?? 0) + (box?.height ?? 0) / 2);
    await page.waitForURL(/\/system\/password$/);
    await context.close();
  });

  it('the safety manager plans the session with three attendees', async () => {
    const page = await office.newPage();
    await logIn(page, server.url, 'safety');
    await page.goto(`${server.url}/training/sessions`);
    await page.getByTestId('new-session').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('培训名称').fill(title);
    const today = demoEnterpriseDay();
    await fillDate(dialog.getByLabel('日期'), today);
    await dialog.getByLabel('授课人').fill('李秀英');
    const select = dialog.getByLabel('参训人');
    for (const name of attendees) {
      await select.click();
      await select.fill(name);
      await page.locator('.ant-select-item-option', { hasText: name }).first().click();
    }
    await dialog.getByLabel('培训内容').fill('安全生产法律法规；本岗位风险与管控措施；应急处置与自救互救。');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await page.waitForURL(/\/training\/sessions\/[0-9a-f-]{36}$/);
    sessionId = page.url().split('/').pop() as string;
    await page.getByTestId('session-qr').waitFor();
    await expect(page.getByTestId('session-status').textContent()).resolves.toBe('计划');
    await screenshot(page, 'training-1-session');
  });

  it('on one 360-px phone: 陈静 signs as herself; the team leader hosts drawn signatures for the other two', async () => {
    const started = Date.now();
    const worker = await browser.newContext(phone);
    const wp = await worker.newPage();
    await wp.goto(`${server.url}/m/training/${sessionId}`);
    await wp.waitForURL(/\/m\/login\?next=/);
    await logInOnPhone(wp, 'worker');
    await wp.waitForURL(`**/m/training/${sessionId}`);
    await wp.getByTestId('sign-as-me-attendee').click();
    await wp.getByText('已签 1 / 3').waitFor();
    await worker.close();

    const leader = await browser.newContext(phone);
    const lp = await leader.newPage();
    await lp.goto(`${server.url}/m/training/${sessionId}`);
    await logInOnPhone(lp, 'teamlead');
    await lp.waitForURL(`**/m/training/${sessionId}`);
    for (const [i, name] of ['杨磊', '赵敏'].entries()) {
      await lp.getByRole('button', { name: new RegExp(`^${name} · 参训人`) }).click();
      await drawSignature(lp);
      await lp.getByTestId('submit-drawn').click();
      await lp.getByText(`已签 ${i + 2} / 3`).waitFor();
    }
    await screenshot(lp, 'training-2-phone-signed');
    console.log(`[training] three signatures on the phone in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    await leader.close();
  });

  it('the session is held, each signature listed, and the register .xlsx credits the hours', async () => {
    const page = await office.newPage();
    await page.goto(`${server.url}/training/sessions/${sessionId}`);
    await expect(page.getByTestId('session-status').textContent()).resolves.toBe('已实施');
    const safety = await apiAs(server.url, 'safety');
    const year = new Date().getFullYear();
    const res = await fetch(`${server.url}/api/v1/training-register.xlsx?year=${year}`, { headers: { cookie: await cookieOf(office) } });
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await res.arrayBuffer()) as ArrayBuffer);
    const rows: unknown[][] = [];
    book.getWorksheet('培训台账')?.eachRow((row, n) => n > 2 && rows.push((row.values as unknown[]).slice(1)));
    const ours = rows.filter((r) => r[2] === title);
    expect(ours.map((r) => r[6]).sort()).toEqual([...attendees].sort());
    expect(ours.every((r) => r[4] === 8)).toBe(true);
    expect(ours.map((r) => r[8]).sort()).toEqual(['登录签到', '手写签名', '手写签名'].sort());
    const summary: unknown[][] = [];
    book.getWorksheet('人员学时汇总')?.eachRow((row, n) => n > 2 && summary.push((row.values as unknown[]).slice(1)));
    for (const name of attendees) expect(summary.find((r) => r[0] === name)?.[3]).toBe(8);
    const records = await safety.get<{ items: { personName: string; hoursThisYear: number }[] }>(`/api/v1/training-records?year=${year}`);
    expect(records.items.find((p) => p.personName === '陈静')?.hoursThisYear).toBe(8);
    await page.goto(`${server.url}/training/records`);
    await page.getByTestId('training-records').getByText('陈静').first().waitFor();
    await screenshot(page, 'training-3-records');
  });
});

async function cookieOf(context: BrowserContext): Promise<string> {
  return (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
}
