#!/usr/bin/env node
// shuangkong <command> — the compiled CLI (start, migrate, seed-demo, create-admin, backup, restore,
// export-enterprise); the server part is rebuilt first if its sources changed.
import { pathToFileURL } from 'node:url';
import { ensureBuilt, serverBundle } from '../scripts/build.mjs';

await ensureBuilt({ web: process.argv[2] === undefined || process.argv[2] === 'start' });
await import(pathToFileURL(serverBundle).href);
