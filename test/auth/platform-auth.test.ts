/**
 * Authorisation through the platform adapters' own command entry: every registry command (and its `post`
 * escalation) × organiser / moderator / participant on Slack (slackHandlers.slashCommand, as Bolt calls it)
 * and on Discord (raw INTERACTION_CREATE through discord.js's action into the real InteractionHandler), plus
 * a Discord member holding the configured `discord-role:77`. Allowed combinations answer without an error;
 * refused ones get a private one-line error naming the role and leave the store identical, with no post.
 */
import { describe, expect, it } from 'vitest';
import { Client, Events, GatewayIntentBits } from 'discord.js';
import { Plenary } from '../../src/plenary.ts';
import { parseConfig } from '../../src/config.ts';
import { openStore } from '../../src/store/open-store.ts';
import { mayAct, roleOf, type Role } from '../../src/roles.ts';
import { commands } from '../../commands/registry.ts';
import { Delivery } from '../../adapters/delivery.ts';
import { slackHandlers } from '../../adapters/slack/handlers.ts';
import { InteractionHandler } from '../../adapters/discord/interactions.ts';
import { slackEscape } from '../fakes/slack/payloads.ts';

type Any = any;
const CONFIG = parseConfig({
  conference: { name: 'Auth', timezone: 'UTC' },
  roles: { organisers: ['slack:UORG', 'discord:100000000000000001'], moderators: ['slack:UMOD', 'discord:100000000000000002', 'discord-role:77'] },
});
const SLACK_CH = 'CAUTH';
const DISCORD_CH = '300000000000000001';
const ACTORS = [
  { label: 'slack organiser', platform: 'slack', id: 'UORG', roles: [] as string[] },
  { label: 'slack moderator', platform: 'slack', id: 'UMOD', roles: [] },
  { label: 'slack participant', platform: 'slack', id: 'UPAT', roles: [] },
  { label: 'discord organiser', platform: 'discord', id: '100000000000000001', roles: [] },
  { label: 'discord moderator', platform: 'discord', id: '100000000000000002', roles: [] },
  { label: 'discord-role:77 member', platform: 'discord', id: '100000000000000003', roles: ['77'] },
  { label: 'discord participant', platform: 'discord', id: '100000000000000004', roles: ['78'] },
] as const;

const VALID: Record<string, { options: (sid: string) => Record<string, string | boolean>; fresh?: boolean; writes: boolean; setup?: (core: Plenary) => Promise<unknown> }> = {
  'session start': { options: () => ({ title: 'Second panel' }), fresh: true, writes: true },
  'session join': { options: (sid) => ({ id: sid }), fresh: true, writes: true },
  'session status': { options: () => ({}), writes: false },
  'session close': { options: () => ({}), writes: true },
  'session reopen': { options: () => ({}), writes: true, setup: (core) => core.closeSession(`slack:${SLACK_CH}`).catch(() => {}) },
  'session delete': { options: (sid) => ({ id: sid, confirm: true }), writes: true },
  'speaker edit': { options: () => ({ handle: 'icann', name: 'ICANN Org' }), writes: true },
  'speaker remove': { options: () => ({ handle: 'spare' }), writes: true },
  'speaker add': { options: () => ({ handle: 'newbie', name: 'New Speaker' }), writes: true },
  'speaker list': { options: () => ({}), writes: false },
  'priority add': { options: () => ({ handle: 'icann', text: 'Another priority' }), writes: true },
  'priority edit': { options: () => ({ code: 'P1', text: 'Edited text' }), writes: true },
  'priority withdraw': { options: () => ({ code: 'P2' }), writes: true },
  'priority post': { options: () => ({ handle: 'all' }), writes: true },
  menu: { options: () => ({}), writes: false },
  react: { options: () => ({ code: 'P1', stance: 'support' }), writes: true },
  iam: { options: () => ({ group: 'academia' }), writes: true },
  forgetme: { options: () => ({}), writes: true },
  lang: { options: () => ({ language: 'fr' }), writes: true },
  summary: { options: () => ({}), writes: false },
  digest: { options: () => ({ format: 'csv' }), writes: false },
  help: { options: () => ({}), writes: false },
  screen: { options: () => ({}), writes: true },
};
const VARIANTS = commands.flatMap((command) => {
  const valid = VALID[command.name];
  if (!valid) throw new Error(`platform auth table: add /${command.name} to VALID`);
  const base = { title: `/${command.name}`, command, needed: command.role as Role, valid, post: false };
  const hasPost = command.options.some((o) => o.name === 'post' && o.type === 'flag');
  return hasPost ? [base, { ...base, title: `/${command.name} post`, needed: (mayAct(command.role, 'moderator') ? command.role : 'moderator') as Role, post: true }] : [base];
});

