// A moderator clears reactions on a card in the Discord client: MESSAGE_REACTION_REMOVE_EMOJI and
// MESSAGE_REACTION_REMOVE_ALL apply the emoji-removal rule (only stances that came from that emoji), then the
// card shows the new counts. Real discord.js against the fake gateway.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAIN, U, answerOf, sleep, slash, startWorld, type World } from './helpers.ts';

let w: World;
let sid = '';
const card = () => w.fake.messages(MAIN).find((m) => m.embeds?.[0]?.title?.startsWith('P1 · '))!;
const counts = () => Object.fromEntries((card().embeds[0].fields ?? []).map((f: { name: string; value: string }) => [f.name.split(' ')[1].toLowerCase(), Number(f.value)]));
const stanceOf = async (user: string) => (await w.core.store.get<{ stance: string | null }>(`reaction:${sid}:000001:discord:${user}`))?.stance ?? null;
async function until(check: () => Promise<unknown> | unknown, ms = 6000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not reached');
    await sleep(20);
  }
}

beforeAll(async () => {
  w = await startWorld();
  await slash(w.fake, U.mod, 'session', 'start', { title: 'Clearing' });
  sid = (await w.core.sessionInChannel(`discord:${MAIN}`))!.id;
  await slash(w.fake, U.mod, 'speaker', 'add', { handle: 'icann', name: 'Ana' });
  await slash(w.fake, U.mod, 'priority', 'add', { handle: 'icann', text: 'Keep the DNS stable' });
  await slash(w.fake, U.mod, 'priority', 'post', { handle: 'all' });
  await until(() => card());
});
afterAll(async () => w?.close());

describe('Discord reaction clears', () => {
  it('REMOVE_EMOJI clears the stances that emoji gave, keeps a button stance, and refreshes the card', async () => {
    const id = card().id;
    w.fake.sendReactionAdd({ userId: U.alice, channelId: MAIN, messageId: id, emoji: '👍🏽' });
    w.fake.sendReactionAdd({ userId: U.bob, channelId: MAIN, messageId: id, emoji: '👍' });
    w.fake.sendReactionAdd({ userId: U.carol, channelId: MAIN, messageId: id, emoji: '👎' });
    await answerOf(w.fake, w.fake.sendButton({ userId: U.dave, channelId: MAIN, messageId: id, customId: `plenary:react:${sid}:1:support` }).id);
    await until(async () => (await stanceOf(U.alice)) === 'support' && (await stanceOf(U.bob)) === 'support' && (await stanceOf(U.carol)) === 'oppose');
    await until(() => counts().support === 3 && counts().oppose === 1);

    w.fake.sendReactionRemoveEmoji({ channelId: MAIN, messageId: id, emoji: '👍' });
    await until(async () => (await stanceOf(U.alice)) === null && (await stanceOf(U.bob)) === null);
    expect(await stanceOf(U.carol)).toBe('oppose'); // another emoji
    expect(await stanceOf(U.dave)).toBe('support'); // a button, not an emoji
    await until(() => counts().support === 1 && counts().oppose === 1);
  });

  it('REMOVE_ALL clears every emoji stance and refreshes the card', async () => {
    const id = card().id;
    w.fake.sendReactionRemoveAll({ channelId: MAIN, messageId: id });
    await until(async () => (await stanceOf(U.carol)) === null);
    expect(await stanceOf(U.dave)).toBe('support');
    await until(() => counts().support === 1 && counts().oppose === 0);
    expect(await w.core.summaries.proposalCounts(sid, 1)).toEqual({ support: 1, neutral: 0, oppose: 0, reactors: 1 });
  });
});
