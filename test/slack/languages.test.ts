/**
 * A Slack user whose locale is fr-FR (users.info with include_locale, as Slack answers it) is answered in
 * French; the locale is asked once and cached; a user without a locale of ours gets the conference language.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockText, startHarness, type Harness } from './harness.ts';
import { say } from '../../src/wording/say.ts';

const C = 'C0LANG';
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  h.api.seedUser('UFRENCH', { name: 'amelie', locale: 'fr-FR' });
  h.api.seedUser('UBRAZIL', { name: 'joao', locale: 'pt-BR' });
});
afterAll(async () => h?.close());

const answer = async (user: string, text: string) => {
  const res = await h.slack.slashCommand({ command: '/lang', text, user_id: user, channel_id: C });
  return `${(res.json as { text?: string })?.text ?? ''}\n${blockText((res.json as { blocks?: unknown })?.blocks)}`;
};

describe('Slack answers in the user’s Slack language', () => {
  it('a user whose locale is fr-FR is answered in French, and users.info is asked once', async () => {
    expect(await answer('UFRENCH', 'klingon')).toContain(say('refusal.lang.unknown', { given: 'klingon' }, 'fr'));
    expect(await answer('UFRENCH', 'xx')).toContain(say('refusal.lang.unknown', { given: 'xx' }, 'fr'));
    const lookups = h.api.calls.filter((c) => c.method === 'users.info' && c.args.user === 'UFRENCH');
    expect(lookups).toHaveLength(1);
    expect(String(lookups[0].args.include_locale)).toBe('true');
  });

  it('a locale plenary does not speak (pt-BR) gets the conference language', async () => {
    expect(await answer('UBRAZIL', 'klingon')).toContain('“klingon” is not one of plenary’s languages');
  });

  it('/lang ru wins over the Slack locale', async () => {
    expect(await answer('UFRENCH', 'ru')).toContain(say('lang.set', { language: 'русский' }, 'ru'));
    expect(await answer('UFRENCH', 'klingon')).toContain(say('refusal.lang.unknown', { given: 'klingon' }, 'ru'));
  });
});
