// Proves the fake against the REAL discord.js Client: every assertion here is about
// what discord.js did over HTTP/WebSocket, not about mocks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import zlib from 'node:zlib';
import { WebSocket } from 'ws';
import {
  Client, GatewayIntentBits, MessageFlags, Partials, RESTEvents, ButtonStyle, ComponentType,
  type Interaction, type MessageReaction, type PartialMessageReaction, type TextChannel, type User, type PartialUser,
} from 'discord.js';
import { startFakeDiscord, type FakeDiscord } from './fake-discord.ts';

const GUILD = '200000000000000001';
const CHANNEL = '300000000000000001';
const ALICE = '100000000000000001';
const TOKEN = 'fake.bot.token';

let fake: FakeDiscord;
let client: Client;
const interactions: Interaction[] = [];
const reactions: { reaction: MessageReaction | PartialMessageReaction; user: User | PartialUser }[] = [];

/** The discord.js Interaction object built for the interaction the fake sent. */
const received = (id: string) => fake.waitFor(() => interactions.find((i) => i.id === id));

beforeAll(async () => {
  fake = await startFakeDiscord({
    applicationId: '400000000000000001', botUserId: '500000000000000001', token: TOKEN, heartbeatIntervalMs: 1000,
    guilds: [{ id: GUILD, name: 'Plenary Hall', channels: [{ id: CHANNEL, name: 'main-stage', type: 0 }],
      roles: [{ id: '600000000000000001', name: 'moderator', permissions: '8' }],
      members: [{ userId: ALICE, roles: ['600000000000000001'] }] }],
  });
  client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessageReactions],
    partials: [Partials.Message, Partials.Channel, Partials.Reaction, Partials.User],
    rest: { api: fake.restApi },
  });
  client.on('interactionCreate', (i) => void interactions.push(i));
  client.on('messageReactionAdd', (reaction, user) => void reactions.push({ reaction, user }));
  const ready = new Promise((r) => client.once('clientReady', r));
  await client.login(TOKEN);
  await ready;
});

afterAll(async () => {
  await client?.destroy();
  await fake?.close();
});

