import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const rootDir = path.dirname(fileURLToPath(import.meta.url));
const outDir = path.join(rootDir, 'dist/web');
const phoneHtml = path.join(rootDir, 'src/phone/index.html');

const webRoot = path.join(rootDir, 'src/web');
/** Where the phone HTML sits as far as the build is concerned: inside the office root, so it is emitted as m/index.html. */
const phoneHtmlInRoot = path.join(webRoot, 'm/index.html');

/** The phone HTML with its script path made relative to where the build believes the HTML lives. */
function phoneHtmlSource(): string {
  const main = path.relative(path.dirname(phoneHtmlInRoot), path.join(path.dirname(phoneHtml), 'main.tsx')).split(path.sep).join('/');
  return fs.readFileSync(phoneHtml, 'utf8').replace('src="./main.tsx"', `src="${main}"`);
}

/**
 * The phone pages a QR code opens are their own light entry (DESIGN.md, Front end): written in
 * src/phone/index.html, built to dist/web/m/index.html and served at /m/… (assets stay in /assets).
 * The HTML stands in for src/web/m/index.html (no such file), because an emitted HTML must lie
 * inside the build root; in dev, /m and /m/* answer the same HTML.
 */
function phoneEntry(): Plugin {
  return {
    name: 'shuangkong-phone-entry',
    enforce: 'pre',
    resolveId(id) {
      return path.resolve(id) === phoneHtmlInRoot ? phoneHtmlInRoot : null;
    },
    load(id) {
      return id === phoneHtmlInRoot ? phoneHtmlSource() : null;
    },
    configureServer(server) {
      server.middlewares.use(async (req, res, next) => {
        const url = req.url ?? '';
        if (req.method !== 'GET' || !/^\/m(\/|$|\?)/.test(url) || !(req.headers.accept ?? '').includes('text/html')) return next();
        res.setHeader('Content-Type', 'text/html');
        // Dev serves the script by its file path: /m/… URLs are client routes, not folders.
        const html = fs.readFileSync(phoneHtml, 'utf8').replace('src="./main.tsx"', `src="/@fs${path.join(path.dirname(phoneHtml), 'main.tsx')}"`);
        res.end(await server.transformIndexHtml(url, html));
      });
    },
  };
}

/** The files the phone shell loads: its HTML and what that HTML names (entry script, preloads, CSS). */
function phoneShellFiles(): Set<string> {
  const html = fs.readFileSync(path.join(outDir, 'm/index.html'), 'utf8');
  const named = [...html.matchAll(/(?:src|href)="\/([^"]+\.(?:js|css))"/g)].map((m) => m[1] as string);
  return new Set(['m/index.html', ...named]);
}

/**
 * The installable, offline-first phone app (issue 8 §8), built by vite-plugin-pwa (Workbox
 * generateSW): a service worker at /m/sw.js (scope /m/) that precaches the phone shell and only
 * its assets — not the office's — and answers every /m/… navigation with the cached shell, so a QR
 * code scanned in a dead zone still opens the page; the data comes from the copy the phone keeps
 * (use-api.ts) and reports wait in the outbox. Registered by src/phone/main.tsx (no inline script:
 * the CSP forbids it); the web app manifest is src/web/public/phone.webmanifest.
 */
const phonePwa = VitePWA({
  strategies: 'generateSW',
  injectRegister: false,
  manifest: false,
  outDir: path.join(outDir, 'm'),
  filename: 'sw.js',
  scope: '/m/',
  workbox: {
    globDirectory: outDir,
    globPatterns: ['m/index.html', 'assets/*.{js,css}'],
    modifyURLPrefix: { '': '/' },
    manifestTransforms: [
      async (entries) => {
        const shell = phoneShellFiles();
        return { manifest: entries.filter((e) => shell.has(e.url.replace(/^\//, ''))), warnings: [] };
      },
    ],
    navigateFallback: '/m/index.html',
    navigateFallbackAllowlist: [/^\/m(\/|$)/],
    inlineWorkboxRuntime: true,
    cleanupOutdatedCaches: true,
    clientsClaim: true,
    skipWaiting: true,
    maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
  },
});

export default defineConfig({
  root: webRoot,
  plugins: [react(), phoneEntry(), phonePwa],
  build: {
    outDir,
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      input: { main: path.join(rootDir, 'src/web/index.html'), phone: phoneHtmlInRoot },
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
});
