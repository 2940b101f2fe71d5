#!/usr/bin/env node
/**
 * The install-time build (`npm install` runs it as `prepare`): tsc compiles the TypeScript into dist/ (or the
 * folder given), then the screen's CSS and JS are copied beside their module, since tsc copies only TypeScript
 * and adapters/web/server.ts serves them from there.
 */
import { spawnSync } from 'node:child_process';
import { cpSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = resolve(process.argv[2] ?? join(root, 'dist'));
const tsc = join(dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin', 'tsc');
const result = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json'), '--outDir', outDir], { stdio: 'inherit' });
if (result.status !== 0) process.exit(result.status ?? 1);
cpSync(join(root, 'adapters', 'web', 'assets'), join(outDir, 'adapters', 'web', 'assets'), { recursive: true });
