// A private answer on Discord is in the caller's language: their /lang choice, else the interaction's locale
// (ar, zh-CN, es-ES, fr, ru), else the conference language. Real discord.js against the fake gateway.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAIN, U, answerOf, slash, startWorld, textOf, type World } from './helpers.ts';
import { say, type Language } from '../../src/wording/say.ts';

let w: World;
beforeAll(async () => {
  w = await startWorld();
});
afterAll(async () => w?.close());

async function lang(user: string, language: string, locale?: string): Promise<string> {
  const sent = w.fake.sendChatInput({ userId: user, channelId: MAIN, name: 'lang', options: { language }, locale });
  return textOf(await answerOf(w.fake, sent.id));
}

describe('Discord answers in the caller’s language', () => {
  const cases: Array<[string, Language]> = [['ar', 'ar'], ['zh-CN', 'zh'], ['es-ES', 'es'], ['fr', 'fr'], ['ru', 'ru']];
  for (const [locale, language] of cases) {
    it(`an interaction with locale ${locale} is answered in ${language}`, async () => {
      const text = await lang(U.alice, 'klingon', locale);
      expect(text).toContain(say('refusal.lang.unknown', { given: 'klingon' }, language));
      expect(text).not.toContain('is not one of plenary’s languages');
    });
  }

  it('an unknown platform locale falls back to the conference language (English here)', async () => {
    expect(await lang(U.alice, 'klingon', 'pt-BR')).toContain('“klingon” is not one of plenary’s languages');
  });

  it('/lang wins over the interaction’s locale until /forgetme, which forgets it', async () => {
    expect(await lang(U.bob, 'es', 'ru')).toContain(say('lang.set', { language: 'español' }, 'es'));
    expect(await lang(U.bob, 'klingon', 'ru')).toContain(say('refusal.lang.unknown', { given: 'klingon' }, 'es'));
    expect(await w.core.store.get(`lang:discord:${U.bob}`)).toEqual({ language: 'es' });
    const forgot = w.fake.sendChatInput({ userId: U.bob, channelId: MAIN, name: 'forgetme', locale: 'ru' });
    await answerOf(w.fake, forgot.id);
    expect(await w.core.store.get(`lang:discord:${U.bob}`)).toBeUndefined();
    expect(await lang(U.bob, 'klingon', 'ru')).toContain(say('refusal.lang.unknown', { given: 'klingon' }, 'ru'));
  });

  it('/lang auto returns to the platform’s locale', async () => {
    await lang(U.carol, 'zh', 'fr');
    expect(await lang(U.carol, 'klingon', 'fr')).toContain(say('refusal.lang.unknown', { given: 'klingon' }, 'zh'));
    await lang(U.carol, 'auto', 'fr');
    expect(await lang(U.carol, 'klingon', 'fr')).toContain(say('refusal.lang.unknown', { given: 'klingon' }, 'fr'));
  });
});

describe('the Comment form speaks the clicker’s language', () => {
  it('takes the interaction’s locale, and the clicker’s /lang over it', async () => {
    await slash(w.fake, U.mod, 'session', 'start', { title: 'Forms' });
    await slash(w.fake, U.mod, 'speaker', 'add', { handle: 'itu', name: 'Ito Sample' });
    await slash(w.fake, U.mod, 'priority', 'add', { handle: 'itu', text: 'Capacity building' });
    const sid = (await w.core.sessionInChannel(`discord:${MAIN}`))!.id;
    await slash(w.fake, U.mod, 'priority', 'post', { handle: 'all' });
    const card = await w.fake.waitFor(() => w.fake.messages(MAIN).find((m) => m.embeds[0]?.title?.startsWith('P1 · ')));
    const formTitle = async (user: string, locale: string) => {
      const click = w.fake.sendButton({ userId: user, channelId: MAIN, messageId: card.id, customId: `plenary:comment:${sid}:1`, locale });
      const form = await w.fake.waitFor(() => w.fake.interaction(click.id)?.responses[0]);
      expect(form.type).toBe(9);
      return form.data!.title as string;
    };
    expect(await formTitle(U.alice, 'fr')).toBe(say('view.comment.title', { code: 'P1' }, 'fr'));
    expect(await formTitle(U.alice, 'zh-CN')).toBe(say('view.comment.title', { code: 'P1' }, 'zh'));
    await lang(U.dave, 'ru', 'es-ES');
    expect(await formTitle(U.dave, 'es-ES')).toBe(say('view.comment.title', { code: 'P1' }, 'ru'));
  });
});
