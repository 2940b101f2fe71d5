/**
 * Slack Web API failures while the bot posts proposals and keeps their counts live: 429 with Retry-After,
 * 500/502/503 and slow answers, injected on chat.postMessage and chat.update through the fake. Every post
 * arrives once, in order; every message ends on the latest counts; nothing is logged as an error; no
 * unhandled rejection escapes (tracked on this process, where the real adapter runs).
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MOD, RETRY_AT_ONCE, startHarness, until, type Harness } from '../slack/harness.ts';
import { say } from '../../src/wording/say.ts';

const CHANNEL = 'CFAULTS1';
const rejections: unknown[] = [];
const onRejection = (reason: unknown) => void rejections.push(reason);

let h: Harness;
let sid = '';

const mod = async (command: string, text: string) => {
  const res = await h.slack.slashCommand({ command, text, user_id: MOD, channel_id: CHANNEL });
  expect(res.status).toBe(200);
  const reply = String((res.json as { text?: string })?.text ?? '');
  expect(reply, `${command} ${text}`).not.toMatch(/^⚠/);
  return reply;
};
const react = async (user: string, code: string, stance: string) => {
  const res = await h.slack.slashCommand({ command: '/react', text: `${code} ${stance}`, user_id: user, channel_id: CHANNEL });
  expect(String((res.json as { text?: string })?.text), `${user} ${code} ${stance}`).toMatch(/^You /);
};
const proposalMessages = () => h.api.messages(CHANNEL).filter((m) => /^P\d+ · /.test(String(m.text)));
const countsText = async (n: number) => {
  const c = await h.core.summaries.proposalCounts(sid, n);
  return say('view.stance-words', { support: c.support, neutral: c.neutral, oppose: c.oppose });
};
/** Waits until every posted proposal message shows the counts the store holds now. */
async function allCountsLand(ms = 30_000) {
  await until(async () => {
    for (const m of proposalMessages()) {
      const n = Number(/^P(\d+)/.exec(String(m.text))![1]);
      if (!String(h.api.message(CHANNEL, m.ts)?.text).includes(await countsText(n))) return false;
    }
    return true;
  }, ms, 'every proposal message to show the latest counts');
}

beforeAll(async () => {
  process.on('unhandledRejection', onRejection);
  // Short edit spacing and outbox backoff (both back off from them) and no extra pause after Retry-After: the
  // failures and their order are the same, the waits between retries shorter.
  h = await startHarness({
    tuning: { postIntervalMs: 50, editIntervalMs: 250, updatesPerMinute: 600, updateBurst: 20, retryConfig: RETRY_AT_ONCE },
    delivery: { backoffMs: 100 },
  });
  await mod('/session', 'start Faults panel');
  sid = (await h.core.sessionInChannel(`slack:${CHANNEL}`))!.id;
  await mod('/speaker', 'add icann ICANN org:ICANN');
  await mod('/speaker', 'add itu ITU');
  for (const [handle, text] of [['icann', 'First'], ['itu', 'Second'], ['icann', 'Third'], ['itu', 'Fourth']]) await mod('/priority', `add ${handle} ${text}`);
});
afterAll(async () => {
  await h?.close();
  process.off('unhandledRejection', onRejection);
});
beforeEach(() => void (rejections.length = 0));
afterEach(() => {
  expect(rejections).toEqual([]);
  expect(h.logs.filter((l) => l.startsWith('error'))).toEqual([]);
});

describe('Slack API failures', () => {
  it('posts every proposal once and in order through 429 Retry-After, 500/503 and a slow answer', async () => {
    h.api.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    h.api.failNext('chat.postMessage', { status: 500 });
    h.api.failNext('chat.postMessage', { delayMs: 1500 });
    h.api.failNext('chat.postMessage', { status: 503 });
    await mod('/priority', 'post all');
    await until(() => proposalMessages().length >= 4, 30_000, 'four proposal messages');
    const posted = proposalMessages();
    expect(posted.map((m) => String(m.text).slice(0, 2))).toEqual(['P1', 'P2', 'P3', 'P4']); // model order = ts order
    expect(Number(posted[0].ts) < Number(posted[3].ts)).toBe(true);
    const statuses = h.api.callsTo('chat.postMessage').map((c) => c.status);
    expect(statuses.filter((s) => s === 429)).toHaveLength(1);
    expect(statuses.filter((s) => s >= 500)).toHaveLength(2);
    // No duplicate: each proposal went out exactly once (the failed attempts posted nothing).
    const delivered = h.api.callsTo('chat.postMessage').filter((c) => c.status === 200 && /^P\d+ · /.test(String(c.args.text)));
    expect(delivered.map((c) => String(c.args.text).slice(0, 2))).toEqual(['P1', 'P2', 'P3', 'P4']);
    // Every card becomes known to the store (emoji on it count); the last is recorded just after Slack answers.
    const known = async () => (await Promise.all(posted.map((m) => h.core.proposalForMessage(`slack:${CHANNEL}:${m.ts}`)))).every(Boolean);
    await until(known, 5_000, 'every card recorded in the store');
  }, 45_000);

  it('keeps the counts live through failing chat.update calls and ends on the latest state', async () => {
    h.api.failNext('chat.update', { status: 500 }, 2);
    h.api.failNext('chat.update', { status: 429, retryAfter: 1 });
    h.api.failNext('chat.update', { delayMs: 1500 });
    h.api.failNext('chat.update', { status: 502 });
    h.api.failNext('chat.update', { status: 429, retryAfter: 1 });
    const stances = ['support', 'oppose', 'neutral', 'support', 'support'];
    await Promise.all(Array.from({ length: 40 }, (_, i) => react(`UVOTER${i}`, `P${1 + (i % 4)}`, stances[i % stances.length])));
    await allCountsLand();
    // A second wave after the failures: the updater still runs.
    h.api.failNext('chat.update', { status: 503 }, 3);
    await Promise.all(Array.from({ length: 20 }, (_, i) => react(`UVOTER${i}`, `P${1 + (i % 4)}`, 'oppose')));
    await allCountsLand();
    const statuses = h.api.callsTo('chat.update').map((c) => c.status);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(2);
    expect(statuses.filter((s) => s >= 500).length).toBeGreaterThanOrEqual(6);
  }, 60_000);

  it('posts the final summary through failures and takes the buttons off every card', async () => {
    h.api.failNext('chat.postMessage', { status: 500 });
    h.api.failNext('chat.update', { status: 500 }, 2);
    await mod('/session', 'close');
    await until(() => h.api.messages(CHANNEL).find((m) => /Final summary/.test(String(m.text))), 30_000, 'the final summary');
    await until(() => proposalMessages().every((m) => !JSON.stringify(h.api.message(CHANNEL, m.ts)?.blocks).includes('"actions"')), 30_000, 'buttons removed');
    await allCountsLand();
  }, 45_000);
});
