/**
 * Posts Discord refuses for good (50001 Missing Access, 50013 Missing Permissions, 50035 Invalid Form Body,
 * 10003 Unknown Channel), through the strict fake and the real discord.js: the moderator who asked gets one
 * direct message saying how to fix it, nothing is posted, the refusal is logged and recorded, and after a
 * refused final summary the cards still lose their buttons.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAIN, U, slash, startWorld, textOf, type World } from '../discord/helpers.ts';

const SEND = new RegExp(`^/channels/${MAIN}/messages$`);
let w: World;
let sid = '';

async function waitUntil<T>(check: () => Promise<T> | T, ms: number, what: string): Promise<NonNullable<T>> {
  const deadline = Date.now() + ms;
  for (;;) {
    const found = await check();
    if (found) return found as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
const mod = async (name: string, sub: string | undefined, options: Record<string, string | boolean>) => {
  const r = await slash(w.fake, U.mod, name, sub, options);
  expect(textOf(r.answer), `${name} ${sub}`).not.toMatch(/^⚠/);
  return r;
};
/** The moderator's direct messages from the bot. */
const dms = () => [...w.fake.model.channels.values()]
  .filter((c) => c.type === 1 && c.recipients?.[0]?.id === U.mod)
  .flatMap((c) => w.fake.messages(c.id as string))
  .map((m) => String(m.content));
const summaries = () => w.fake.messages(MAIN).filter((m) => /summary/i.test(String(m.embeds?.[0]?.title ?? '')));

beforeAll(async () => {
  w = await startWorld();
  await mod('session', 'start', { title: 'Refusals panel' });
  sid = (await w.core.sessionInChannel(`discord:${MAIN}`))!.id;
  await mod('speaker', 'add', { handle: 'icann', name: 'ICANN' });
  await mod('priority', 'add', { handle: 'icann', text: 'First' });
  await mod('priority', 'add', { handle: 'icann', text: 'Second' });
});
afterAll(async () => {
  await w?.close();
});

describe('posts Discord refuses for good', () => {
  it.each([
    [50001, 403, 'Missing Access', new RegExp(`the bot cannot see <#${MAIN}>: give its role View Channel and Send Messages there`)],
    [50013, 403, 'Missing Permissions', new RegExp(`the bot lacks a permission in <#${MAIN}>: give its role Send Messages, Embed Links`)],
    [50035, 400, 'Invalid Form Body', /Discord refused it as too long or malformed: use the command without “post”/],
    [10003, 404, 'Unknown Channel', new RegExp(`Discord says channel ${MAIN} no longer exists`)],
  ])('%s: the moderator is told by direct message how to fix it, and nothing is posted', async (code, status, message, fix) => {
    const before = dms().length;
    const failures = (await w.core.outbox.failures(`discord:${MAIN}`)).length;
    w.fake.failNext(SEND, { status, code, message, method: 'POST' });
    await mod('summary', undefined, { post: true });
    const line = await waitUntil(() => dms()[before], 10_000, 'the direct message');
    expect(line).toMatch(/^⚠ I could not post the summary to this channel: /);
    expect(line).toMatch(fix);
    expect(summaries()).toEqual([]);
    expect(w.logs.some((l) => l.startsWith('error') && l.includes(`discord:${MAIN} was refused for good`))).toBe(true);
    expect((await w.core.outbox.failures(`discord:${MAIN}`)).length).toBe(failures + 1);
    expect(await w.core.outbox.pending('discord')).toEqual([]);
  });

  it('the same summary posts once the channel accepts it (so the checks above would have seen it)', async () => {
    await mod('summary', undefined, { post: true });
    await waitUntil(() => summaries().length === 1, 10_000, 'the summary');
  });

  it('a refused final summary at /session close still takes the buttons off every card', async () => {
    await mod('priority', 'post', { handle: 'all' });
    const cards = () => w.fake.messages(MAIN).filter((m) => /^P\d+ · /.test(String(m.embeds?.[0]?.title ?? '')));
    await waitUntil(() => cards().length === 2, 10_000, 'two cards');
    expect(cards().every((m) => (m.components ?? []).length > 0)).toBe(true);
    const before = dms().length;
    w.fake.failNext(SEND, { status: 403, code: 50013, message: 'Missing Permissions', method: 'POST' });
    await mod('session', 'close', {});
    const line = await waitUntil(() => dms()[before], 10_000, 'the direct message');
    expect(line).toMatch(/^⚠ I could not post the final summary to this channel: the bot lacks a permission/);
    await waitUntil(() => cards().every((m) => !(m.components ?? []).length), 10_000, 'buttons removed');
    expect(w.fake.messages(MAIN).filter((m) => /^Final summary/.test(String(m.embeds?.[0]?.title ?? '')))).toEqual([]);
    expect((await w.core.getSession(sid))?.closedAt).toBeTruthy();
  });
});
