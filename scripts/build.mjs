// `npm run build` builds what `npm start` runs, once: the web app (Vite → dist/web) and the server
// (esbuild → dist/server/cli.js, one ES module; packages stay in node_modules). `--if-stale` builds
// only a part whose sources are newer than its output (`npm ci` runs it as `prepare`; `npm start`
// runs it before starting), so a start on unchanged sources transpiles nothing.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const at = (p) => path.join(rootDir, p);
export const serverBundle = at('dist/server/cli.js');
const webIndex = at('dist/web/index.html');

const serverSources = ['src', 'package-lock.json'];
const webSources = ['src/web', 'src/phone', 'src/schemas', 'src/i18n', 'src/domain', 'src/reference', 'vite.config.ts', 'package-lock.json'];

function newestMtime(target) {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

function isStale(output, sources) {
  if (!fs.existsSync(output)) return true;
  return Math.max(...sources.map((s) => newestMtime(at(s)))) > fs.statSync(output).mtimeMs;
}

const bundledPackages = new Set(['date-fns', '@date-fns/tz', 'zod', 'kysely', 'uuidv7']);
const externalPackages = Object.keys(JSON.parse(fs.readFileSync(at('package.json'), 'utf8')).dependencies).filter((name) => !bundledPackages.has(name));

export async function buildServer() {
  const { build } = await import('esbuild');
  const started = performance.now();
  await build({
    entryPoints: [at('src/cli/main.ts')],
    outfile: serverBundle,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Native modules and large CommonJS packages stay in node_modules; the pure ES-module libraries
    // (date-fns, zod, kysely, …) are bundled, so only the functions the server uses are loaded at start.
    external: [...externalPackages],
    sourcemap: true,
    logLevel: 'warning',
  });
  console.log(`server built to dist/server/cli.js in ${Math.round(performance.now() - started)} ms`);
}

/**
 * `npm run bench`'s server (bench/suite-server.ts), compiled the way the product's server is, so the
 * process the bench measures carries no TypeScript loader: its RSS and CPU are the product's.
 */
export async function buildBenchServer() {
  const { build } = await import('esbuild');
  const outfile = at('dist/bench/suite-server.js');
  await build({
    entryPoints: [at('bench/suite-server.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: [...externalPackages],
    logLevel: 'warning',
  });
  return outfile;
}

export function buildWeb() {
  // NODE_ENV=production: the bundle users get, whatever the calling shell has set.
  execFileSync(process.execPath, [at('node_modules/vite/bin/vite.js'), 'build'], { cwd: rootDir, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
}

/** Builds the stale parts (or all with `force`); returns what was built. */
export async function ensureBuilt({ force = false, web = true } = {}) {
  const built = [];
  if (web && (force || isStale(webIndex, webSources))) {
    buildWeb();
    built.push('web');
  }
  if (force || isStale(serverBundle, serverSources)) {
    await buildServer();
    built.push('server');
  }
  return built;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  await ensureBuilt({ force: !args.includes('--if-stale'), web: !args.includes('--server-only') });
}
