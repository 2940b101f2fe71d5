#!/usr/bin/env node
/**
 * The install-time build (`npm install` runs it as `prepare`):
 * 1. tsc compiles the TypeScript into dist/ (or the folder given) with tsconfig.build.json, and the screen's CSS
 *    and JS are copied beside their module (tsc copies only TypeScript; adapters/web/server.ts serves them from there);
 * 2. esbuild bundles that JavaScript into dist/bundle/ — the entry, one chunk per lazily imported part (Slack,
 *    Discord, the screen, the command registry) and the libraries they share — which bin/plenary.js runs: a few
 *    files instead of ~250 modules to find and compile at every start (Node 20 caches no compiled code).
 *    Native, large or lazily loaded packages stay outside the bundle and load from node_modules when needed.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = resolve(process.argv[2] ?? join(root, 'dist'));
const require = createRequire(import.meta.url);
const tsc = join(dirname(require.resolve('typescript/package.json')), 'bin', 'tsc');
const result = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json'), '--outDir', outDir], { stdio: 'inherit' });
if (result.status !== 0) process.exit(result.status ?? 1);
const assets = join(root, 'adapters', 'web', 'assets');
cpSync(assets, join(outDir, 'adapters', 'web', 'assets'), { recursive: true });

/** Loaded only on the path that needs them (or native): bundling them would only move their cost. */
const EXTERNAL = ['better-sqlite3', '@slack/bolt', 'discord.js', 'express', '@resvg/resvg-js', '@keyv/redis', 'ws', 'emoji-datasource'];
const bundleDir = join(outDir, 'bundle');
rmSync(bundleDir, { recursive: true, force: true });
const { build } = await import('esbuild');
await build({
  // The digest's worker thread (cli/digest-worker.ts) is an entry of its own: a Worker runs a file.
  entryPoints: [join(outDir, 'cli', 'main.js'), join(outDir, 'cli', 'digest-worker.js')],
  outdir: bundleDir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: EXTERNAL,
  logLevel: 'warning',
  // A bundled CommonJS dependency may call require(); ES modules have none of their own.
  banner: { js: "import { createRequire as __plenaryRequire } from 'node:module'; const require = __plenaryRequire(import.meta.url);" },
});
// Every chunk sits in bundle/, so the screen's `new URL('./assets/', import.meta.url)` finds them here.
cpSync(assets, join(bundleDir, 'assets'), { recursive: true });
