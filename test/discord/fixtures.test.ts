// Gateway dispatch shapes from Discord's own docs (test/fixtures/discord/*.json, naming the source), replayed
// through the real discord.js against the fake gateway, to the outcomes PRODUCT.md promises.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { say } from '../../src/wording/say.ts';
import { BOT, GUILD, MAIN, U, answerOf, sleep, slash, startWorld, textOf, type World } from './helpers.ts';

const INTENT_GUILD_REACTIONS = 1 << 10;
const INTENT_DM_REACTIONS = 1 << 13;
let w: World;
let sid = '';
let cardId = '';
const stanceOf = async (user: string) => (await w.core.store.get<{ stance: string | null }>(`reaction:${sid}:000001:discord:${user}`))?.stance ?? null;
async function until(check: () => Promise<unknown> | unknown, ms = 6000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not reached');
    await sleep(20);
  }
}
const fixtures = () => {
  const { _source, ...rest } = JSON.parse(readFileSync(new URL('../fixtures/discord/gateway-reactions.json', import.meta.url), 'utf8'));
  expect(_source).toMatch(/discord-api-docs/);
  const fill = (v: unknown): any => JSON.parse(JSON.stringify(v)
    .replaceAll('"USER"', `"${U.gina}"`).replaceAll('"MESSAGE"', `"${cardId}"`).replaceAll('"CHANNEL"', `"${MAIN}"`)
    .replaceAll('"GUILD"', `"${GUILD}"`).replaceAll('"BOT"', `"${BOT}"`).replaceAll('"DM_CHANNEL"', '"390000000000000009"'));
  return fill(rest) as Record<string, Record<string, unknown>>;
};

beforeAll(async () => {
  w = await startWorld();
  await slash(w.fake, U.mod, 'session', 'start', { title: 'Fixtures' });
  sid = (await w.core.sessionInChannel(`discord:${MAIN}`))!.id;
  await slash(w.fake, U.mod, 'speaker', 'add', { handle: 'icann', name: 'Ana' });
  await slash(w.fake, U.mod, 'priority', 'add', { handle: 'icann', text: 'Keep the DNS stable' });
  await slash(w.fake, U.mod, 'priority', 'post', { handle: 'all' });
  await until(() => w.fake.messages(MAIN).find((m) => m.embeds?.[0]?.title?.startsWith('P1 · ')));
  cardId = w.fake.messages(MAIN).find((m) => m.embeds?.[0]?.title?.startsWith('P1 · '))!.id;
});
afterAll(async () => w?.close());

describe('Discord reaction dispatches from the docs', () => {
  it('a burst (super) reaction with a skin tone counts as support; its removal clears it', async () => {
    const f = fixtures();
    w.fake.dispatch('MESSAGE_REACTION_ADD', f.MESSAGE_REACTION_ADD_BURST, INTENT_GUILD_REACTIONS);
    await until(async () => (await stanceOf(U.gina)) === 'support');
    w.fake.dispatch('MESSAGE_REACTION_REMOVE', f.MESSAGE_REACTION_REMOVE, INTENT_GUILD_REACTIONS);
    await until(async () => (await stanceOf(U.gina)) === null);
  });

  it('a reaction in a DM (no guild, no member) is no vote and breaks nothing', async () => {
    const f = fixtures();
    w.fake.dispatch('MESSAGE_REACTION_ADD', f.MESSAGE_REACTION_ADD_DM, INTENT_DM_REACTIONS);
    await sleep(300);
    expect(await stanceOf(U.gina)).toBeNull();
  });

  it('REMOVE_EMOJI and REMOVE_ALL in the docs’ shapes apply the emoji-removal rule', async () => {
    const f = fixtures();
    w.fake.sendReactionAdd({ userId: U.gina, channelId: MAIN, messageId: cardId, emoji: '👎' });
    await until(async () => (await stanceOf(U.gina)) === 'oppose');
    w.fake.dispatch('MESSAGE_REACTION_REMOVE_EMOJI', f.MESSAGE_REACTION_REMOVE_EMOJI, INTENT_GUILD_REACTIONS);
    await until(async () => (await stanceOf(U.gina)) === null);
    w.fake.sendReactionAdd({ userId: U.gina, channelId: MAIN, messageId: cardId, emoji: '😐' });
    await until(async () => (await stanceOf(U.gina)) === 'neutral');
    w.fake.dispatch('MESSAGE_REACTION_REMOVE_ALL', f.MESSAGE_REACTION_REMOVE_ALL, INTENT_GUILD_REACTIONS);
    await until(async () => (await stanceOf(U.gina)) === null);
  });
});