describe('fake Discord with a real discord.js Client', () => {
  it('logs in, identifies with the requested intents and caches the guild', () => {
    expect(client.user?.id).toBe('500000000000000001');
    expect(client.guilds.cache.get(GUILD)?.name).toBe('Plenary Hall');
    expect(client.channels.cache.get(CHANNEL)?.isTextBased()).toBe(true);
    expect(fake.callsTo('GET', /^\/gateway\/bot$/).length).toBeGreaterThan(0);
    const identify = fake.gateway.received.find((p) => p.op === 2)!;
    expect(identify.d.intents).toBe(GatewayIntentBits.Guilds | GatewayIntentBits.GuildMessageReactions);
    expect(fake.gateway.connections[0].url).toBe('/?v=10&encoding=json'); // no zlib-sync => no compression
  });

  it('answers heartbeats', async () => {
    await fake.waitFor(() => fake.gateway.received.some((p) => p.op === 1), 3000);
    await fake.waitFor(() => client.ws.ping >= 0, 3000);
  });

  it('registers guild commands and delivers a slash command with subcommand and options', async () => {
    await client.application!.commands.set([{
      name: 'panel', description: 'Run a panel', options: [{ type: 1, name: 'open', description: 'Open',
        options: [{ type: 3, name: 'topic', description: 't' }, { type: 4, name: 'minutes', description: 'm' }] }],
    }], GUILD);
    expect(fake.commands(GUILD)[0]).toMatchObject({ name: 'panel', guild_id: GUILD });

    const sent = fake.sendChatInput({ name: 'panel', subcommand: 'open', options: { topic: 'AI safety', minutes: 5 } });
    const i = await received(sent.id);
    if (!i.isChatInputCommand()) throw new Error('expected a chat input command');
    expect([i.commandId, i.options.getSubcommand(), i.options.getString('topic'), i.options.getInteger('minutes')])
      .toEqual([fake.commands(GUILD)[0].id, 'open', 'AI safety', 5]);
    expect(i.memberPermissions?.has('Administrator')).toBe(true);
    await i.reply({ content: 'Panel opened', flags: MessageFlags.Ephemeral });
    const cb = await fake.waitForCall('POST', `/interactions/${sent.id}/`);
    expect(cb.body).toMatchObject({ type: 4, data: { content: 'Panel opened', flags: 64 } });
    expect(fake.messages(CHANNEL).some((m) => m.content === 'Panel opened')).toBe(false); // ephemeral
  });

  it('supports deferReply + editReply + followUp', async () => {
    const sent = fake.sendChatInput({ name: 'panel', subcommand: 'open', options: { topic: 'later' } });
    const i = await received(sent.id);
    if (!i.isChatInputCommand()) throw new Error('expected a chat input command');
    await i.deferReply();
    const record = fake.interaction(sent.id)!;
    expect(record.responses[0].type).toBe(5);
    expect(fake.message(record.originalMessageId!)!.flags! & 128).toBe(128); // "thinking..."
    await i.editReply({ content: 'Done thinking' });
    await i.followUp({ content: 'And one more thing' });
    expect(fake.message(record.originalMessageId!)).toMatchObject({ content: 'Done thinking', flags: 0 });
    expect(fake.callsTo('PATCH', /\/messages\/@original$/).at(-1)?.status).toBe(200);
    expect(fake.messages(CHANNEL).map((m) => m.content)).toEqual(expect.arrayContaining(['Done thinking', 'And one more thing']));
  });

  it('sends and edits channel messages with allowed_mentions, and delivers a button click', async () => {
    const channel = client.channels.cache.get(CHANNEL) as TextChannel;
    const msg = await channel.send({
      content: `Queue: <@${ALICE}>`, allowedMentions: { parse: [] },
      components: [{ type: ComponentType.ActionRow, components: [{ type: ComponentType.Button, style: ButtonStyle.Primary, custom_id: 'raise-hand', label: 'Raise hand' }] }],
    });
    const post = fake.callsTo('POST', `/channels/${CHANNEL}/messages$`).at(-1)!;
    expect(post.body.allowed_mentions).toEqual({ parse: [] });
    expect(fake.message(msg.id)!.mentions).toEqual([]); // nobody pinged
    await msg.edit({ content: 'Queue: (empty)', allowedMentions: { parse: ['users'] } });
    expect(fake.callsTo('PATCH', `/messages/${msg.id}$`)[0].body.allowed_mentions).toEqual({ parse: ['users'] });

    const sent = fake.sendButton({ customId: 'raise-hand', messageId: msg.id });
    const i = await received(sent.id);
    if (!i.isButton()) throw new Error('expected a button');
    expect([i.customId, i.message.id, i.user.id]).toEqual(['raise-hand', msg.id, ALICE]);
    await i.update({ content: 'Queue: Alice' });
    expect(fake.interaction(sent.id)!.responses[0].type).toBe(7);
    expect(fake.message(msg.id)!.content).toBe('Queue: Alice');
  });

  it('opens a modal (callback 9) and receives its submission', async () => {
    const click = fake.sendButton({ customId: 'ask', messageId: fake.messages(CHANNEL)[0].id });
    const b = await received(click.id);
    if (!b.isButton()) throw new Error('expected a button');
    await b.showModal({ custom_id: 'ask-modal', title: 'Ask', components: [{ type: 1, components: [{ type: 4, custom_id: 'q', label: 'Q', style: 2 }] }] });
    expect(fake.interaction(click.id)!.responses[0]).toMatchObject({ type: 9, data: { custom_id: 'ask-modal' } });

    const submit = fake.sendModalSubmit({ customId: 'ask-modal', fields: { q: 'Why?' } });
    const m = await received(submit.id);
    if (!m.isModalSubmit()) throw new Error('expected a modal submit');
    expect(m.fields.getTextInputValue('q')).toBe('Why?');
    await m.reply({ content: 'Question queued', flags: MessageFlags.Ephemeral });
    expect(fake.interaction(submit.id)!.responses[0].type).toBe(4);
  });

  it('refuses a modal whose text-input label is 46 characters, as Discord does (50035)', async () => {
    const click = fake.sendButton({ customId: 'ask', messageId: fake.messages(CHANNEL)[0].id });
    const b = await received(click.id);
    if (!b.isButton()) throw new Error('expected a button');
    const label = 'Your comment (others see it without your name)';
    expect(label.length).toBe(46);
    const refused = await b.showModal({ custom_id: 'ask-modal', title: 'Ask', components: [{ type: 1, components: [{ type: 4, custom_id: 'q', label, style: 2 }] }] }).catch((e) => e);
    expect(refused).toMatchObject({ code: 50035, status: 400 });
    expect(JSON.stringify(refused.rawError.errors)).toContain('BASE_TYPE_BAD_LENGTH');
  });

  it('answers autocomplete (callback 8)', async () => {
    const sent = fake.sendAutocomplete({ name: 'panel', subcommand: 'open', options: { topic: 'A' }, focused: 'topic' });
    const i = await received(sent.id);
    if (!i.isAutocomplete()) throw new Error('expected autocomplete');
    expect(i.options.getFocused(true)).toMatchObject({ name: 'topic', value: 'A' });
    await i.respond([{ name: 'AI safety', value: 'ai' }]);
    expect(fake.interaction(sent.id)!.responses[0]).toMatchObject({ type: 8, data: { choices: [{ value: 'ai' }] } });
  });

  it('delivers a reaction on an uncached message as a partial', async () => {
    const seeded = fake.seedMessage({ channelId: CHANNEL, content: 'vote here' });
    fake.sendReactionAdd({ userId: ALICE, channelId: CHANNEL, messageId: seeded.id, emoji: '👍🏽' });
    const { reaction, user } = await fake.waitFor(() => reactions.find((r) => r.reaction.message.id === seeded.id));
    expect([reaction.message.partial, reaction.emoji.name, user.id]).toEqual([true, '👍🏽', ALICE]);
    const full = await reaction.message.fetch(); // GET /channels/:c/messages/:m
    expect(full.content).toBe('vote here');
  });

  it('honours a 429 with retry_after and succeeds on retry', async () => {
    const limited: unknown[] = [];
    client.rest.on(RESTEvents.RateLimited, (info) => limited.push(info));
    fake.failNext(/^\/channels\/\d+\/messages$/, { status: 429, retryAfter: 0.3 });
    const channel = client.channels.cache.get(CHANNEL) as TextChannel;
    const before = fake.calls.length;
    const msg = await channel.send('after the limit');
    const posts = fake.calls.slice(before).filter((c) => c.method === 'POST');
    expect(posts.map((c) => c.status)).toEqual([429, 200]);
    expect(posts[1].at - posts[0].at).toBeGreaterThanOrEqual(300);
    expect(limited.length).toBe(1);
    expect(fake.message(msg.id)?.content).toBe('after the limit');
  });

  it('lets discord.js retry a 500', async () => {
    fake.failNext('/messages$', { status: 500 });
    const before = fake.calls.length;
    await (client.channels.cache.get(CHANNEL) as TextChannel).send('after a blip');
    expect(fake.calls.slice(before).map((c) => c.status)).toEqual([500, 200]);
  });

  it('rejects unknown and doubly acknowledged interactions with Discord error codes', async () => {
    const bad = await fetch(`${fake.restApi}/v10/interactions/1/nope/callback`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 4, data: { content: 'x' } }),
    });
    expect([bad.status, (await bad.json()).code]).toEqual([404, 10062]);
    const sent = fake.sendChatInput({ name: 'panel', subcommand: 'open' });
    const i = await received(sent.id);
    if (!i.isChatInputCommand()) throw new Error('expected a chat input command');
    await i.deferReply();
    const again = await fetch(`${fake.restApi}/v10/interactions/${sent.id}/${sent.token}/callback`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 5 }),
    });
    expect([again.status, (await again.json()).code]).toEqual([400, 40060]);
  });

  it('RESUMEs after a dropped connection and replays already-seen events', async () => {
    const sent = fake.sendChatInput({ name: 'panel', subcommand: 'open', options: { topic: 'replayed' } });
    await received(sent.id);
    const resumes = fake.waitForResume(5000);
    fake.dropConnection({ replayFromSeq: sent.seq - 1 });
    const missed = fake.sendChatInput({ name: 'panel', subcommand: 'open', options: { topic: 'missed' } });
    await resumes;
    await received(missed.id);
    await fake.waitFor(() => interactions.filter((i) => i.id === sent.id).length === 2);
    expect(fake.gateway.connections.at(-1)!.url).toMatch(/^\/resume\?v=10/); // used resume_gateway_url
    expect(fake.gateway.received.filter((p) => p.op === 2)).toHaveLength(1); // resumed, not re-identified
    expect(client.guilds.cache.has(GUILD)).toBe(true);
  });

  it('speaks zlib-stream to clients that ask for it', async () => {
    const ws = new WebSocket(`${fake.gatewayUrl}/?v=10&encoding=json&compress=zlib-stream`);
    const inflate = zlib.createInflate();
    const hello = new Promise<any>((resolve) => inflate.on('data', (b: Buffer) => resolve(JSON.parse(b.toString()))));
    ws.on('message', (data: Buffer) => inflate.write(data));
    expect(await hello).toEqual({ op: 10, d: { heartbeat_interval: 1000 } });
    ws.close();
  });
});
