/**
 * Seeded fuzzing of Discord's inbound handling: FUZZ_INPUTS generated (100,000 in .ci/run, 2,000 in npm test) gateway payloads — INTERACTION_CREATE
 * (slash commands, buttons, the comment form, autocomplete) turned into discord.js interactions by the
 * library's own action (`client.actions.InteractionCreate.handle`, what the gateway calls) and answered by
 * the real InteractionHandler, plus MESSAGE_REACTION_ADD/REMOVE through the real ReactionHandler — with
 * wrong option types, missing fields, unknown commands, hostile custom ids, huge strings and Unicode edge
 * cases. REST is stubbed (no network): replies are read from the interaction callbacks. Invariants as in
 * harness.ts: nothing throws from our handlers or logs an internal error, every interaction gets exactly one
 * initial response, error replies are one line, and a caller without a role changes only their own facts
 * (nothing when refused). Payloads discord.js itself cannot construct are counted, and must change nothing.
 * Seed: FUZZ_SEED (default 0x5eed2026) + 0xd15c.
 */
import { describe, expect, it } from 'vitest';
import { Client, Events, GatewayIntentBits, Partials } from 'discord.js';
import { changedKeys, countOutcome, FUZZ_INPUTS, fuzzTimeout, hostileText, prng, snapshot, violations, type Rng } from './harness.ts';
import { Plenary } from '../../src/plenary.ts';
import { parseConfig } from '../../src/config.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { FactStore } from '../../src/store/fact-store.ts';
import { Delivery } from '../../adapters/delivery.ts';
import { InteractionHandler } from '../../adapters/discord/interactions.ts';
import { ReactionHandler } from '../../adapters/discord/reactions.ts';
import { commandDefinitions } from '../../adapters/discord/commands.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 0x5eed2026) + 0xd15c;
const ITERATIONS = FUZZ_INPUTS;
const GUILD = '200000000000000001';
const CHANNEL = '300000000000000001';
const BOT = '500000000000000001';
const MOD = '100000000000000001';
const MOD_ROLE = '77';

type Any = any;

function withoutEventClaims(store: FactStore): FactStore {
  const claimed = new Set<string>();
  return Object.assign(Object.create(store), {
    claim: async (key: string, value: unknown) => {
      if (!key.startsWith('event:')) return store.claim(key, value);
      if (claimed.has(key)) return false;
      claimed.add(key);
      return true;
    },
  });
}

let snow = 900000000000000000n;
const id = () => String((snow += 1n));
const weird = (rng: Rng): unknown => rng.pick([undefined, null, 42, -1, 1.5, true, {}, [], ['x'], '', ' ', 'x'.repeat(70_000), '\u0000', '👍🏽', 'NaN']);
const maybe = <T>(rng: Rng, good: () => T, p = 0.92): unknown => (rng.chance(p) ? good() : weird(rng));
const USERS = ['100000000000000010', '100000000000000011', '100000000000000012', '100000000000000013', '100000000000000014'];

function member(rng: Rng, user: string): Any {
  return {
    user: { id: user, username: `u${user.slice(-2)}`, discriminator: '0', avatar: null, global_name: null },
    roles: maybe(rng, () => (rng.chance(0.2) ? ['78', '7', '777'] : [])), // never the moderator role 77
    permissions: '0', joined_at: '2026-01-01T00:00:00.000Z', deaf: false, mute: false, flags: 0,
  };
}

function base(rng: Rng, type: number, data: Any, user: string, extra: Any = {}): Any {
  return {
    id: id(), application_id: '400000000000000001', type, token: `tok${id()}`, version: 1,
    channel_id: maybe(rng, () => (rng.chance(0.9) ? CHANNEL : '300000000000000009')),
    channel: { id: CHANNEL, type: 0, guild_id: GUILD, name: 'main' },
    guild_id: GUILD, member: rng.chance(0.97) ? member(rng, user) : weird(rng),
    locale: 'en-US', app_permissions: '0', entitlements: [], context: 0, authorizing_integration_owners: { 0: GUILD },
    data, ...extra,
  };
}

