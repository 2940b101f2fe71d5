/**
 * Seeded fuzzing of Slack's inbound handling: FUZZ_INPUTS generated (100,000 in .ci/run, 2,000 in npm test) payloads (slash commands, reaction events,
 * button clicks, comment-form submissions) straight into the real handler functions (slackHandlers — what
 * Bolt calls after checking the signature), with malformed fields, wrong types, huge strings and Unicode
 * edge cases. Invariants (test/fuzz/harness.ts `violations`): nothing throws or logs an internal error;
 * each slash command and click is acked exactly once; every error reply is one line; a caller without a
 * role changes nothing but their own reaction/group facts, and nothing at all when refused. Seed:
 * FUZZ_SEED (default 0x5eed2026, as the other fuzz tests), + 0x51ac.
 */
import { describe, expect, it } from 'vitest';
import { changedKeys, countOutcome, FUZZ_INPUTS, fuzzTimeout, hostileText, prng, snapshot, violations, type Rng } from './harness.ts';
import { Plenary } from '../../src/plenary.ts';
import { parseConfig } from '../../src/config.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { FactStore } from '../../src/store/fact-store.ts';
import { Delivery } from '../../adapters/delivery.ts';
import { slackHandlers } from '../../adapters/slack/handlers.ts';
import { ACTION, COMMENT_BLOCK, COMMENT_INPUT } from '../../adapters/slack/render.ts';
import { slackEscape } from '../fakes/slack/payloads.ts';
import { topLevel } from '../../commands/registry.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 0x5eed2026) + 0x51ac;
const ITERATIONS = FUZZ_INPUTS;
const CHANNEL = 'CFUZZ';
const MOD = 'UMODFUZZ';

/** Keeps platform event claims (`event:`) out of the snapshot: they are dedupe bookkeeping, not facts. */
function withoutEventClaims(store: FactStore): FactStore {
  const claimed = new Set<string>();
  return Object.assign(Object.create(store), {
    claim: async (key: string, value: unknown) => {
      if (!key.startsWith('event:')) return store.claim(key, value);
      if (claimed.has(key)) return false;
      claimed.add(key);
      return true;
    },
  });
}

type Any = any;
const weird = (rng: Rng): unknown => rng.pick([undefined, null, 42, -1, 1.5, true, {}, [], ['U1'], { id: 'U1' }, '', ' ', 'x'.repeat(70_000), '\u0000', '👍🏽', 'NaN']);
const USERS = ['UF0', 'UF1', 'UF2', 'UF3', 'UF4', 'UF5', 'umodfuzz', 'UMODFUZZ ', 'W0FUZZ', 'U' + '9'.repeat(40)];
const maybe = <T>(rng: Rng, good: () => T, p = 0.9): unknown => (rng.chance(p) ? good() : weird(rng));

