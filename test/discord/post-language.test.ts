/**
 * Posts speak `conference.language` and private card replies the caller's language, through the real discord.js
 * against the fake: the cards with their buttons, and a `/menu` shown privately to a caller whose interaction
 * locale is fr in an English conference.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { MAIN, U, answerOf, slash, startWorld, type World } from './helpers.ts';
import { say } from '../../src/wording/say.ts';

const worlds: World[] = [];
afterAll(async () => Promise.all(worlds.map((w) => w.close())));

async function panel(w: World) {
  await slash(w.fake, U.mod, 'session', 'start', { title: 'Langues' });
  await slash(w.fake, U.mod, 'speaker', 'add', { handle: 'itu', name: 'Ito Sample' });
  await slash(w.fake, U.mod, 'priority', 'add', { handle: 'itu', text: 'Capacity building' });
  return (await w.core.sessionInChannel(`discord:${MAIN}`))!.id;
}

describe('Discord posts in conference.language', () => {
  it('a French conference posts French cards', async () => {
    const w = await startWorld({}, 'fr');
    worlds.push(w);
    await panel(w);
    await slash(w.fake, U.mod, 'priority', 'post', { handle: 'all' });
    const card = await w.fake.waitFor(() => w.fake.messages(MAIN).find((m) => m.embeds[0]?.title?.startsWith('P1 · ')));
    const labels = JSON.stringify(card.components);
    expect(labels).toContain(say('view.stance.support', {}, 'fr'));
    expect(labels).not.toContain(`"${say('view.stance.support', {}, 'en')}"`);
  });

  it('a caller whose locale is fr sees a private /menu in French in an English conference', async () => {
    const w = await startWorld();
    worlds.push(w);
    const sid = await panel(w);
    const asked = w.fake.sendChatInput({ userId: U.alice, channelId: MAIN, name: 'menu', locale: 'fr' });
    expect(JSON.stringify(await answerOf(w.fake, asked.id))).toContain(`Menu de la séance ${sid}`);
  });
});
