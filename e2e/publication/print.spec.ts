import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePng } from '../../src/server/modules/publication/publication.factory.js';
import { screenshotDir, shouldSkipBrowser } from '../support/browser.js';
import { closeJourney, openJourney } from '../support/journey.js';
import { pdfPagesText } from '../support/pdf.js';
import { demoPassword, type TestServer } from '../support/server.js';

/** Pages in a PDF: the /Type /Page objects (not the /Type /Pages tree). */
function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
}

async function shoot(page: Page, name: string): Promise<{ png: string; pages: number }> {
  fs.mkdirSync(screenshotDir, { recursive: true });
  await page.emulateMedia({ media: 'print' });
  const png = path.join(screenshotDir, `${name}.png`);
  await page.screenshot({ path: png, fullPage: true });
  const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  fs.writeFileSync(path.join(screenshotDir, `${name}.pdf`), pdf);
  await page.emulateMedia({ media: 'screen' });
  return { png, pages: pdfPageCount(pdf) };
}

/** Logs in from the login page the app sent us to, then makes sure we are back on the page we asked for. */
async function logInAndReturn(page: Page, target: string): Promise<void> {
  await page.goto(target);
  await page.waitForURL('**/login');
  await page.getByLabel('用户名或手机号').fill('safety');
  await page.getByLabel('密码').fill(demoPassword);
  const loggedIn = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login') && r.status() === 200);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await loggedIn;
  // Let the client-side redirects settle: the URL must stay the same for a moment.
  let last = '';
  for (let i = 0; i < 20 && page.url() !== last; i++) {
    last = page.url();
    await page.waitForTimeout(400);
  }
  // The login page may land on the home page instead of the page asked for (reported to its owner).
  if (new URL(page.url()).pathname !== new URL(target).pathname) await page.goto(target);
}

