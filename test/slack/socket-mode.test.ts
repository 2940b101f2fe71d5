/**
 * A shorter panel over Socket Mode: envelopes from the fake Socket Mode server, acks recorded by it,
 * Web API calls recorded by the fake Web API. A retried event (retry_attempt) applies once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockText, MOD, startHarness, until, type Harness } from './harness.ts';
import { formatDigest } from '../../src/digest-format.ts';

const C = 'C0SOCKET';

describe('a panel over Slack Socket Mode', () => {
  let h: Harness;
  const processErrors: unknown[] = [];
  const onRejection = (reason: unknown) => processErrors.push(reason);
  const command = async (user: string, line: string) => {
    const [name, ...rest] = line.split(' ');
    const id = await h.sm!.slashCommand({ command: name, text: rest.join(' '), user_id: user, channel_id: C });
    const ack = await h.sm!.waitForAck(id);
    return `${ack.payload.text ?? ''}`;
  };

  beforeAll(async () => {
    process.on('unhandledRejection', onRejection);
    h = await startHarness({ socketMode: true });
  });
  afterAll(async () => {
    await h?.close();
    process.off('unhandledRejection', onRejection);
  });

  it('starts, posts, counts emoji and buttons once, and summarises', async () => {
    expect(h.stopSlack.port).toBeUndefined();
    expect(await command(MOD, '/session start Socket & <!here> panel')).toMatch(/s[a-z0-9]+/);
    const sid = (await h.core.sessionInChannel(`slack:${C}`))!.id;
    expect((await h.core.getSession(sid))!.title).toBe('Socket & <!here> panel');
    await command(MOD, '/speaker add gov Government of X');
    await command(MOD, '/priority add gov Fund <@U0VICTIM> cyber capacity');
    expect(await command('UAUD1', '/priority post all')).toMatch(/Only a moderator/);
    await command(MOD, '/priority post all');
    await until(async () => (await h.core.postedMessages(sid, 1)).length === 1, 10_000, 'the posted proposal');
    const post = h.api.callsTo('chat.postMessage').find((c) => String(c.args.text).startsWith('P1'))!;
    expect(JSON.stringify(post.args)).not.toContain('<@U0VICTIM>');
    const ts = post.response.ts as string;

    const reaction = { type: 'reaction_added', user: 'UAUD1', reaction: '+1::skin-tone-5', item: { type: 'message', channel: C, ts } };
    const first = await h.sm!.event({ event_id: 'Ev0SOCKET1', event: reaction });
    await h.sm!.waitForAck(first);
    await h.sm!.event({ event_id: 'Ev0SOCKET2', event: { ...reaction, type: 'reaction_removed' } });
    const retry = await h.sm!.event({ event_id: 'Ev0SOCKET1', event: reaction, retryAttempt: 1, retryReason: 'timeout' });
    await h.sm!.waitForAck(retry);
    const clickId = await h.sm!.blockAction({ user: 'UAUD2', channel: C, message_ts: ts, action_id: 'plenary_neutral', value: `${sid}:1` });
    await h.sm!.waitForAck(clickId);
    await until(() => h.api.ephemerals(C).find((e) => e.user === 'UAUD2')?.text === 'You are neutral on P1.', 5000, 'button confirmation');
    await until(() => blockText(h.api.message(C, ts)?.blocks).includes('👍 Support *0*   😐 Neutral *1*   👎 Oppose *0*'), 10_000, 'live counts');

    expect(await command(MOD, '/summary')).toMatch(/Summary of session/);
    await command(MOD, '/session close');
    await until(() => h.api.callsTo('chat.postMessage').some((c) => /Final summary/.test(String(c.args.text))), 10_000, 'final summary');
    const digest = JSON.parse(formatDigest(await h.core.summaries.digest(h.core.summaries.today(h.core.now())), 'json'));
    expect(digest.sessions[0].proposals[0]).toMatchObject({ code: 'P1', support: 0, neutral: 1, oppose: 0, reactors: 1 });
    expect(h.logs.filter((l) => l.startsWith('error'))).toEqual([]);
    expect(processErrors).toEqual([]);
  });
});
