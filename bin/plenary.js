#!/usr/bin/env node
// The `plenary` command: runs the JavaScript that `npm install` compiled and bundled into dist/bundle/ (the
// `prepare` script, bin/build.js), so starting costs no TypeScript compilation. Tests and the bench load the
// TypeScript sources or dist/cli/ instead.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/bundle/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('plenary: the build is missing (dist/); run `npm install` or `npm run build` first\n');
  process.exit(1);
}
await import(entry.href);
