/**
 * The authorisation table: every registry command (plus its `post` escalation) × every kind of
 * caller. Only the allowed combinations change anything; refused ones get a private one-line error
 * naming the role needed and leave the store byte-for-byte identical, with nothing posted.
 *
 * The table is generated from the registry (each command's `role`; a `post` flag needs at least a
 * moderator, so /menu post and /summary post escalate and /digest post stays organiser-only) and
 * written into the test names, so a change in the registry shows up in the test report.
 *
 * Callers are resolved with the real roleOf: console users listed in the config, a participant, and
 * two Discord members, one holding the configured `discord-role:77` (a moderator) and one not.
 * Console callers go through the text parser (executeLine); Discord callers through execute() with
 * typed options, as application commands arrive.
 */
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.ts';
import type { FactStore } from '../../src/store/fact-store.ts';
import { parseConfig } from '../../src/config.ts';
import { Plenary } from '../../src/plenary.ts';
import { mayAct, roleOf, type Role } from '../../src/roles.ts';
import { commands } from '../../commands/registry.ts';
import { execute, executeLine } from '../../commands/execute.ts';
import type { Command, CommandContext } from '../../commands/command.ts';
import type { CommandResult } from '../../src/views.ts';

const CONFIG = parseConfig({
  conference: { name: 'Auth Conference', timezone: 'UTC' },
  roles: { organisers: ['console:org'], moderators: ['console:mod', 'discord-role:77'] },
});

interface Actor {
  label: string;
  user: string;
  memberRoles: string[];
  platform: 'slack' | 'discord' | 'console';
  /** The channel of the panel's open session on the actor's platform; `fresh` has no session. */
  channel: string;
  fresh: string;
}
const ACTORS: Actor[] = [
  { label: 'organiser', user: 'console:org', memberRoles: [], platform: 'console', channel: 'console:main', fresh: 'console:side' },
  { label: 'moderator', user: 'console:mod', memberRoles: [], platform: 'console', channel: 'console:main', fresh: 'console:side' },
  { label: 'participant', user: 'console:pat', memberRoles: [], platform: 'console', channel: 'console:main', fresh: 'console:side' },
  { label: 'discord-role:77 member', user: 'discord:555', memberRoles: ['12', '77'], platform: 'discord', channel: 'discord:900', fresh: 'discord:901' },
  { label: 'discord member', user: 'discord:556', memberRoles: ['78'], platform: 'discord', channel: 'discord:900', fresh: 'discord:901' },
];

interface Variant {
  title: string;
  command: Command;
  needed: Role;
  /** Typed options, as Discord delivers them (flags are booleans). */
  options: (sid: string) => Record<string, string | boolean>;
  /** Runs in a channel without a session (session start / join). */
  fresh?: boolean;
  /** Allowed callers change the store (else: read-only, or only posts). */
  writes: boolean;
  posts: boolean;
  setup?: (core: Plenary) => Promise<unknown>;
}

