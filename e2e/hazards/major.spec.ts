import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot as saveScreenshot, shouldSkipBrowser } from '../support/browser.js';
import { fillDate } from '../support/date-field.js';
import { logInAndOpen } from '../support/login.js';
import { closeJourney, openJourney } from '../support/journey.js';
import { demoPassword, type TestServer } from '../support/server.js';

/**
 * A major hazard in the office app: confirmed as 重大 with a 10号令 criterion (work stopped, people
 * withdrawn), the principal's six-part remediation plan, the bureau report link, and a refusal of
 * the lifecycle (a worker who is not the owner reporting it done) shown as the server words it.
 */
async function newPage(browser: Browser, base: string, username: string, target: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ locale: 'zh-CN', viewport });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.log(`[pageerror ${username}]`, e.message));
  await logInAndOpen(page, base, target, username);
  await page.waitForLoadState('networkidle');
  return page;
}

async function screenshot(page: Page, name: string): Promise<void> {
  await page.addStyleTag({ content: '.app-header, .ant-layout-sider { position: static !important; } .ant-layout-sider { height: auto !important; }' });
  await saveScreenshot(page, name);
}

function formItem(page: Page, label: string) {
  return page.locator('.ant-form-item').filter({ has: page.locator(`label:text-is("${label}")`) });
}

async function statusIs(page: Page, status: string): Promise<void> {
  await page.locator(`[data-testid="hazard-tags"] [data-status="${status}"]`).waitFor();
}

describe.skipIf(shouldSkipBrowser())('hazards: a major hazard stops work and needs the principal’s remediation plan', () => {
  let server: TestServer;
  let browser: Browser;
  let hazardId = '';

  beforeAll(async () => {
    ({ server, browser } = await openJourney());
    const login = await fetch(`${server.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'worker', password: demoPassword }) });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const posts = (await (await fetch(`${server.url}/api/v1/posts?q=${encodeURIComponent('冲压')}`, { headers: { cookie } })).json()) as { items: { id: string }[] };
    const body = { postId: posts.items[0]?.id, description: '冲床双手操作按钮被短接，光电保护失效', clientId: randomUUID() };
    const created = await fetch(`${server.url}/api/v1/hazards`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    hazardId = ((await created.json()) as { id: string }).id;
  });

  afterAll(async () => {
    await closeJourney({ server, browser });
  });

  it('the safety manager confirms it as 重大 with a criterion; the post is stopped and people withdrawn', async () => {
    const page = await newPage(browser, server.url, 'safety', `/hazards/${hazardId}`);
    await page.getByTestId('action-panel').waitFor();
    await page.locator('[data-testid="confirm-grade"]').getByText('重大隐患').click();
    // Required fields of a major hazard are named before anything is sent.
    await page.getByTestId('step-submit-confirm').click();
    await formItem(page, '撤出的人员').locator('.ant-form-item-explain-error').waitFor();

    await formItem(page, '判定依据（10号令）').locator('.ant-select').click();
    await page.keyboard.type('特种作业');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    await formItem(page, '撤出的人员').locator('textarea').fill('冲压班 高峰、林涛、罗娟');
    await formItem(page, '撤离组织人').locator('input').fill('冲压车间主任');
    await screenshot(page, 'hazard-major-1-confirm-form');
    await page.getByTestId('step-submit-confirm').click();
    await statusIs(page, 'confirmed');
    await page.locator('[data-testid="hazard-tags"] [data-grade="major"]').waitFor();
    const banner = page.getByTestId('stop-work-banner');
    await banner.waitFor();
    expect(await banner.textContent()).toContain('高峰、林涛、罗娟');
    expect(await page.getByTestId('bureau-report').getAttribute('href')).toBe(`/api/v1/hazards/${hazardId}/bureau-report.docx`);
    // The five in place wait for the principal's plan.
    expect(await page.getByRole('tab', { name: '五到位整改' }).count()).toBe(0);
    await screenshot(page, 'hazard-major-2-stopped');
    await page.context().close();
  });

  it('the principal writes the six-part remediation plan; then the five in place are possible', async () => {
    const page = await newPage(browser, server.url, 'principal', `/hazards/${hazardId}`);
    await page.getByRole('tab', { name: '治理方案' }).waitFor();
    const parts = ['治理的目标和任务', '采取的方法和措施', '经费和物资的落实', '负责治理的机构和人员', '治理的时限和要求', '安全措施和应急预案', '隐患的现状及其产生原因', '隐患的危害程度和整改难易程度分析'];
    for (const label of parts) await formItem(page, label).locator('textarea').fill(`${label}：按方案落实`);
    await page.getByTestId('step-submit-remediation-plan').click();
    await page.getByTestId('remediation-plan').waitFor();
    await page.getByRole('tab', { name: '五到位整改' }).waitFor();
    await screenshot(page, 'hazard-major-3-remediation-plan');

    await page.getByRole('tab', { name: '五到位整改' }).click();
    await formItem(page, '整改措施').locator('textarea').fill('拆除短接线，更换双手按钮和光电保护装置');
    await formItem(page, '整改责任人').locator('.ant-select').click();
    await page.keyboard.type('王建国');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '王建国' }).first().click();
    await formItem(page, '整改资金（元）').locator('input').fill('12000');
    await fillDate(formItem(page, '整改时限').locator('input'), new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10));
    await formItem(page, '整改期间的临时安全措施 / 应急预案').locator('textarea').fill('冲床断电上锁挂牌，停用至验收');
    await page.getByTestId('step-submit-rectification-plan').click();
    await statusIs(page, 'under_rectification');
    await page.context().close();
  });

  it('a worker who is not the owner is not offered "report it done": the page says whose turn it is', async () => {
    const page = await newPage(browser, server.url, 'worker', `/hazards/${hazardId}`, { width: 360, height: 740 });
    await page.getByTestId('stop-work-banner').waitFor();
    const waiting = page.getByTestId('waiting-note');
    await waiting.waitFor();
    expect(await waiting.textContent()).toContain('王建国');
    expect(await page.getByTestId('action-panel').count()).toBe(0);
    expect(await page.getByTestId('step-submit-submit').count()).toBe(0);
    await statusIs(page, 'under_rectification');
    await screenshot(page, 'hazard-major-4-not-your-turn');
    await page.context().close();
  });
});