describe(`Discord inbound fuzz (seed 0x${SEED.toString(16)})`, () => {
  it(`${ITERATIONS.toLocaleString('en')} generated gateway payloads through the real Discord handlers`, async () => {
    const raw = await openStore('memory://');
    const store = withoutEventClaims(raw);
    const config = parseConfig({ conference: { name: 'Fuzz', timezone: 'UTC' }, roles: { organisers: ['discord:100000000000000002'], moderators: [`discord:${MOD}`, `discord-role:${MOD_ROLE}`] } });
    const core = new Plenary({ store, config, clock: () => new Date('2026-11-28T02:00:00Z') });
    const errors: string[] = [];
    const log = (level: string, message: string, detail?: unknown) => {
      if (level === 'error') errors.push(`${message}: ${detail instanceof Error ? detail.stack : String(detail)}`);
    };
    const posts: string[] = [];
    const delivery = new Delivery(log);
    delivery.register({ platform: 'discord', post: async (channel, view) => void posts.push(`${channel} ${view.kind}`) });

    // A client that never connects: REST is a stub that records the interaction callbacks.
    const client = new Client({ intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessageReactions], partials: [Partials.Message, Partials.Channel, Partials.Reaction, Partials.User] });
    let callbacks: Any[] = [];
    let followUps: Any[] = [];
    const rest = client.rest as Any;
    const fakeMessage = (body: Any) => ({
      id: id(), channel_id: CHANNEL, author: { id: BOT, username: 'bot', discriminator: '0', avatar: null, bot: true }, content: body?.content ?? '',
      timestamp: '2026-01-01T00:00:00.000Z', edited_timestamp: null, tts: false, mention_everyone: false, mentions: [], mention_roles: [],
      attachments: [], embeds: body?.embeds ?? [], pinned: false, type: 0, flags: 64,
    });
    rest.post = async (route: string, opts: Any) => {
      if (/\/callback$/.test(route)) callbacks.push(opts.body);
      else followUps.push(opts.body);
      return /\/callback$/.test(route) ? undefined : fakeMessage(opts?.body);
    };
    rest.patch = async (_route: string, opts: Any) => {
      followUps.push(opts.body);
      return fakeMessage(opts?.body);
    };
    rest.get = async () => { throw new Error('no network in the fuzz test'); };
    const handler = new InteractionHandler({ core, delivery, log });
    let pending: Promise<void> | undefined;
    client.on(Events.InteractionCreate, (interaction) => void (pending = handler.handle(interaction)));
    const reactions = new ReactionHandler(core, () => BOT, log);

    const definitions = commandDefinitions(config);
    const chatInput = (rng: Rng, user: string, name: string, sub: string | undefined, options: Record<string, unknown>, autocomplete = false): Any => {
      const opts = Object.entries(options).map(([n, value]) => ({ type: typeof value === 'boolean' ? 5 : typeof value === 'number' ? 4 : 3, name: n, value, ...(autocomplete ? { focused: true } : {}) }));
      return base(rng, autocomplete ? 4 : 2, { id: id(), name, type: 1, guild_id: GUILD, options: sub ? [{ type: 1, name: sub, options: opts }] : opts }, user);
    };
    const modSays = async (name: string, sub: string | undefined, options: Record<string, unknown>) => {
      const payload = chatInput(prng(1), MOD, name, sub, options);
      payload.member = member(prng(2), MOD);
      payload.channel_id = CHANNEL;
      callbacks = [];
      (client as Any).actions.InteractionCreate.handle(payload);
      await pending;
      expect(JSON.stringify(callbacks)).not.toContain('⚠️');
    };
    await modSays('session', 'start', { title: 'Fuzz panel' });
    await modSays('speaker', 'add', { handle: 'icann', name: 'ICANN', org: 'ICANN' });
    await modSays('speaker', 'add', { handle: 'itu', name: 'ITU' });
    for (const [handle, text] of [['icann', 'Universal acceptance'], ['itu', 'CIRTs 中文 👍🏽'], ['icann', 'Capacity']]) await modSays('priority', 'add', { handle, text });
    const sid = (await core.sessionInChannel(`discord:${CHANNEL}`))!.id;
    const messages = ['700000000000000001', '700000000000000002', '700000000000000003'];
    for (const [i, m] of messages.entries()) await core.recordPost(sid, i + 1, `discord:${CHANNEL}:${m}`);
    const setupPosts = posts.length;

    const rng = prng(SEED);
    const value = (rng: Rng): unknown => (rng.chance(0.8) ? hostileText(rng) : rng.chance(0.5) ? rng.pick(['P1', 'P2', 'p3', 'support', 'oppose', 'clear', 'icann', 'all', 'academia', 'json']) : weird(rng));
    const gen = {
      command(user: string, autocomplete: boolean): Any {
        const def = rng.chance(0.93) ? rng.pick(definitions) : { name: rng.pick(['nope', 'SESSION', '', hostileText(rng)]), options: [] };
        const subs = (def.options ?? []).filter((o: Any) => o.type === 1);
        const sub = subs.length ? (rng.chance(0.93) ? rng.pick(subs) : { name: rng.pick(['nope', 'START', '']), options: [] }) : undefined;
        const specs = ((sub ? (sub as Any).options : (def as Any).options) ?? []) as Any[];
        const options: Record<string, unknown> = {};
        for (const spec of specs) if (rng.chance(0.7)) options[spec.name] = spec.type === 5 ? maybe(rng, () => rng.chance(0.5)) : value(rng);
        if (rng.chance(0.1)) options[rng.pick(['bogus', 'post', 'code', hostileText(rng)])] = value(rng);
        const payload = chatInput(rng, user, def.name, sub?.name, options, autocomplete);
        if (rng.chance(0.03)) payload.data.options = weird(rng);
        return payload;
      },
      button(user: string): Any {
        const custom = rng.chance(0.8)
          ? `plenary:${rng.pick(['react', 'react', 'comment', 'comment-form', 'nope'])}:${rng.chance(0.9) ? sid : 'szzzz'}:${rng.pick([1, 2, 3, 4, 0, 999999])}${rng.chance(0.8) ? `:${rng.pick(['support', 'neutral', 'oppose', 'clear', 'SUPPORT'])}` : ''}`
          : hostileText(rng).slice(0, 100);
        const message = { ...({ id: rng.pick(messages), channel_id: CHANNEL, author: { id: BOT, username: 'bot', discriminator: '0', avatar: null, bot: true }, content: '', timestamp: '2026-01-01T00:00:00.000Z', edited_timestamp: null, tts: false, mention_everyone: false, mentions: [], mention_roles: [], attachments: [], embeds: [], pinned: false, type: 0 }) };
        return base(rng, 3, { custom_id: maybe(rng, () => custom, 0.97), component_type: 2 }, user, { message });
      },
      modal(user: string): Any {
        const custom = rng.chance(0.85) ? `plenary:comment-form:${rng.chance(0.9) ? sid : 'szzzz'}:${rng.pick([1, 2, 3, 7])}` : hostileText(rng).slice(0, 100);
        const components = rng.chance(0.9) ? [{ type: 1, components: [{ type: 4, custom_id: rng.chance(0.9) ? 'comment' : 'other', value: value(rng) }] }] : [];
        return base(rng, 5, { custom_id: custom, components }, user);
      },
    };

    const problems: string[] = [];
    const stats = { command: 0, autocomplete: 0, button: 0, modal: 0, reaction: 0, libraryRejected: 0, refused: 0, accepted: 0, silent: 0, storeChanges: 0 };
    let before = await snapshot(raw);
    let errorsSeen = 0;
    let seq = 0;
    for (let i = 0; i < ITERATIONS && problems.length < 5; i++) {
      callbacks = [];
      followUps = [];
      pending = undefined;
      const user = rng.chance(0.97) ? rng.pick(USERS) : (rng.pick(['', '0', 'abc', '1'.repeat(40)]) as string);
      const r = rng.next();
      const kind = r < 0.45 ? 'command' : r < 0.5 ? 'autocomplete' : r < 0.7 ? 'button' : r < 0.8 ? 'modal' : 'reaction';
      stats[kind]++;
      let input = '';
      const replies: Array<{ text: string; error: boolean }> = [];
      try {
        if (kind === 'reaction') {
          const added = rng.chance(0.6);
          const emoji = rng.chance(0.8) ? { id: rng.chance(0.1) ? '800000000000000001' : null, name: rng.pick(['👍', '👎', '😐', '👍🏽', '👎🏿', '🎉', 'thumbsup', '👍\u200D', hostileText(rng).slice(0, 20)]) } : weird(rng);
          const messageId = rng.chance(0.9) ? rng.pick(messages) : maybe(rng, () => '700000000000000099');
          const packet = { t: added ? 'MESSAGE_REACTION_ADD' : 'MESSAGE_REACTION_REMOVE', s: maybe(rng, () => ++seq), d: { user_id: user, message_id: messageId, channel_id: CHANNEL, emoji } };
          input = JSON.stringify(packet).slice(0, 300);
          reactions.tap(packet as Any);
          const reaction = { emoji: emoji ?? {}, message: { id: messageId, channelId: maybe(rng, () => CHANNEL, 0.97) } } as Any;
          await reactions.handle(reaction, { id: user } as Any, added);
        } else {
          const payload = kind === 'command' ? gen.command(user, false) : kind === 'autocomplete' ? gen.command(user, true) : kind === 'button' ? gen.button(user) : gen.modal(user);
          input = JSON.stringify(payload).slice(0, 300);
          try {
            (client as Any).actions.InteractionCreate.handle(payload);
          } catch {
            stats.libraryRejected++; // discord.js could not build an interaction from it: our handler never ran
          }
          await pending;
          if (pending) {
            const initial = callbacks.filter((c) => [4, 5, 8, 9].includes(c?.type));
            if (initial.length !== 1) problems.push(`#${i} ${kind}: ${initial.length} initial responses — ${input}`);
          }
          for (const c of [...callbacks, ...followUps]) {
            if (c?.type === 5 || c?.type === 8) continue; // deferral, autocomplete choices
            if (c?.type === 9) { replies.push({ text: 'comment form', error: false }); continue; }
            const data = c?.data ?? c ?? {};
            const text = String(data.content ?? (data.embeds ?? []).map((e: Any) => e.title ?? '').join(' '));
            replies.push({ text: text.replace(/^⚠️ /, ''), error: text.startsWith('⚠️') });
          }
        }
      } catch (error) {
        problems.push(`#${i} ${kind} threw: ${error instanceof Error ? error.stack : String(error)} — ${input}`);
        continue;
      }
      const after = await snapshot(raw);
      const changed = changedKeys(before, after);
      countOutcome(stats, replies, changed);
      if (changed.length && !/^\d+$/.test(user)) problems.push(`#${i} ${kind}: malformed user ${JSON.stringify(user)} changed ${changed.join(', ')}`);
      for (const p of violations({ user: `discord:${user}`, input, replies }, changed).filter((v) => !((kind === 'reaction' || kind === 'autocomplete') && v.startsWith('silently changed')))) problems.push(`#${i} ${kind} ${input}: ${p}`);
      if (kind === 'autocomplete' && changed.length) problems.push(`#${i} autocomplete changed ${changed.join(', ')}`);
      if (errors.length > errorsSeen) {
        problems.push(`#${i} ${kind} ${input}: logged an internal error: ${errors.slice(errorsSeen).join(' | ').slice(0, 600)}`);
        errorsSeen = errors.length;
      }
      before = after;
    }
    console.log(`[fuzz] discord: ${JSON.stringify(stats)}`);
    expect(problems.slice(0, 5).join('\n')).toBe('');
    expect(posts.length, 'callers without a role posted to the channel').toBe(setupPosts);
    // A fair share of both outcomes (1,000 of 50,000 before FUZZ_INPUTS): the generator still reaches both paths.
    expect(stats.accepted).toBeGreaterThan(ITERATIONS / 50);
    expect(stats.refused).toBeGreaterThan(ITERATIONS / 50);
    await client.destroy();
    await raw.close();
  }, fuzzTimeout(ITERATIONS));
});
