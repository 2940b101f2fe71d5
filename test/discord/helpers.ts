// Shared set-up for the Discord adapter tests: the REAL discord.js (via startDiscord) against the fake
// Discord, on a memory store.
import { startFakeDiscord, type FakeDiscord, type RecordedCall } from '../fakes/discord/fake-discord.ts';
import { openStore } from '../../src/store/open-store.ts';
import { Plenary } from '../../src/plenary.ts';
import { parseConfig } from '../../src/config.ts';
import { Delivery, type PlatformPoster } from '../../adapters/delivery.ts';
import { startDiscord, type DiscordStartOptions } from '../../adapters/discord/start.ts';
import type { View } from '../../src/views.ts';
import type { Log } from '../../src/log.ts';

export const APP = '400000000000000001';
export const BOT = '500000000000000001';
export const GUILD = '200000000000000001';
export const MAIN = '300000000000000001';
export const OVERFLOW = '300000000000000002';
export const MOD_ROLE = '600000000000000001';
export const TOKEN = 'fake.bot.token';

/** Users by name; ids are stable snowflake-looking strings. */
export const U = Object.fromEntries(
  ['alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'gina', 'mod', 'org', 'v1', 'v2', 'v3', 'v4', 'v5', 'v6']
    .map((name, i) => [name, `1000000000000000${String(i + 10)}`]),
) as Record<string, string>;

export interface World {
  fake: FakeDiscord;
  core: Plenary;
  delivery: Delivery;
  stop: () => Promise<void>;
  elsewhere: Array<{ channel: string; view: View }>;
  logs: string[];
  restart(): Promise<void>;
  close(): Promise<void>;
}

export async function startWorld(tuning: Pick<DiscordStartOptions, 'editIntervalMs' | 'retryBackoffMs'> = {}, language?: string): Promise<World> {
  const fake = await startFakeDiscord({
    applicationId: APP, botUserId: BOT, token: TOKEN, heartbeatIntervalMs: 1000,
    users: Object.entries(U).map(([username, id]) => ({ id, username })),
    guilds: [{
      id: GUILD, name: 'UN Cyber', ownerId: U.org,
      channels: [{ id: MAIN, name: 'main-stage', type: 0 }, { id: OVERFLOW, name: 'overflow', type: 0 }],
      roles: [{ id: MOD_ROLE, name: 'panel moderators' }],
      members: [{ userId: U.mod, roles: [MOD_ROLE] }, { userId: U.alice }],
    }],
  });
  const store = await openStore('memory://');
  const config = parseConfig({
    conference: { name: 'UN Cybersecurity Conference', timezone: 'UTC', ...(language ? { language } : {}) },
    roles: { organisers: [`discord:${U.org}`], moderators: [`discord-role:${MOD_ROLE}`] },
  });
  const core = new Plenary({ store, config });
  const logs: string[] = [];
  const log: Log = (level, message) => void logs.push(`${level} ${message}`);
  const env = { discord: { token: TOKEN, applicationId: APP, apiUrl: `${fake.restApi}/v10/`, guildId: GUILD } };
  const elsewhere: World['elsewhere'] = [];
  // Another platform in the same process (as cli/start.ts wires Slack): records what Delivery sends it.
  const consolePoster: PlatformPoster = { platform: 'console', post: async (channel, view) => void elsewhere.push({ channel: `console:${channel}`, view }) };
  const noop = async () => {};
  const world: World = {
    fake, core, logs, elsewhere,
    delivery: new Delivery(log),
    stop: noop,
    async restart() {
      const running = world.stop !== noop;
      await world.stop();
      // A real restart takes longer than the 1 s edit spacing; without this pause the new bot's first edit could
      // follow the old bot's last one within a second, which the spacing check would (rightly) flag.
      if (running) await new Promise((resolve) => setTimeout(resolve, 1100));
      world.delivery = new Delivery(log);
      world.delivery.register(consolePoster);
      world.stop = await startDiscord({ core, env, log, delivery: world.delivery, ...tuning });
    },
    async close() {
      await world.stop();
      await fake.close();
      await store.close();
    },
  };
  await world.restart();
  return world;
}

type Json = Record<string, any>;

/** The private answer to an interaction: the immediate reply, or the deferred one once edited. */
export async function answerOf(fake: FakeDiscord, id: string): Promise<Json> {
  const first = await fake.waitFor(() => fake.interaction(id)?.responses[0]);
  if (first.type !== 5) return first.data ?? {};
  return fake.waitFor(() => {
    const message = fake.message(fake.interaction(id)!.originalMessageId!);
    return message && !((message.flags ?? 0) & 128) ? (message as Json) : undefined;
  });
}

/** Text of a reply: its content, or its embeds' titles and descriptions. */
export const textOf = (data: Json) =>
  [data.content ?? '', ...(data.embeds ?? []).map((e: Json) => `${e.title ?? ''} ${e.description ?? ''}`)].join(' ').trim();

/** Runs a slash command as a user and returns the private answer. */
export async function slash(
  fake: FakeDiscord, user: string, name: string, subcommand: string | undefined, options: Record<string, string | boolean> = {},
  channelId = MAIN,
): Promise<{ id: string; seq: number; answer: Json; ephemeral: boolean }> {
  const sent = fake.sendChatInput({ userId: user, channelId, name, subcommand, options });
  const answer = await answerOf(fake, sent.id);
  const response = fake.interaction(sent.id)!.responses[0];
  return { id: sent.id, seq: sent.seq, answer, ephemeral: Boolean(((response.data?.flags ?? 0) | (answer.flags ?? 0)) & 64) };
}

/** Calls that carry a message body (sends, edits, message responses) — the ones allowed_mentions is about. */
export function messageCalls(calls: readonly RecordedCall[]): RecordedCall[] {
  return calls.filter((c) =>
    (c.method === 'POST' && /^\/channels\/\d+\/messages$/.test(c.path)) ||
    (c.method === 'PATCH' && /^\/channels\/\d+\/messages\/\d+$/.test(c.path)) ||
    (c.method === 'POST' && /^\/interactions\/\d+\/[^/]+\/callback$/.test(c.path) && [4, 7].includes(c.body?.type)) ||
    (/^\/webhooks\/\d+\/[^/]+(\/messages\/[^/]+)?$/.test(c.path) && ['POST', 'PATCH'].includes(c.method)));
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