/** Valid options for each command against the seeded panel, so only the role can refuse them. */
const VALID: Record<string, {
  options: (sid: string) => Record<string, string | boolean>;
  fresh?: boolean;
  writes: boolean;
  posts?: boolean;
  /** Puts the panel in the state the command needs (e.g. a closed session to reopen), before the snapshot. */
  setup?: (core: Plenary) => Promise<unknown>;
}> = {
  'session start': { options: () => ({ title: 'Second panel', theme: 'Auth' }), fresh: true, writes: true, posts: true },
  'session join': { options: (sid) => ({ id: sid }), fresh: true, writes: true, posts: true },
  'session status': { options: () => ({}), writes: false },
  'session close': { options: () => ({}), writes: true, posts: true },
  'session reopen': { options: () => ({}), writes: true, posts: true, setup: (core) => core.closeSession('console:main') },
  'session delete': { options: (sid) => ({ id: sid, confirm: true }), writes: true },
  'speaker edit': { options: () => ({ handle: 'icann', name: 'ICANN Org', org: 'ICANN' }), writes: true },
  'speaker remove': { options: () => ({ handle: 'spare' }), writes: true },
  'speaker add': { options: () => ({ handle: 'newbie', name: 'New Speaker', org: 'Org', group: 'academia' }), writes: true },
  'speaker list': { options: () => ({}), writes: false },
  'priority add': { options: () => ({ handle: 'icann', text: 'Another priority' }), writes: true },
  'priority edit': { options: () => ({ code: 'P1', text: 'Edited text' }), writes: true },
  'priority withdraw': { options: () => ({ code: 'P2' }), writes: true },
  // Claims each card per channel, so a second run does not post them twice.
  'priority post': { options: () => ({ handle: 'all' }), writes: true, posts: true },
  menu: { options: () => ({}), writes: false },
  react: { options: () => ({ code: 'P1', stance: 'support', comment: 'Yes' }), writes: true },
  iam: { options: () => ({ group: 'academia' }), writes: true },
  forgetme: { options: () => ({}), writes: true },
  lang: { options: () => ({ language: 'fr' }), writes: true },
  summary: { options: () => ({}), writes: false },
  digest: { options: () => ({ date: '2026-11-28', format: 'csv' }), writes: false },
  help: { options: () => ({ command: 'react' }), writes: false },
  screen: { options: () => ({}), writes: true },
};

const higher = (a: Role, b: Role): Role => (mayAct(a, b) ? a : b);

/** The table, from the registry: every command, and a `post` variant wherever it has that flag. */
const VARIANTS: Variant[] = commands.flatMap((command) => {
  const valid = VALID[command.name];
  if (!valid) throw new Error(`authorisation table: no valid options for new command /${command.name}; add it to VALID`);
  const base: Variant = {
    title: `/${command.name}`, command, needed: command.role, options: valid.options,
    fresh: valid.fresh, writes: valid.writes, posts: Boolean(valid.posts), setup: valid.setup,
  };
  const post = command.options.find((o) => o.name === 'post' && o.type === 'flag');
  if (!post) return [base];
  // Posting to channels is a moderator's act: it escalates a participant command.
  return [base, { ...base, title: `/${command.name} post`, needed: higher(command.role, 'moderator'), options: (sid) => ({ ...valid.options(sid), post: true }), posts: true }];
});

const mark = (allowed: boolean) => (allowed ? '✓' : '✗');
const allowedFor = (v: Variant, a: Actor) => mayAct(roleOf(CONFIG, a.user, a.memberRoles), v.needed);

async function seededPanel() {
  const store = await openStore('memory://');
  const core = new Plenary({ store, config: CONFIG, clock: () => new Date('2026-11-28T02:00:00Z'), random: () => 0.5 });
  const mod = (text: string, channel = 'console:main') =>
    executeLine(text, { core, user: 'console:mod', channel, role: 'moderator' });
  const steps = [
    await mod('/session start Auth panel'),
    await mod('/speaker add icann ICANN'),
    await mod('/priority add icann Universal acceptance'),
    await mod('/priority add icann Second priority'),
    await mod('/speaker add spare Spare Speaker'),
  ];
  const session = await core.requireSession('console:main');
  steps.push(await mod(`/session join ${session.id}`, 'discord:900'));
  // Every actor already holds a stance elsewhere and a group, so /forgetme has something to delete.
  for (const actor of ACTORS) {
    await core.react(actor.user, session.id, 2, 'oppose');
    await core.declareGroup(actor.user, 'government');
  }
  for (const s of steps) if (s.reply?.kind === 'error') throw new Error(`panel setup failed: ${s.reply.text}`);
  return { store, core, sid: session.id };
}

async function snapshot(store: FactStore): Promise<string> {
  return JSON.stringify(await store.scan(''));
}

/** The text a console user would type for the same typed options. */
function asLine(v: Variant, options: Record<string, string | boolean>): string {
  const parts = Object.entries(options).map(([k, value]) => (value === true ? k : `${k}:"${value}"`));
  return [`/${v.command.name}`, ...parts].join(' ');
}

