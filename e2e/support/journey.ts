/* A journey's fixtures: the real server (demo-seeded unless told otherwise) and Debian's Chromium,
 * started together in beforeAll and closed together in afterAll. */
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser.js';
import { startServer, type StartServerOptions, type TestServer } from './server.js';

export async function openJourney(options?: StartServerOptions): Promise<{ server: TestServer; browser: Browser }> {
  const server = await startServer(options);
  try {
    return { server, browser: await launchBrowser() };
  } catch (error) {
    await server.close();
    throw error;
  }
}

/** Closes what openJourney started; either may be missing when beforeAll failed half-way. */
export async function closeJourney({ server, browser }: { server?: TestServer; browser?: Browser }): Promise<void> {
  await browser?.close();
  await server?.close();
}
