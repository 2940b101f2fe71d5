/**
 * `plenary start` that cannot start says why in one line naming the variable to fix, exits 1, and
 * prints no stack: an unopenable store (a directory, a path under a file, a file that is no database), a Slack
 * or Discord bot token the platform rejects, a Redis URL with a password where nothing listens (the password is
 * masked).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempDeployment } from '../helpers/cli.ts';
import { startFakeSlackWebApi, type FakeSlackWebApi } from '../fakes/slack/fake-web-api.ts';
import { startFakeDiscord, type FakeDiscord } from '../fakes/discord/fake-discord.ts';

const CONFIG = { conference: { name: 'Start-up', timezone: 'UTC' } };

function expectOneLine(run: { code: number | null; stdout: string; stderr: string }, variable: RegExp) {
  expect(run.code, run.stderr).toBe(1);
  const lines = run.stderr.split('\n').filter((l) => l.trim() !== '');
  expect(lines, run.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^plenary: /);
  expect(lines[0]).toMatch(variable);
  expect(run.stderr).not.toMatch(/^\s+at /m);
  return lines[0];
}

// Concurrent: each case is its own process and deployment; the file waits on their start-up, not the CPU.
describe.concurrent('plenary start: start-up failures are one line', () => {
  let api: FakeSlackWebApi;
  let discord: FakeDiscord;
  beforeAll(async () => {
    api = await startFakeSlackWebApi({ validTokens: ['xoxb-the-real-one'] });
    discord = await startFakeDiscord({ applicationId: '900000000000000001', botUserId: '900000000000000002', token: 'the.real.discord-token', guilds: [] });
  });
  afterAll(async () => {
    await api?.close();
    await discord?.close();
  });

  it('a store path that is a directory', async () => {
    const { dir, env } = tempDeployment(CONFIG);
    mkdirSync(join(dir, 'a-directory'));
    env.PLENARY_STORE = `sqlite://${join(dir, 'a-directory')}`;
    expectOneLine(await runCli(['start'], env), /PLENARY_STORE/);
  });

  it('a store path under a file', async () => {
    const { dir, env } = tempDeployment(CONFIG);
    writeFileSync(join(dir, 'plain-file'), 'not a directory');
    env.PLENARY_STORE = `sqlite://${join(dir, 'plain-file', 'store.sqlite')}`;
    expectOneLine(await runCli(['start'], env), /PLENARY_STORE/);
  });

  it('a store file that is not a database', async () => {
    const { dir, env } = tempDeployment(CONFIG);
    writeFileSync(join(dir, 'garbage.sqlite'), 'this is not an SQLite database, just text '.repeat(200));
    env.PLENARY_STORE = `sqlite://${join(dir, 'garbage.sqlite')}`;
    expectOneLine(await runCli(['start'], env), /PLENARY_STORE/);
  });

  it('a Slack bot token the Web API rejects (auth.test invalid_auth)', async () => {
    const { env } = tempDeployment(CONFIG);
    Object.assign(env, { SLACK_BOT_TOKEN: 'xoxb-revoked', SLACK_SIGNING_SECRET: 'secret', SLACK_API_URL: api.apiUrl, PLENARY_STORE: 'memory://' });
    const line = expectOneLine(await runCli(['start'], env), /SLACK_BOT_TOKEN/);
    expect(line).toMatch(/invalid_auth/);
    expect(line).not.toContain('xoxb-revoked');
    expect(api.callsTo('auth.test').length).toBeGreaterThan(0);
  });

  it('a Discord bot token the API rejects (401)', async () => {
    const { env } = tempDeployment(CONFIG);
    Object.assign(env, { DISCORD_TOKEN: 'revoked.discord-token', DISCORD_APPLICATION_ID: '900000000000000001', DISCORD_API_URL: `${discord.restApi}/v10/`, PLENARY_STORE: 'memory://' });
    const line = expectOneLine(await runCli(['start'], env), /Discord rejected DISCORD_TOKEN/);
    expect(line).not.toContain('revoked.discord-token');
    expect(discord.calls.length).toBeGreaterThan(0); // it really asked Discord
  });

  it('a Redis store URL with a password where nothing listens: one line, the password masked', async () => {
    const { env } = tempDeployment(CONFIG);
    env.PLENARY_STORE = 'redis://admin:hunter2@127.0.0.1:1';
    const run = await runCli(['start'], env);
    const line = expectOneLine(run, /PLENARY_STORE/);
    expect(line).toContain('redis://admin:***@127.0.0.1:1');
    expect(run.stderr + run.stdout).not.toContain('hunter2');
  });

  it('URLs with passwords that the configuration refuses are masked in its problems', async () => {
    const { env } = tempDeployment(CONFIG);
    Object.assign(env, { PLENARY_STORE: 'ftp://admin:hunter2@files.example', SLACK_API_URL: 'ftp://bot:hunter3@api.example/', SLACK_BOT_TOKEN: 'xoxb-x', SLACK_SIGNING_SECRET: 's' });
    const run = await runCli(['start'], env);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toContain('ftp://admin:***@files.example');
    expect(run.stderr).toContain('ftp://bot:***@api.example/');
    expect(run.stderr + run.stdout).not.toMatch(/hunter[23]/);
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });
});
