/* Helpers of the phone journeys: the phone build kept fresh, an API client with its own session,
 * a generated photo. */
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { demoPassword } from '../support/server.js';

function newestMtime(target: string): number {
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

/** e2e/support/server.ts rebuilds for changes in src/web; the phone entry lives in src/phone. */
export function ensurePhoneBuild(): void {
  const html = path.resolve('dist/web/m/index.html');
  const sources = ['src/phone', 'src/schemas', 'src/i18n', 'src/web', 'vite.config.ts'].filter((p) => fs.existsSync(p));
  const sourceTime = Math.max(...sources.map(newestMtime));
  if (fs.existsSync(html) && fs.statSync(html).mtimeMs >= sourceTime) return;
  execSync('npx vite build', { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
}

/** A logged-in API session (cookie kept), as a person of the demo enterprise. */
export async function apiAs(baseUrl: string, username: string) {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: demoPassword }),
  });
  if (!login.ok) throw new Error(`login ${username}: ${login.status} ${await login.text()}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
  const me = (await login.json()) as { user: { id: string } };
  async function call<T>(method: string, url: string, body?: unknown): Promise<T> {
    const res = await fetch(`${baseUrl}${url}`, {
      method,
      headers: { cookie, accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${text}`);
    return (text ? JSON.parse(text) : null) as T;
  }
  return {
    userId: me.user.id,
    get: <T>(url: string) => call<T>('GET', url),
    post: <T>(url: string, body: unknown = {}) => call<T>('POST', url, body),
    put: <T>(url: string, body: unknown = {}) => call<T>('PUT', url, body),
    patch: <T>(url: string, body: unknown = {}) => call<T>('PATCH', url, body),
  };
}

/** A photo as a phone camera would give it: large, so the page has to resize it. */
export async function cameraPhoto(colour = '#c0392b'): Promise<Buffer> {
  const stripe = Buffer.from(`<svg width="2400" height="1800"><rect width="2400" height="1800" fill="${colour}"/><rect x="300" y="300" width="1800" height="300" fill="#f1c40f"/></svg>`);
  return sharp(stripe).png().toBuffer();
}
