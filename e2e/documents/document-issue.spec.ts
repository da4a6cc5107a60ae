import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shouldSkipBrowser } from '../support/browser.js';
import { logIn } from '../support/login.js';
import { closeJourney, openJourney } from '../support/journey.js';
import { ensureWebBuild, type TestServer } from '../support/server.js';
import { apiAs } from '../phone/phone-support.js';

describe.skipIf(shouldSkipBrowser())('document control: a rule from a template is approved, issued to a post and shown there; a second version makes the first obsolete', () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    ensureWebBuild();
    ({ server, browser } = await openJourney());
  });
  afterAll(async () => {
    await closeJourney({ server, browser });
  });

  it('the safety manager creates, approves and issues the lifting rule, revises it, and the post page shows the current version', async () => {
    const safety = await apiAs(server.url, 'safety');
    const posts = await safety.get<{ items: { id: string; name: string }[] }>('/api/v1/posts?limit=200');
    const post = posts.items[0]!;

    const ctx = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
    const page = await ctx.newPage();
    await logIn(page, server.url, 'safety');

    // New from the lifting-rule template: number, title and headings pre-filled.
    await page.goto(`${server.url}/documents`);
    await page.getByTestId('document-new').click();
    await page.getByTestId('document-template').click();
    await page.locator('.ant-select-item-option', { hasText: '起重作业安全管理制度' }).click();
    expect(await page.getByTestId('document-number').inputValue()).toBe('ZD-01');
    await page.locator('#create-document-ok').click();
    await page.waitForURL(/\/documents\/[0-9a-f-]{36}$/);
    expect(await page.getByTestId('document-controls').inputValue()).toContain('吊物脱落');

    // Distribute to a post, approve: version 1 is current.
    await page.getByTestId('document-posts').click();
    await page.keyboard.type(post.name);
    await page.locator('.ant-select-item-option', { hasText: post.name }).first().click();
    await page.keyboard.press('Escape');
    await page.getByTestId('document-distribute').click();
    await page.getByText('发放岗位已保存').waitFor();
    await page.getByTestId('document-approve').click();
    await page.getByTestId('version-1-validity').filter({ hasText: '现行有效' }).waitFor();

    const url = page.url();
    await page.goto(`${server.url}/posts/${post.id}`);
    const onPost = page.getByTestId('post-document-ZD-01');
    await onPost.waitFor();
    expect(await onPost.textContent()).toContain('第 1 版');

    // Revise: saving opens version 2; approving it makes version 1 obsolete, and the post shows version 2.
    await page.goto(url);
    await page.getByTestId('document-controls').fill('1．吊物下方严禁站人。');
    await page.getByTestId('document-save').click();
    await page.getByText('草稿 第 2 版').waitFor();
    await page.getByTestId('document-approve').click();
    await page.getByTestId('version-1-validity').filter({ hasText: '作废' }).waitFor();
    expect(await page.getByTestId('version-2-validity').textContent()).toBe('现行有效');

    await page.goto(`${server.url}/posts/${post.id}`);
    await page.getByTestId('post-document-ZD-01').filter({ hasText: '第 2 版' }).waitFor();
    await ctx.close();
  });
});
