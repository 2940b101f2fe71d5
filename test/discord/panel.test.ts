// A whole panel on Discord: the real discord.js (through startDiscord) against the fake Discord REST +
// gateway, a memory store and the real core. Checked through the JSON digest and the recorded REST calls.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { say } from '../../src/wording/say.ts';
import { GUILD, MAIN, OVERFLOW, U, answerOf, messageCalls, sleep, slash, startWorld, textOf, type World } from './helpers.ts';
import { commandDefinitions } from '../../adapters/discord/commands.ts';

let w: World;
let sid = '';
const proposalMessages = () => w.fake.messages(MAIN).filter((m) => m.embeds?.[0]?.title?.match(/^P\d+ · /));
const messageOf = (code: string) => proposalMessages().find((m) => m.embeds[0].title!.startsWith(`${code} · `))!;
const counts = (m: { embeds: Array<{ fields?: Array<{ name: string; value: string }> }> }) =>
  Object.fromEntries((m.embeds[0].fields ?? []).map((f) => [f.name.split(' ')[1].toLowerCase(), Number(f.value)]));
const stanceOf = async (user: string, n: number) => (await w.core.store.get<{ stance: string | null }>(`reaction:${sid}:${String(n).padStart(6, '0')}:discord:${user}`))?.stance ?? null;
/** Waits until the core holds what the test expects (handling is asynchronous after the dispatch). */
const until = <T>(check: () => Promise<T | undefined | null | false>, ms = 5000) => {
  const deadline = Date.now() + ms;
  const poll = async (): Promise<T> => {
    const v = await check();
    if (v) return v;
    if (Date.now() > deadline) throw new Error('condition not reached');
    await sleep(20);
    return poll();
  };
  return poll();
};

beforeAll(async () => {
  w = await startWorld();
});
afterAll(async () => {
  await w?.close();
});

