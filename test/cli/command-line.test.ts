/** The command line behaves: usage errors exit 2, failures are one line with exit 1, pipes close quietly. */
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, spawnCli, tempDeployment } from '../helpers/cli.ts';

const CONFIG = { conference: { name: 'CLI Conference', timezone: 'Asia/Shanghai' } };

describe('plenary command line', () => {
  it('refuses unknown flags and commands with usage and exit 2', async () => {
    const { env } = tempDeployment(CONFIG);
    // Independent runs, started together: the test waits on process start-up, not the CPU.
    const [flag, unknownFlag, command, url] = await Promise.all([
      runCli(['digest', '-f', 'csv'], env), runCli(['digest', '--fromat', 'csv'], env), runCli(['digets'], env), runCli(['manifest', '--url'], env),
    ]);
    expect(flag.code).toBe(2);
    expect(flag.stdout).toBe('');
    expect(flag.stderr).toMatch(/^plenary: digest: unexpected "-f"\nusage: plenary digest \[--date YYYY-MM-DD\] \[--format md\|json\|csv\]/);
    expect([unknownFlag.code, unknownFlag.stderr.split('\n')[0]]).toEqual([2, 'plenary: digest: unknown option --fromat']);
    expect(command.code).toBe(2);
    expect(command.stderr).toMatch(/unknown command "digets"; known: start, demo, digest, manifest, discord register\nusage: plenary <command>/);
    expect(url.stderr).toMatch(/--url needs a value/);
  });

  it('--help works for each subcommand, exit 0', async () => {
    const { env } = tempDeployment(CONFIG);
    const cases = [[['digest', '--help'], 'usage: plenary digest'], [['manifest', '-h'], 'usage: plenary manifest'], [['discord', 'register', '--help'], 'usage: plenary discord register'], [['--help'], 'usage: plenary <command>']] as const;
    const runs = await Promise.all(cases.map(([args]) => runCli([...args], env)));
    cases.forEach(([args, want], i) => expect([runs[i].code, runs[i].stdout.split('\n')[0].startsWith(want)], args.join(' ')).toEqual([0, true]));
  });

  it('plenary digest on a store that does not exist says so, exits 1 and creates nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plenary-nostore-'));
    const env = { ...tempDeployment(CONFIG).env, PLENARY_STORE: `sqlite://${join(dir, 'data', 'plenary.sqlite')}` };
    const run = await runCli(['digest'], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`plenary: no store at ${join(dir, 'data', 'plenary.sqlite')} (PLENARY_STORE=${env.PLENARY_STORE}): set PLENARY_STORE to the bot’s store, or run plenary start first\n`);
    expect(existsSync(join(dir, 'data'))).toBe(false);
  });

  it('store and config failures are one line naming what to fix, exit 1, no stack', async () => {
    const { env, dir } = tempDeployment(CONFIG);
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '\uFEFF{\n  "conference": {"name": "X"},\n  "roles": {"organizers": ["console:a"]},\n  oops\n}');
    const [redis, bad, missing, syntax] = await Promise.all([
      runCli(['digest'], { ...env, PLENARY_STORE: 'redis://127.0.0.1:1' }),
      runCli(['digest'], { ...env, PLENARY_STORE: 'postgres://x' }),
      runCli(['digest'], { ...env, PLENARY_CONFIG: join(dir, 'nope.json') }),
      runCli(['digest'], { ...env, PLENARY_CONFIG: broken }),
    ]);
    expect(redis.code).toBe(1);
    expect(redis.stderr).toMatch(/^plenary: cannot open the store redis:\/\/127\.0\.0\.1:1 \(.*\): check PLENARY_STORE\n$/);
    expect([bad.code, bad.stderr.trim().split('\n').length]).toEqual([1, 1]);
    expect(bad.stderr).toMatch(/PLENARY_STORE/);
    expect(missing.stderr).toBe(`plenary: ${join(dir, 'nope.json')}: cannot be read (no such file); fix PLENARY_CONFIG or create the file\n`);
    expect(syntax.code).toBe(1);
    expect(syntax.stderr).toMatch(/^plenary: .*broken\.json: is not valid JSON: .* at line 4, column 3\n$/);
    for (const run of [redis, bad, missing, syntax]) expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('piped output ends quietly when the reader closes early', async () => {
    const { env } = tempDeployment(CONFIG);
    const result = await new Promise<{ code: number | null; stderr: string }>((done) => {
      const child = spawnCli(['manifest'], env);
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      child.stdout.once('data', () => child.stdout.destroy());
      child.on('close', (code) => done({ code, stderr }));
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });
});
