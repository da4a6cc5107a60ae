/* npm run bench:instructions — the API and the bare route of each bench scenario (bench/scenarios.ts)
 * measured in CPU instructions per request, counted by valgrind's callgrind, not in CPU time.
 *
 * Why: CPU time per request on a shared 2-core machine moves ±5 % with what else runs (the ratios of
 * `npm run bench` are read on a quiet machine); an instruction count does not. It is the tool for
 * finding where a request's work goes and for checking that a change removed some: keep the dump
 * (BENCH_KEEP=true) and read it with `callgrind_annotate --inclusive=no` (native functions by name:
 * SQLite, V8's JSON, Date formatting, string conversion; JIT-compiled JavaScript shows as addresses —
 * use `npm run bench` with BENCH_NODE_ARGS='--cpu-prof' for that). It measured, among others, one SQLite
 * re-prepare per submission (STAT4 statistics) and V8's toISOString at 3.8 % of a submission.
 *
 * Counts include V8's background threads (its optimizing compiler and GC); a run that holds a major GC
 * or a late compile reads higher, so each side runs BENCH_ROUNDS times (alternating) and the lowest is
 * reported. Sequential requests (one connection). Slow: ~50× under valgrind; the server's start and the
 * warm-up (BENCH_WARM requests per side, 300) take most of it.
 * Env: BENCH_ONLY (scenario name words, as `npm run bench`; default create,submission,page 1),
 * BENCH_DB (sqlite|postgres; sqlite), BENCH_HAZARDS (1000), BENCH_N (requests per measured run, 60),
 * BENCH_ROUNDS (2), BENCH_WARM (300), BENCH_KEEP. Needs valgrind (a Debian package). */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
// @ts-expect-error — a plain .mjs build script without type declarations
import { buildBenchServer } from '../scripts/build.mjs';
import { allScenarios, type ServerInfo } from './scenarios.js';

const only = (process.env.BENCH_ONLY ?? 'create,submission,page 1').split(',').map((w) => w.trim().toLowerCase()).filter(Boolean);
const scenarios = allScenarios.filter((s) => only.some((w) => s.name.toLowerCase().includes(w)));
const n = Number(process.env.BENCH_N ?? 60);
const rounds = Number(process.env.BENCH_ROUNDS ?? 2);
const warm = Number(process.env.BENCH_WARM ?? 300);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sk-instructions-'));

const server = (await buildBenchServer()) as string;
const productNodeFlags: string[] = JSON.parse(fs.readFileSync('package.json', 'utf8')).scripts.start.match(/--[\w-]+=\S+/g) ?? [];
const child = spawn('valgrind', ['--tool=callgrind', `--callgrind-out-file=${dir}/cg.%p`, '--smc-check=all-non-file', process.execPath, ...productNodeFlags, server], {
  env: { ...process.env, BENCH_DB: process.env.BENCH_DB ?? 'sqlite', BENCH_HAZARDS: process.env.BENCH_HAZARDS ?? '1000', BENCH_RECORDS: process.env.BENCH_RECORDS ?? '20000', LOG_LEVEL: 'warn' },
  stdio: ['ignore', 'pipe', 'ignore'],
});
const info = await new Promise<ServerInfo>((resolve, reject) => {
  let buffer = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const line = buffer.split('\n').find((l) => l.startsWith('{"pid"'));
    if (line) resolve(JSON.parse(line) as ServerInfo);
  });
  child.once('exit', (code) => reject(new Error(`the bench server under valgrind ended (exit ${code}); is valgrind installed?`)));
});

const control = (...args: string[]) => execFileSync('callgrind_control', [...args, String(info.pid)], { stdio: 'ignore' });
/** The instructions counted since the last zeroing: callgrind dumps them to a new file. */
function dumpTotal(): number {
  control('--dump');
  const files = fs.readdirSync(dir).map((f) => path.join(dir, f)).sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs);
  const text = fs.readFileSync(files[0] as string, 'utf8');
  return Number(/^(?:summary|totals): (\d+)/m.exec(text)?.[1] ?? Number.NaN);
}
async function load(options: autocannon.Options, amount: number): Promise<void> {
  const result = await autocannon({ ...options, connections: 1, amount, timeout: 120 });
  if (result.non2xx || result.errors) throw new Error(`${options.url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
}

console.log(`instructions per request (callgrind), ${process.env.BENCH_DB ?? 'sqlite'}, ${process.env.BENCH_HAZARDS ?? '1000'} hazards; ${warm} warm-up requests, then ${rounds} × ${n} per side, alternating; lowest shown`);
console.log('scenario                              API M/req  bare M/req  bare ÷ API   all runs (API / bare)');
try {
  for (const s of scenarios) {
    await load(s.api(info), warm);
    await load(s.bare(info), warm);
    const runs: Record<'api' | 'bare', number[]> = { api: [], bare: [] };
    for (let round = 0; round < rounds; round++) {
      for (const side of ['api', 'bare'] as const) {
        control('--zero');
        await load(s[side](info), n);
        runs[side].push(dumpTotal() / n / 1e6);
      }
    }
    const api = Math.min(...runs.api);
    const bare = Math.min(...runs.bare);
    const all = `${runs.api.map((x) => x.toFixed(2)).join('/')} · ${runs.bare.map((x) => x.toFixed(2)).join('/')}`;
    console.log(`${s.name.padEnd(37)} ${api.toFixed(2).padStart(9)} ${bare.toFixed(2).padStart(11)} ${(bare / api).toFixed(2).padStart(11)}   ${all}`);
  }
} finally {
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  if (process.env.BENCH_KEEP === 'true') console.log(`callgrind dumps kept in ${dir}`);
  else fs.rmSync(dir, { recursive: true, force: true });
}