describe.skipIf(shouldSkipBrowser())('publication: print the risk card and the four-colour map', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let postId: string;
  let areaName: string;

  beforeAll(async () => {
    ({ server, browser } = await openJourney());
    context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1240, height: 900 } });
    page = await context.newPage();
    page.on('pageerror', (e) => console.log('[pageerror]', e.message));
  });

  afterAll(async () => {
    await closeJourney({ server, browser });
  });

  it('lets the safety manager log in, evaluate a 较大 risk in an area, draw it and upload a floor plan', async () => {
    await logInAndReturn(page, `${server.url}/risk-map`);
    await page.getByTestId('risk-map-page').waitFor();

    const api = context.request;
    const posts = (await (await api.get(`${server.url}/api/v1/posts?limit=200`)).json()).items as { id: string; name: string; kind: string }[];
    const post = posts.find((p) => p.kind === 'operation');
    expect(post).toBeDefined();
    postId = post!.id;
    const areas = (await (await api.get(`${server.url}/api/v1/areas?limit=200`)).json()).items as { id: string; name: string }[];
    const area = areas[0]!;
    areaName = area.name;

    const measure = (type: string, phase: string | null, text: string) => ({ type, phase, text, inspection: { content: `检查${text}`, method: 'look', period: 'shift' } });
    const risk = await api.post(`${server.url}/api/v1/risks`, {
      data: {
        postId,
        objectKind: 'activity',
        objectName: '冲床冲压作业',
        areaId: area.id,
        hazardFactorCodes: ['1'],
        accidentTypeCodes: ['03', '01'],
        causes: '光电保护失效，手伸入模具区',
        evaluation: { method: 'LEC', L: 3, E: 6, C: 15 },
        measures: [
          measure('engineering', 'during', '双手按钮与光电保护装置完好有效'),
          measure('ppe', 'before', '穿戴防护手套、安全鞋和护目镜'),
          measure('administrative', 'before', '开机前空车试运行，确认离合器、制动器可靠'),
          measure('administrative', 'after', '停机断电、挂牌后清理模具区废料'),
          measure('emergency', null, '发生夹手立即按下急停按钮，报告班长并拨打 120'),
        ],
      },
    });
    expect(risk.status(), await risk.text()).toBe(201);
    expect((await risk.json()).level).toBe('significant');

    const polygon = await api.put(`${server.url}/api/v1/areas/${area.id}/map-polygon`, { data: { points: [[0.08, 0.12], [0.46, 0.12], [0.46, 0.55], [0.08, 0.55]] } });
    expect(polygon.status(), await polygon.text()).toBe(200);
    const plan = await api.post(`${server.url}/api/v1/risk-map/floor-plan`, { data: makePng(800, 500), headers: { 'content-type': 'image/png' } });
    expect(plan.status(), await plan.text()).toBe(201);

    await page.reload();
    await page.locator(`[data-area="${areaName}"][data-level="significant"]`).waitFor();
    await page.getByTestId('floor-plan-image').waitFor();
  });

  it('prints the post risk card on exactly one A4 page, orange, with the QR code', async () => {
    await page.setViewportSize({ width: 820, height: 1160 });
    await page.goto(`${server.url}/print/posts/${postId}/risk-card`);
    const card = page.getByTestId('risk-card');
    await card.waitFor();
    expect(await card.getAttribute('data-level')).toBe('significant');
    expect(await page.getByTestId('card-level').textContent()).toBe('较大风险');
    await page.getByTestId('card-qr').waitFor();
    expect(await card.textContent()).toContain('机械伤害');
    expect(await card.textContent()).toContain('119');
    const { png, pages } = await shoot(page, 'risk-card-print-zh');
    expect(fs.statSync(png).size).toBeGreaterThan(10_000);
    expect(pages).toBe(1);
  });

  it('prints the notice board of the area (较大) on one landscape page', async () => {
    const areas = (await (await context.request.get(`${server.url}/api/v1/risk-map`)).json()).areas as { id: string; name: string }[];
    const area = areas.find((a) => a.name === areaName)!;
    await page.setViewportSize({ width: 1160, height: 820 });
    await page.goto(`${server.url}/print/areas/${area.id}/notice-board`);
    await page.getByTestId('notice-board-print').waitFor();
    expect(await page.getByTestId('notice-board-print').textContent()).toContain('冲床冲压作业');
    const { pages } = await shoot(page, 'notice-board-print-zh');
    expect(pages).toBe(1);
  });

  it('prints the four-colour map with legend on exactly one A4 landscape page', async () => {
    await page.goto(`${server.url}/print/risk-map`);
    await page.getByTestId('risk-map-print').waitFor();
    await page.locator(`[data-area="${areaName}"][data-level="significant"]`).waitFor();
    await page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('[data-testid="floor-plan-image"]');
      return !!img && img.complete && img.naturalWidth > 0;
    });
    expect(await page.getByTestId('risk-map-legend').textContent()).toContain('较大风险（橙）');
    const fill = await page.locator(`[data-area="${areaName}"] polygon`).getAttribute('fill');
    expect(fill).toBe('#f39800');
    const { pages } = await shoot(page, 'risk-map-print-zh');
    expect(pages).toBe(1);
  });

  it('sets the card footer on the settings page, then prints every post\'s card in one PDF: a page per post, each with its footer (issue 8 §6)', async () => {
    await page.setViewportSize({ width: 1240, height: 900 });
    await page.goto(`${server.url}/settings/publication`);
    const settings = page.getByTestId('publication-settings');
    await settings.waitFor();
    await settings.getByLabel('本企业应急电话').fill('0531-8800119');
    await settings.getByLabel('告知卡页脚').fill('安全管理部编制 监督电话 0531-8800000');
    await settings.getByTestId('publication-settings-save').click();
    await page.getByText('已保存').waitFor();

    const posts = (await (await context.request.get(`${server.url}/api/v1/posts?limit=200`)).json()).items as { id: string }[];
    expect(posts.length).toBeGreaterThan(3);
    await page.setViewportSize({ width: 820, height: 1160 });
    await page.goto(`${server.url}/print/risk-cards`);
    await page.getByTestId('risk-cards-print').waitFor();
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="card-qr"]').length === n, posts.length, { timeout: 30_000 });
    expect(await page.getByTestId('risk-card-sheet').count()).toBe(posts.length);
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    await page.emulateMedia({ media: 'screen' });
    fs.mkdirSync(screenshotDir, { recursive: true });
    fs.writeFileSync(path.join(screenshotDir, 'risk-cards-batch.pdf'), pdf);
    const pages = await pdfPagesText(pdf);
    expect(pages).toHaveLength(posts.length);
    for (const [i, text] of pages.entries()) {
      expect(text.replace(/\s/g, ''), `page ${i + 1}`).toContain('安全管理部编制监督电话0531-8800000');
      expect(text, `page ${i + 1}`).toContain('0531-8800119');
    }

    // A selection: the ticked posts only.
    await page.goto(`${server.url}/print/risk-cards?postIds=${posts.slice(0, 2).map((p) => p.id).join(',')}`);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="card-qr"]').length === 2);
    expect(await page.getByTestId('risk-card-sheet').count()).toBe(2);

    // The notice boards of every area needing one, in one job, a landscape page each.
    await page.setViewportSize({ width: 1160, height: 820 });
    await page.goto(`${server.url}/print/notice-boards`);
    await page.getByTestId('notice-boards-print').waitFor();
    const boards = Number(await page.getByTestId('notice-boards-count').getAttribute('data-count'));
    expect(boards).toBeGreaterThan(0);
    const { pages: boardPages } = await shoot(page, 'notice-boards-batch');
    expect(boardPages).toBe(boards);
  });

  it('opens the card the QR code points to on a 360 px phone', async () => {
    const phone = await browser.newContext({ locale: 'zh-CN', viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    const p = await phone.newPage();
    await logInAndReturn(p, `${server.url}/cards/posts/${postId}`);
    await p.getByTestId('risk-card').waitFor();
    const overflow = await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    fs.mkdirSync(screenshotDir, { recursive: true });
    await p.screenshot({ path: path.join(screenshotDir, 'risk-card-phone-360.png'), fullPage: true });
    await phone.close();
  });
});
