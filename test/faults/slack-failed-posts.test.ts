/**
 * Posts Slack refuses for good, through the strict fake and the real Bolt: the moderator who asked gets one
 * private line saying how to fix it (in the channel, or by direct message when the app is not there), nothing
 * is posted, the refusal is logged as an error and recorded for status, and after a refused final summary the
 * cards still lose their buttons.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MOD, startHarness, until, type Harness } from '../slack/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ tuning: { postIntervalMs: 20, editIntervalMs: 200, updatesPerMinute: 600, updateBurst: 20 } });
});
afterAll(async () => {
  await h?.close();
});

const run = async (channel: string, command: string, text: string) => {
  const res = await h.slack.slashCommand({ command, text, user_id: MOD, channel_id: channel });
  expect(res.status).toBe(200);
  return String((res.json as { text?: string })?.text ?? '');
};
async function sessionIn(channel: string) {
  expect(await run(channel, '/session', `start Failing ${channel}`)).not.toMatch(/^⚠/);
  await run(channel, '/speaker', 'add icann ICANN');
  await run(channel, '/priority', 'add icann First idea');
}
const toModerator = (channel: string) => h.api.ephemerals(channel).filter((e) => e.user === MOD && /^⚠ I could not post/.test(String(e.text)));
const summariesIn = (channel: string) => h.api.messages(channel).filter((m) => /summary/i.test(String(m.text)));

describe('posts Slack refuses for good', () => {
  it.each([
    ['missing_scope', 'CSCOPE1', { error: 'missing_scope', extra: { needed: 'chat:write.public', provided: 'chat:write' } }, /lacks the Slack permission chat:write\.public: a workspace admin reinstalls it/],
    ['msg_blocks_too_long', 'CLONG01', { error: 'msg_blocks_too_long' }, /too long for one Slack message: use the command without “post”/],
    ['channel_not_found', 'CGONE01', { error: 'channel_not_found' }, /does not show <#CGONE01> to the app .*\/invite @plenary/],
  ])('%s: the moderator is told privately how to fix it, and nothing is posted', async (_name, channel, refusal, fix) => {
    await sessionIn(channel);
    h.api.refusePostsIn(channel, refusal);
    const before = h.api.callsTo('chat.postMessage').length;
    await run(channel, '/summary', 'post');
    const line = await until(() => toModerator(channel)[0], 10_000, 'the private line');
    expect(line.text).toMatch(/^⚠ I could not post the summary to this channel: /);
    expect(line.text).toMatch(fix);
    expect(summariesIn(channel)).toEqual([]);
    expect(h.api.callsTo('chat.postMessage').slice(before).filter((c) => c.args.channel === channel && c.status === 200 && c.response.ok)).toEqual([]);
    expect(h.logs.some((l) => l.startsWith('error') && l.includes(`slack:${channel} was refused for good`))).toBe(true);
    // Recorded, so status and `plenary digest` can show it even with nobody to tell.
    expect((await h.core.outbox.failures(`slack:${channel}`)).map((f) => f.kind)).toEqual(['summary']);
    expect(await h.core.outbox.pending('slack')).toEqual([]);
    // Once: the same failure again within minutes does not repeat the line.
    await run(channel, '/summary', 'post');
    await until(async () => (await h.core.outbox.failures(`slack:${channel}`)).length === 2, 10_000, 'the second refusal');
    expect(toModerator(channel)).toHaveLength(1);
    // Fixed: the same command posts it (so the checks above would have seen a summary).
    h.api.refusePostsIn(channel, null);
    await run(channel, '/summary', 'post');
    await until(() => summariesIn(channel).length === 1, 10_000, 'the summary once the channel accepts it');
  });

  it('not_in_channel: the line goes by direct message, since the app cannot speak in that channel at all', async () => {
    const channel = 'COUTSIDE';
    await sessionIn(channel);
    h.api.removeBotFrom(channel);
    await run(channel, '/menu', 'post');
    const dm = await until(() => h.api.messages(MOD).find((m) => /^⚠ I could not post the menu/.test(String(m.text))), 10_000, 'the direct message');
    expect(dm.text).toMatch(/the app is not in <#COUTSIDE>: invite it there with \/invite @plenary, then post again\./);
    expect(h.api.messages(channel).filter((m) => /menu/i.test(String(m.text)))).toEqual([]);
  });

  it('a refused final summary at /session close still takes the buttons off every card', async () => {
    const channel = 'CCLOSE01';
    await sessionIn(channel);
    await run(channel, '/priority', 'add icann Second idea');
    await run(channel, '/priority', 'post all');
    const cards = () => h.api.messages(channel).filter((m) => /^P\d+ · /.test(String(m.text)));
    await until(() => cards().length === 2 && cards(), 10_000, 'two cards');
    const hasButtons = (m: { channel: string; ts: string }) => (h.api.message(m.channel, m.ts)?.blocks ?? []).some((b) => (b as { type?: string }).type === 'actions');
    expect(cards().every(hasButtons)).toBe(true);
    h.api.refusePostsIn(channel, { error: 'msg_blocks_too_long' });
    await run(channel, '/session', 'close');
    const line = await until(() => toModerator(channel)[0], 10_000, 'the private line');
    expect(line.text).toMatch(/^⚠ I could not post the final summary to this channel: it was too long/);
    await until(() => cards().every((m) => !hasButtons(m)), 10_000, 'buttons removed');
    expect(summariesIn(channel).filter((m) => /final/i.test(String(m.text)))).toEqual([]);
  });
});