describe('a panel on Discord', () => {
  it('registers the generated commands in the configured server at start', () => {
    const registered = w.fake.commands(GUILD);
    expect(registered.map((c) => c.name)).toEqual(commandDefinitions(w.core.config).map((c) => c.name));
    expect(w.fake.callsTo('PUT', `/applications/\\d+/guilds/${GUILD}/commands$`)).toHaveLength(1);
  });

  it('refuses a participant privately and changes nothing; a member holding a configured role may moderate', async () => {
    const refused = await slash(w.fake, U.alice, 'session', 'start', { title: 'Not mine' });
    expect(refused.ephemeral).toBe(true);
    expect(textOf(refused.answer)).toMatch(/Only a moderator may use \/session start/);
    expect(await w.core.sessionInChannel(`discord:${MAIN}`)).toBeUndefined();
    expect(w.fake.messages(MAIN)).toHaveLength(0);

    const started = await slash(w.fake, U.mod, 'session', 'start', { title: 'Cyber capacity <@&1> @everyone', theme: 'Closing the gap' });
    expect(started.ephemeral).toBe(true);
    sid = (await w.core.sessionInChannel(`discord:${MAIN}`))!.id;
    expect(textOf(started.answer)).toContain(`Session ${sid} is open here`);
    const post = await w.fake.waitFor(() => w.fake.messages(MAIN).find((m) => m.content.includes('is open')));
    expect(post.content).toContain('@everyone');
    expect(post.mention_everyone).toBe(false);
    expect(post.mention_roles).toEqual([]);
  });

  it('adds speakers and priorities, with autocomplete answered from the channel session', async () => {
    await slash(w.fake, U.mod, 'speaker', 'add', { handle: 'icann', name: 'Ana Example', org: 'ICANN', group: 'technical-community' });
    await slash(w.fake, U.mod, 'speaker', 'add', { handle: 'itu', name: 'Ito Sample', org: 'ITU', group: 'intergovernmental' });
    const texts = ['Fund CERTs in every region', 'Publish a shared incident taxonomy', 'Train 10,000 responders by 2030'];
    for (const [i, text] of texts.entries()) {
      const r = await slash(w.fake, U.mod, 'priority', 'add', { handle: i === 2 ? 'itu' : 'icann', text });
      expect(textOf(r.answer)).toContain(`P${i + 1} added`);
    }
    const ac = w.fake.sendAutocomplete({ userId: U.mod, channelId: MAIN, name: 'priority', subcommand: 'post', options: { handle: 'i' }, focused: 'handle' });
    const speakers = await w.fake.waitFor(() => w.fake.interaction(ac.id)?.responses[0]);
    expect(speakers.type).toBe(8);
    expect(speakers.data!.choices.map((c: any) => c.value)).toEqual(['icann', 'itu']);
    const all = w.fake.sendAutocomplete({ userId: U.mod, channelId: MAIN, name: 'priority', subcommand: 'post', options: { handle: '' }, focused: 'handle' });
    expect((await w.fake.waitFor(() => w.fake.interaction(all.id)?.responses[0])).data!.choices[0].value).toBe('all');
    const codes = w.fake.sendAutocomplete({ userId: U.alice, channelId: MAIN, name: 'react', options: { code: 'taxon' }, focused: 'code' });
    expect((await w.fake.waitFor(() => w.fake.interaction(codes.id)?.responses[0])).data!.choices).toEqual([
      { name: 'P2 · icann: Publish a shared incident taxonomy', value: 'P2' },
    ]);
    const none = w.fake.sendAutocomplete({ userId: U.alice, channelId: OVERFLOW, name: 'react', options: { code: '' }, focused: 'code' });
    expect((await w.fake.waitFor(() => w.fake.interaction(none.id)?.responses[0])).data!.choices).toEqual([]);
  });

  it('posts every proposal as an embed with buttons, to every bound channel on every platform', async () => {
    // The terminal follows this Discord session too (any platform may /session join).
    await w.core.joinSession('console:hall', sid);
    const posted = await slash(w.fake, U.mod, 'priority', 'post', { handle: 'all' });
    expect(textOf(posted.answer)).toBe('Posting 3 proposals to 2 channels.');
    await w.fake.waitFor(() => proposalMessages().length === 3);
    const p1 = messageOf('P1');
    expect(p1.embeds[0]).toMatchObject({ title: 'P1 · Ana Example, ICANN', description: 'Fund CERTs in every region' });
    expect((p1.components![0] as any).components.map((b: any) => b.label)).toEqual(['Support', 'Neutral', 'Oppose', 'Comment']);
    expect(await w.core.proposalForMessage(`discord:${MAIN}:${p1.id}`)).toEqual({ sessionId: sid, number: 1 });
    await w.fake.waitFor(() => w.elsewhere.filter((p) => p.channel === 'console:hall').length === 3);
  });

  it('counts buttons, and the Comment button opens a form whose submission saves the comment', async () => {
    const p1 = messageOf('P1');
    const click = w.fake.sendButton({ userId: U.alice, channelId: MAIN, messageId: p1.id, customId: `plenary:react:${sid}:1:support` });
    const answer = await answerOf(w.fake, click.id);
    expect([answer.content, answer.flags & 64]).toEqual(['You support P1.', 64]);
    await answerOf(w.fake, w.fake.sendButton({ userId: U.bob, channelId: MAIN, messageId: p1.id, customId: `plenary:react:${sid}:1:oppose` }).id);

    const comment = w.fake.sendButton({ userId: U.bob, channelId: MAIN, messageId: p1.id, customId: `plenary:comment:${sid}:1` });
    const form = await w.fake.waitFor(() => w.fake.interaction(comment.id)?.responses[0]);
    expect(form).toMatchObject({ type: 9, data: { custom_id: `plenary:comment-form:${sid}:1` } });
    const submit = w.fake.sendModalSubmit({
      userId: U.bob, channelId: MAIN, messageId: p1.id, customId: `plenary:comment-form:${sid}:1`, fields: { comment: 'Regions differ — 地区不同 <@1>' },
    });
    expect((await answerOf(w.fake, submit.id)).content).toBe(say('reply.comment.recorded', { code: 'P1' }));
    expect(await stanceOf(U.bob, 1)).toBe('oppose'); // a comment keeps the stance
  });

  it('counts emoji with skin tones, removal, and ignores other emoji and the bot', async () => {
    const p2 = messageOf('P2');
    w.fake.sendReactionAdd({ userId: U.carol, channelId: MAIN, messageId: p2.id, emoji: '👍🏽' });
    w.fake.sendReactionAdd({ userId: U.dave, channelId: MAIN, messageId: p2.id, emoji: '👎' });
    w.fake.sendReactionAdd({ userId: U.erin, channelId: MAIN, messageId: p2.id, emoji: '🎉' });
    w.fake.sendReactionAdd({ userId: U.erin, channelId: MAIN, messageId: p2.id, emoji: { id: '700000000000000001', name: 'thumbsup' } });
    w.fake.sendReactionAdd({ userId: '500000000000000001', channelId: MAIN, messageId: p2.id, emoji: '👍' });
    await until(async () => (await stanceOf(U.carol, 2)) === 'support' && (await stanceOf(U.dave, 2)) === 'oppose');
    w.fake.sendReactionRemove({ userId: U.dave, channelId: MAIN, messageId: p2.id, emoji: '👎' });
    await until(async () => (await stanceOf(U.dave, 2)) === null);
    expect(await w.core.summaries.proposalCounts(sid, 2)).toEqual({ support: 1, neutral: 0, oppose: 0, reactors: 1 });
  });

  it('counts reactions on messages the bot no longer has cached (after a restart)', async () => {
    await w.restart(); // a fresh client: every proposal message is uncached now
    const p3 = messageOf('P3');
    w.fake.sendReactionAdd({ userId: U.erin, channelId: MAIN, messageId: p3.id, emoji: '😐' });
    await until(async () => (await stanceOf(U.erin, 3)) === 'neutral');
    expect(w.fake.callsTo('GET', `/channels/${MAIN}/messages/${p3.id}$`)).toHaveLength(0); // nothing fetched
    const edited = await w.fake.waitFor(() => counts(messageOf('P3')).neutral === 1 && messageOf('P3'));
    expect(counts(edited)).toEqual({ support: 0, neutral: 1, oppose: 0 });
  });

  it('applies a replayed reaction and a replayed interaction once after RESUME, but counts a genuine re-add', async () => {
    const p3 = messageOf('P3');
    const seq = w.fake.sendReactionAdd({ userId: U.frank, channelId: MAIN, messageId: p3.id, emoji: '👍' })!;
    await until(async () => (await stanceOf(U.frank, 3)) === 'support');
    const react = await slash(w.fake, U.frank, 'react', undefined, { code: 'P3', stance: 'oppose', comment: 'changed my mind' });
    expect(textOf(react.answer)).toBe('You oppose P3. Your comment is saved.');
    const resumed = w.fake.waitForResume();
    w.fake.dropConnection({ replayFromSeq: seq - 1 }); // replays the 👍 and the /react
    await resumed;
    // Genuine: add, remove, add again — each a new dispatch, all applied.
    w.fake.sendReactionAdd({ userId: U.gina, channelId: MAIN, messageId: p3.id, emoji: '👍' });
    w.fake.sendReactionRemove({ userId: U.gina, channelId: MAIN, messageId: p3.id, emoji: '👍' });
    w.fake.sendReactionAdd({ userId: U.gina, channelId: MAIN, messageId: p3.id, emoji: '👍' });
    await until(async () => (await stanceOf(U.gina, 3)) === 'support');
    await sleep(300);
    expect(await stanceOf(U.frank, 3)).toBe('oppose'); // the replayed 👍 did not undo the later /react
    expect(w.fake.interaction(react.id)!.responses).toHaveLength(1);
    expect(w.fake.callsTo('POST', `/interactions/${react.id}/`)).toHaveLength(1);
  });

  it('batches live-count edits to at most one per second per message, ending on the final counts', async () => {
    const p1 = messageOf('P1');
    const path = `/channels/${MAIN}/messages/${p1.id}$`;
    const before = w.fake.callsTo('PATCH', path).length;
    for (const v of ['v1', 'v2', 'v3', 'v4', 'v5', 'v6']) {
      w.fake.sendReactionAdd({ userId: U[v], channelId: MAIN, messageId: p1.id, emoji: v === 'v6' ? '👎🏿' : '👍🏻' });
      await sleep(150);
    }
    await until(async () => (await w.core.summaries.proposalCounts(sid, 1)).reactors === 8);
    await w.fake.waitFor(() => counts(messageOf('P1')).support === 6 && counts(messageOf('P1')).oppose === 2, 5000);
    await sleep(1200); // and nothing after the final state
    const edits = w.fake.callsTo('PATCH', path).slice(before);
    expect(edits.length).toBeGreaterThanOrEqual(2); // a burst over ~0.9 s: first state, then the latest
    expect(edits.length).toBeLessThanOrEqual(3);
    expect(counts(messageOf('P1'))).toEqual({ support: 6, neutral: 0, oppose: 2 });
    // Every proposal message, over the whole panel so far: consecutive edits ≥ 1 s apart.
    const edited = new Set(w.fake.callsTo('PATCH', /^\/channels\/\d+\/messages\/\d+$/).map((c) => c.path));
    for (const p of edited) {
      const times = w.fake.calls.filter((c) => c.method === 'PATCH' && c.path === p).map((c) => c.at);
      for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1], p).toBeGreaterThanOrEqual(1000);
    }
  });

  it('declares groups, closes the session and posts the final summary; the cards lose their buttons', async () => {
    await slash(w.fake, U.alice, 'iam', undefined, { group: 'government' });
    await slash(w.fake, U.bob, 'iam', undefined, { group: 'civil-society' });
    const closed = await slash(w.fake, U.mod, 'session', 'close');
    expect(textOf(closed.answer)).toContain(`Session ${sid} is closed`);
    const summary = await w.fake.waitFor(() => w.fake.messages(MAIN).find((m) => m.embeds?.[0]?.title?.startsWith('Final summary')));
    expect(summary.embeds[0].title).toContain(sid);
    await w.fake.waitFor(() => proposalMessages().every((m) => (m.components ?? []).length === 0 && m.embeds[0].footer!.text.includes('closed')), 5000);
    const late = w.fake.sendButton({ userId: U.carol, channelId: MAIN, messageId: messageOf('P1').id, customId: `plenary:react:${sid}:1:support` });
    expect((await answerOf(w.fake, late.id)).content).toMatch(/closed/);
  });

  it('gives the organiser the JSON digest as a file, refuses it to a moderator, and the digest holds every reaction', async () => {
    const refused = await slash(w.fake, U.mod, 'digest', undefined, { format: 'json' });
    expect(textOf(refused.answer)).toMatch(/Only an organiser may use \/digest/);
    const r = await slash(w.fake, U.org, 'digest', undefined, { format: 'json' });
    expect(r.ephemeral).toBe(true);
    const upload = w.fake.calls.filter((c) => c.files.length && (c.path.includes(`/interactions/${r.id}/`) || c.path.startsWith('/webhooks/'))).at(-1)!;
    expect(upload.files[0].filename).toMatch(/\.json$/);
    const fromFile = JSON.parse(upload.files[0].data.toString('utf8'));
    const digest = await w.core.summaries.digest(w.core.summaries.today(new Date()));
    expect(fromFile.totals).toEqual(digest.totals);
    const session = digest.sessions.find((s) => s.id === sid)!;
    const by = Object.fromEntries(session.proposals.map((p) => [p.code, p]));
    expect([by.P1.support, by.P1.neutral, by.P1.oppose]).toEqual([6, 0, 2]);
    expect([by.P2.support, by.P2.neutral, by.P2.oppose]).toEqual([1, 0, 0]);
    expect([by.P3.support, by.P3.neutral, by.P3.oppose]).toEqual([1, 1, 1]);
    expect(by.P1.comments).toEqual([{ text: 'Regions differ — 地区不同 <@1>', group: 'civil-society' }]);
    expect(by.P3.comments).toEqual([{ text: 'changed my mind', group: 'unspecified' }]);
    expect(JSON.stringify(digest)).not.toContain('discord:');
  });

  it('sent allowed_mentions {parse: []} with every message and message response', () => {
    const calls = messageCalls(w.fake.calls);
    expect(calls.length).toBeGreaterThan(30);
    for (const c of calls) {
      const body = c.path.includes('/callback') ? c.body.data : c.body;
      expect(body?.allowed_mentions, `${c.method} ${c.path}`).toEqual({ parse: [] });
    }
    for (const m of w.fake.messages(MAIN)) expect(m.mentions).toEqual([]);
    expect(w.logs.filter((l) => l.startsWith('error'))).toEqual([]);
  });
});
