import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccidentScenarioDetail, AccidentScenarioList } from '../../src/schemas/accident-scenarios.js';
import { screenshot, screenshotDir, shouldSkipBrowser } from '../support/browser.js';
import { logInAndOpen, logInOnPhone } from '../support/login.js';
import { closeJourney, openJourney } from '../support/journey.js';
import type { TestServer } from '../support/server.js';
import { apiAs, cameraPhoto, ensurePhoneBuild } from '../phone/phone-support.js';

const phone = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' } as const;

/** Pages in a PDF: the /Type /Page objects (not the /Type /Pages tree). */
const pdfPageCount = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;

/** A print page as the printer sees it: a screenshot to look at, and the number of A4 pages it makes. */
async function printed(page: Page, name: string): Promise<number> {
  fs.mkdirSync(screenshotDir, { recursive: true });
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
  const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  fs.writeFileSync(path.join(screenshotDir, `${name}.pdf`), pdf);
  await page.emulateMedia({ media: 'screen' });
  return pdfPageCount(pdf);
}

/**
 * Issue 11 acceptance, the post's own practice on a 360×740 phone: 陈静 (车床工) opens her post,
 * starts this year's 事故假想 pre-filled from the post's risks, completes it and signs; the safety
 * manager turns her improvement item into a hazard and prints the sheet on one A4 page. Then she
 * takes the post's 应知应会 quiz, and the safety manager sees her result.
 */
