/* npm run bench — the product's API against a bare Fastify route doing the same SQL (lists) or the
 * same core writes (create, submission), at 1,000 and 50,000 hazards, on SQLite and PostgreSQL.
 *
 * Honest by construction: the server runs in its own process (bench/suite-server.ts) and this
 * process only generates load, so the CPU per request is the server's own, read from
 * /proc/<pid>/stat; a server per size runs at once and the runs alternate API/bare and 1k/50k (benchKind)
 * so drift in machine load hits both sides of each ratio; the machine's load average is printed with the figures. PostgreSQL's own backends are separate
 * processes: their CPU is not in "CPU/req".
 * Env: BENCH_DB=sqlite|postgres|both, BENCH_SIZES=1000,50000, BENCH_SECONDS (per run, 1.5),
 * BENCH_CONNECTIONS (10), BENCH_ROUNDS (rounds of alternating runs, 5), BENCH_WARM_SECONDS (an unmeasured run of each side first, 1), BENCH_RECORDS (inspection records, 20 per task, 20000; 1000000 generates in
 * ~90 s on PostgreSQL: the "records:" scenarios), BENCH_DURABILITY=false skips the
 * SQLite synchronous FULL-vs-NORMAL comparison, BENCH_START=false the start-to-ready timing,
 * BENCH_MAIN=false the API-vs-bare runs (only start and durability then), BENCH_COUNTY=false the county
 * view at BENCH_ENTERPRISES (10000) enterprises on PostgreSQL (bench/county-server.ts),
 * BENCH_ONLY=create,submission runs only the scenarios whose name contains one of these words
 * (case-insensitive; the ratio table then lists those), BENCH_NODE_ARGS passes flags to the server's
 * node (profile it: BENCH_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof'). */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import autocannon from 'autocannon';
// @ts-expect-error — a plain .mjs build script without type declarations
import { buildBenchServer } from '../scripts/build.mjs';
import { adminDatabaseUrl, isPostgresReachable } from '../src/server/test/scratch-db.js';
import { allScenarios, get, type ServerInfo } from './scenarios.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 1.5);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const sizes = (process.env.BENCH_SIZES ?? '1000,50000').split(',').map(Number);
const which = process.env.BENCH_DB ?? 'both';
const ticksPerSecond = 100; // USER_HZ on Linux

const only = (process.env.BENCH_ONLY ?? '').split(',').map((w) => w.trim().toLowerCase()).filter(Boolean);
const scenarios = only.length ? allScenarios.filter((s) => only.some((w) => s.name.toLowerCase().includes(w))) : allScenarios;

function cpuTicks(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]); // utime + stime
}

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

interface Run {
  requests: number;
  errors: number;
  latencies: number[];
  cpuMs: number;
  seconds: number;
  rssPeak: number;
}

function once(options: autocannon.Options, pid: number, duration = seconds): Promise<Run> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    let rssPeak = rssMb(pid);
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, rssMb(pid))), 200);
    const cpu0 = cpuTicks(pid);
    const t0 = performance.now();
    const instance = autocannon({ duration, connections, ...options }, (error, result) => {
      clearInterval(sampler);
      if (error) return reject(error);
      resolve({
        requests: result.requests.total,
        errors: result.errors + result.non2xx,
        latencies,
        cpuMs: ((cpuTicks(pid) - cpu0) * 1000) / ticksPerSecond,
        seconds: (performance.now() - t0) / 1000,
        rssPeak,
      });
    });
    instance.on('response', (_c, _status, _bytes, ms) => latencies.push(ms));
  });
}

interface Side {
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  cpuPerReq: number;
  errors: number;
  rssPeak: number;
}

function summarise(runs: Run[]): Side {
  const all = runs.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const q = (p: number) => all[Math.min(all.length - 1, Math.floor(p * all.length))] ?? 0;
  const requests = runs.reduce((n, r) => n + r.requests, 0);
  return {
    rps: requests / runs.reduce((n, r) => n + r.seconds, 0),
    p50: q(0.5),
    p95: q(0.95),
    p99: q(0.99),
    cpuPerReq: runs.reduce((n, r) => n + r.cpuMs, 0) / Math.max(1, requests),
    errors: runs.reduce((n, r) => n + r.errors, 0),
    rssPeak: Math.max(...runs.map((r) => r.rssPeak)),
  };
}

