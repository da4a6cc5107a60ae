import fs from 'node:fs';
import JSZip from 'jszip';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeCheckChar } from '../../src/domain/enterprise/credit-code.js';
import { screenshot, shouldSkipBrowser } from '../support/browser.js';
import { logIn, logInOnPhone } from '../support/login.js';
import { closeJourney, openJourney } from '../support/journey.js';
import { clickMenuEntry } from '../support/menu.js';
import { demoPassword, ensureWebBuild, type TestServer } from '../support/server.js';
import { apiAs } from '../phone/phone-support.js';

/** A valid GB 32100 code, different on every run. */
function newCreditCode(): string {
  const charset = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  let tail = '';
  for (let i = 0; i < 6; i++) tail += charset.charAt(Math.floor(Math.random() * charset.length));
  const body = `91370102MA${tail}1`;
  return body + creditCodeCheckChar(body);
}

async function pickOption(page: Page, testId: string, option: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first().click();
}

describe.skipIf(shouldSkipBrowser())('management system: a new enterprise runs its initial review, approves the policy and measures two objectives', () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    ensureWebBuild();
    ({ server, browser } = await openJourney());
  });
  afterAll(async () => {
    await closeJourney({ server, browser });
  });

  it('reviews with a team on the pre-filled baseline, gets the .docx, approves the policy, sees objectives measured', async () => {
    // A new enterprise with its principal, two people and one post (the administrator registers it).
    const admin = await apiAs(server.url, 'admin');
    const username = `ohs${Date.now().toString(36)}`;
    const password = 'Principal-pass-2026';
    await admin.post('/api/v1/enterprises', {
      name: `鲁西小型五金厂${username}`, creditCode: newCreditCode(), industry: 'machinery', regionCode: '370102', address: '济南市历下区工业南路 9 号',
      headcount: 25, revenueCny: 5_000_000, principalName: '孙立', firstLogin: { role: 'principal', displayName: '孙立', username, password: demoPassword },
    });
    const principal = await apiAs(server.url, username);
    await principal.post('/api/v1/auth/password', { currentPassword: demoPassword, newPassword: password });
    const postId = (await principal.post<{ id: string }>('/api/v1/posts', { name: '冲压工', kind: 'operation', duties: '1. 按规程操作冲床\n2. 班前检查光电保护装置' })).id;
    const people = {
      sun: (await principal.post<{ id: string }>('/api/v1/people', { name: '孙立' })).id,
      li: (await principal.post<{ id: string }>('/api/v1/people', { name: '李安全', postIds: [postId] })).id,
    };

    const ctx = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
    const page = await ctx.newPage();
    await logIn(page, server.url, username, { password });

    // The initial review: a team of two, from the menu.
    await clickMenuEntry(page, '初始评审');
    await page.getByTestId('review-new').waitFor();
    await pickOption(page, 'member-person-0', '孙立');
    await pickOption(page, 'member-role-0', '组长');
    await page.getByTestId('member-add').click();
    await pickOption(page, 'member-person-1', '李安全');
    await pickOption(page, 'member-role-1', '安全管理');
    await page.getByTestId('review-create').click();
    await page.getByTestId('initial-review').waitFor();
    const reviewUrl = page.url();

    // The baseline is pre-filled from the records; no document issued and no law registered yet.
    expect(await page.getByTestId('baseline-sizeClass').textContent()).toBe('小型（从业人员 25 人）');
    expect(await page.getByTestId('baseline-posts').textContent()).toBe('1 个（管理岗位 0 个）');
    expect(await page.getByTestId('baseline-postsWithoutRisk').textContent()).toBe('冲压工');
    expect(await page.getByTestId('baseline-documents').textContent()).toBe('0 份现行有效');
    expect(await page.getByTestId('baseline-laws').textContent()).toBe('已识别 0 项');
    await page.getByTestId('gap-posts_without_risk').waitFor();

    // A finding of the team, then completion.
    await pickOption(page, 'finding-area', '现有控制措施');
    await page.getByTestId('finding-text').fill('冲床光电保护装置失效未修');
    await page.getByTestId('finding-add').click();
    await page.getByTestId('findings').getByText('冲床光电保护装置失效未修').waitFor();
    await page.getByTestId('review-conclusion').fill('先完成岗位风险辨识，修复冲床保护装置。');
    await page.getByTestId('review-complete').click();
    await page.getByTestId('review-status').getByText('已完成').waitFor();
    await page.getByTestId('gap-objective-posts_without_risk').waitFor();
    await screenshot(page, 'initial-review-completed');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('review-docx').click()]);
    const xml = (await (await JSZip.loadAsync(fs.readFileSync((await download.path()) as string))).file('word/document.xml')?.async('string')) ?? '';
    const text = xml.replace(/<[^>]+>/g, '');
    for (const words of ['初始评审报告', '孙立', '组长', '李安全', '1 个岗位尚未辨识评价风险：冲压工', '冲床光电保护装置失效未修', '体系文件（管理制度、操作规程）尚未登记受控', '先完成岗位风险辨识']) expect(text, words).toContain(words);

    // The policy, drafted with the four commitments, approved by the principal.
    await clickMenuEntry(page, '安全健康方针');
    expect(await page.getByTestId('policy-text').inputValue()).toContain('持续改进');
    await page.getByTestId('policy-save').click();
    await page.getByText('草稿已保存').waitFor();
    await page.getByTestId('policy-approve').click();
    await page.getByTestId('policy-current').waitFor();
    expect(await page.getByTestId('policy-current').textContent()).toContain('预防事故');

    // Two objectives bound to metrics: one made from a gap of the review (its proposal pre-filled), one through the API.
    await page.goto(reviewUrl);
    await page.getByTestId('gap-objective-training_short').click();
    await pickOption(page, 'gap-owner', '李安全');
    await page.getByTestId('gap-save').click();
    await page.getByText('已纳入目标：').waitFor();
    await principal.post('/api/v1/ohs-objectives', { name: '全年零事故', metric: 'accidents', comparison: 'lte', targetValue: 0, year: new Date().getFullYear(), ownerPersonId: people.sun });
    await clickMenuEntry(page, '目标和管理方案');
    await page.getByText('全年零事故').waitFor();
    await page.getByText('事故登记：本年事故起数（不含未遂）').waitFor();
    await page.getByText('教育培训：本年学时达标人员比例').waitFor();
    const values = await page.locator('[data-testid^="objective-value-"]').allTextContents();
    // Nobody has had training yet: 0 % of the two people; no accident recorded.
    expect(values.sort()).toEqual(['0 / ≤ 0 次/项', '0 / ≥ 100 %']);

    // Commitment and duties: the commitment drafted with the four duties; the post's duty list and who has not acknowledged it.
    await clickMenuEntry(page, '承诺与职责');
    expect(await page.getByTestId('commitment-text').inputValue()).toContain('为安全生产提供充足的资源');
    await page.getByTestId('duty-lists').getByText('班前检查光电保护装置').waitFor();
    expect(await page.getByTestId(`not-acknowledged-${postId}`).textContent()).toContain('李安全');
    await screenshot(page, 'commitment-and-duties');
    await ctx.close();
  });

  it("the worker reads their post's duty list on the phone and signs; the list then counts them as acknowledged", async () => {
    const safety = await apiAs(server.url, 'safety');
    const worker = await apiAs(server.url, 'worker');
    const me = await worker.get<{ personId: string }>('/api/v1/auth/me');
    const [mine] = (await worker.get<{ items: { postId: string; postName: string }[] }>('/api/v1/post-duty-lists/mine')).items;
    expect(mine, 'the demo worker holds a post').toBeTruthy();
    await safety.patch(`/api/v1/posts/${mine!.postId}`, { duties: '1. 遵守本岗位安全操作规程\n2. 发现隐患立即报告' });

    const ctx = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, locale: 'zh-CN' });
    const page = await ctx.newPage();
    await page.goto(`${server.url}/m/login`);
    await logInOnPhone(page, 'worker');
    await page.getByTestId('duty-list-card').filter({ hasText: mine!.postName }).click();
    await page.getByTestId('duty-list').getByText('发现隐患立即报告').waitFor();
    await page.getByTestId('sign-as-me-holder').click();
    await page.locator('[data-testid="signer"].is-signed').first().waitFor();
    const after = await safety.get<{ holders: { personId: string; hasAcknowledged: boolean }[] }>(`/api/v1/post-duty-lists/${mine!.postId}`);
    expect(after.holders.find((h) => h.personId === me.personId)?.hasAcknowledged).toBe(true);
    await ctx.close();
  });
});