describe.skipIf(shouldSkipBrowser())('phone: a worker fills and signs the post’s 事故假想 and takes the quiz; the office prints and reads them', () => {
  let server: TestServer;
  let browser: Browser;
  let safety: Awaited<ReturnType<typeof apiAs>>;
  let postId = '';
  let scenarioId = '';

  beforeAll(async () => {
    ensurePhoneBuild();
    ({ server, browser } = await openJourney());
    safety = await apiAs(server.url, 'safety');
    const people = await safety.get<{ items: { name: string; postIds: string[] }[] }>(`/api/v1/people?q=${encodeURIComponent('陈静')}`);
    postId = people.items.find((p) => p.name === '陈静')?.postIds[0] as string;
  });

  afterAll(async () => {
    await closeJourney({ server, browser });
  });

  it('陈静 opens her post, starts the sheet pre-filled, adds a type and an improvement item, and signs', async () => {
    const context = await browser.newContext(phone);
    const page = await context.newPage();
    page.on('pageerror', (e) => console.log('[pageerror worker]', e.message));
    await page.goto(`${server.url}/m/p/${postId}`);
    await page.waitForURL(/\/m\/login/);
    await logInOnPhone(page, 'worker');
    await page.waitForURL(`**/m/p/${postId}`);
    await page.getByTestId('post-scenario').click();
    await page.getByTestId('scenario-start').click();

    // Pre-filled from the post's risks: accident types ticked, the measures as 防范检查要求.
    const checks = await page.getByTestId('scenario-checks').inputValue();
    expect(checks).toMatch(/^1\. /);
    const ticked = await page.locator('[data-testid="scenario-types"] input:checked').count();
    expect(ticked).toBeGreaterThan(0);
    expect(await page.getByTestId('scenario-status').getAttribute('data-status')).toBe('drafting');

    await page.getByTestId('scenario-types').getByText('（12）透水').click();
    await page.getByTestId('scenario-new-improvement').fill('车床防护罩插销松动，需更换');
    await page.getByTestId('scenario-add-improvement').click();
    await page.getByTestId('scenario-dirty').waitFor();
    await screenshot(page, 'scenario-phone-filled', { isFullPage: true });

    // Signing saves the edits first, then signs the saved revision.
    await page.getByTestId('sign-as-me-worker').click();
    await page.locator('[data-testid="signer"].is-signed').filter({ hasText: '陈静' }).first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screenshot(page, 'scenario-phone-signed', { isFullPage: true });
    await context.close();

    const list = await safety.get<AccidentScenarioList>(`/api/v1/accident-scenarios?postId=${postId}`);
    scenarioId = list.items[0]?.scenario?.id as string;
    const d = await safety.get<AccidentScenarioDetail>(`/api/v1/accident-scenarios/${scenarioId}`);
    expect(d.revision).toBe(2);
    expect(d.accidentSeqs).toContain(12);
    expect(d.improvements.map((i) => i.text)).toEqual(['车床防护罩插销松动，需更换']);
    expect(d.workers.find((w) => w.name === '陈静')?.signedAt).toBeTruthy();
    expect(d.status).toBe('drafting'); // nine colleagues still to sign
  });

  it('the safety manager turns the improvement item into a hazard and prints the sheet on one A4 page', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.on('pageerror', (e) => console.log('[pageerror safety]', e.message));
    const target = `${server.url}/frontline/accident-scenarios/${scenarioId}`;
    await logInAndOpen(page, server.url, target, 'safety');
    await page.getByTestId('accident-scenario').waitFor();
    await page.getByTestId('to-hazard-0').click();
    await page.getByRole('link', { name: '查看隐患' }).waitFor();
    await screenshot(page, 'scenario-office', { isFullPage: true });

    await page.goto(`${server.url}/print/accident-scenarios/${scenarioId}`);
    await page.getByTestId('scenario-sheet').waitFor();
    expect(await page.locator('[data-testid="sheet-accident-types"] [data-ticked="true"]').count()).toBeGreaterThan(1);
    for (const title of ['一线岗位安全风险事故假想参考表', '常见', '防范', '存在']) await page.getByText(title, { exact: false }).first().waitFor();
    expect(await printed(page, 'scenario-print')).toBe(1);
    await context.close();
  });

  it('陈静 acknowledges the post card and takes the five-question quiz; the safety manager sees her result', async () => {
    const context = await browser.newContext(phone);
    const page = await context.newPage();
    page.on('pageerror', (e) => console.log('[pageerror worker]', e.message));
    await page.goto(`${server.url}/m/p/${postId}`);
    await page.waitForURL(/\/m\/login/);
    await logInOnPhone(page, 'worker');
    await page.waitForURL(`**/m/p/${postId}`);
    await page.getByTestId('post-quiz').click();
    const questions = page.getByTestId('quiz-question');
    await questions.first().waitFor();
    expect(await questions.count()).toBe(5);
    const submit = page.getByTestId('quiz-submit');
    for (let i = 0; i < 5; i++) await questions.nth(i).locator('label').first().click();
    expect(await submit.isDisabled()).toBe(true); // the card must be acknowledged first
    await page.getByTestId('quiz-acknowledge').click();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screenshot(page, 'quiz-phone-answered', { isFullPage: true });
    await submit.click();
    const result = page.getByTestId('quiz-result');
    await result.waitFor();
    const scoreText = await result.innerText();
    expect(scoreText).toMatch(/答对 \d \/ 5 题/);
    await screenshot(page, 'quiz-phone-result', { isFullPage: true });
    await context.close();

    const results = await safety.get<{ items: { personName: string; postId: string; score: number; total: number }[] }>(`/api/v1/post-knowledge-checks?postId=${postId}`);
    expect(results.items).toHaveLength(1);
    expect(results.items[0]).toMatchObject({ personName: '陈静', total: 5 });
    expect(scoreText).toContain(`答对 ${results.items[0]?.score} / 5 题`);
  });

  it('the safety manager saves the drafted 手指口述 card and prints four pocket cards on one A4; the team leader spot-checks on the phone', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.on('pageerror', (e) => console.log('[pageerror safety]', e.message));
    const target = `${server.url}/frontline/point-call?postId=${postId}`;
    await logInAndOpen(page, server.url, target, 'safety');
    await page.getByTestId('point-call-save').click();
    await page.getByText('班组长抽查').first().waitFor();
    await page.goto(`${server.url}/print/posts/${postId}/point-call`);
    await page.getByTestId('pocket-card').first().waitFor();
    expect(await page.getByTestId('pocket-card').count()).toBe(4);
    expect(await printed(page, 'point-call-print')).toBe(1);
    await context.close();

    const phoneContext = await browser.newContext(phone);
    const leader = await phoneContext.newPage();
    await leader.goto(`${server.url}/m/p/${postId}/point-call`);
    await leader.waitForURL(/\/m\/login/);
    await logInOnPhone(leader, 'teamlead');
    await leader.waitForURL(`**/m/p/${postId}/point-call`);
    await leader.getByTestId('point-call-spot').getByRole('button', { name: '陈静' }).click();
    await leader.getByRole('button', { name: '✓ 正确' }).click();
    await leader.getByText('已记录抽查').waitFor();
    expect(await leader.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screenshot(leader, 'point-call-phone', { isFullPage: true });
    await phoneContext.close();
    const card = await safety.get<{ spotChecks: { performer: { name: string }; isCorrect: boolean }[] }>(`/api/v1/posts/${postId}/point-call-card`);
    expect(card.spotChecks.map((c) => [c.performer.name, c.isCorrect])).toEqual([['陈静', true]]);
  });

  it('定置管理: the area plan is marked in the office; on the phone a worker reports a position off its place as a hazard', async () => {
    const areas = await safety.get<{ items: { id: string; name: string }[] }>('/api/v1/areas?limit=200');
    const area = areas.items.find((a) => a.name === '冲焊车间') ?? (areas.items[0] as { id: string; name: string });
    await safety.put(`/api/v1/areas/${area.id}/fixed-position-plan`, {
      ruleText: '灭火器、氧气瓶、乙炔瓶定点存放，通道内不得堆放物品',
      postId,
      positions: [
        { label: '1号灭火器', kind: 'extinguisher', x: 0.3, y: 0.4 },
        { label: '气瓶存放点', kind: 'cylinder', x: 0.6, y: 0.5 },
      ],
      revision: 0,
    });
    const office = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    const page = await office.newPage();
    page.on('pageerror', (e) => console.log('[pageerror safety]', e.message));
    const target = `${server.url}/frontline/fixed-position?areaId=${area.id}`;
    await logInAndOpen(page, server.url, target, 'safety');
    await page.getByTestId('fixed-position-map').waitFor();
    expect(await page.locator('[data-testid="fixed-position-map"] circle').count()).toBe(2);
    await screenshot(page, 'fixed-position-office', { isFullPage: true });
    await office.close();

    const context = await browser.newContext(phone);
    const worker = await context.newPage();
    await worker.goto(`${server.url}/m/a/${area.id}/fixed-position`);
    await worker.waitForURL(/\/m\/login/);
    await logInOnPhone(worker, 'worker');
    await worker.waitForURL(`**/m/a/${area.id}/fixed-position`);
    const item = worker.getByTestId('fixed-position-item').nth(1);
    await item.getByRole('button', { name: '不在位' }).click();
    await item.locator('textarea').fill('氧气瓶放在通道上');
    // The photo of what is off its place goes with the report (the button waits for its upload).
    await item.getByTestId('fixed-position-photo').setInputFiles({ name: 'camera.png', mimeType: 'image/png', buffer: await cameraPhoto('#e67e22') });
    await item.locator('.photo-thumb').waitFor();
    await expect.poll(() => item.getByRole('button', { name: '作为隐患上报' }).isEnabled(), { timeout: 20_000 }).toBe(true);
    await item.getByRole('button', { name: '作为隐患上报' }).click();
    await worker.getByText('已作为隐患上报').waitFor();
    expect(await worker.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screenshot(worker, 'fixed-position-phone', { isFullPage: true });
    await context.close();
    const hazards = await safety.get<{ items: { id: string; description: string }[] }>('/api/v1/hazards?limit=50');
    const deviation = hazards.items.find((h) => h.description === `定置偏离（${area.name} · 气瓶存放点）：氧气瓶放在通道上`);
    expect(deviation).toBeDefined();
    const detail = await safety.get<{ photoIds: string[] }>(`/api/v1/hazards/${deviation?.id}`);
    expect(detail.photoIds).toHaveLength(1);
  });
});
