/**
 * A Slack user whose locale is fr-FR (users.info with include_locale, as Slack answers it) is answered in
 * French; the locale is asked once and cached; a user without a locale of ours gets the conference language.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockText, MOD, startHarness, until, type Harness } from './harness.ts';
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

describe('the comment form speaks the clicker’s language', () => {
  it('a fr-FR user’s form is in French; a user without a locale of ours gets English', async () => {
    const command = (user: string, text: string, name = '/session') => h.slack.slashCommand({ command: name, text, user_id: user, channel_id: 'C0FORM' });
    await command(MOD, 'start Forms');
    await command(MOD, 'add itu Doreen', '/speaker');
    await command(MOD, 'add itu Capacity building', '/priority');
    const session = await h.core.sessionInChannel('slack:C0FORM');
    await command(MOD, 'post all', '/priority');
    await until(async () => (await h.core.postedMessages(session!.id, 1)).length === 1, 10_000, 'the card posted');
    const ts = (await h.core.postedMessages(session!.id, 1))[0].split(':')[2];
    const titleFor = async (user: string) => {
      const before = h.api.calls.filter((c) => c.method === 'views.open').length;
      await h.slack.blockAction({ user, channel: 'C0FORM', message_ts: ts, action_id: 'plenary_comment', value: `${session!.id}:1` });
      await until(() => h.api.calls.filter((c) => c.method === 'views.open' && c.status === 200).length > before, 5000, 'views.open');
      const open = h.api.calls.filter((c) => c.method === 'views.open' && c.status === 200).at(-1)!;
      return (open.args.view as { title: { text: string } }).title.text;
    };
    expect(await titleFor('UBRAZIL')).toBe(say('view.comment.title', { code: 'P1' }, 'en'));
    const chosen = await titleFor('UFRENCH'); // UFRENCH chose /lang ru above: their choice wins over Slack's locale
    expect(chosen).toBe(say('view.comment.title', { code: 'P1' }, 'ru'));
    expect(chosen).not.toBe(say('view.comment.title', { code: 'P1' }, 'en'));
  });
});
