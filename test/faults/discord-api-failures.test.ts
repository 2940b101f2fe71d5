/**
 * Discord REST failures while the bot posts proposals and keeps their counts live: 429 with Retry-After,
 * runs of 500/502 longer than discord.js's own three immediate retries, and slow answers, injected on
 * message sends and edits through the fake. Every post arrives once, in order; every message ends on the
 * latest counts; nothing is logged as an error; no unhandled rejection escapes.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MAIN, U, answerOf, slash, startWorld, textOf, type World } from '../discord/helpers.ts';

const SEND = new RegExp(`^/channels/${MAIN}/messages$`);
const EDIT = new RegExp(`^/channels/${MAIN}/messages/\\d+$`);
const rejections: unknown[] = [];
const onRejection = (reason: unknown) => void rejections.push(reason);

let w: World;
let sid = '';

const proposalMessages = () => w.fake.messages(MAIN).filter((m) => m.embeds?.[0]?.title?.match(/^P\d+ · /));
const codeOf = (m: { embeds: Array<{ title?: string }> }) => /^(P\d+)/.exec(m.embeds[0].title!)![1];
const countsOf = (m: { embeds: Array<{ fields?: Array<{ name: string; value: string }> }> }) =>
  Object.fromEntries((m.embeds[0].fields ?? []).map((f) => [f.name.split(' ')[1].toLowerCase(), Number(f.value)]));
async function waitUntil(check: () => Promise<unknown> | unknown, ms: number, what: string) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
/** Every proposal message shows the counts the store holds now. */
const countsLand = (ms = 40_000) => waitUntil(async () => {
  for (const m of proposalMessages()) {
    const c = await w.core.summaries.proposalCounts(sid, Number(codeOf(m).slice(1)));
    const shown = countsOf(m);
    if (shown.support !== c.support || shown.neutral !== c.neutral || shown.oppose !== c.oppose) return false;
  }
  return true;
}, ms, 'every proposal message to show the latest counts');
const mod = async (name: string, sub: string | undefined, options: Record<string, string | boolean>) => {
  const r = await slash(w.fake, U.mod, name, sub, options);
  expect(textOf(r.answer), `${name} ${sub}`).not.toMatch(/^⚠/);
  return r;
};
const click = async (user: string, messageId: string, n: number, stance: string) => {
  const sent = w.fake.sendButton({ userId: user, channelId: MAIN, messageId, customId: `plenary:react:${sid}:${n}:${stance}` });
  expect((await answerOf(w.fake, sent.id)).content).toMatch(/^You /);
};

beforeAll(async () => {
  process.on('unhandledRejection', onRejection);
  // Short retry backoffs and edit spacing (edits back off from it): the same failures in the same order, shorter waits.
  w = await startWorld({ retryBackoffMs: 50, editIntervalMs: 250 });
  await mod('session', 'start', { title: 'Faults panel' });
  sid = (await w.core.sessionInChannel(`discord:${MAIN}`))!.id;
  await mod('speaker', 'add', { handle: 'icann', name: 'ICANN' });
  await mod('speaker', 'add', { handle: 'itu', name: 'ITU' });
  for (const [handle, text] of [['icann', 'First'], ['itu', 'Second'], ['icann', 'Third'], ['itu', 'Fourth']]) await mod('priority', 'add', { handle, text });
});
afterAll(async () => {
  await w?.close();
  process.off('unhandledRejection', onRejection);
});
beforeEach(() => void (rejections.length = 0));
afterEach(() => {
  expect(rejections).toEqual([]);
  expect(w.logs.filter((l) => l.startsWith('error'))).toEqual([]);
});

describe('Discord API failures', () => {
  it('posts every proposal once and in order through five 500s in a row, a 429 and a slow answer', async () => {
    w.fake.failNext(SEND, { status: 500, method: 'POST' }, 5); // more than discord.js retries on its own
    w.fake.failNext(SEND, { status: 429, retryAfter: 0.5, method: 'POST' });
    w.fake.failNext(SEND, { delayMs: 1200, method: 'POST' });
    w.fake.failNext(SEND, { status: 502, method: 'POST' }, 4);
    const posted = await mod('priority', 'post', { handle: 'all' });
    expect(textOf(posted.answer)).toMatch(/Posting 4 proposals/);
    await waitUntil(() => proposalMessages().length >= 4, 40_000, 'four proposal messages');
    await new Promise((r) => setTimeout(r, 300)); // a duplicate would show up by now
    expect(proposalMessages().map(codeOf)).toEqual(['P1', 'P2', 'P3', 'P4']);
    const statuses = w.fake.callsTo('POST', SEND).map((c) => c.status);
    expect(statuses.filter((s) => s === 429)).toHaveLength(1);
    expect(statuses.filter((s) => (s ?? 0) >= 500)).toHaveLength(9);
    for (const m of proposalMessages()) expect(await w.core.proposalForMessage(`discord:${MAIN}:${m.id}`)).toBeTruthy();
    expect(w.logs.some((l) => /posting a proposal to Discord failed \(attempt 1\); retrying/.test(l))).toBe(true);
  }, 60_000);

  it('keeps the counts live through failing edits (500 runs, 429, slow) and ends on the latest state', async () => {
    const byCode = Object.fromEntries(proposalMessages().map((m) => [codeOf(m), m.id]));
    w.fake.failNext(EDIT, { status: 500, method: 'PATCH' }, 6);
    w.fake.failNext(EDIT, { status: 429, retryAfter: 0.5, method: 'PATCH' });
    w.fake.failNext(EDIT, { delayMs: 1200, method: 'PATCH' });
    w.fake.failNext(EDIT, { status: 502, method: 'PATCH' }, 5);
    const voters = Object.values(U).filter((id) => id !== U.mod && id !== U.org);
    const stances = ['support', 'oppose', 'neutral', 'support'];
    await Promise.all(voters.map((user, i) => click(user, byCode[`P${1 + (i % 4)}`], 1 + (i % 4), stances[i % 4])));
    await countsLand();
    // A second wave after the failures, while edits fail again.
    w.fake.failNext(EDIT, { status: 503, method: 'PATCH' }, 4);
    await Promise.all(voters.slice(0, 8).map((user, i) => click(user, byCode[`P${1 + (i % 4)}`], 1 + (i % 4), 'oppose')));
    await countsLand();
    const statuses = w.fake.callsTo('PATCH', EDIT).map((c) => c.status);
    expect(statuses.filter((s) => (s ?? 0) >= 500).length).toBe(15);
    expect(w.logs.some((l) => /editing a proposal message on Discord failed; will retry/.test(l))).toBe(true);
  }, 60_000);

  it('posts the final summary through failures and takes the buttons off every card', async () => {
    w.fake.failNext(SEND, { status: 500, method: 'POST' }, 4);
    w.fake.failNext(EDIT, { status: 500, method: 'PATCH' }, 4);
    await mod('session', 'close', {});
    await waitUntil(() => w.fake.messages(MAIN).find((m) => m.embeds?.[0]?.title?.startsWith('Final summary')), 30_000, 'the final summary');
    await waitUntil(() => proposalMessages().every((m) => !(m.components ?? []).length), 30_000, 'buttons removed');
    await countsLand();
  }, 60_000);
});
