/**
 * The build that `npm install` makes (the `prepare` script: bin/build.js, which runs tsc -p tsconfig.build.json and copies the screen's assets) and that bin/plenary.js
 * runs. Built into a temporary copy of the package layout, so the test neither needs nor touches ./dist: once per
 * run by test/helpers/build-cli.ts (which the other tests' child processes run too), or here when that is off.
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { cliBuild, collect } from '../helpers/cli.ts';

const ROOT = resolve('.');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
let dir = '';
let ownBuild = false;

const run = (args: string[], env: NodeJS.ProcessEnv, input = '') =>
  collect(spawn(process.execPath, [join(dir, 'bin', 'plenary.js'), ...args], { env, cwd: dir }), input);

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

describe('the compiled build', () => {
  beforeAll(() => {
    dir = inject('cliBuildDir');
    if (dir) {
      const built = cliBuild();
      expect(built?.status, built?.output).toBe(0);
      return;
    }
    ownBuild = true;
    dir = mkdtempSync(join(tmpdir(), 'plenary-build-'));
    mkdirSync(join(dir, 'bin'));
    copyFileSync(join(ROOT, 'bin', 'plenary.js'), join(dir, 'bin', 'plenary.js'));
    copyFileSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
    const tsc = spawnSync(process.execPath, [join(ROOT, 'bin', 'build.js'), join(dir, 'dist')], { encoding: 'utf8' });
    expect(tsc.status, tsc.stdout + tsc.stderr).toBe(0);
  }, 120_000);
  afterAll(() => {
    if (ownBuild) rmSync(dir, { recursive: true, force: true });
  });

  it('is what `npm install` makes: the prepare script runs the build config', () => {
    expect(pkg.scripts.prepare).toBe('node bin/build.js');
    expect(readFileSync(join(ROOT, 'bin', 'build.js'), 'utf8')).toMatch(/tsconfig\.build\.json/);
    expect(pkg.bin.plenary).toBe('bin/plenary.js');
    expect(readFileSync(join(ROOT, '.gitignore'), 'utf8').split('\n')).toContain('dist/');
    expect(pkg.dependencies.tsx, 'no TypeScript loader at run time').toBeUndefined();
  });

  it('carries the screen\'s CSS and JS beside the module that serves them', () => {
    for (const asset of readdirSync(join(ROOT, 'adapters', 'web', 'assets'))) {
      expect(readFileSync(join(dir, 'dist', 'adapters', 'web', 'assets', asset), 'utf8')).toBe(readFileSync(join(ROOT, 'adapters', 'web', 'assets', asset), 'utf8'));
      // bin/plenary.js runs the bundle, whose chunks all sit in dist/bundle/: the screen looks for ./assets/ there.
      expect(readFileSync(join(dir, 'dist', 'bundle', 'assets', asset), 'utf8')).toBe(readFileSync(join(ROOT, 'adapters', 'web', 'assets', asset), 'utf8'));
    }
  });

  it('emits JavaScript whose relative imports name .js files, never .ts', () => {
    const files = filesUnder(join(dir, 'dist'));
    expect(files.some((f) => f.endsWith(join('cli', 'main.js')))).toBe(true);
    for (const file of files.filter((f) => f.endsWith('.js'))) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/(from\s*|import\()\s*['"]\.{1,2}\/[^'"]*\.ts['"]/);
      expect(text, file).not.toMatch(/['"]tsx(\/[^'"]*)?['"]/);
    }
  });

  it('runs the terminal from the build: a panel from stdin, then the JSON digest', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, PLENARY_STORE: `sqlite://${join(mkdtempSync(join(tmpdir(), 'plenary-built-store-')), 'store.sqlite')}` };
    for (const name of ['PLENARY_CONFIG', 'SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN', 'DISCORD_TOKEN', 'DISCORD_APPLICATION_ID', 'NODE_OPTIONS']) delete env[name];
    const panel = ['/session start Built panel', '/speaker add ana Ana', '/priority add ana Keep it compiled', '/priority post all', 'bo: /react P1 support', '/help'].join('\n');
    const started = await run(['start'], env, panel);
    expect(started.stderr).toBe('');
    expect(started.code).toBe(0);
    expect(started.stdout).toContain('Keep it compiled');
    expect(started.stdout).toContain('/react');
    const digest = await run(['digest', '--format', 'json'], env);
    expect(digest.code, digest.stderr).toBe(0);
    const parsed = JSON.parse(digest.stdout);
    expect(parsed.totals).toMatchObject({ sessions: 1, proposals: 1, reactions: 1 });
    expect(parsed.sessions[0].proposals[0]).toMatchObject({ code: 'P1', support: 1 });
  });

  it('says how to build when the build is missing, instead of a stack trace', async () => {
    const bare = mkdtempSync(join(tmpdir(), 'plenary-nobuild-'));
    try {
      mkdirSync(join(bare, 'bin'));
      copyFileSync(join(ROOT, 'bin', 'plenary.js'), join(bare, 'bin', 'plenary.js'));
      copyFileSync(join(ROOT, 'package.json'), join(bare, 'package.json'));
      const result = spawnSync(process.execPath, [join(bare, 'bin', 'plenary.js'), 'help'], { encoding: 'utf8' });
      expect(result.status).toBe(1);
      expect(result.stderr.trim()).toBe('plenary: the build is missing (dist/); run `npm install` or `npm run build` first');
    } finally {
      rmSync(bare, { recursive: true, force: true });
    }
  });
});