async function run(v: Variant, actor: Actor): Promise<{ result: CommandResult; before: string; after: string }> {
  const { store, core, sid } = await seededPanel();
  try {
    const ctx: CommandContext = {
      core,
      user: actor.user,
      channel: v.fresh ? actor.fresh : actor.channel,
      role: roleOf(CONFIG, actor.user, actor.memberRoles),
    };
    const options = v.options(sid);
    await v.setup?.(core);
    const before = await snapshot(store);
    const result = actor.platform === 'console' ? await executeLine(asLine(v, options), ctx) : await execute(v.command, options, ctx);
    return { result, before, after: await snapshot(store) };
  } finally {
    await store.close();
  }
}

const header = ['command', ...ACTORS.map((a) => a.label)].join(' | ');

describe(`authorisation table (${header})`, () => {
  it('roleOf: config lists, Discord member roles, and nobody else', () => {
    expect(ACTORS.map((a) => roleOf(CONFIG, a.user, a.memberRoles))).toEqual(['organiser', 'moderator', 'participant', 'moderator', 'participant']);
    // The Discord role counts only as a member role, never as a user id or for another role id.
    expect(roleOf(CONFIG, 'discord:77')).toBe('participant');
    expect(roleOf(CONFIG, 'discord:77', ['7', '777'])).toBe('participant');
    // Ids are exact: platform and case matter.
    expect(roleOf(CONFIG, 'slack:org')).toBe('participant');
    expect(roleOf(CONFIG, 'console:ORG')).toBe('participant');
    // An organiser who also holds the moderator role is still an organiser.
    expect(roleOf(CONFIG, 'console:org', ['77'])).toBe('organiser');
    expect(mayAct('organiser', 'moderator') && mayAct('moderator', 'participant') && !mayAct('moderator', 'organiser') && !mayAct('participant', 'moderator')).toBe(true);
  });

  it('the table covers every registry command, with /menu post and /summary post escalated and /digest organiser-only', () => {
    expect(new Set(VARIANTS.map((v) => v.command.name))).toEqual(new Set(commands.map((c) => c.name)));
    const need = Object.fromEntries(VARIANTS.map((v) => [v.title, v.needed]));
    expect(need).toMatchObject({ '/menu': 'participant', '/menu post': 'moderator', '/summary': 'participant', '/summary post': 'moderator', '/digest': 'organiser', '/digest post': 'organiser' });
  });

  for (const v of VARIANTS) {
    const row = `${v.title} [needs ${v.needed}]: ${ACTORS.map((a) => `${a.label} ${mark(allowedFor(v, a))}`).join(' · ')}`;
    it(row, async () => {
      for (const actor of ACTORS) {
        const { result, before, after } = await run(v, actor);
        const where = `${v.title} by ${actor.label}`;
        if (allowedFor(v, actor)) {
          expect(result.reply?.kind, `${where}: ${JSON.stringify(result.reply)}`).not.toBe('error');
          if (v.writes) expect(after, `${where} should change the store`).not.toBe(before);
          else expect(after, `${where} should only read`).toBe(before);
          // /session close queues its final summary in its own commit (result.queued) rather than returning posts.
          if (v.posts) expect((result.posts?.length ?? 0) + (result.queued?.length ?? 0), `${where} should post`).toBeGreaterThan(0);
          else expect(result.posts ?? [], `${where} should not post`).toEqual([]);
        } else {
          expect(result.reply?.kind, where).toBe('error');
          const text = result.reply?.kind === 'error' ? result.reply.text : '';
          const refusal = result.reply?.kind === 'error' ? result.reply.refusal : undefined;
          expect(refusal?.id, where).toMatch(/^refusal\.role\.(command|post)$/);
          expect(refusal?.params.role, where).toBe(v.needed);
          expect(text, where).not.toMatch(/\n/);
          expect(result.posts ?? [], where).toEqual([]);
          expect(after, `${where} changed the store`).toBe(before);
        }
      }
    });
  }
});
