// Gateway dispatch shapes from Discord's own docs (test/fixtures/discord/*.json, naming the source), replayed
// through the real discord.js against the fake gateway, to the outcomes PRODUCT.md promises.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOT, GUILD, MAIN, U, sleep, slash, startWorld, type World } from './helpers.ts';

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
