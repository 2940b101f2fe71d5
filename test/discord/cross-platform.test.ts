// One process, one core, one store, one Delivery: Slack (real Bolt against the fake Slack) and Discord
// (real discord.js against the fake Discord), as `plenary start` wires them. A session started on Slack is
// joined from Discord; posts reach both, reactions from both count together, live counts follow on Discord.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
import { APP, BOT, GUILD, MAIN, MOD_ROLE, TOKEN, U, slash, sleep, textOf } from './helpers.ts';

const SECRET = 'cross-platform-signing-secret';
const C = 'C0CROSS';
let discord: FakeDiscord;
let slackApi: FakeSlackWebApi;
let store: FactStore;
let core: Plenary;
let stops: Array<() => Promise<void>> = [];
let slack: ReturnType<typeof signedSender>;
let sid = '';

const until = async <T>(check: () => Promise<T> | T, ms = 8000): Promise<NonNullable<T>> => {
  const end = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v) return v as NonNullable<T>;
    if (Date.now() > end) throw new Error('condition not reached');
    await sleep(20);
  }
};

beforeAll(async () => {
  discord = await startFakeDiscord({
    applicationId: APP, botUserId: BOT, token: TOKEN,
    users: [{ id: U.mod, username: 'mod' }, { id: U.alice, username: 'alice' }],
    guilds: [{ id: GUILD, name: 'UN Cyber', channels: [{ id: MAIN, name: 'main-stage' }], roles: [{ id: MOD_ROLE, name: 'mods' }], members: [{ userId: U.mod, roles: [MOD_ROLE] }] }],
  });
  slackApi = await startFakeSlackWebApi();
  store = await openStore('memory://');
  core = new Plenary({ store, config: parseConfig({ roles: { organisers: ['slack:UORG'], moderators: ['slack:UMOD', `discord-role:${MOD_ROLE}`] } }) });
  const log = () => {};
  const delivery = new Delivery(log);
  const env = {
    port: 0,
    slack: { botToken: 'xoxb-cross', signingSecret: SECRET, apiUrl: slackApi.apiUrl },
    discord: { token: TOKEN, applicationId: APP, apiUrl: discord.restApi, guildId: GUILD },
  };
  const stopSlack = await startSlack({ core, env, log, delivery });
  stops.push(stopSlack, await startDiscord({ core, env, log, delivery }));
  slack = signedSender({ url: `http://127.0.0.1:${stopSlack.port ?? 0}/slack/events`, signingSecret: SECRET });
});
afterAll(async () => {
  for (const stop of stops.reverse()) await stop();
  await discord?.close();
  await slackApi?.close();
  await store?.close();
});

const onSlack = (user: string, line: string) => {
  const [command, ...rest] = line.split(' ');
  return slack.slashCommand({ command, text: rest.join(' '), user_id: user, channel_id: C });
};

describe('Slack and Discord in one process', () => {
  it('joins a Slack session from Discord and posts proposals to both', async () => {
    await onSlack('UMOD', '/session start Cross-platform panel');
    sid = (await core.sessionInChannel(`slack:${C}`))!.id;
    const joined = await slash(discord, U.mod, 'session', 'join', { id: sid });
    expect(textOf(joined.answer)).toContain(sid);
    expect(await core.bindings(sid)).toEqual(expect.arrayContaining([`slack:${C}`, `discord:${MAIN}`]));
    await onSlack('UMOD', '/speaker add icann Ana');
    await onSlack('UMOD', '/priority add icann Keep the DNS stable');
    await onSlack('UMOD', '/priority post all');
    const card = await until(() => discord.messages(MAIN).find((m) => m.embeds?.[0]?.title?.startsWith('P1 · ')));
    await until(() => slackApi.callsTo('chat.postMessage').some((c) => c.args.channel === C && /^P1/.test(String(c.args.text))));
    expect(await until(async () => (await core.postedMessages(sid, 1)).length === 2)).toBe(true);

    // A 👍 on Slack and a 👎 on Discord count together, and the Discord card shows both.
    const slackTs = slackApi.callsTo('chat.postMessage').find((c) => c.args.channel === C && /^P1/.test(String(c.args.text)))!.response.ts as string;
    await slack.eventCallback({ event: { type: 'reaction_added', user: 'UAUD1', reaction: '+1', item: { type: 'message', channel: C, ts: slackTs } } });
    discord.sendReactionAdd({ userId: U.alice, channelId: MAIN, messageId: card.id, emoji: '👎🏾' });
    await until(async () => (await core.summaries.proposalCounts(sid, 1)).reactors === 2);
    await until(() => {
      const fields = discord.message(card.id)!.embeds[0].fields!;
      return fields[0].value === '1' && fields[2].value === '1';
    });
  });

  it('closes from Discord and posts the final summary to Slack too', async () => {
    const closed = await slash(discord, U.mod, 'session', 'close');
    expect(textOf(closed.answer)).toContain('closed');
    await until(() => discord.messages(MAIN).some((m) => m.embeds?.[0]?.title?.startsWith('Final summary')));
    await until(() => slackApi.callsTo('chat.postMessage').some((c) => c.args.channel === C && /summary/i.test(JSON.stringify(c.args))));
  });
});
