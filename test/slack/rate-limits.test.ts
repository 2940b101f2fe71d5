/**
 * Slack answers 429 with Retry-After: plenary waits that long (the WebClient pauses all calls), retries,
 * and loses nothing — every proposal is posted, in order, and the counts still end on the latest state.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockText, MOD, RETRY_AT_ONCE, startHarness, until, type Harness } from './harness.ts';

const C = 'C0LIMITS';

describe('Slack rate limits', () => {
  let h: Harness;
  const processErrors: unknown[] = [];
  const onRejection = (reason: unknown) => processErrors.push(reason);
  const command = (user: string, line: string) => {
    const [name, ...rest] = line.split(' ');
    return h.slack.slashCommand({ command: name, text: rest.join(' '), user_id: user, channel_id: C });
  };

  beforeAll(async () => {
    process.on('unhandledRejection', onRejection);
    // Retry-After is still waited out in full (asserted below); the posts' own spacing is shortened.
    h = await startHarness({ tuning: { postIntervalMs: 200, editIntervalMs: 300, retryConfig: RETRY_AT_ONCE } });
  });
  afterAll(async () => {
    await h?.close();
    process.off('unhandledRejection', onRejection);
  });

  it('honours Retry-After on chat.postMessage and chat.update, dropping nothing', async () => {
    await command(MOD, '/session start Limits');
    const sid = (await h.core.sessionInChannel(`slack:${C}`))!.id;
    await command(MOD, '/speaker add wg Working Group');
    for (const text of ['First', 'Second', 'Third']) await command(MOD, `/priority add wg ${text}`);
    await until(() => h.api.callsTo('chat.postMessage').length >= 1, 5000, 'the session-opened post');
    h.api.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    await command(MOD, '/priority post all');

    await until(async () => (await h.core.postedMessages(sid, 3)).length === 1, 20_000, 'all three proposals posted');
    const attempts = h.api.callsTo('chat.postMessage').filter((c) => /^P\d|ratelimited/.test(String(c.args.text ?? c.response.error)));
    const limited = attempts.findIndex((c) => c.status === 429);
    expect(limited).toBeGreaterThanOrEqual(0);
    expect(attempts[limited + 1].at - attempts[limited].at).toBeGreaterThanOrEqual(1000); // waited Retry-After
    const delivered = attempts.filter((c) => c.status === 200).map((c) => String(c.args.text).slice(0, 2));
    expect(delivered).toEqual(['P1', 'P2', 'P3']); // each once, in order

    const ts = (n: number) => h.api.callsTo('chat.postMessage').find((c) => c.status === 200 && String(c.args.text).startsWith(`P${n}`))!.response.ts as string;
    h.api.failNext('chat.update', { status: 429, retryAfter: 1 }, 2);
    for (const user of ['UA', 'UB', 'UC']) {
      await h.slack.eventCallback({ event: { type: 'reaction_added', user, reaction: '+1', item: { type: 'message', channel: C, ts: ts(1) } } });
      await h.slack.eventCallback({ event: { type: 'reaction_added', user, reaction: '-1', item: { type: 'message', channel: C, ts: ts(2) } } });
    }
    for (const [n, text] of [[1, '👍 Support *3*   😐 Neutral *0*   👎 Oppose *0*'], [2, '👍 Support *0*   😐 Neutral *0*   👎 Oppose *3*']] as const) {
      await until(() => blockText(h.api.message(C, ts(n))?.blocks).includes(text), 20_000, `final counts on P${n}`);
    }
    expect(h.api.callsTo('chat.update').filter((c) => c.status === 429)).toHaveLength(2);
    expect(h.logs.filter((l) => l.startsWith('error'))).toEqual([]);
    expect(processErrors).toEqual([]);
  });
});
