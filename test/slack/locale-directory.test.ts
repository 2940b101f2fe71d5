/**
 * The workspace's languages read in bulk (users.list, include_locale, cursor pages) so that a crowd's first
 * commands ask Slack nothing: the fake's users.list paginates and refuses as Slack does, the directory walks
 * every page, waits out a 429's Retry-After on the clock it is given, and falls back to users.info when
 * users.list is refused.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSlackWebApi, type FakeSlackWebApi } from '../fakes/slack/fake-web-api.ts';
import { SlackLocaleDirectory, DIRECTORY_PAGE } from '../../adapters/slack/locale-directory.ts';
import { slackPost } from '../../adapters/slack/user-locale.ts';
import { PlatformLocales } from '../../src/languages.ts';
import type { Clock } from '../../src/time.ts';
import { say } from '../../src/wording/say.ts';
import { startHarness, until, type Harness } from './harness.ts';

const TOKEN = 'xoxb-directory';
const crowd = (n: number) => Array.from({ length: n }, (_, i) => `UCROWD${String(i).padStart(4, '0')}`);

/** A clock whose timers run when the test says so. */
function manualClock() {
  let now = 0;
  const timers = new Map<number, { at: number; run: () => void }>();
  let next = 1;
  const clock: Clock = {
    now: () => now,
    setTimeout: (run, ms) => (timers.set(next, { at: now + ms, run }), next++),
    clearTimeout: (handle) => void timers.delete(handle as number),
  };
  const pending = () => [...timers.values()].map((t) => t.at - now);
  const advance = (ms: number) => {
    now += ms;
    for (const [id, t] of [...timers]) if (t.at <= now) (timers.delete(id), t.run());
  };
  return { clock, pending, advance };
}

let api: FakeSlackWebApi;
const client = () => ({ token: TOKEN, slackApiUrl: api.apiUrl });
const logs: string[] = [];
const log = (level: string, message: string) => void logs.push(`${level} ${message}`);
beforeAll(async () => {
  api = await startFakeSlackWebApi();
  for (const [i, id] of crowd(450).entries()) api.seedUser(id, { name: `p${i}`, locale: i % 3 === 0 ? 'fr-FR' : 'es-ES' });
});
afterAll(async () => api?.close());
afterEach(() => void (logs.length = 0));

describe('the fake users.list pages as Slack does', () => {
  it('cursor pages of `limit`, the locale only when asked for, an empty next_cursor at the end', async () => {
    const seen: string[] = [];
    let cursor = '';
    let pages = 0;
    do {
      const reply = await slackPost(client(), 'users.list', { limit: '200', include_locale: 'true', ...(cursor ? { cursor } : {}) });
      const answer = (reply as { answer: { ok: boolean; members: Array<{ id: string; locale?: string }>; response_metadata: { next_cursor: string } } }).answer;
      expect(answer.ok).toBe(true);
      expect(answer.members.length).toBeLessThanOrEqual(200);
      expect(answer.members.every((m) => typeof m.locale === 'string')).toBe(true);
      seen.push(...answer.members.map((m) => m.id));
      cursor = answer.response_metadata.next_cursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(450);
    const plain = (await slackPost(client(), 'users.list', { limit: '5' })) as { answer: { members: Array<{ locale?: string }> } };
    expect(plain.answer.members.some((m) => 'locale' in m)).toBe(false);
  });

  it('refuses a cursor it did not give, and a limit over 999', async () => {
    expect(await slackPost(client(), 'users.list', { limit: '10', cursor: 'bm90LWEtY3Vyc29y' })).toMatchObject({ answer: { ok: false, error: 'invalid_cursor' } });
    expect(await slackPost(client(), 'users.list', { limit: '1000' })).toMatchObject({ answer: { ok: false, error: 'invalid_arguments' } });
  });
});

describe('SlackLocaleDirectory', () => {
  it('remembers every member’s locale, so the first look-up asks nothing', async () => {
    const locales = new PlatformLocales();
    const before = api.callsTo('users.list').length;
    const directory = new SlackLocaleDirectory({ client: client(), locales, log, clock: manualClock().clock });
    await directory.firstPass;
    directory.stop();
    expect(api.callsTo('users.list').length - before).toBe(Math.ceil(450 / DIRECTORY_PAGE));
    let asked = 0;
    const ask = async () => (asked++, 'de-DE');
    expect(await locales.localeOf('UCROWD0000', ask)).toBe('fr-FR');
    expect(await locales.localeOf('UCROWD0001', ask)).toBe('es-ES');
    expect(await locales.localeOf('UNEWCOMER', ask)).toBe('de-DE'); // joined since: users.info answers
    expect(asked).toBe(1);
  });

  it('waits out a 429’s Retry-After on its clock, then reads on; the next pass is an hour later', async () => {
    const { clock, pending, advance } = manualClock();
    api.failNext('users.list', { status: 429, retryAfter: 7 });
    const locales = new PlatformLocales();
    const directory = new SlackLocaleDirectory({ client: client(), locales, log, clock });
    await until(() => pending().includes(7000), 5000, 'the Retry-After wait');
    const callsDuringWait = api.callsTo('users.list').length;
    advance(6999);
    expect(api.callsTo('users.list').length).toBe(callsDuringWait);
    advance(1);
    await directory.firstPass;
    expect(await locales.localeOf('UCROWD0447', async () => 'de-DE')).toBe('fr-FR');
    expect(pending()).toEqual([3_600_000]);
    directory.stop();
    expect(pending()).toEqual([]);
  });

  it('a refused users.list (missing_scope) is logged and leaves users.info to answer', async () => {
    api.failNext('users.list', { error: 'missing_scope' });
    const locales = new PlatformLocales();
    const directory = new SlackLocaleDirectory({ client: client(), locales, log, clock: manualClock().clock });
    await directory.firstPass;
    directory.stop();
    expect(logs.some((l) => l.includes('missing_scope'))).toBe(true);
    expect(await locales.localeOf('UCROWD0000', async () => 'de-DE')).toBe('de-DE');
  });
});

describe('a bot started on a workspace', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ users: [['UAMELIE', { name: 'amelie', locale: 'fr-FR' }]] });
    await h.stopSlack.directory.firstPass;
  });
  afterAll(async () => h?.close());

  it('answers a member’s first command in their Slack language without calling users.info', async () => {
    const res = await h.slack.slashCommand({ command: '/lang', text: 'klingon', user_id: 'UAMELIE', channel_id: 'C0DIR' });
    expect((res.json as { text?: string }).text).toContain(say('refusal.lang.unknown', { given: 'klingon' }, 'fr'));
    expect(h.api.callsTo('users.info').filter((c) => c.args.user === 'UAMELIE')).toHaveLength(0);
    expect(h.api.callsTo('users.list').length).toBeGreaterThan(0);
  });
});