describe(`Slack inbound fuzz (seed 0x${SEED.toString(16)})`, () => {
  it(`${ITERATIONS.toLocaleString('en')} generated payloads through the real Slack handlers`, async () => {
    const raw = await openStore('memory://');
    const store = withoutEventClaims(raw);
    const config = parseConfig({ conference: { name: 'Fuzz', timezone: 'UTC' }, roles: { organisers: ['slack:UORGFUZZ'], moderators: [`slack:${MOD}`] } });
    const core = new Plenary({ store, config, clock: () => new Date('2026-11-28T02:00:00Z') });
    const errors: string[] = [];
    const log = (level: string, message: string, detail?: unknown) => {
      if (level === 'error') errors.push(`${message}: ${detail instanceof Error ? detail.stack : String(detail)}`);
    };
    const posts: string[] = [];
    const delivery = new Delivery(log);
    delivery.register({ platform: 'slack', post: async (channel, view) => void posts.push(`${channel} ${view.kind}`) });
    const h = slackHandlers({ core, log, delivery, replyWithinMs: 5000 });

    // What the handlers send through the Web API: captured as replies.
    let sent: Array<{ text: string; error: boolean }> = [];
    const client: Any = {
      chat: { postEphemeral: async (a: Any) => void sent.push({ text: String(a.text), error: /^:warning:|no longer|out of date|^That proposal/.test(String(a.text)) || !/^You |^Your comment/.test(String(a.text)) }) },
      views: { open: async () => void sent.push({ text: 'comment form', error: false }) },
    };
    const ackReply = (payload: Any) => {
      if (!payload) return;
      if (payload.response_action === 'errors') for (const t of Object.values(payload.errors as Record<string, string>)) sent.push({ text: t, error: true });
      else sent.push({ text: String(payload.text).replace(/^⚠ /, ''), error: String(payload.text).startsWith('⚠') });
    };
    const respond: Any = async (m: Any) => void sent.push({ text: String(m.text).replace(/^⚠ /, ''), error: String(m.text).startsWith('⚠') });

    // The panel: set up through the same handlers, as the moderator.
    const modSays = async (command: string, text: string) => {
      await h.slashCommand({ command: { command, text: slackEscape(text), user_id: MOD, channel_id: CHANNEL } as Any, ack: async (p?: Any) => ackReply(p), respond });
    };
    await modSays('/session', 'start Fuzz panel theme:"Seeded"');
    await modSays('/speaker', 'add icann ICANN org:ICANN group:technical-community');
    await modSays('/speaker', 'add itu ITU');
    for (const t of ['Universal acceptance', 'National CIRTs 中文 👍🏽', 'Capacity & <building>', 'To be withdrawn']) await modSays('/priority', `add ${t === 'National CIRTs 中文 👍🏽' ? 'itu' : 'icann'} ${t}`);
    await modSays('/priority', 'withdraw P4');
    expect(sent.filter((r) => r.error)).toEqual([]);
    const sid = (await core.sessionInChannel(`slack:${CHANNEL}`))!.id;
    const messageTs = ['1700000000.000100', '1700000000.000200', '1700000000.000300', '1700000000.000400'];
    for (const [i, ts] of messageTs.entries()) await core.recordPost(sid, i + 1, `slack:${CHANNEL}:${ts}`);
    const setupPosts = posts.length;
    const commandNames = topLevel().map((g) => `/${g.name}`);

    const rng = prng(SEED);
    const gen = {
      slash(): Any {
        const text = rng.chance(0.85) ? slackEscape(hostileText(rng)) : rng.chance(0.5) ? hostileText(rng) + rng.pick(['&amp', '&lt;&gt;', '&amp;amp;', '&#60;', '<@U1|x>', '<!channel>']) : weird(rng);
        return {
          command: maybe(rng, () => (rng.chance(0.9) ? rng.pick(commandNames) : rng.pick(['/REACT', '/help', '/', '/session\n', '/reäct']))),
          text, user_id: maybe(rng, () => rng.pick(USERS)), channel_id: maybe(rng, () => (rng.chance(0.85) ? CHANNEL : rng.pick(['COTHER', 'D0DM', 'cfuzz'])), 0.95),
        };
      },
      reaction(): Any {
        const item = rng.chance(0.9)
          ? { type: maybe(rng, () => rng.pick(['message', 'message', 'file'])), channel: maybe(rng, () => CHANNEL), ts: maybe(rng, () => (rng.chance(0.85) ? rng.pick(messageTs) : '1700000000.999999')) }
          : weird(rng);
        const name = rng.chance(0.7) ? rng.pick(['+1', 'thumbsup', '-1', 'thumbsdown', 'neutral_face', '+1::skin-tone-3', 'thumbsup::skin-tone-6', 'tada', 'THUMBSUP', '+1::skin-tone-9']) : rng.chance(0.5) ? hostileText(rng) : weird(rng);
        return {
          event: { type: rng.pick(['reaction_added', 'reaction_removed']), user: maybe(rng, () => rng.pick(USERS)), reaction: name, item, event_ts: '1' },
          body: rng.chance(0.9) ? { event_id: rng.chance(0.9) ? `Ev${rng.int(1e9)}` : maybe(rng, () => 'EvDUP') } : weird(rng) ?? {},
        };
      },
      action(): Any {
        const n = rng.chance(0.8) ? 1 + rng.int(5) : rng.pick([0, -1, 999999, 1e7]);
        const value = rng.chance(0.8) ? `${rng.chance(0.9) ? sid : rng.pick(['s000', 'S' + sid.slice(1), sid + 'x'])}:${n}` : rng.chance(0.5) ? hostileText(rng) : weird(rng);
        const body = rng.chance(0.9)
          ? { user: maybe(rng, () => ({ id: maybe(rng, () => rng.pick(USERS)) })), channel: maybe(rng, () => ({ id: CHANNEL })), container: { channel_id: CHANNEL }, trigger_id: maybe(rng, () => '1.2.abc') }
          : weird(rng);
        return { actionId: rng.pick([ACTION.support, ACTION.neutral, ACTION.oppose, ACTION.comment]), body, action: rng.chance(0.95) ? { value, action_ts: maybe(rng, () => `${rng.int(1e6)}.0`) } : weird(rng) };
      },
      view(): Any {
        const meta = rng.chance(0.7)
          ? JSON.stringify({ s: maybe(rng, () => sid), n: maybe(rng, () => 1 + rng.int(5)), c: maybe(rng, () => CHANNEL) })
          : rng.pick(['', 'null', '1', '"x"', '[]', '{', '{"s":null}', hostileText(rng)]);
        const value = rng.chance(0.8) ? hostileText(rng) : weird(rng);
        const values = rng.chance(0.9) ? { [COMMENT_BLOCK]: { [COMMENT_INPUT]: rng.chance(0.95) ? { value } : weird(rng) } } : weird(rng);
        return {
          body: rng.chance(0.95) ? { user: maybe(rng, () => ({ id: maybe(rng, () => rng.pick(USERS)) })) } : weird(rng),
          view: rng.chance(0.97) ? { private_metadata: rng.chance(0.95) ? meta : weird(rng), state: rng.chance(0.95) ? { values } : weird(rng) } : weird(rng),
        };
      },
    };

    const problems: string[] = [];
    const stats = { slash: 0, reaction: 0, action: 0, view: 0, refused: 0, accepted: 0, silent: 0, storeChanges: 0 };
    let before = await snapshot(raw);
    let errorsSeen = 0;
    for (let i = 0; i < ITERATIONS && problems.length < 5; i++) {
      sent = [];
      const r = rng.next();
      const kind = r < 0.45 ? 'slash' : r < 0.65 ? 'reaction' : r < 0.85 ? 'action' : 'view';
      stats[kind]++;
      const payload = gen[kind]();
      let acks = 0;
      const ack = async (p?: Any) => {
        acks++;
        ackReply(p);
      };
      let user = '';
      try {
        if (kind === 'slash') {
          user = `slack:${payload.user_id}`;
          await h.slashCommand({ command: payload, ack, respond });
        } else if (kind === 'reaction') {
          user = `slack:${payload.event?.user}`;
          await h.reaction(payload.event.type === 'reaction_added')({ event: payload.event, body: payload.body, client });
        } else if (kind === 'action') {
          user = `slack:${payload.body?.user?.id}`;
          const fn = payload.actionId === ACTION.comment ? h.commentButton : h.stanceButton(payload.actionId, ({ [ACTION.support]: 'support', [ACTION.neutral]: 'neutral', [ACTION.oppose]: 'oppose' } as Any)[payload.actionId]);
          await fn({ ack, body: payload.body, action: payload.action, client });
        } else {
          user = `slack:${payload.body?.user?.id}`;
          await h.commentForm({ ack, body: payload.body, view: payload.view, client });
        }
      } catch (error) {
        problems.push(`#${i} ${kind} threw: ${error instanceof Error ? error.stack : String(error)} — ${JSON.stringify(payload).slice(0, 300)}`);
        continue;
      }
      if (kind !== 'reaction' && acks !== 1) problems.push(`#${i} ${kind} acked ${acks} times: ${JSON.stringify(payload).slice(0, 300)}`);
      const after = await snapshot(raw);
      const changed = changedKeys(before, after);
      countOutcome(stats, sent, changed);
      // A change is only allowed for a well-formed caller id (a real Slack user), never `slack:undefined` & co.
      const wellFormed = /^slack:[A-Z0-9]{2,32}$/.test(user);
      if (changed.length && !wellFormed) problems.push(`#${i} ${kind}: a malformed caller ${JSON.stringify(user).slice(0, 60)} changed ${changed.join(', ')}`);
      // An emoji is answered with silence by design (only refusals get an ephemeral): a silent change is fine there.
      for (const p of violations({ user, input: kind, replies: sent }, changed).filter((v) => !(kind === 'reaction' && v.startsWith('silently changed')))) problems.push(`#${i} ${kind} ${JSON.stringify(payload).slice(0, 300)}: ${p}`);
      if (errors.length > errorsSeen) {
        problems.push(`#${i} ${kind} ${JSON.stringify(payload).slice(0, 300)}: logged an internal error: ${errors.slice(errorsSeen).join(' | ').slice(0, 600)}`);
        errorsSeen = errors.length;
      }
      before = after;
    }
    console.log(`[fuzz] slack: ${JSON.stringify(stats)}`);
    expect(problems.slice(0, 5).join('\n')).toBe('');
    expect(posts.length, 'callers without a role posted to the channel').toBe(setupPosts);
    // A fair share of both outcomes (1,000 of 50,000 before FUZZ_INPUTS): the generator still reaches both paths.
    expect(stats.accepted).toBeGreaterThan(ITERATIONS / 50);
    expect(stats.refused).toBeGreaterThan(ITERATIONS / 50);
    await raw.close();
  }, fuzzTimeout(ITERATIONS));
});
