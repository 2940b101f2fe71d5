/**
 * A whole panel over Slack's HTTP transport: signed requests into the real Bolt receiver, the fake Web API
 * recording what plenary sends back. Waits on the fake's call log, never on the HTTP answer alone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEventCallback } from '../fakes/slack/payloads.ts';
import { formatDigest } from '../../src/digest-format.ts';
import { blockText, MOD, ORG, startHarness, until, type Harness } from './harness.ts';

const C = 'C0PANEL';
const AUDIENCE = ['UAUD1', 'UAUD2', 'UAUD3', 'UAUD4', 'UAUD5', 'UAUD6', 'UAUD7'];
const PINGS = ['<!channel>', '<!here>', '<@U0VICTIM>'];

describe('a panel over Slack HTTP', () => {
  let h: Harness;
  let sid = '';
  const ts: Record<number, string> = {};
  const processErrors: unknown[] = [];
  const onRejection = (reason: unknown) => processErrors.push(reason);

  const command = (user: string, line: string, channel = C) => {
    const [name, ...rest] = line.split(' ');
    return h.slack.slashCommand({ command: name, text: rest.join(' '), user_id: user, channel_id: channel });
  };
  const replyText = (res: { json?: unknown }) => `${(res.json as { text?: string })?.text ?? ''}\n${blockText((res.json as { blocks?: unknown })?.blocks)}`;
  const react = (user: string, n: number, reaction: string, added = true, event_id?: string) =>
    h.slack.eventCallback({
      event_id,
      event: { type: added ? 'reaction_added' : 'reaction_removed', user, reaction, item: { type: 'message', channel: C, ts: ts[n] }, item_user: 'U0PLENBOT' },
    });
  const stanceOf = async (user: string, n: number) => (await h.core.store.get<{ stance: string | null }>(`reaction:${sid}:${String(n).padStart(6, '0')}:slack:${user}`))?.stance;

  beforeAll(async () => {
    process.on('unhandledRejection', onRejection);
    h = await startHarness();
  });
  afterAll(async () => {
    if (process.env.SHOW_SLACK_LOGS) console.log(h?.logs);
    await h?.close();
    process.off('unhandledRejection', onRejection);
  });

  it('runs start → speakers → priorities → post, escaping user text on the way out', async () => {
    const started = await command(MOD, '/session start Internet governance <!channel> & friends theme:"Open & safe <!here>"');
    expect(started.status).toBe(200);
    expect(replyText(started)).toMatch(/session s[a-z0-9]+/i);
    const session = await h.core.sessionInChannel(`slack:${C}`);
    sid = session!.id;
    // Slack sent `&amp;` / `&lt;`: the core stored what the user typed.
    expect(session!.title).toBe('Internet governance <!channel> & friends');
    expect(session!.theme).toBe('Open & safe <!here>');

    await command(MOD, '/speaker add icann Göran <@U0VICTIM> org:"ICANN & co" group:technical-community');
    await command(MOD, '/speaker add itu Doreen org:ITU group:intergovernmental');
    await command(MOD, '/priority add icann Keep the DNS stable & secure <!here>');
    await command(MOD, '/priority add icann Open standards');
    // Slack sends emoji in command text as shortcodes: known ones (skin tones too) become emoji, custom ones stay.
    await command(MOD, '/priority add itu Capacity building 能力建设 :+1::skin-tone-4: :partyparrot:');
    const refused = await command('UAUD1', '/priority add itu Sneaky');
    expect(replyText(refused)).toMatch(/Only a moderator/);

    const posted = await command(MOD, '/priority post all');
    expect(replyText(posted)).toMatch(/Posting 3 proposals/);
    await until(async () => (await h.core.postedMessages(sid, 3)).length === 1, 10_000, 'three recorded posts');
    const posts = h.api.callsTo('chat.postMessage').filter((c) => c.args.channel === C && /^P\d/.test(String(c.args.text)));
    expect(posts).toHaveLength(3);
    // ≤ 1 post per second per channel, in order.
    for (let i = 1; i < posts.length; i++) expect(posts[i].at - posts[i - 1].at).toBeGreaterThanOrEqual(950);
    posts.forEach((c, i) => {
      ts[i + 1] = c.response.ts as string;
      expect(blockText(c.args.blocks)).toContain(`*P${i + 1}*`);
    });
    expect(blockText(posts[0].args.blocks)).toContain('Keep the DNS stable &amp; secure &lt;!here&gt;');
    expect(blockText(posts[0].args.blocks)).toContain('Göran &lt;@U0VICTIM&gt;, ICANN &amp; co');
    expect(String(posts[2].args.text)).toContain('能力建设 👍🏽 :partyparrot:');
    expect((await h.core.activeProposals(sid))[2].text).toBe('Capacity building 能力建设 👍🏽 :partyparrot:');
    for (const n of [1, 2, 3]) expect(await h.core.proposalForMessage(`slack:${C}:${ts[n]}`)).toEqual({ sessionId: sid, number: n });
  });

  it('counts emoji (skin tones, removal, other emoji ignored), buttons and slash reactions', async () => {
    for (const [i, user] of AUDIENCE.entries()) await command(user, `/iam ${i % 2 ? 'government' : 'civil-society'}`);
    await react('UAUD1', 1, '+1');
    await react('UAUD2', 1, '+1::skin-tone-3');
    await react('UAUD3', 1, '-1');
    await until(async () => (await stanceOf('UAUD3', 1)) === 'oppose', 5000, 'UAUD3 oppose');
    await react('UAUD3', 1, '-1', false);
    await react('UAUD4', 2, 'neutral_face');
    await react('UAUD5', 2, 'tada'); // means nothing here
    await h.slack.eventCallback({ event: { type: 'reaction_added', user: 'UAUD5', reaction: '+1', item: { type: 'message', channel: C, ts: '1.000001' } } });

    // Buttons: the same click delivered twice counts once; each click is confirmed privately.
    const click = { user: 'UAUD5', channel: C, message_ts: ts[1], action_id: 'plenary_support', value: `${sid}:1` };
    const payload = (await import('../fakes/slack/payloads.ts')).buildBlockAction(click);
    await h.slack.interactive(payload);
    await h.slack.interactive(payload);
    await h.slack.blockAction({ user: 'UAUD6', channel: C, message_ts: ts[3], action_id: 'plenary_oppose', value: `${sid}:3` });
    await h.slack.blockAction({ user: 'UAUD6', channel: C, message_ts: ts[3], action_id: 'plenary_support', value: 'bogus' });
    await command('UAUD2', '/react P2 support Worth it & more <!channel>');

    await until(async () => (await stanceOf('UAUD6', 3)) === 'oppose' && (await stanceOf('UAUD5', 1)) === 'support', 5000, 'button stances');
    await until(async () => (await stanceOf('UAUD4', 2)) === 'neutral' && (await stanceOf('UAUD3', 1)) === undefined, 5000, 'emoji stances');
    expect(await stanceOf('UAUD5', 2)).toBeUndefined();
    await until(() => h.api.ephemerals(C).filter((e) => e.user === 'UAUD5').length >= 1, 5000, 'button confirmation');
    await new Promise((r) => setTimeout(r, 300));
    const confirmations = h.api.ephemerals(C).filter((e) => e.user === 'UAUD5');
    expect(confirmations.map((e) => e.text)).toEqual(['You support P1.']);
    expect(h.api.ephemerals(C).find((e) => e.user === 'UAUD6')?.text).toBe('You oppose P3.');
  });

  it('applies a retried event once, even when the retry arrives after a later removal', async () => {
    const body = buildEventCallback({ event_id: 'Ev0RETRY01', event: { type: 'reaction_added', user: 'UAUD7', reaction: 'thumbsup', item: { type: 'message', channel: C, ts: ts[2] } } });
    await h.slack.rawEvent(body);
    await until(async () => (await stanceOf('UAUD7', 2)) === 'support', 5000, 'first delivery');
    await react('UAUD7', 2, 'thumbsup', false);
    await until(async () => (await stanceOf('UAUD7', 2)) === undefined, 5000, 'removal');
    const retry = await h.slack.rawEvent(body, { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });
    expect(retry.status).toBe(200);
    await new Promise((r) => setTimeout(r, 300));
    expect(await stanceOf('UAUD7', 2)).toBeUndefined();
  });

  it('rejects forged and stale signatures with 401 and changes nothing', async () => {
    const before = h.api.calls.length;
    const forged = await h.slack.slashCommand({ command: '/session', text: 'start Forged', user_id: MOD, channel_id: 'C0OTHER' }, { badSignature: true });
    const stale = await h.slack.slashCommand({ command: '/session', text: 'start Stale', user_id: MOD, channel_id: 'C0OTHER' }, { staleTimestamp: true });
    const event = await h.slack.eventCallback(
      { event: { type: 'reaction_added', user: 'UAUD1', reaction: '-1', item: { type: 'message', channel: C, ts: ts[1] } } },
      { badSignature: true },
    );
    const click = await h.slack.blockAction({ user: 'UAUD1', channel: C, message_ts: ts[1], action_id: 'plenary_oppose', value: `${sid}:1` }, { badSignature: true });
    expect([forged.status, stale.status, event.status, click.status]).toEqual([401, 401, 401, 401]);
    await new Promise((r) => setTimeout(r, 300));
    expect(await h.core.sessionInChannel('slack:C0OTHER')).toBeUndefined();
    expect(await stanceOf('UAUD1', 1)).toBe('support');
    expect(h.api.calls.slice(before).filter((c) => c.method !== 'chat.update')).toEqual([]);
  });

  it('Comment opens a 500-character form; submissions are stored or refused inside the form', async () => {
    await h.slack.blockAction({ user: 'UAUD1', channel: C, message_ts: ts[1], action_id: 'plenary_comment', value: `${sid}:1` });
    const open = await h.api.waitFor((c) => c.method === 'views.open' && c.status === 200);
    const view = open.args.view as { callback_id: string; private_metadata: string };
    expect(JSON.stringify(view)).toContain('"max_length":500');
    for (const ping of PINGS) expect(JSON.stringify(view)).not.toContain(ping);
    const submit = (value: string) =>
      h.slack.viewSubmission({ user: 'UAUD1', view: { callback_id: view.callback_id, private_metadata: view.private_metadata, state: { values: { comment: { text: { type: 'plain_text_input', value } } } } } });
    const tooLong = await submit('x'.repeat(501));
    expect(tooLong.json).toMatchObject({ response_action: 'errors', errors: { comment: expect.stringMatching(/500/) } });
    const ok = await submit('Vital & urgent <!channel>');
    expect(ok.status).toBe(200);
    expect(ok.body).toBe('');
    await until(() => h.api.ephemerals(C).find((e) => e.user === 'UAUD1' && /comment on P1/.test(e.text ?? '')), 5000, 'comment confirmation');
    expect(await stanceOf('UAUD1', 1)).toBe('support'); // the comment kept the stance
  });

  it('batches live counts: ≤ 1 edit per second per message, ending on the final counts', async () => {
    // A burst on P3: six stance changes within a few hundred ms.
    for (const [i, user] of ['UAUD1', 'UAUD2', 'UAUD3', 'UAUD4'].entries()) await react(user, 3, i % 2 ? '+1' : 'neutral_face');
    await react('UAUD4', 3, 'neutral_face', false);
    await react('UAUD4', 3, '-1');
    const expected: Record<number, string> = { 1: '👍 Support *3*   😐 Neutral *0*   👎 Oppose *0*', 2: '👍 Support *1*   😐 Neutral *1*   👎 Oppose *0*', 3: '👍 Support *1*   😐 Neutral *2*   👎 Oppose *2*' };
    for (const n of [1, 2, 3]) {
      await until(() => blockText(h.api.message(C, ts[n])?.blocks).includes(expected[n]), 15_000, `final counts on P${n}`);
    }
    await new Promise((r) => setTimeout(r, 1500)); // nothing further is pending
    for (const n of [1, 2, 3]) {
      const edits = h.api.callsTo('chat.update').filter((c) => c.args.ts === ts[n]);
      expect(edits.length).toBeGreaterThan(0);
      for (let i = 1; i < edits.length; i++) expect(edits[i].at - edits[i - 1].at, `P${n} edit spacing`).toBeGreaterThanOrEqual(1000);
      expect(blockText(edits.at(-1)!.args.blocks)).toContain(expected[n]);
    }
    // The burst on P3 was coalesced.
    expect(h.api.callsTo('chat.update').filter((c) => c.args.ts === ts[3]).length).toBeLessThan(6);
  });

  it('closes with a final summary, drops the buttons, and the digest holds the panel', async () => {
    const closed = await command(MOD, '/session close');
    expect(closed.status).toBe(200);
    await until(() => h.api.callsTo('chat.postMessage').some((c) => /Final summary/.test(String(c.args.text))), 10_000, 'final summary');
    const summary = h.api.callsTo('chat.postMessage').find((c) => /Final summary/.test(String(c.args.text)))!;
    for (const ping of PINGS) expect(JSON.stringify(summary.args)).not.toContain(ping);
    expect(blockText(summary.args.blocks)).toContain('“Vital &amp; urgent &lt;!channel&gt;” — civil-society');
    await until(() => [1, 2, 3].every((n) => !(h.api.message(C, ts[n])?.blocks ?? []).some((b) => (b as { type: string }).type === 'actions')), 15_000, 'buttons removed');

    const date = h.core.summaries.today(h.core.now());
    const digest = JSON.parse(formatDigest(await h.core.summaries.digest(date), 'json'));
    const proposals = Object.fromEntries(digest.sessions[0].proposals.map((p: any) => [p.code, p]));
    expect(digest.sessions[0].title).toBe('Internet governance <!channel> & friends');
    expect(proposals.P1).toMatchObject({ support: 3, neutral: 0, oppose: 0, reactors: 3 });
    expect(proposals.P2).toMatchObject({ support: 1, neutral: 1, oppose: 0, reactors: 2 });
    expect(proposals.P3).toMatchObject({ support: 1, neutral: 2, oppose: 2, reactors: 5 });
    expect(proposals.P1.comments).toEqual([{ text: 'Vital & urgent <!channel>', group: 'civil-society' }]);
    expect(proposals.P2.comments).toEqual([{ text: 'Worth it & more <!channel>', group: 'government' }]);
    expect(JSON.stringify(digest)).not.toMatch(/UAUD|slack:/);

    // The organiser posts the digest with a JSON file: uploaded with files.uploadV2 in the channel.
    await command(ORG, '/digest post format:json');
    const done = await h.api.waitFor((c) => c.method === 'files.completeUploadExternal' && c.status === 200, 10_000);
    expect(done.args.channel_id).toBe(C);
    const file = h.api.file((done.args.files as Array<{ id: string }>)[0].id)!;
    expect(JSON.parse(file.bytes!.toString('utf8')).sessions[0].proposals).toHaveLength(3);
    // Without `post`, the file comes back privately, inline.
    const mine = await command(ORG, '/digest format:csv');
    expect(replyText(mine)).toMatch(/Digest of Test &lt;Conf&gt; &amp; co/);

    expect(h.logs.filter((l) => l.startsWith('error'))).toEqual([]);
    expect(processErrors).toEqual([]);
  });
});
