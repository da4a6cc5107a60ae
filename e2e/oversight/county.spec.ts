import JSZip from 'jszip';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, shouldSkipBrowser } from '../support/browser.js';
import { fillDate } from '../support/date-field.js';
import { logIn } from '../support/login.js';
import { clickMenuEntry } from '../support/menu.js';
import { closeJourney, openJourney } from '../support/journey.js';
import type { TestServer } from '../support/server.js';

/**
 * Issue 17 (and seed 001 Art. 17): a consultant moves its engagement from phase 1 to 2, producing the
 * first-visit report (zh-CN); a major hazard reaches the county, whose regulator filters its county
 * list to enterprises with an open major hazard and acknowledges the report (en-US).
 */
describe.skipIf(shouldSkipBrowser())('oversight: the consultant’s engagement and the county regulator', () => {
  let server: TestServer;
  let browser: Browser;
  let consultant: BrowserContext;
  let safety: BrowserContext;
  let regulator: BrowserContext;

  beforeAll(async () => {
    ({ server, browser } = await openJourney());
    consultant = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 900 } });
    safety = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 900 } });
    regulator = await browser.newContext({ locale: 'en-US', viewport: { width: 1366, height: 900 } });
  });

  afterAll(async () => {
    await closeJourney({ server, browser });
  });

  it('moves an engagement from phase 1 to 2 with the first-visit report', async () => {
    const page = await consultant.newPage();
    await logIn(page, server.url, 'consultant', { locale: 'zh-CN' });
    await page.goto(`${server.url}/consultancy`);
    const row = page.getByTestId('engagement-row').filter({ hasText: '鲁安精密机械加工有限公司' });
    await row.click();
    const drawer = page.getByTestId('engagement-drawer');
    await drawer.getByTestId('engagement-phase').getByText('第一阶段：初始状态评审').waitFor();
    // The phase cannot move on before its closing report.
    expect(await drawer.getByTestId('advance-phase').isDisabled()).toBe(true);
    const closing = drawer.locator('[data-testid="deliverable"][data-code="1.progress-first"]');
    await closing.getByTestId('generate-report').click();
    const link = closing.getByTestId('report-docx');
    await link.waitFor();
    const docx = await page.request.get(`${server.url}${await link.getAttribute('href')}`);
    expect(docx.status()).toBe(200);
    const xml = (await (await JSZip.loadAsync(await docx.body())).file('word/document.xml')?.async('string')) ?? '';
    expect(xml).toContain('工作进展成效评估报告书（首次咨询）');
    expect(xml).toContain('鲁安精密机械加工有限公司');
    await drawer.getByTestId('advance-phase').click();
    await drawer.getByTestId('engagement-phase').getByText('第二阶段：策划及风险分析').waitFor();
    await screenshot(page, 'consultant-engagement-phase-2');
    // A visit recorded from the consultant's office (today, itself preselected); the enterprise confirms it below.
    await drawer.getByTestId('visit-work').fill('指导编制工作计划和实施方案');
    await drawer.getByTestId('record-visit').click();
    await drawer.getByTestId('visit').filter({ hasText: '指导编制工作计划和实施方案' }).getByText('待企业确认').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('engagement-row').filter({ hasText: '第二阶段' }).waitFor();
  });

  it('lets the county regulator filter to the enterprise with an open major hazard and acknowledge its report', async () => {
    const page = await safety.newPage();
    await logIn(page, server.url, 'safety', { locale: 'zh-CN' });
    // The safety manager confirms the consultant's visit from its home page (sign-off).
    await page.goto(`${server.url}/home`);
    await page.getByTestId('visits-to-confirm').getByTestId('confirm-visit').click();
    await page.getByTestId('visits-to-confirm').waitFor({ state: 'detached' });
    const api = safety.request;
    const posts = (await (await api.get(`${server.url}/api/v1/posts?limit=200`)).json()).items as { id: string; name: string }[];
    const crane = posts.find((p) => p.name.startsWith('行车工'));
    const created = await api.post(`${server.url}/api/v1/hazards`, {
      data: { description: '行车主钩制动器失效，吊物下滑', postId: crane?.id, photoIds: [], clientId: 'e2e-regulator-major-0001' },
    });
    expect(created.status(), await created.text()).toBe(201);
    const id = (await created.json()).id as string;
    const confirmed = await api.post(`${server.url}/api/v1/hazards/${id}/confirm`, {
      data: { grade: 'major', criterionOtherReason: '起重机械制动失效', peopleWithdrawn: '行车工 2 人', withdrawnBy: '车间主任' },
    });
    expect(confirmed.status(), await confirmed.text()).toBe(200);

    const reg = await regulator.newPage();
    await logIn(reg, server.url, 'regulator', { locale: 'en-US' });
    await reg.waitForURL('**/oversight');
    await reg.goto(`${server.url}/oversight/county`);
    const list = reg.getByTestId('county-list');
    await list.getByText('鲁安精密机械加工有限公司').waitFor();
    // The other demo enterprise lies in another county: not on this county's list.
    expect(await list.getByText('历城区顺达商贸有限公司').count()).toBe(0);
    await reg.getByTestId('county-refresh').click();
    await reg.getByText('Updated the figures of').waitFor();
    await reg.getByTestId('filter-hasOpenMajorHazard').click();
    const rows = list.getByTestId('county-row');
    await rows.filter({ hasText: '鲁安精密机械加工有限公司' }).waitFor();
    expect(await rows.count()).toBe(1);
    await rows.first().click();
    await reg.getByTestId('grade-reasons').getByText('open major hazards: 1').waitFor();
    await screenshot(reg, 'county-open-major');
    await reg.keyboard.press('Escape');

    await reg.goto(`${server.url}/oversight`);
    const item = reg.getByTestId('inbox-item').filter({ hasText: '行车主钩制动器失效' });
    await item.waitFor();
    expect(await item.textContent()).toContain('Major hazard report');
    await item.getByTestId('acknowledge').click();
    await item.getByText('Acknowledged').waitFor();
    // The enterprise sees who acknowledged it.
    const reports = (await (await api.get(`${server.url}/api/v1/hazards/${id}/bureau-reports`)).json()).items as { acknowledgements: { userName: string }[] }[];
    expect(reports[0]?.acknowledgements.map((a) => a.userName)).toEqual(['县应急管理局 监管员']);
    // The regulator reports no hazards: the enterprise's hazard ledger offers it no "reported by me" filter, the others stay.
    await reg.goto(`${server.url}/hazards`);
    await reg.getByTestId('filter-overdue').waitFor();
    expect(await reg.getByTestId('filter-mine').count()).toBe(0);
  });

  it('lets the safety manager engage a consultancy on record from a form, and end it', async () => {
    // A second consultancy on record (the administrator's page is its own journey).
    const admin = await browser.newContext({ locale: 'zh-CN' });
    const adminPage = await admin.newPage();
    await logIn(adminPage, server.url, 'admin', { locale: 'zh-CN' });
    const made = await adminPage.request.post(`${server.url}/api/v1/consultancies`, { data: { name: '齐鲁安全咨询有限公司', members: [{ username: 'consultant' }] } });
    expect(made.status()).toBe(201);
    await admin.close();

    const manager = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    const page = await manager.newPage();
    await logIn(page, server.url, 'safety', { locale: 'zh-CN' });
    await clickMenuEntry(page, '聘请咨询机构');
    await page.getByTestId('engagement-add').click();
    const form = page.getByTestId('engagement-form');
    // Nothing chosen: the shared schema's messages, before anything is sent.
    await form.getByTestId('engagement-submit').click();
    await form.locator('.ant-form-item-explain-error').first().waitFor();
    await form.getByTestId('engagement-consultancy').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '齐鲁安全咨询有限公司' }).click();
    // The consultancy list closes with an animation: wait until it is gone, or its option is taken for a consultant.
    await page.locator('.ant-select-dropdown').filter({ hasText: '齐鲁安全咨询有限公司' }).waitFor({ state: 'hidden' });
    await form.getByTestId('engagement-team').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    await page.keyboard.press('Escape');
    await form.getByTestId('engagement-scope').fill('安全生产标准化创建');
    await fillDate(form.getByTestId('engagement-start'), '2026-12-01');
    await form.getByTestId('engagement-end').click();
    await form.getByTestId('engagement-end').fill('2027-11-30');
    await screenshot(page, 'engage-consultancy-form', { isFullPage: false });
    // Enter in the last field sends the form, as a person would.
    await page.keyboard.press('Enter');
    const row = page.locator('.ant-table-row').filter({ hasText: '齐鲁安全咨询有限公司' });
    await row.filter({ hasText: '2026-12-01 ~ 2027-11-30' }).filter({ hasText: '安全生产标准化创建' }).waitFor();
    await row.getByRole('button', { name: '结束咨询服务' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定|OK/ }).click();
    await row.getByText('已结束').waitFor();
    await manager.close();
  });
});
