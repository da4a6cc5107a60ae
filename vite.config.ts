import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

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

export default defineConfig({
  root: webRoot,
  plugins: [react(), phoneEntry()],
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
