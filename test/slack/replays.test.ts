/**
 * A signed request replayed within Slack's signature window (same trigger_id for a slash command, same
 * view.id + hash for a form) is applied once, through the real Bolt HTTP receiver: the replay changes
 * nothing, even after a later command changed the stance again, and the replayed command is told so.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildViewSubmission } from '../fakes/slack/payloads.ts';
import { blockText, MOD, startHarness, until, type Harness } from './harness.ts';

const C = 'C0REPLAY';
const USER = 'U0REPLAY1';

describe('Slack replays', () => {
  let h: Harness;
  let sid = '';
  const reaction = async () => h.core.store.get<{ stance: string | null; comment: string | null; at: number }>(`reaction:${sid}:000001:slack:${USER}`);
  const replyText = (res: { json?: unknown }) => `${(res.json as { text?: string })?.text ?? ''}\n${blockText((res.json as { blocks?: unknown })?.blocks)}`;

  beforeAll(async () => {
    h = await startHarness();
    const session = await h.core.startSession(`slack:${MOD}`, `slack:${C}`, 'Replay panel', null);
    sid = session.id;
    await h.core.addSpeaker(`slack:${C}`, { handle: 'ann', name: 'Ann' });
    await h.core.addPriority(`slack:${C}`, 'ann', 'Open standards');
  });
  afterAll(async () => {
    await h?.close();
  });

  it('the same /react (same trigger_id) sent twice changes the stance once; the second answer says it was already received', async () => {
    const once = { command: '/react', text: 'P1 support', user_id: USER, channel_id: C, trigger_id: '13345224609.738474920.8088930838d88f008e0' };
    const first = await h.slack.slashCommand(once);
    expect(first.status).toBe(200);
    expect(replyText(first)).toMatch(/support P1/i);
    const stored = await reaction();
    expect(stored?.stance).toBe('support');
    await new Promise((r) => setTimeout(r, 5)); // a second application would carry a later timestamp

    const again = await h.slack.slashCommand(once);
    expect(again.status).toBe(200);
    expect(replyText(again)).toMatch(/already received/);
    expect(await reaction()).toEqual(stored); // untouched: same stance, same time

    // A different command (another trigger_id) is applied; replaying the first one afterwards does not undo it.
    const oppose = await h.slack.slashCommand({ ...once, text: 'P1 oppose', trigger_id: '13345224609.738474920.ffff0000aaaa' });
    expect(replyText(oppose)).toMatch(/oppose P1/i);
    const late = await h.slack.slashCommand(once);
    expect(replyText(late)).toMatch(/already received/);
    expect((await reaction())?.stance).toBe('oppose');
  });

  it('the same view_submission (same view.id + hash) sent twice stores the comment once', async () => {
    const submission = (value: string, id: string) =>
      buildViewSubmission({
        user: USER,
        view: {
          id,
          callback_id: 'plenary_comment_modal',
          private_metadata: JSON.stringify({ s: sid, n: 1, c: C }),
          state: { values: { comment: { text: { type: 'plain_text_input', value } } } },
        },
      });
    const confirmations = () => h.api.ephemerals(C).filter((e) => e.user === USER && e.text === 'Your comment on P1 is recorded.').length;

    const body = submission('First thought', 'V0REPLAY01');
    const first = await h.slack.interactive(body);
    expect(first.status).toBe(200);
    expect(first.body).toBe('');
    expect((await reaction())?.comment).toBe('First thought');
    await until(() => confirmations() === 1, 5000, 'the first confirmation');
    const stored = await reaction();
    await new Promise((r) => setTimeout(r, 5));

    const again = await h.slack.interactive(body); // byte for byte the same payload: same view.id and hash
    expect(again.status).toBe(200);
    expect(again.body).toBe(''); // the form closes, with no error shown
    expect(await reaction()).toEqual(stored);

    // Another submission is applied; the old one replayed afterwards does not bring its text back.
    await h.slack.interactive(submission('Second thought', 'V0REPLAY02'));
    expect((await reaction())?.comment).toBe('Second thought');
    expect((await h.slack.interactive(body)).status).toBe(200);
    expect((await reaction())?.comment).toBe('Second thought');
    await until(() => confirmations() === 2, 5000, 'the second confirmation');
    await new Promise((r) => setTimeout(r, 200));
    expect(confirmations()).toBe(2); // replays were not confirmed again
  });
});
