import fs from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';

export const chromiumPath = '/usr/bin/chromium';
export const hasChromium = fs.existsSync(chromiumPath);

/**
 * True when the journeys should be skipped: outside CI a missing Chromium only prints a line;
 * under CI it is an error, so a broken image cannot pass the suite silently.
 */
export function shouldSkipBrowser(): boolean {
  if (hasChromium) return false;
  if (process.env.CI === 'true') throw new Error(`Chromium not found at ${chromiumPath}; the e2e suite cannot run under CI without it`);
  console.log(`[e2e] skipped: no Chromium at ${chromiumPath}`);
  return true;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export const screenshotDir = path.resolve('e2e/screenshots');

export async function screenshot(page: Page, name: string, { isFullPage = true } = {}): Promise<string> {
  fs.mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: isFullPage });
  return file;
}

/**
 * Content-Security-Policy violations Chromium reports on a page (console "Refused to … because it
 * violates the following Content Security Policy directive"), collected for a journey to assert none.
 */
export function collectCspViolations(page: Page): string[] {
  const found: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) found.push(message.text());
  });
  return found;
}
