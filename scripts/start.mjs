// `npm start`: builds only what changed since the last build (nothing, usually), then runs the
// compiled server (dist/server/cli.js) in this process — no TypeScript is transpiled at start.
import { pathToFileURL } from 'node:url';
import { ensureBuilt, serverBundle } from './build.mjs';

await ensureBuilt();
await import(pathToFileURL(serverBundle).href);
