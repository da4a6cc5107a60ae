/* Logging in, as a person does it, for every journey: the office login page (zh-CN or en-US) and the
 * phone's. One helper so a change of the login page is one change here. */
import type { Page } from 'playwright-core';
import { demoPassword } from './server.js';

const officeLabels = {
  'zh-CN': { username: '用户名或手机号', password: '密码', submit: /登\s*录/ },
  'en-US': { username: 'Username or mobile number', password: 'Password', submit: /Log in/ },
} as const;

export interface LogInOptions {
  /** The login page's language (the browser context's locale). */
  locale?: keyof typeof officeLabels;
  password?: string;
}

async function submitOfficeLogin(page: Page, username: string, { locale = 'zh-CN', password = demoPassword }: LogInOptions): Promise<void> {
  const labels = officeLabels[locale];
  await page.getByLabel(labels.username).fill(username);
  await page.getByLabel(labels.password).fill(password);
  await page.getByRole('button', { name: labels.submit }).click();
  await page.waitForURL((u) => !u.pathname.endsWith('/login'));
}

/** Opens the office login page, logs in and waits until the app has left it (the role's landing page). */
export async function logIn(page: Page, baseUrl: string, username: string, options: LogInOptions = {}): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await submitOfficeLogin(page, username, options);
}

/** Opens an office page signed out (it sends you to log in), logs in and ends on that page. */
export async function logInAndOpen(page: Page, baseUrl: string, target: string, username: string, options: LogInOptions = {}): Promise<void> {
  const url = target.startsWith('http') ? target : `${baseUrl}${target}`;
  await page.goto(url);
  await page.waitForURL('**/login');
  await submitOfficeLogin(page, username, options);
  const where = (u: URL) => u.pathname + u.search;
  if (where(new URL(page.url())) !== where(new URL(url))) await page.goto(url);
}

/** Fills and sends the phone's login form (/m/login), where the page sent you. */
export async function logInOnPhone(page: Page, username: string, password = demoPassword): Promise<void> {
  await page.getByLabel('用户名或手机号').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}