/** The server compiled like the product's (no TypeScript loader in the measured process). */
let benchServer: string | null = null;
/** The V8 flags `npm start` runs the product with (package.json), so the bench measures that heap. */
const productNodeFlags: string[] = JSON.parse(fs.readFileSync('package.json', 'utf8')).scripts.start.match(/--[\w-]+=\S+/g) ?? [];

async function startServer(kind: string, hazards: number, extraEnv: Record<string, string> = {}): Promise<{ child: ChildProcess; info: ServerInfo }> {
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const server = (benchServer ??= (await buildBenchServer()) as string);
  const child = spawn(process.execPath, [...productNodeFlags, ...nodeArgs, server], {
    env: { ...process.env, BENCH_DB: kind, BENCH_HAZARDS: String(hazards), LOG_LEVEL: 'warn', ...extraEnv },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = readline.createInterface({ input: child.stdout as NodeJS.ReadableStream });
  for await (const line of lines) {
    if (line.startsWith('{"pid"')) return { child, info: JSON.parse(line) as ServerInfo };
  }
  throw new Error(`bench server for ${kind} ended before it was ready`);
}

async function stopServer(child: ChildProcess): Promise<void> {
  const ended = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await ended;
}

/** Each side's summary and its runs in round order (round i of API and bare ran seconds apart). */
type Results = Map<string, { api: Side; bare: Side; apiRuns: Run[]; bareRuns: Run[] }>;

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};
const cpuPerRequest = (r: Run) => r.cpuMs / Math.max(1, r.requests);
/** bare CPU/req ÷ API CPU/req of each round: runs seconds apart, so a burst of the host's load hits one round, not the figure. */
const cpuRatios = (x: { apiRuns: Run[]; bareRuns: Run[] }) => x.apiRuns.map((a, i) => cpuPerRequest(x.bareRuns[i] as Run) / Math.max(cpuPerRequest(a), 1e-9));
const rpsOf = (r: Run) => r.requests / r.seconds;
/** Median and range, "0.91 (0.85–0.97)". */
const spread = (xs: number[]) => `${median(xs).toFixed(2)} (${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)})`;

const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const warmSeconds = Number(process.env.BENCH_WARM_SECONDS ?? 1);

/**
 * One database kind at every size at once: a server per size, started together, and each scenario's
 * runs alternating between sides and sizes — round 1 A/B at 1k then A/B at 50k, round 2 the reverse
 * (B/A at 50k, then B/A at 1k), and so on. Both ratios (API ÷ bare and 50k ÷ 1k) are then read from
 * runs seconds apart, so a change in the machine's load while the bench runs hits both sides of each.
 */
async function benchKind(kind: string): Promise<Map<number, Results>> {
  const servers = await Promise.all(sizes.map((size) => startServer(kind, size)));
  const bySize = new Map<number, Results>(sizes.map((size) => [size, new Map()]));
  try {
    console.log(`\n${kind}: ${connections} connections, ${seconds} s per run after ${warmSeconds} s of warm-up per side, ${rounds} rounds; sizes and sides alternate (A/B at each size, then B/A in reverse order)`);
    for (const [i, size] of sizes.entries()) {
      const { info } = servers[i] as { info: ServerInfo };
      console.log(`${size.toLocaleString('en')} hazards: data generated in ${(info.generatedMs / 1000).toFixed(1)} s`);
    }
    const { info: first } = servers[0] as { info: ServerInfo };
    console.log(`durability: ${Object.entries(first.durability.settings).map(([k, v]) => `${k}=${v}`).join(', ')} — ${first.durability.isDurable ? 'an acknowledged commit survives power loss' : 'NOT durable against power loss'}`);
    console.log('scenario                        hazards side     req/s   p50 ms   p95 ms   p99 ms  CPU ms/req  errors');
    for (const s of scenarios) {
      const runs = sizes.map(() => ({ api: [] as Run[], bare: [] as Run[] }));
      // Warm-up, not measured: a server in use has compiled its hot code; the first run of a side
      // otherwise pays V8's compiling of it, and the API's code is the larger.
      for (const { info } of servers) {
        await once(s.api(info), info.pid, warmSeconds);
        await once(s.bare(info), info.pid, warmSeconds);
      }
      for (let round = 0; round < rounds; round++) {
        const forward = round % 2 === 0;
        const order = forward ? [...sizes.keys()] : [...sizes.keys()].reverse();
        for (const i of order) {
          const { info } = servers[i] as { info: ServerInfo };
          const sideRuns = runs[i] as { api: Run[]; bare: Run[] };
          for (const side of forward ? ['api', 'bare'] : ['bare', 'api']) {
            if (side === 'api') sideRuns.api.push(await once(s.api(info), info.pid));
            else sideRuns.bare.push(await once(s.bare(info), info.pid));
          }
        }
      }
      for (const [i, size] of sizes.entries()) {
        const r = runs[i] as { api: Run[]; bare: Run[] };
        const api = summarise(r.api);
        const bare = summarise(r.bare);
        bySize.get(size)?.set(s.name, { api, bare, apiRuns: r.api, bareRuns: r.bare });
        for (const [label, x] of [['API', api], ['bare', bare]] as const) {
          console.log(
            `${(label === 'API' && i === 0 ? s.name : '').padEnd(31)} ${(label === 'API' ? size.toLocaleString('en') : '').padStart(7)} ${label.padEnd(5)} ${x.rps.toFixed(0).padStart(8)} ${x.p50.toFixed(1).padStart(8)} ${x.p95.toFixed(1).padStart(8)} ${x.p99.toFixed(1).padStart(8)} ${x.cpuPerReq.toFixed(2).padStart(11)} ${String(x.errors).padStart(7)}`,
          );
        }
      }
    }
    for (const size of sizes) {
      const results = [...(bySize.get(size)?.values() ?? [])];
      const peak = Math.max(...results.map((r) => Math.max(r.api.rssPeak, r.bare.rssPeak)));
      console.log(`server RSS peak under load, ${size.toLocaleString('en')} hazards: ${peak.toFixed(0)} MB`);
    }
  } finally {
    await Promise.all(servers.map((x) => stopServer(x.child)));
  }
  return bySize;
}

const load0 = os.loadavg();
const started = performance.now();
console.log(`machine: ${os.cpus().length} CPUs, load average at start ${load0.map((l) => l.toFixed(2)).join(' / ')} (1/5/15 min)`);
const all = new Map<string, Map<number, Results>>();
for (const kind of ['sqlite', 'postgres']) {
  if (process.env.BENCH_MAIN === 'false') break;
  if (which !== 'both' && which !== kind) continue;
  if (kind === 'postgres' && !(await isPostgresReachable())) {
    console.log(`PostgreSQL at ${adminDatabaseUrl} not reachable: PostgreSQL figures skipped.`);
    continue;
  }
  all.set(kind, await benchKind(kind));
}

/**
 * The cost of durability (issue 10 §6): the write scenarios against two SQLite servers, one with the
 * product's synchronous=FULL (WAL synced at every commit: survives power loss) and one with NORMAL
 * (synced at checkpoints: survives a killed process only), runs alternating FULL/NORMAL/NORMAL/FULL.
 * PostgreSQL runs with its durable defaults (fsync, synchronous_commit, full_page_writes on; printed above).
 */
async function benchDurability(): Promise<void> {
  const writes = scenarios.filter((s) => s.name === 'create hazard' || s.name === '20-item submission');
  const env = { BENCH_RECORDS: process.env.BENCH_RECORDS ?? '2000' };
  const full = await startServer('sqlite', small, { ...env, BENCH_SQLITE_SYNCHRONOUS: 'FULL' });
  const normal = await startServer('sqlite', small, { ...env, BENCH_SQLITE_SYNCHRONOUS: 'NORMAL' });
  try {
    console.log(`\nDurability cost on SQLite (WAL), ${small.toLocaleString('en')} hazards, API writes, ${connections} connections, runs F/N N/F`);
    console.log('scenario                        synchronous   req/s   p50 ms   p95 ms   p99 ms  errors');
    for (const s of writes) {
      const runs = { FULL: [] as Run[], NORMAL: [] as Run[] };
      for (const order of ['FN', 'NF']) {
        for (const side of order) {
          if (side === 'F') runs.FULL.push(await once(s.api(full.info), full.info.pid));
          else runs.NORMAL.push(await once(s.api(normal.info), normal.info.pid));
        }
      }
      const f = summarise(runs.FULL);
      const n = summarise(runs.NORMAL);
      for (const [label, x] of [['FULL', f], ['NORMAL', n]] as const) {
        console.log(
          `${(label === 'FULL' ? s.name : '').padEnd(31)} ${label.padEnd(11)} ${x.rps.toFixed(0).padStart(7)} ${x.p50.toFixed(1).padStart(8)} ${x.p95.toFixed(1).padStart(8)} ${x.p99.toFixed(1).padStart(8)} ${String(x.errors).padStart(7)}`,
        );
      }
      console.log(`${''.padEnd(31)} cost of FULL: ${((1 - f.rps / n.rps) * 100).toFixed(0)} % fewer writes/s, p50 ${(f.p50 - n.p50).toFixed(1)} ms more`);
    }
  } finally {
    await stopServer(full.child);
    await stopServer(normal.child);
  }
}

/**
 * Start to ready (issue 10 §9): `node dist/server/cli.js start` (what `npm start` runs once built) on
 * an existing SQLite database, three times; wall time from spawn until /api/health answers, and the
 * CPU the process used until ready (the wall time of a quiet machine; the load average is printed).
 */
async function benchStart(): Promise<void> {
  execFileSync(process.execPath, ['scripts/build.mjs', '--if-stale', '--server-only'], { stdio: 'ignore' });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sk-bench-start-'));
  const env = { ...process.env, DATA_DIR: dataDir, SEED_DEMO: 'false', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn' };
  try {
    execFileSync(process.execPath, ['dist/server/cli.js', 'migrate'], { env, stdio: 'ignore' });
    const walls: number[] = [];
    const cpus: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      const child = spawn(process.execPath, [...productNodeFlags, 'dist/server/cli.js', 'start'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
      const ended = new Promise((resolve) => child.once('exit', resolve));
      for await (const line of readline.createInterface({ input: child.stdout as NodeJS.ReadableStream })) {
        const m = /ready on http:\/\/localhost:(\d+).*\(CPU (\d+) ms\)/.exec(line);
        if (!m) continue;
        const res = await fetch(`http://127.0.0.1:${m[1]}/api/health`);
        if (res.ok) walls.push(performance.now() - t0);
        cpus.push(Number(m[2]));
        break;
      }
      child.kill('SIGTERM');
      await ended;
    }
    console.log(
      `\nstart to ready (node dist/server/cli.js start, existing SQLite database, /api/health answering): median ${median(walls).toFixed(0)} ms wall, ${median(cpus).toFixed(0)} ms CPU (runs: ${walls.map((w) => w.toFixed(0)).join(', ')} ms; load average ${os.loadavg()[0]?.toFixed(2)})`,
    );
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * The county view at 10,000 enterprises on PostgreSQL (issue 17 item 7): the list with a filter and a
 * sort through the API, through a bare route running the same repository query, and the query alone.
 */
async function benchCounty(): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/county-server.ts'], { env: { ...process.env, BENCH_DB: 'postgres', LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'inherit'] });
  let info: {
    pid: number;
    api: string;
    bare: string;
    cookie: string;
    generatedMs: number;
    sqlTimes: Record<string, { p50: number; p95: number; rows: number }>;
    campaign?: { rows: number; apiP50: number; apiP95: number; fnP50: number; fnP95: number };
    scenarios: { name: string; query: string }[];
  } | null = null;
  for await (const line of readline.createInterface({ input: child.stdout as NodeJS.ReadableStream })) {
    if (line.startsWith('{"pid"')) {
      info = JSON.parse(line);
      break;
    }
  }
  if (!info) throw new Error('county bench server ended before it was ready');
  const enterprises = Number(process.env.BENCH_ENTERPRISES ?? 10_000);
  try {
    console.log(`\npostgres, county view of ${enterprises.toLocaleString('en')} enterprises (generated in ${(info.generatedMs / 1000).toFixed(1)} s), ${connections} connections, ${seconds} s per run, runs A/B B/A A/B`);
    console.log('scenario                        side     req/s   p50 ms   p95 ms   p99 ms  CPU ms/req  errors');
    for (const [i, s] of info.scenarios.entries()) {
      const runs = { A: [] as Run[], B: [] as Run[] };
      for (const order of ['AB', 'BA', 'AB']) {
        for (const side of order) {
          if (side === 'A') runs.A.push(await once(get(`${info.api}/api/v1/oversight/county?limit=50&${s.query}`, info.cookie), info.pid));
          else runs.B.push(await once(get(`${info.bare}/county?s=${i}`), info.pid));
        }
      }
      for (const [label, x] of [['API', summarise(runs.A)], ['bare', summarise(runs.B)]] as const) {
        console.log(
          `${(label === 'API' ? `county: ${s.name}` : '').padEnd(31)} ${label.padEnd(5)} ${x.rps.toFixed(0).padStart(8)} ${x.p50.toFixed(1).padStart(8)} ${x.p95.toFixed(1).padStart(8)} ${x.p99.toFixed(1).padStart(8)} ${x.cpuPerReq.toFixed(2).padStart(11)} ${String(x.errors).padStart(7)}`,
        );
      }
      const q = info.sqlTimes[s.name];
      if (q) console.log(`${''.padEnd(31)} SQL alone (300 sequential runs): p50 ${q.p50.toFixed(2)} ms, p95 ${q.p95.toFixed(2)} ms, ${q.rows} rows`);
    }
    const c = info.campaign;
    if (c) {
      console.log(
        `campaign progress (${c.rows.toLocaleString('en')} enterprises: the town totals and the first page of 50; 30 sequential runs): API p50 ${c.apiP50.toFixed(1)} ms, p95 ${c.apiP95.toFixed(1)} ms; the service's one query alone p50 ${c.fnP50.toFixed(1)} ms, p95 ${c.fnP95.toFixed(1)} ms`,
      );
    }
  } finally {
    await stopServer(child);
  }
}

const [small, large] = [Math.min(...sizes), Math.max(...sizes)];
if (process.env.BENCH_COUNTY !== 'false' && (which === 'both' || which === 'postgres')) {
  if (await isPostgresReachable()) await benchCounty();
  else console.log('PostgreSQL not reachable: county-view figures skipped.');
}
if (process.env.BENCH_START !== 'false') await benchStart();
if (process.env.BENCH_DURABILITY !== 'false' && (which === 'both' || which === 'sqlite')) await benchDurability();
const kinds = [...all.keys()];
if (kinds.length) {
  console.log(`\nRatios — API ÷ bare at ${large.toLocaleString('en')} hazards (req/s, pooled; CPU: bare CPU/req ÷ API CPU/req, the median of the rounds and their range) and at ${small.toLocaleString('en')}; ${large / 1000}k ÷ ${small / 1000}k (API req/s, median of the rounds and range)`);
  const width = 58;
  const nameWidth = Math.max(31, ...scenarios.map((x) => x.name.length));
  console.log(`${'scenario'.padEnd(nameWidth)} ${kinds.map((k) => `${k}: req/s  CPU ${large / 1000}k          CPU ${small / 1000}k  size`.padEnd(width)).join('')}`);
  for (const s of scenarios) {
    const cells = kinds.map((k) => {
      const big = all.get(k)?.get(large)?.get(s.name);
      const little = all.get(k)?.get(small)?.get(s.name);
      if (!big || !little) return ''.padEnd(width);
      const rps = big.api.rps / big.bare.rps;
      const size = big.apiRuns.map((run, i) => rpsOf(run) / rpsOf(little.apiRuns[i] as Run));
      return `${' '.repeat(k.length + 2)}${rps.toFixed(2).padStart(5)}  ${spread(cpuRatios(big)).padEnd(17)} ${median(cpuRatios(little)).toFixed(2).padStart(6)}  ${spread(size)}`.padEnd(width);
    });
    console.log(`${s.name.padEnd(nameWidth)} ${cells.join('')}`);
  }
}
const load1 = os.loadavg();
console.log(`\nload average at end ${load1.map((l) => l.toFixed(2)).join(' / ')}; bench took ${((performance.now() - started) / 1000).toFixed(0)} s`);
