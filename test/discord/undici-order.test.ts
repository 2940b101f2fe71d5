/**
 * One `plenary start` process running Slack and Discord together, as an organiser deploys it: Bolt loads first and
 * brings undici 7 (Socket Mode's), which became the process-wide HTTP dispatcher, and every Discord attachment
 * then failed ("action is not a function"). The real CLI in its own process (in-process tests share a worker in
 * which discord.js's undici loads first), both fakes, a digest posted with its Markdown file on Discord.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { startFakeDiscord, type FakeDiscord } from '../fakes/discord/fake-discord.ts';
import { startFakeSlackWebApi, type FakeSlackWebApi } from '../fakes/slack/fake-web-api.ts';
import { spawnCli, tempDeployment } from '../helpers/cli.ts';
import { until } from '../helpers/until.ts';
import { APP, BOT, GUILD, MAIN, TOKEN, U, answerOf } from './helpers.ts';

let discord: FakeDiscord;
let slack: FakeSlackWebApi;
let child: ReturnType<typeof spawnCli> | undefined;
let stderr = '';

beforeAll(async () => {
  discord = await startFakeDiscord({
    applicationId: APP, botUserId: BOT, token: TOKEN, heartbeatIntervalMs: 1000,
    users: [{ id: U.org, username: 'org' }],
    guilds: [{ id: GUILD, name: 'UN Cyber', ownerId: U.org, channels: [{ id: MAIN, name: 'main-stage', type: 0 }], roles: [], members: [{ userId: U.org }] }],
  });
  slack = await startFakeSlackWebApi();
  const { env } = tempDeployment({ conference: { name: 'Both platforms', timezone: 'UTC' }, roles: { organisers: [`discord:${U.org}`], moderators: [`discord:${U.org}`] } });
  child = spawnCli(['start'], {
    ...env,
    SLACK_BOT_TOKEN: `xoxb-${randomBytes(6).toString('hex')}`, SLACK_SIGNING_SECRET: randomBytes(16).toString('hex'), SLACK_API_URL: slack.apiUrl,
    DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APP, DISCORD_API_URL: `${discord.restApi}/v10/`, DISCORD_GUILD_ID: GUILD,
  });
  child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString('utf8')));
  await until(() => discord.gateway.received.some((p) => p.op === 2), 30_000).catch((error) => {
    throw new Error(`the CLI never identified on the gateway: ${stderr}`, { cause: error });
  });
});
afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child!.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  await discord?.close();
  await slack?.close();
});

const slash = async (name: string, subcommand: string | undefined, options: Record<string, string | boolean> = {}) =>
  answerOf(discord, discord.sendChatInput({ userId: U.org, channelId: MAIN, name, subcommand, options }).id);

describe('Slack and Discord in one process', () => {
  it('posts a Discord digest with its Markdown file', async () => {
    await slash('session', 'start', { title: 'Attachments' });
    await slash('digest', undefined, { post: true, format: 'md' });
    const withFile = await until(() => discord.messages(MAIN).find((m) => (m.attachments ?? []).length > 0), 20_000).catch((error) => {
      throw new Error(`no message with an attachment; the bot said: ${stderr}`, { cause: error });
    });
    expect(withFile.attachments!.map((a) => a.filename)).toContainEqual(expect.stringMatching(/\.md$/));
    expect(stderr).not.toMatch(/action is not a function/);
  });
});
