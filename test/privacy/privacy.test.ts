/**
 * Privacy: no user id (console:…, slack:U…, discord:<snowflake>, the moderator's included) reaches
 * a summary or a digest in any format, through the core, the commands and the real CLI; logs above
 * debug level carry no user id even when errors quote store keys; tokens and signing secrets never
 * reach a log line at any level; /forgetme leaves nothing of the caller in the store.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openStore } from '../../src/store/open-store.ts';
import { StoreUnavailableError, type FactStore } from '../../src/store/fact-store.ts';
import { parseConfig } from '../../src/config.ts';
import { Plenary } from '../../src/plenary.ts';
import { roleOf } from '../../src/roles.ts';
import { createLogger, scrubUserIds, type Level } from '../../src/log.ts';
import { formatDigest } from '../../src/digest-format.ts';
import { executeLine } from '../../commands/execute.ts';
import type { CommandContext } from '../../commands/command.ts';
import { ConsoleAdapter } from '../../adapters/console/console-adapter.ts';
import { renderView } from '../../adapters/console/render.ts';
import { renderView as renderSlack } from '../../adapters/slack/render.ts';
import { renderView as renderDiscord } from '../../adapters/discord/render.ts';
import type { View } from '../../src/views.ts';

/** What each platform would show for a view: terminal lines, Slack Block Kit, Discord messages. */
const rendered = (view: View): string[] => [...renderView(view), JSON.stringify(renderSlack(view)), JSON.stringify(renderDiscord(view))];
/** The view objects handed to renderers; for summaries and digests the whole object must be clean. */
const viewJson = (view: View): string[] => (view.kind === 'summary' || view.kind === 'digest' ? [JSON.stringify(view)] : []);
import { runCli, tempDeployment } from '../helpers/cli.ts';

const MODERATOR = 'slack:U0MOD4242';
const ORGANISER = 'console:organiser-9';
const PEOPLE = ['console:alice-7f3q', 'slack:U012AB3CD', 'slack:W0456EFGH', 'discord:80351110224678912', 'discord:112233445566778899'];
const EVERY_ID = [MODERATOR, ORGANISER, ...PEOPLE];
/** The ids and their bare parts (`U012AB3CD`, the snowflake, `alice-7f3q`). */
const NEEDLES = EVERY_ID.flatMap((id) => [id, id.slice(id.indexOf(':') + 1)]);

const RAW_CONFIG = {
  conference: { name: 'Privacy Conference', timezone: 'Asia/Shanghai' },
  roles: { organisers: [ORGANISER], moderators: [MODERATOR] },
};
const CONFIG = parseConfig(RAW_CONFIG);
const NOW = new Date('2026-11-28T02:00:00Z');

function leaks(text: string): string[] {
  return NEEDLES.filter((needle) => text.includes(needle));
}

const ctxFor = (core: Plenary, user: string, channel: string): CommandContext => ({
  core, user, channel, role: roleOf(CONFIG, user),
});

/** A panel followed from Slack, Discord and the terminal, with stances, comments and groups from everyone. */
async function panel(store: FactStore) {
  const core = new Plenary({ store, config: CONFIG, clock: () => NOW });
  const outputs: string[] = [];
  const run = async (user: string, channel: string, line: string) => {
    const result = await executeLine(line, ctxFor(core, user, channel));
    if (result.reply?.kind === 'error') throw new Error(`${line}: ${result.reply.text}`);
    const views = [result.reply, ...(result.posts ?? []).map((p) => p.view)].filter((v): v is View => Boolean(v));
    outputs.push(...views.flatMap((v) => [...viewJson(v), ...rendered(v)]));
    return result;
  };
  await run(MODERATOR, 'slack:C0PANEL', '/session start Privacy panel theme:"Who said what"');
  const session = await core.requireSession('slack:C0PANEL');
  await run(MODERATOR, 'discord:998877665544332211', `/session join ${session.id}`);
  await run(MODERATOR, 'console:main', `/session join ${session.id}`);
  await run(MODERATOR, 'slack:C0PANEL', '/speaker add icann ICANN org:"ICANN" group:technical-community');
  await run(MODERATOR, 'slack:C0PANEL', '/priority add icann Universal acceptance');
  await run(MODERATOR, 'slack:C0PANEL', '/priority add icann Multistakeholder model');
  const groups = ['government', 'civil-society', 'academia', 'government', 'private-sector'];
  for (const [i, user] of PEOPLE.entries()) {
    const channel = user.startsWith('slack:') ? 'slack:C0PANEL' : user.startsWith('discord:') ? 'discord:998877665544332211' : 'console:main';
    if (i !== 4) await run(user, channel, `/iam ${groups[i]}`);
    await run(user, channel, `/react P1 ${i % 3 === 2 ? 'oppose' : 'support'} Comment number ${i}`);
    await core.emoji(user, session.id, 2, '👍', true);
    if (i === 1) await core.comment(user, session.id, 2, 'A comment from the button');
  }
  await run(MODERATOR, 'slack:C0PANEL', '/priority post all');
  await run(MODERATOR, 'slack:C0PANEL', '/menu post');
  await run(PEOPLE[0], 'console:main', '/summary');
  await run(MODERATOR, 'slack:C0PANEL', '/summary post');
  await run(PEOPLE[0], 'console:main', '/session status');
  await run(MODERATOR, 'slack:C0PANEL', '/session close'); // posts the final summary everywhere
  for (const format of ['', ' format:md', ' format:json', ' format:csv', ' post']) {
    await run(ORGANISER, 'console:main', `/digest date:2026-11-28${format}`);
  }
  return { core, session, outputs };
}

