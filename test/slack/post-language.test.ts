/**
 * Posts speak `conference.language` and private card replies the caller's language, through the real Bolt
 * against the fake: the cards (their buttons too), the live edits and the summary a moderator posts, and a
 * `/menu` shown privately to a caller whose Slack locale is fr-FR in an English conference.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { blockText, MOD, startHarness, until, type Harness } from './harness.ts';
import { say } from '../../src/wording/say.ts';

const harnesses: Harness[] = [];
afterAll(async () => Promise.all(harnesses.map((h) => h.close())));

async function panel(h: Harness, channel: string) {
  const command = (name: string, text: string, user = MOD) => h.slack.slashCommand({ command: name, text, user_id: user, channel_id: channel });
  await command('/session', 'start Langues');
  await command('/speaker', 'add itu Doreen');
  await command('/priority', 'add itu Capacity building');
  const sid = (await h.core.sessionInChannel(`slack:${channel}`))!.id;
  return { command, sid };
}

describe('Slack posts in conference.language', () => {
  it('a French conference posts French cards, live edits and summaries', async () => {
    const h = await startHarness({ language: 'fr' });
    harnesses.push(h);
    const { command, sid } = await panel(h, 'C0FR');
    await command('/priority', 'post all');
    const card = await until(() => h.api.callsTo('chat.postMessage').find((c) => c.args.channel === 'C0FR' && /^P1/.test(String(c.args.text))), 10_000);
    expect(blockText(card.args.blocks)).toContain(say('view.stance.support', {}, 'fr'));
    expect(blockText(card.args.blocks)).not.toContain(say('view.stance.support', {}, 'en'));
    await h.slack.blockAction({ user: 'UAUD1', channel: 'C0FR', message_ts: String(card.response.ts), action_id: 'plenary_support', value: `${sid}:1` });
    const edit = await until(() => h.api.callsTo('chat.update').find((c) => c.args.ts === card.response.ts), 10_000);
    expect(blockText(edit.args.blocks)).toContain(say('view.stance.support', {}, 'fr'));
    await command('/summary', 'post');
    const title = say('view.summary.title', { final: 'false', id: sid, title: 'Langues' }, 'fr');
    await until(() => h.api.callsTo('chat.postMessage').find((c) => c.args.channel === 'C0FR' && `${c.args.text} ${blockText(c.args.blocks)}`.includes(title)), 10_000);
  });

  it('a caller whose Slack locale is fr-FR sees a private /menu in French in an English conference', async () => {
    const h = await startHarness();
    harnesses.push(h);
    h.api.seedUser('UFRENCH', { name: 'amelie', locale: 'fr-FR' });
    const { command, sid } = await panel(h, 'C0EN');
    const reply = await command('/menu', '', 'UFRENCH');
    const json = reply.json as { text?: string; blocks?: unknown };
    const shown = `${json.text ?? ''} ${blockText(json.blocks)}`;
    expect(shown).toContain(`Menu de la séance ${sid}`);
    const english = await command('/menu', '');
    expect(`${(english.json as { text?: string }).text ?? ''} ${blockText((english.json as { blocks?: unknown }).blocks)}`).toContain(`Menu of session ${sid}`);
  });
});
