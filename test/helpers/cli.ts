/**
 * Runs the real `plenary` command line in a child process, on its own temporary store and config. It runs the
 * build that test/helpers/build-cli.ts compiles from the current sources at the start of the run (not ./dist, which
 * may be stale), so tests see the current code and each child starts without tsx; PLENARY_TEST_TSX=1 (or a run
 * without that global setup) runs the TypeScript sources through tsx instead.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { inject } from 'vitest';
import { BUILD_STATUS } from './build-cli.ts';

export const CLI_SOURCE = resolve('cli/main.ts');
/** The installed command (runs the dist/ build that `npm install` makes); spawnCli runs the sources instead. */
export const BIN = resolve('bin/plenary.js');

export function tempDeployment(config: unknown) {
  const dir = mkdtempSync(join(tmpdir(), 'plenary-cli-'));
  const configPath = join(dir, 'plenary.config.json');
  writeFileSync(configPath, JSON.stringify(config));
  const env: NodeJS.ProcessEnv = { ...process.env, PLENARY_CONFIG: configPath, PLENARY_STORE: `sqlite://${join(dir, 'store.sqlite')}`, PORT: '0' };
  for (const name of ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN', 'DISCORD_TOKEN', 'DISCORD_APPLICATION_ID']) delete env[name];
  return { dir, env };
}

/**
 * tsc's exit status and output for this run's build, once it is done (the global setup builds beside the first
 * tests). Waits synchronously, so spawnCli stays synchronous: only a child started in the run's first seconds waits.
 */
export function cliBuild(): { status: number; output: string } | undefined {
  const dir = inject('cliBuildDir');
  if (!dir) return undefined;
  const file = join(dir, BUILD_STATUS);
  const pause = new Int32Array(new SharedArrayBuffer(4));
  const end = Date.now() + 180_000;
  while (!existsSync(file)) {
    if (Date.now() > end) return { status: -1, output: `the build in ${dir} did not finish within 180 s` };
    Atomics.wait(pause, 0, 0, 50);
  }
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** The entry point of this run's build (the bundle bin/plenary.js runs; waiting for it), or undefined to run the sources. */
export function builtCli(): string | undefined {
  const dir = inject('cliBuildDir');
  if (!dir) return undefined;
  cliBuild();
  return join(dir, 'dist', 'bundle', 'main.js');
}

export function spawnCli(args: string[], env: NodeJS.ProcessEnv): ChildProcessWithoutNullStreams {
  const built = builtCli();
  return spawn(process.execPath, built ? [built, ...args] : ['--import', 'tsx', CLI_SOURCE, ...args], { env, cwd: resolve('.') });
}

/** Runs a child process to its end, with `input` on stdin, and collects what it printed. */
export function collect(child: ChildProcessWithoutNullStreams, input = ''): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    let stdout = '';
    let stderr = '';
    // Decoded as one stream: a character split across two chunks must not turn into two replacement marks.
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

export const runCli = (args: string[], env: NodeJS.ProcessEnv, input = '') => collect(spawnCli(args, env), input);