describe('privacy: no user id in summaries or digests', () => {
  it('summaries, menus, posts and digests (text, md, json, csv) from the core and the commands, as terminal, Slack and Discord render them', async () => {
    const store = await openStore('memory://');
    try {
      const { core, session, outputs } = await panel(store);
      const summary = await core.summaries.sessionSummary(session.id);
      const digest = await core.summaries.digest('2026-11-28');
      // The panel really has these people in it, so the check below is not vacuous.
      expect(summary?.participants).toBe(PEOPLE.length);
      expect(summary?.proposals.flatMap((p) => p.comments)).toHaveLength(PEOPLE.length + 1);
      expect(JSON.stringify(await store.scan(''))).toContain(PEOPLE[3]);
      const texts = [
        JSON.stringify(summary),
        JSON.stringify(digest),
        ...(['md', 'json', 'csv'] as const).map((f) => formatDigest(digest, f)),
        ...rendered({ kind: 'digest', digest, file: null }),
        ...rendered({ kind: 'summary', summary: summary!, final: true }),
        ...outputs,
      ];
      expect(texts.flatMap(leaks)).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it('plenary digest on the command line, every format', async () => {
    const { dir, env } = tempDeployment(RAW_CONFIG);
    const url = `sqlite://${join(dir, 'store.sqlite')}`;
    env.PLENARY_STORE = url;
    const store = await openStore(url);
    await panel(store);
    await store.close();
    for (const args of [[], ['--format', 'md'], ['--format', 'json'], ['--format', 'csv']]) {
      const run = await runCli(['digest', '--date', '2026-11-28', ...args], env);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/Universal acceptance/);
      expect(leaks(run.stdout + run.stderr)).toEqual([]);
    }
  });

  it('/forgetme leaves no trace of the caller in the store', async () => {
    const store = await openStore('memory://');
    try {
      const { core } = await panel(store);
      for (const user of PEOPLE) {
        const result = await executeLine('/forgetme', ctxFor(core, user, 'console:main'));
        expect(result.reply?.kind).toBe('notice');
        const everything = JSON.stringify(await store.scan(''));
        expect(everything).not.toContain(user);
      }
    } finally {
      await store.close();
    }
  });
});

/** A store whose writes fail with errors quoting full keys (user ids inside), and reads that time out. */
function failingStore(inner: FactStore, mode: { broken: boolean; down: boolean }): FactStore {
  return new Proxy(inner, {
    get(target, prop, receiver) {
      const original = Reflect.get(target, prop, receiver);
      if (typeof original !== 'function') return original;
      return (...args: unknown[]) => {
        const key = typeof args[0] === 'string' ? args[0] : JSON.stringify(args[0]);
        if (mode.down && prop !== 'close') return Promise.reject(new StoreUnavailableError(`Redis unavailable while reading ${key}`));
        if (mode.broken && (prop === 'set' || prop === 'delete' || prop === 'commit')) return Promise.reject(new Error(`disk full writing ${key}`));
        return original.apply(target, args);
      };
    },
  });
}

describe('privacy: logs', () => {
  it('above debug level, no user id reaches a log line, even from errors that quote store keys', async () => {
    const lines: string[] = [];
    const log = createLogger('info', (line) => lines.push(line));
    const mode = { broken: false, down: false };
    const inner = await openStore('memory://');
    const store = failingStore(inner, mode);
    const core = new Plenary({ store, config: parseConfig({ ...RAW_CONFIG, roles: { organisers: [], moderators: ['console:mod'] } }), clock: () => NOW });
    const out: string[] = [];
    const terminal = new ConsoleAdapter({ core, write: (l) => out.push(l), log });
    for (const line of ['mod: /session start Logs', 'mod: /speaker add itu ITU', 'mod: /priority add itu Text']) await terminal.handleLine(line);
    mode.broken = true;
    await terminal.handleLine('alice-7f3q: /react P1 support');
    await terminal.handleLine('alice-7f3q: +👍 P1');
    mode.broken = false;
    mode.down = true;
    await terminal.handleLine('alice-7f3q: /react P1 support');
    await terminal.handleLine('alice-7f3q: -👍 P1');
    // Adapters log their own failures with whatever detail they have.
    for (const level of ['info', 'warn', 'error'] as Level[]) {
      log(level, `delivery to ${PEOPLE[1]} failed`, new Error(`could not DM ${PEOPLE[3]} (<@U012AB3CD>)`));
      log(level, 'reaction not applied', `user ${PEOPLE[4]} key reaction:s1:0001:${PEOPLE[2]}`);
      log(level, 'event', { user: PEOPLE[0] });
    }
    expect(out.filter((l) => l.includes('⚠'))).toHaveLength(4); // every failure answered
    expect(lines.filter((l) => / (warn|error) /.test(l)).length).toBeGreaterThanOrEqual(4 + 6);
    expect(lines.join('\n')).toMatch(/console:\[user\]/); // ids were there, and were scrubbed
    expect(lines.flatMap(leaks)).toEqual([]);
    await inner.close();
  });

  it('user ids appear only in debug-level messages, when the log level is debug', () => {
    const lines: string[] = [];
    const log = createLogger('debug', (line) => lines.push(line));
    log('debug', `reaction by ${PEOPLE[1]}`, { user: PEOPLE[3] });
    log('warn', `reaction by ${PEOPLE[1]}`, { user: PEOPLE[3] });
    expect(leaks(lines[0])).not.toEqual([]);
    expect(leaks(lines[1])).toEqual([]);
    expect(scrubUserIds('to slack:C0PANEL and console:main')).toBe('to slack:C0PANEL and console:[user]'); // Slack channels stay
  });

  it('tokens and signing secrets never reach a log line, at any level', () => {
    const secrets = {
      bot: 'xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOpQrStUvWx',
      app: 'xapp-1-A0123456789-1234567890123-0123456789abcdef0123456789abcdef',
      signing: '8f742231b10e8888abcd99yyyzzz85a5',
      discord: 'MTA4NzY1NDMyMTAxMjM0NTY3OA.GhIjKl.AbCdEfGhIjKlMnOpQrStUvWxYz0123456789AB',
    };
    const unlisted = { bot: 'xoxb-9999999999-8888888888-ZyXwVuTsRqPoNmLkJiHgFeDc', user: 'xoxp-1111-2222-3333-abcdef', discord: 'NzkyNzE1NDU0MTk2MDg4ODQy.X-hvzA.Ovy4MCQywSkoMRRclStW4xAYK7I' };
    const all = [...Object.values(secrets), ...Object.values(unlisted)];
    for (const level of ['debug', 'info', 'warn', 'error'] as Level[]) {
      const lines: string[] = [];
      const log = createLogger(level, (line) => lines.push(line), [secrets.bot, secrets.app, secrets.signing, secrets.discord, '', 'short']);
      for (const messageLevel of ['debug', 'info', 'warn', 'error'] as Level[]) {
        for (const token of all) {
          log(messageLevel, `request with Authorization: Bearer ${token}`);
          log(messageLevel, 'request failed', new Error(`401 for token=${token}&x=1`));
          log(messageLevel, 'request', `signature v0=${token}`);
          log(messageLevel, 'request', { headers: { authorization: `Bot ${token}` }, body: JSON.stringify({ token }) });
        }
      }
      expect(lines.length).toBeGreaterThan(0);
      const text = lines.join('\n');
      expect(all.filter((token) => text.includes(token))).toEqual([]);
      expect(text).toContain('[redacted]');
    }
  });
});
