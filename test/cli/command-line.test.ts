/** The command line behaves: usage errors exit 2, failures are one line with exit 1, pipes close quietly. */
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { BIN, runCli, tempDeployment } from '../helpers/cli.ts';

const CONFIG = { conference: { name: 'CLI Conference', timezone: 'Asia/Shanghai' } };

describe('plenary command line', () => {
  it('refuses unknown flags and commands with usage and exit 2', async () => {
    const { env } = tempDeployment(CONFIG);
    const flag = await runCli(['digest', '-f', 'csv'], env);
    expect(flag.code).toBe(2);
    expect(flag.stdout).toBe('');
    expect(flag.stderr).toMatch(/^plenary: digest: unexpected "-f"\nusage: plenary digest \[--date YYYY-MM-DD\] \[--format md\|json\|csv\]/);
    const unknownFlag = await runCli(['digest', '--fromat', 'csv'], env);
    expect([unknownFlag.code, unknownFlag.stderr.split('\n')[0]]).toEqual([2, 'plenary: digest: unknown option --fromat']);
    const command = await runCli(['digets'], env);
    expect(command.code).toBe(2);
    expect(command.stderr).toMatch(/unknown command "digets"; known: start, demo, digest, manifest, discord register\nusage: plenary <command>/);
    expect((await runCli(['manifest', '--url'], env)).stderr).toMatch(/--url needs a value/);
  });

  it('--help works for each subcommand, exit 0', async () => {
    const { env } = tempDeployment(CONFIG);
    for (const [args, want] of [[['digest', '--help'], 'usage: plenary digest'], [['manifest', '-h'], 'usage: plenary manifest'], [['discord', 'register', '--help'], 'usage: plenary discord register'], [['--help'], 'usage: plenary <command>']] as const) {
      const run = await runCli([...args], env);
      expect([run.code, run.stdout.split('\n')[0].startsWith(want)], args.join(' ')).toEqual([0, true]);
    }
  });

  it('plenary digest on a store that does not exist says so, exits 1 and creates nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plenary-nostore-'));
    const env = { ...tempDeployment(CONFIG).env, PLENARY_STORE: `sqlite://${join(dir, 'data', 'plenary.sqlite')}` };
    const run = await runCli(['digest'], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`plenary: no store at ${join(dir, 'data', 'plenary.sqlite')} (PLENARY_STORE=${env.PLENARY_STORE}): set PLENARY_STORE to the bot's store, or run plenary start first\n`);
    expect(existsSync(join(dir, 'data'))).toBe(false);
  });

  it('store and config failures are one line naming what to fix, exit 1, no stack', async () => {
    const { env, dir } = tempDeployment(CONFIG);
    const redis = await runCli(['digest'], { ...env, PLENARY_STORE: 'redis://127.0.0.1:1' });
    expect(redis.code).toBe(1);
    expect(redis.stderr).toMatch(/^plenary: cannot open the store redis:\/\/127\.0\.0\.1:1 \(.*\): check PLENARY_STORE\n$/);
    const bad = await runCli(['digest'], { ...env, PLENARY_STORE: 'postgres://x' });
    expect([bad.code, bad.stderr.trim().split('\n').length]).toEqual([1, 1]);
    expect(bad.stderr).toMatch(/PLENARY_STORE/);
    const missing = await runCli(['digest'], { ...env, PLENARY_CONFIG: join(dir, 'nope.json') });
    expect(missing.stderr).toBe(`plenary: ${join(dir, 'nope.json')}: cannot be read (no such file); fix PLENARY_CONFIG or create the file\n`);
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '\uFEFF{\n  "conference": {"name": "X"},\n  "roles": {"organizers": ["console:a"]},\n  oops\n}');
    const syntax = await runCli(['digest'], { ...env, PLENARY_CONFIG: broken });
    expect(syntax.code).toBe(1);
    expect(syntax.stderr).toMatch(/^plenary: .*broken\.json: is not valid JSON: .* at line 4, column 3\n$/);
    for (const run of [redis, bad, missing, syntax]) expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('piped output ends quietly when the reader closes early', async () => {
    const { env } = tempDeployment(CONFIG);
    const result = await new Promise<{ code: number | null; stderr: string }>((done) => {
      const child = spawn(process.execPath, [BIN, 'manifest'], { env });
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      child.stdout.once('data', () => child.stdout.destroy());
      child.on('close', (code) => done({ code, stderr }));
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });
});
