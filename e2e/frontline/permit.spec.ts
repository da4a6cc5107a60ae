import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkPermitDetail } from '../../src/schemas/work-permits.js';
import fs from 'node:fs';
import path from 'node:path';
import { screenshot, screenshotDir, shouldSkipBrowser } from '../support/browser.js';
import { logInAndOpen, logInOnPhone } from '../support/login.js';
import { closeJourney, openJourney } from '../support/journey.js';
import type { TestServer } from '../support/server.js';
import { apiAs, ensurePhoneBuild } from '../phone/phone-support.js';

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

const phone = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' } as const;

/**
 * Issue 11 acceptance: two workers sign a 动火 permit's 一备三查 on the phone at 360×740, and the
 * work starts only after the second. 陈静 signs logged in; 杨磊 (no account) picks his name and draws
 * his signature on the team leader's phone. The approver, the measure owner and the gas reading are
 * done through the API beforehand, as the safety manager would in the office.
 */
describe.skipIf(shouldSkipBrowser())('phone: 动火 permit — 一备三查 by two workers, then the work starts', () => {
  let server: TestServer;
  let browser: Browser;
  let permitId = '';
  let safety: Awaited<ReturnType<typeof apiAs>>;

  async function phonePage(username: string): Promise<Page> {
    const context = await browser.newContext(phone);
    const page = await context.newPage();
    page.on('pageerror', (e) => console.log(`[pageerror ${username}]`, e.message));
    await page.goto(`${server.url}/m/permits/${permitId}`);
    await page.waitForURL(/\/m\/login/);
    await logInOnPhone(page, username);
    await page.waitForURL(`**/m/permits/${permitId}`);
    await page.getByTestId('sign-off-panel').waitFor();
    return page;
  }

  async function tickAll(page: Page, personId: string): Promise<void> {
    const box = page.getByTestId(`prework-${personId}`);
    for (const label of ['做好工作准备', '检查知识技能', '检查工具装备', '检查周边环境']) await box.getByText(label).click();
  }

  beforeAll(async () => {
    ensurePhoneBuild();
    ({ server, browser } = await openJourney());
    safety = await apiAs(server.url, 'safety');
  });

  afterAll(async () => {
    await closeJourney({ server, browser });
  });

  const personId = async (name: string) => (await safety.get<{ items: { id: string; name: string }[] }>(`/api/v1/people?q=${encodeURIComponent(name)}`)).items.find((p) => p.name === name)?.id as string;

  it('the safety manager issues the permit, records a gas reading and signs as approver and measure owner', async () => {
    const [chen, yang, liu, li] = await Promise.all(['陈静', '杨磊', '刘洋', '李秀英'].map(personId));
    // 动火 needs a valid 焊接与热切割作业 certificate of each worker (checked by the training module).
    const issuedOn = new Date(Date.now() - 400 * 86_400_000).toISOString().slice(0, 10);
    for (const [p, number] of [[chen, 'E2E-HJ-1'], [yang, 'E2E-HJ-2']]) {
      await safety.post('/api/v1/certificates', { personId: p, kind: 'special_operation', operationCode: 'welding_cutting', number, issuedOn });
    }
    const now = Date.now();
    const permit = await safety.post<WorkPermitDetail>('/api/v1/work-permits', {
      workType: 'hot_work',
      grade: 'grade2',
      content: '冲焊车间钢平台护栏焊接',
      place: '冲焊车间东侧钢平台',
      windowStart: new Date(now - 5 * 60_000).toISOString(),
      windowEnd: new Date(now + 4 * 3_600_000).toISOString(),
      workerIds: [chen, yang],
      guardianPersonId: liu,
      approverPersonId: li,
      accidentSeqs: [7, 8],
      scenes: '焊渣落入下方油污区引燃',
      measures: [{ text: '清理动火点周围 10 米内可燃物，备 2 具灭火器', responsiblePersonId: li }],
    });
    permitId = permit.id;
    await safety.post(`/api/v1/work-permits/${permitId}/gas-readings`, { point: '动火点', substance: '可燃气体', value: 0, unit: '%LEL', isPass: true, measuredAt: new Date().toISOString(), testerPersonId: li });
    for (const role of ['approver', 'measure.0']) await safety.post('/api/v1/sign-offs', { subjectType: 'work-permit', subjectId: permitId, role, personId: li, method: 'session' });
    const after = await safety.get<WorkPermitDetail>(`/api/v1/work-permits/${permitId}`);
    expect(after.startBlockers.map((b) => b.kind)).toEqual(['check_missing', 'check_missing']);
    expect(yang).toBeTruthy();
  });

  it('陈静 ticks the four checks and signs logged in: the work does not start yet', async () => {
    const chen = await personId('陈静');
    const page = await phonePage('worker');
    expect(await page.getByTestId('permit-status').getAttribute('data-status')).toBe('issued');
    const sign = page.getByTestId('sign-as-me-prework');
    expect(await sign.isDisabled()).toBe(true); // four ticks first
    await tickAll(page, chen);
    await sign.click();
    await page.getByTestId('permit-blockers').getByText('杨磊 未完成一备三查', { exact: false }).waitFor();
    await page.locator('[data-testid="signer"].is-signed').filter({ hasText: '陈静' }).first().waitFor();
    expect(await page.getByTestId('permit-status').getAttribute('data-status')).toBe('issued');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screenshot(page, 'permit-first-signed', { isFullPage: true });
    await page.context().close();
  });

  it("杨磊 picks his name on the team leader's phone, ticks, draws his signature — and the work starts", async () => {
    const yang = await personId('杨磊');
    const page = await phonePage('teamlead');
    await page.getByRole('button', { name: /杨磊 · 作业人员/ }).click();
    await tickAll(page, yang);
    const pad = page.getByTestId('signature-pad');
    await pad.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    const box = await pad.boundingBox();
    if (!box) throw new Error('no signature pad');
    await page.mouse.move(box.x + 30, box.y + 120);
    await page.mouse.down();
    for (const [dx, dy] of [[60, 40], [100, 130], [150, 60], [200, 140], [260, 50], [300, 110]] as const) await page.mouse.move(box.x + dx, box.y + dy, { steps: 4 });
    await page.mouse.up();
    await page.getByText('签名已写好').waitFor();
    await page.getByTestId('submit-drawn').click();
    await page.locator('[data-testid="permit-status"][data-status="in_progress"]').waitFor();
    await screenshot(page, 'permit-started', { isFullPage: true });
    const permit = await safety.get<WorkPermitDetail>(`/api/v1/work-permits/${permitId}`);
    expect(permit.status).toBe('in_progress');
    expect(permit.prework.map((p) => p.isSigned)).toEqual([true, true]);
    const sheet = await safety.get<{ items: { personName: string; method: string; signatureAttachmentId: string | null }[] }>(`/api/v1/sign-offs?subjectType=work-permit&subjectId=${permitId}`);
    expect(sheet.items.find((s) => s.personName === '杨磊')).toMatchObject({ method: 'drawn', signatureAttachmentId: expect.any(String) });
  });

  it('the safety manager sees it running in the office and prints the permit and the 一备三查 table, one A4 page each', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.on('pageerror', (e) => console.log('[pageerror safety]', e.message));
    const target = `${server.url}/frontline/permits/${permitId}`;
    await logInAndOpen(page, server.url, target, 'safety');
    await page.locator('[data-testid="permit-status"][data-status="in_progress"]').waitFor();
    await screenshot(page, 'permit-office', { isFullPage: true });
    await page.goto(`${server.url}/frontline/permits`);
    await page.getByTestId('permits-page').getByText('冲焊车间钢平台护栏焊接').waitFor();

    await page.goto(`${server.url}/print/permits/${permitId}`);
    await page.getByTestId('permit-sheet').waitFor();
    await page.getByTestId('permit-sheet').getByText('清理动火点周围 10 米内可燃物', { exact: false }).waitFor();
    expect(await printed(page, 'permit-print')).toBe(1);

    await page.goto(`${server.url}/print/permits/${permitId}/prework`);
    await page.getByTestId('prework-sheet').waitFor();
    for (const title of ['危险作业现场风险“一备三查”表', '（一）做好工作准备', '（四）检查周边环境']) await page.getByText(title, { exact: false }).first().waitFor();
    expect(await page.locator('[data-testid="prework-surroundings"]').innerText()).toMatch(/☑ 陈静[\s\S]*☑ 杨磊/);
    // 杨磊 drew his signature: its image is on the sheet; 陈静 signed logged in.
    await page.locator('[data-testid="prework-signatures"] img[alt="杨磊"]').waitFor();
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="prework-signatures"] img')].every((i) => (i as HTMLImageElement).complete && (i as HTMLImageElement).naturalWidth > 0));
    expect(await printed(page, 'permit-prework-print')).toBe(1);
    await context.close();
  });
});