async function world() {
  const store = await openStore('memory://');
  const core = new Plenary({ store, config: CONFIG, clock: () => new Date('2026-11-28T02:00:00Z') });
  const posts: string[] = [];
  const delivery = new Delivery();
  for (const platform of ['slack', 'discord'] as const) delivery.register({ platform, post: async (c, v) => void posts.push(`${platform}:${c} ${v.kind}`) });
  const slack = slackHandlers({ core, log: () => {}, delivery, replyWithinMs: 5000 });
  const client = new Client({ intents: [GatewayIntentBits.Guilds] });
  let callbacks: Any[] = [];
  (client.rest as Any).post = async (_r: string, o: Any) => void callbacks.push(o.body);
  const discord = new InteractionHandler({ core, delivery, log: () => {} });
  let pending: Promise<void> | undefined;
  client.on(Events.InteractionCreate, (i) => void (pending = discord.handle(i)));
  let n = 0n;
  const run = async (actor: (typeof ACTORS)[number], name: string, options: Record<string, string | boolean>, channel: string): Promise<string[]> => {
    if (actor.platform === 'slack') {
      const replies: string[] = [];
      const [top, sub] = name.split(' ');
      const text = [sub, ...Object.entries(options).map(([k, v]) => (v === true ? k : `${k}:"${v}"`))].filter(Boolean).join(' ');
      await slack.slashCommand({ command: { command: `/${top}`, text: slackEscape(text), user_id: actor.id, channel_id: channel } as Any, ack: async (p?: Any) => void (p && replies.push(p.text)), respond: (async (m: Any) => void replies.push(m.text)) as Any });
      return replies;
    }
    callbacks = [];
    const [top, sub] = name.split(' ');
    const opts = Object.entries(options).map(([k, value]) => ({ type: typeof value === 'boolean' ? 5 : 3, name: k, value }));
    n += 1n;
    (client as Any).actions.InteractionCreate.handle({
      id: String(800000000000000000n + n), application_id: '400000000000000001', type: 2, token: `t${n}`, version: 1, channel_id: channel,
      channel: { id: channel, type: 0, guild_id: '200000000000000001' }, guild_id: '200000000000000001', locale: 'en-US', app_permissions: '0', entitlements: [], context: 0, authorizing_integration_owners: { 0: '200000000000000001' },
      member: { user: { id: actor.id, username: 'u', discriminator: '0', avatar: null }, roles: actor.roles, permissions: '0', joined_at: '2026-01-01T00:00:00.000Z', deaf: false, mute: false, flags: 0 },
      data: { id: '1', name: top, type: 1, options: sub ? [{ type: 1, name: sub, options: opts }] : opts },
    });
    await pending;
    return callbacks.map((c) => String(c?.data?.content ?? c?.data?.embeds?.[0]?.title ?? ''));
  };
  // The panel, followed from one Slack and one Discord channel.
  const mod = ACTORS[1];
  for (const [name, options] of [['session start', { title: 'Auth panel' }], ['speaker add', { handle: 'icann', name: 'ICANN' }], ['priority add', { handle: 'icann', text: 'First' }], ['priority add', { handle: 'icann', text: 'Second' }], ['speaker add', { handle: 'spare', name: 'Spare' }]] as const) {
    const replies = await run(mod, name, options as Any, SLACK_CH);
    if (replies.some((r) => r.startsWith('⚠'))) throw new Error(`setup: ${replies}`);
  }
  const sid = (await core.sessionInChannel(`slack:${SLACK_CH}`))!.id;
  await core.joinSession(`discord:${DISCORD_CH}`, sid);
  for (const a of ACTORS) await core.react(`${a.platform}:${a.id}`, sid, 2, 'oppose');
  posts.length = 0;
  return { store, core, sid, posts, run, close: async () => { await client.destroy(); await store.close(); } };
}

/** Every fact but `event:` claims (each Discord interaction id is claimed once, allowed or not: dedupe bookkeeping). */
const snapshot = async (store: { scan(p: string): Promise<Array<[string, unknown]>> }) =>
  JSON.stringify((await store.scan('')).filter(([k]) => !k.startsWith('event:')));
const allowed = (needed: Role, a: (typeof ACTORS)[number]) => mayAct(roleOf(CONFIG, `${a.platform}:${a.id}`, a.roles), needed);

describe(`authorisation across platforms (${ACTORS.map((a) => a.label).join(' | ')})`, () => {
  it('resolves every caller to the expected role', () => {
    expect(ACTORS.map((a) => roleOf(CONFIG, `${a.platform}:${a.id}`, a.roles))).toEqual(['organiser', 'moderator', 'participant', 'organiser', 'moderator', 'moderator', 'participant']);
  });

  for (const v of VARIANTS) {
    it(`${v.title} [needs ${v.needed}]: ${ACTORS.map((a) => `${a.label} ${allowed(v.needed, a) ? '✓' : '✗'}`).join(' · ')}`, async () => {
      const w = await world();
      try {
        for (const actor of ACTORS) {
          const channel = actor.platform === 'slack' ? (v.valid.fresh ? 'CFRESH' : SLACK_CH) : v.valid.fresh ? '300000000000000002' : DISCORD_CH;
          await v.valid.setup?.(w.core);
          const before = await snapshot(w.store);
          const options = { ...v.valid.options(w.sid), ...(v.post ? { post: true } : {}) };
          const replies = await w.run(actor, v.command.name, options, channel);
          const after = await snapshot(w.store);
          const where = `${v.title} by ${actor.label}: ${replies.join(' / ')}`;
          if (allowed(v.needed, actor)) {
            expect(replies.length, where).toBeGreaterThan(0);
            expect(replies.some((r) => r.startsWith('⚠')), where).toBe(false);
            if (v.valid.writes) expect(after, where).not.toBe(before);
            // Undo what an allowed write did, so the next caller meets the same panel.
            await w.close();
            Object.assign(w, await world());
          } else {
            expect(replies, where).toHaveLength(1);
            expect(replies[0], where).toMatch(v.needed === 'organiser' ? /^⚠\S* Only an organiser may/ : /^⚠\S* Only a moderator may/);
            expect(replies[0], where).not.toMatch(/\n/);
            expect(after, `${where} changed the store`).toBe(before);
            expect(w.posts, where).toEqual([]);
          }
        }
      } finally {
        await w.close();
      }
    });
  }
});
