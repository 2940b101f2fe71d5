/**
 * The one inbound path (commands/dispatch.ts): each kind of event, its dedupe, its refusals as identifiers
 * with parameters, and the error boundary for a store outage — against a real store that can go down.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.ts';
import { parseConfig } from '../../src/config.ts';
import { Plenary } from '../../src/plenary.ts';
import { StoreUnavailableError, type FactStore } from '../../src/store/fact-store.ts';
import { dispatch } from '../../commands/dispatch.ts';
import { say } from '../../src/wording/say.ts';
import { refusals } from '../../src/wording/en/refusals.ts';
import type { View } from '../../src/views.ts';

const config = parseConfig({ roles: { moderators: ['console:mod'] } });
const opened: FactStore[] = [];
afterEach(async () => {
  for (const s of opened.splice(0)) await s.close();
});

/** A memory store behind a switch: while `down`, every call fails as an unreachable Redis would. */
async function world() {
  const real = await openStore('memory://');
  opened.push(real);
  const state = { down: false };
  const store = new Proxy(real, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (state.down && prop !== 'close') return Promise.reject(new StoreUnavailableError('down for the test'));
        return value.apply(target, args);
      };
    },
  });
  const core = new Plenary({ store, config });
  const channel = 'console:main';
  const session = await core.startSession('console:mod', channel, 'Dispatch', null);
  await core.addSpeaker(channel, { handle: 'icann', name: 'ICANN' });
  await core.addPriority(channel, 'icann', 'Universal acceptance');
  return { core, state, sid: session.id, channel };
}

const participant = (user = 'console:ana') => ({ actor: user, channel: 'console:main', role: 'participant' as const, platform: 'console' as const });
const refusalOf = (view: View | undefined) => (view?.kind === 'error' ? view.refusal : undefined);

describe('the dispatcher', () => {
  it('a stance is recorded once per dedupe key, and the reply is the shared confirmation', async () => {
    const { core, sid } = await world();
    const event = { ...participant(), kind: 'stance' as const, target: { sessionId: sid, number: 1 }, stance: 'oppose' as const, dedupe: { scope: 't', key: 'k1' } };
    const first = await dispatch(core, event);
    expect(first.reply).toEqual({ kind: 'notice', text: say('reply.stance.set', { stance: 'oppose', code: 'P1', commentKept: 'no' }) });
    const again = await dispatch(core, { ...event, stance: 'support' });
    expect(again).toEqual({ duplicate: true });
    const counts = await core.summaries.proposalCounts(sid, 1);
    expect(JSON.stringify(counts)).toMatch(/oppose"?:1/);
  });

  it('refusals come back as an identifier with parameters, worded in the caller’s language', async () => {
    const { core, sid } = await world();
    const missing = await dispatch(core, { ...participant(), kind: 'stance', target: { sessionId: sid, number: 9 }, stance: 'support' });
    expect(refusalOf(missing.reply)).toEqual({ id: 'refusal.priority.unknown', params: { number: 9, session: sid } });
    expect(missing.reply).toMatchObject({ text: say('refusal.priority.unknown', { number: 9, session: sid }) });
    const role = await dispatch(core, { ...participant(), kind: 'command', line: '/session close' });
    expect(refusalOf(role.reply)).toEqual({ id: 'refusal.role.command', params: { role: 'moderator', command: 'session close' } });
    const limit = await dispatch(core, { ...participant('console:mod'), role: 'moderator', kind: 'command', name: 'priority add', options: { handle: 'icann', text: 'x'.repeat(501) } });
    expect(refusalOf(limit.reply)?.id).toBe('refusal.text.too-long');
  });

  it('an emoji typed with a code resolves through the channel’s session; an unknown emoji says nothing', async () => {
    const { core } = await world();
    const added = await dispatch(core, { ...participant(), kind: 'emoji', target: { code: 'P1' }, emoji: '👍', added: true });
    expect(added.reply).toEqual({ kind: 'notice', text: say('reply.stance.set', { stance: 'support', code: 'P1', commentKept: 'no' }) });
    expect(await dispatch(core, { ...participant(), kind: 'emoji', target: { code: 'P1' }, emoji: '🎉', added: true })).toEqual({});
    const bad = await dispatch(core, { ...participant(), kind: 'emoji', target: { code: 'Q' }, emoji: '👍', added: true });
    expect(refusalOf(bad.reply)).toEqual({ id: 'refusal.code.invalid', params: { raw: 'Q' } });
  });

  it('a store outage on a button, a form or an emoji gives the clicker the store-unavailable refusal', async () => {
    const { core, state, sid } = await world();
    state.down = true;
    const logged: string[] = [];
    const log = (level: string, message: string) => void logged.push(`${level} ${message}`);
    const target = { sessionId: sid, number: 1 };
    for (const event of [
      { ...participant(), kind: 'stance' as const, target, stance: 'support' as const },
      { ...participant(), kind: 'comment' as const, target, text: 'hello' },
      { ...participant(), kind: 'emoji' as const, target, emoji: '👎', added: true },
      { ...participant(), kind: 'command' as const, line: '/menu' },
    ]) {
      const result = await dispatch(core, event, log);
      expect(refusalOf(result.reply)?.id).toBe('refusal.store.unavailable');
    }
    expect(logged.every((line) => line.startsWith('warn store unavailable'))).toBe(true);
    state.down = false;
    const counts = await core.summaries.proposalCounts(sid, 1);
    expect(JSON.stringify(counts)).not.toMatch(/(support|oppose)"?:[1-9]/);
  });

  it('autocomplete offers the session’s codes and handles, and nothing when the store is away', async () => {
    const { core, state } = await world();
    const ask = (choices: 'speaker' | 'proposal', query: string) => dispatch(core, { ...participant(), kind: 'autocomplete', choices, query });
    expect((await ask('proposal', 'p')).choices).toEqual([{ name: 'P1 · icann: Universal acceptance', value: 'P1' }]);
    expect((await ask('speaker', 'ica')).choices?.map((c) => c.value)).toEqual(['icann']);
    state.down = true;
    expect((await ask('proposal', '')).choices).toEqual([]);
  });

  it('every refusal in the table formats in English without a missing parameter', () => {
    const params = { field: 'F', length: 2, max: 1, raw: 'r', hint: 'h', groups: 'g', option: 'o', usage: 'u', label: 'L', problem: 'p', guess: 'g', group: 'grp', names: 'a|b', role: 'moderator', command: 'c', what: 'w', session: 's1', title: 't', channel: 'here', handle: 'h', codes: 'P1', count: 2, first: 'P1', limit: 3, number: 2, code: 'P3', state: 'withdrawn' };
    for (const id of Object.keys(refusals) as Array<keyof typeof refusals>) {
      const text = say(id, params);
      expect(text, id).not.toBe(id);
      expect(text, id).not.toMatch(/[{}]/);
    }
  });
});