describe('INTERACTION_CREATE of every type, in the docs’ shapes', () => {
  const interactions = () => {
    const { _source, ...rest } = JSON.parse(readFileSync(new URL('../fixtures/discord/interaction-create.json', import.meta.url), 'utf8').replaceAll('SID', sid));
    expect(_source).toMatch(/discord-api-docs/);
    return rest as Record<string, { type: number; data: Record<string, unknown> }>;
  };
  const message = () => w.fake.message(cardId)!;

  // 1 PING is not replayed to an outcome: Discord sends it only to an app's HTTP Interactions Endpoint URL
  // (validation and health checks, answered with a PONG there), never as a gateway INTERACTION_CREATE, and
  // plenary receives interactions over the gateway. If one ever arrived there, discord.js drops it (its
  // InteractionCreate action knows types 2–5 only): nothing is answered and nothing fails.
  it('1 PING over the gateway (which Discord never does) is dropped: no answer, no error', async () => {
    const logsBefore = w.logs.length;
    const sent = w.fake.sendInteraction({ ...interactions().PING, userId: U.gina, channelId: MAIN });
    await sleep(300);
    expect(w.fake.interaction(sent.id)?.responses).toEqual([]);
    expect(w.logs.slice(logsBefore).filter((l) => l.startsWith('error'))).toEqual([]);
  });

  it('2 APPLICATION_COMMAND: /help react answers privately with its usage', async () => {
    const sent = w.fake.sendInteraction({ ...interactions().APPLICATION_COMMAND, userId: U.gina, channelId: MAIN });
    const answer = await answerOf(w.fake, sent.id);
    expect(answer.flags & 64).toBe(64);
    expect(textOf(answer)).toMatch(/\/react <code> <stance>/);
  });

  it('3 MESSAGE_COMPONENT: the Oppose button sets the stance', async () => {
    const sent = w.fake.sendInteraction({ ...interactions().MESSAGE_COMPONENT, message: message(), userId: U.gina, channelId: MAIN });
    expect((await answerOf(w.fake, sent.id)).content).toBe('You oppose P1.');
    expect(await stanceOf(U.gina)).toBe('oppose');
  });

  it('4 AUTOCOMPLETE: proposal codes of this channel’s session, within Discord’s rules', async () => {
    const sent = w.fake.sendInteraction({ ...interactions().APPLICATION_COMMAND_AUTOCOMPLETE, userId: U.gina, channelId: MAIN });
    const response = await w.fake.waitFor(() => w.fake.interaction(sent.id)?.responses[0]);
    expect(response.type).toBe(8);
    expect(response.data?.choices).toEqual([{ name: 'P1 · icann: Keep the DNS stable', value: 'P1' }]);
  });

  it('5 MODAL_SUBMIT: a Label-wrapped comment is saved, the stance kept', async () => {
    const sent = w.fake.sendInteraction({ ...interactions().MODAL_SUBMIT, message: message(), userId: U.gina, channelId: MAIN });
    expect((await answerOf(w.fake, sent.id)).content).toBe(say('reply.comment.recorded', { code: 'P1' }));
    expect(await w.core.store.get(`reaction:${sid}:000001:discord:${U.gina}`)).toMatchObject({ stance: 'oppose', comment: 'Regions differ — 地区不同' });
  });
});
