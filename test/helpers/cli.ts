/**
 * Runs the real `plenary` command line in a child process, on its own temporary store and config. It runs the
 * TypeScript sources (through tsx), not the dist/ build that bin/plenary.js runs, so tests see the current code;
 * test/cli/build.test.ts checks the build itself.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

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

export function spawnCli(args: string[], env: NodeJS.ProcessEnv): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ['--import', 'tsx', CLI_SOURCE, ...args], { env, cwd: resolve('.') });
}

/** Runs a child process to its end, with `input` on stdin, and collects what it printed. */
export function collect(child: ChildProcessWithoutNullStreams, input = ''): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

export const runCli = (args: string[], env: NodeJS.ProcessEnv, input = '') => collect(spawnCli(args, env), input);
