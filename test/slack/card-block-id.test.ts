/**
 * Slack asks for a new actions block_id on every chat.update of a message. Counts alone repeat, so a card
 * edited back to an earlier count state must still carry a block_id it never had before.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MOD, startHarness, until, type Harness } from './harness.ts';

const C = 'C0BLOCKIDS';
const actionsBlockIdOf = (blocks: unknown) =>
  (blocks as Array<{ type: string; block_id?: string }>).find((b) => b.type === 'actions')?.block_id;

describe('card edits through the Slack fake', () => {
  let h: Harness;
  let sid = '';
  let ts = '';
  const command = (line: string) => {
    const [name, ...rest] = line.split(' ');
    return h.slack.slashCommand({ command: name, text: rest.join(' '), user_id: MOD, channel_id: C });
  };
  const click = (actionId: string) => h.slack.blockAction({ user: 'UAUD1', channel: C, message_ts: ts, action_id: actionId, value: `${sid}:1` });
  const editsShowing = (counts: string) =>
    h.api.callsTo('chat.update').filter((c) => c.status === 200 && c.args.ts === ts && new RegExp(`_${counts.replaceAll('.', '\\.')}(_|$)`).test(String(actionsBlockIdOf(c.args.blocks))));

  beforeAll(async () => {
    h = await startHarness();
    await command('/session start Block ids');
    await command('/speaker add icann Ana');
    await command('/priority add icann Keep the DNS stable');
    await command('/priority post all');
    sid = (await h.core.sessionInChannel(`slack:${C}`))!.id;
    ts = (await until(() => h.api.callsTo('chat.postMessage').find((c) => /^P1/.test(String(c.args.text)) && c.status === 200), 10_000, 'the card')).response.ts as string;
  });
  afterAll(async () => h?.close());

  it('two edits back to the same counts have different block_ids, each new to the message', async () => {
    await click('plenary_support');
    await until(() => editsShowing('1.0.0').length === 1, 10_000, 'the edit to 1·0·0');
    await click('plenary_neutral');
    await until(() => editsShowing('0.1.0').length === 1, 10_000, 'the edit to 0·1·0');
    await click('plenary_support');
    await until(() => editsShowing('1.0.0').length === 2, 10_000, 'the second edit to 1·0·0');
    const [first, second] = editsShowing('1.0.0').map((c) => actionsBlockIdOf(c.args.blocks)!);
    expect(second).not.toBe(first);
    const posted = actionsBlockIdOf(h.api.callsTo('chat.postMessage').find((c) => c.response?.ts === ts)!.args.blocks);
    const every = [posted, ...h.api.callsTo('chat.update').filter((c) => c.args.ts === ts).map((c) => actionsBlockIdOf(c.args.blocks))];
    expect(new Set(every).size).toBe(every.length);
    for (const id of every) expect(id!.length).toBeLessThanOrEqual(255);
    expect(actionsBlockIdOf(h.api.message(C, ts)!.blocks)).toBe(second);
  });
});
