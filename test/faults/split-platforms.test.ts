/**
 * A session bound to Slack and Discord posts to both even when the processes are split by platform:
 * one Slack-only process and one Discord-only process (each its own store handle, core and Delivery,
 * sharing nothing but the SQLite file), real Bolt and discord.js against the platform fakes. Posts
 * made from Slack reach Discord through the durable outbox, and the other way round, each card once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeDiscord, type FakeDiscord } from '../fakes/discord/fake-discord.ts';
import { startFakeSlackWebApi, type FakeSlackWebApi } from '../fakes/slack/fake-web-api.ts';
import { signedSender } from '../fakes/slack/signed-requests.ts';
import { openStore } from '../../src/store/open-store.ts';
import { Plenary } from '../../src/plenary.ts';
import { parseConfig } from '../../src/config.ts';
import { Delivery } from '../../adapters/delivery.ts';
import { startDiscord } from '../../adapters/discord/start.ts';
import { startSlack } from '../../adapters/slack/start.ts';
import type { FactStore } from '../../src/store/fact-store.ts';
import { APP, BOT, GUILD, MAIN, MOD_ROLE, TOKEN, U, slash, sleep, textOf } from '../discord/helpers.ts';
import { until } from '../helpers/until.ts';

const SECRET = 'split-signing-secret';
const C = 'C0SPLIT';
const config = parseConfig({ roles: { organisers: ['slack:UORG'], moderators: ['slack:UMOD', `discord-role:${MOD_ROLE}`] } });
let dir = '';
let discord: FakeDiscord;
let slackApi: FakeSlackWebApi;
const stores: FactStore[] = [];
const stops: Array<() => Promise<void>> = [];
let slack: ReturnType<typeof signedSender>;
let slackCore: Plenary;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'plenary-split-'));
  const url = `sqlite://${join(dir, 'store.sqlite')}`;
  discord = await startFakeDiscord({
    applicationId: APP, botUserId: BOT, token: TOKEN,
    users: [{ id: U.mod, username: 'mod' }, { id: U.alice, username: 'alice' }],
    guilds: [{ id: GUILD, name: 'UN Cyber', channels: [{ id: MAIN, name: 'main-stage' }], roles: [{ id: MOD_ROLE, name: 'mods' }], members: [{ userId: U.mod, roles: [MOD_ROLE] }] }],
  });
  slackApi = await startFakeSlackWebApi();
  const log = () => {};
  // The Slack-only process.
  const slackStore = await openStore(url);
  slackCore = new Plenary({ store: slackStore, config });
  const stopSlack = await startSlack({
    core: slackCore, log, delivery: new Delivery(log, { pollMs: 100 }),
    env: { port: 0, slack: { botToken: 'xoxb-split', signingSecret: SECRET, apiUrl: slackApi.apiUrl } },
  });
  // The Discord-only process.
  const discordStore = await openStore(url);
  const discordCore = new Plenary({ store: discordStore, config });
  const stopDiscord = await startDiscord({
    core: discordCore, log, delivery: new Delivery(log, { pollMs: 100 }),
    env: { discord: { token: TOKEN, applicationId: APP, apiUrl: discord.restApi, guildId: GUILD } },
  });
  stores.push(slackStore, discordStore);
  stops.push(stopSlack, stopDiscord);
  slack = signedSender({ url: `http://127.0.0.1:${stopSlack.port ?? 0}/slack/events`, signingSecret: SECRET });
});
afterAll(async () => {
  for (const stop of stops.reverse()) await stop();
  for (const s of stores) await s.close();
  await discord?.close();
  await slackApi?.close();
  rmSync(dir, { recursive: true, force: true });
});

const onSlack = (user: string, line: string) => {
  const [command, ...rest] = line.split(' ');
  return slack.slashCommand({ command, text: rest.join(' '), user_id: user, channel_id: C });
};
const slackCards = () => slackApi.callsTo('chat.postMessage').filter((c) => c.args.channel === C && /^P\d/.test(String(c.args.text)));
const discordCards = () => discord.messages(MAIN).filter((m) => /^P\d+ · /.test(m.embeds?.[0]?.title ?? ''));

describe('Slack and Discord in split processes on one store', () => {
  it('posts from Slack reach Discord and posts from Discord reach Slack, each card once', async () => {
    await onSlack('UMOD', '/session start Split panel');
    const sid = (await slackCore.sessionInChannel(`slack:${C}`))!.id;
    const joined = await slash(discord, U.mod, 'session', 'join', { id: sid });
    expect(textOf(joined.answer)).toContain(sid);
    await onSlack('UMOD', '/speaker add icann Ana');
    for (const text of ['Keep the DNS stable', 'Fund CERTs', 'Open data']) await onSlack('UMOD', `/priority add icann ${text}`);
    await onSlack('UMOD', '/priority post all');
    await until(() => discordCards().length >= 3);
    await until(() => slackCards().length >= 3);
    await sleep(500); // a second delivery would show up here
    expect(discordCards().map((m) => m.embeds[0].title!.split(' ')[0]).sort()).toEqual(['P1', 'P2', 'P3']);
    expect(slackCards().map((c) => String(c.args.text).split(/\s/)[0]).sort()).toEqual(['P1', 'P2', 'P3']);

    // Closed from the Discord-only process: the Slack-only process posts the final summary to Slack.
    const closed = await slash(discord, U.mod, 'session', 'close');
    expect(textOf(closed.answer)).toContain('closed');
    await until(() => discord.messages(MAIN).some((m) => m.embeds?.[0]?.title?.startsWith('Final summary')));
    await until(() => slackApi.callsTo('chat.postMessage').some((c) => c.args.channel === C && /final summary/i.test(JSON.stringify(c.args))));
  }, 40_000);
});
