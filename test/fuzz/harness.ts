/**
 * The inbound fuzz harness: a deterministic generator of hostile text, a fixed seeded panel, and the
 * invariants every inbound path must keep, whatever it is given:
 *
 *  1. nothing throws (and nothing is logged at error level: that is an internal failure);
 *  2. every reply is a normal result or a one-line error (never "Something went wrong");
 *  3. for a caller without any role, the store changes only in that caller's own `reaction:` and
 *     `group:` facts; and when the caller got only errors, it does not change at all.
 *
 * Targets (one per inbound path) live in `inboundTargets` below. ── EXTENSION POINT ── Slack and
 * Discord adapter engineers: add a FuzzTarget that turns a generated input into your platform's
 * inbound payload (slash command body, block action, event, interaction) and runs it through your
 * real handler, then register it in `inboundTargets`. The harness checks the invariants for you.
 */
import { Plenary } from '../../src/plenary.ts';
import { parseConfig, type PlenaryConfig } from '../../src/config.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { FactStore } from '../../src/store/fact-store.ts';
import { parseReactionKey } from '../../src/keys.ts';
import { roleOf } from '../../src/roles.ts';
import { ConsoleAdapter } from '../../adapters/console/console-adapter.ts';
import { executeLine, STORE_UNAVAILABLE_REPLY } from '../../commands/execute.ts';
import { commands } from '../../commands/registry.ts';
import type { View } from '../../src/views.ts';

// ── deterministic randomness ──────────────────────────────────────────────────

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)];
  const chance = (p: number) => next() < p;
  return { next, int, pick, chance };
}
export type Rng = ReturnType<typeof prng>;

// ── hostile text ──────────────────────────────────────────────────────────────

const EDGE = [
  '\uD800', '\uDBFF', '\uDC00', '\uDFFF', 'a\uD800b', '\uDFFF\uD800', // lone / reversed surrogates
  'e\u0301', '\u0301', '\u0300\u0301\u0302\u0303', 'Z\u0351\u0352\u0353\u0354\u0355', // combining marks
  '\u200F', '\u200E', '\u061C', '\u202E', '\u202D', '\u2066', '\u2069', // RTL / bidi marks and overrides
  '\u200D', '👩‍👩‍👧‍👦', '🏳️‍🌈', '👨🏽‍💻', '\u200B', '\u2060', '\uFEFF', // ZWJ sequences, zero-width
  '\uFFFF', '\uFFFE', '\u{10FFFF}', '\u{E0001}', '\u{1F3FB}', '\uFFFD', // noncharacters, tags, lone skin tone
  '\u0000', '\u0007', '\u001b[2J', '\u001b]0;x\u0007', '\u007f', '\u0085', '\u009b', // control characters
  '\n', '\r\n', '\r', '\t', '\u2028', '\u2029', '\u000b', '\u000c', // line breaks
  '\u00a0', '\u3000', '\u2003', '：', '＂', '“', '”', '"', '""', ':', '::', '\\', '\\"', // look-alikes
  '中文', 'مرحبا', 'שלום', '🇨🇳', '👍', '👍🏽', '😐', '👎🏿', '<@U123>', '<!channel>', '@everyone', '&amp;', '&lt;', '%s', '${x}', '`',
];
const WORDS = [
  'support', 'oppose', 'neutral', 'clear', '+1', '-1', '0', 'yes', 'no', 'agree', 'disagree', 'pass', 'abstain', 'SUPPORT',
  'P1', 'P2', 'P3', 'P4', 'p1', 'P0', 'P-1', 'P999999', 'P1000000', 'P01', 'P1.5', 'PP1', '1',
  'icann', 'itu', 'ICANN', 'nobody', 'all', 'post', 'POST', 'government', 'academia', 'unspecified', 'civil-society',
  'json', 'csv', 'md', 'xml', '2026-11-28', '2026-02-30', '9999-99-99', 'today',
  'start', 'join', 'status', 'close', 'add', 'list', 'edit', 'withdraw', 's7k2', 'saaa', 'https://example.org/x:y',
];
const NAMES = ['session', 'speaker', 'priority', 'menu', 'react', 'iam', 'forgetme', 'summary', 'digest', 'help', 'SESSION', 'React', 'sessions', '', 'x'];
const OPTION_NAMES = [...new Set(commands.flatMap((c) => c.options.map((o) => o.name))), 'key', 'http', 'Title', 'CODE', 'a'];
const EMOJI = ['👍', '👎', '😐', '👍🏽', '👎🏿', ':+1:', ':thumbsup:', ':-1:', ':thumbsdown:', ':neutral_face:', ':+1::skin-tone-3:', ':thumbsup::skin-tone-9:', '🎉', ':tada:', '👍\u200D', '\u{1F44D}\u{1F3FB}\u{1F3FB}', ':', '::', '+', '-'];

function word(rng: Rng): string {
  const r = rng.next();
  if (r < 0.55) return rng.pick(WORDS);
  if (r < 0.75) return rng.pick(EDGE);
  if (r < 0.9) return randomChars(rng, 1 + rng.int(12));
  return rng.pick(WORDS) + rng.pick(EDGE) + rng.pick(WORDS);
}

/** Random code points from everywhere: ASCII, BMP, astral, surrogates included. */
function randomChars(rng: Rng, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) {
    const r = rng.next();
    if (r < 0.5) s += String.fromCharCode(0x20 + rng.int(0x5f));
    else if (r < 0.8) s += String.fromCharCode(rng.int(0x10000));
    else s += String.fromCodePoint(0x10000 + rng.int(0x100000));
  }
  return s;
}

function optionToken(rng: Rng): string {
  const key = rng.chance(0.8) ? rng.pick(OPTION_NAMES) : word(rng);
  const value = word(rng);
  const r = rng.next();
  if (r < 0.4) return `${key}:${value}`;
  if (r < 0.7) return `${key}:"${value} ${word(rng)}"`;
  if (r < 0.8) return `${key}:"${value}`; // unbalanced
  if (r < 0.9) return `${key}:`;
  return `"${key}:${value}"`;
}

function slashLine(rng: Rng): string {
  const name = rng.chance(0.85) ? commands[rng.int(commands.length)].name : `${rng.pick(NAMES)} ${rng.pick(NAMES)}`;
  let line = rng.chance(0.95) ? `/${name}` : name;
  if (rng.chance(0.1)) line = line.toUpperCase();
  const n = rng.int(7);
  for (let i = 0; i < n; i++) line += rng.pick([' ', ' ', ' ', '  ', '\t', '\u00a0', '\u3000']) + (rng.chance(0.35) ? optionToken(rng) : word(rng));
  return line;
}

function emojiLine(rng: Rng): string {
  const sign = rng.pick(['+', '+', '-', '', '++', '±']);
  const code = rng.chance(0.8) ? rng.pick(['P1', 'P2', 'P3', 'P4', 'P5', 'p2', 'P0']) : word(rng);
  return `${sign}${rng.pick(EMOJI)}${rng.pick([' ', ' ', '  ', '\t', ''])}${code}${rng.chance(0.1) ? ` ${word(rng)}` : ''}`;
}

/** Free text for the last option: mostly ordinary words, with edge characters and the odd long run. */
function freeText(rng: Rng): string {
  const parts = Array.from({ length: 1 + rng.int(5) }, () => (rng.chance(0.7) ? rng.pick(WORDS) : rng.pick(EDGE)));
  if (rng.chance(0.05)) parts.push(rng.pick(['x', '中', '👍', 'e\u0301']).repeat(490 + rng.int(30)));
  return parts.join(rng.pick([' ', ' ', '', '\u00a0']));
}

/** Well-formed commands with hostile free text: they reach the handlers and the store. */
function plausibleLine(rng: Rng): string {
  const code = rng.pick(['P1', 'P2', 'P3', 'P4', 'P5', 'p2', 'P9']);
  const stance = rng.pick(['support', 'oppose', 'neutral', 'clear', '+1', '-1', '0', 'Agree', 'abstain']);
  switch (rng.int(14)) {
    case 0: case 1: case 2: return `/react ${code} ${stance}${rng.chance(0.6) ? ` ${freeText(rng)}` : ''}`;
    case 3: return `/react code:${code} stance:${stance} comment:"${freeText(rng).replaceAll('"', '')}"`;
    case 4: return `/iam ${rng.pick(['government', 'academia', 'Civil-Society', 'technical-community', 'unspecified', freeText(rng)])}`;
    case 5: return '/forgetme';
    case 6: return rng.pick(['/menu', '/summary', '/session status', '/speaker list', '/menu post', '/summary post']);
    case 7: return `/priority add ${rng.pick(['icann', 'itu', 'nobody'])} ${freeText(rng)}`;
    case 8: return `/priority edit ${code} ${freeText(rng)}`;
    case 9: return `/priority ${rng.pick(['withdraw', 'post'])} ${rng.pick([code, 'all', 'itu'])}`;
    case 10: return `/speaker add ${rng.pick(['who', 'w-2', 'icann', 'Bad_Handle'])} ${freeText(rng)} org:"${freeText(rng).replaceAll('"', '')}"`;
    case 11: return `/session start ${freeText(rng)}${rng.chance(0.5) ? ` theme:"${freeText(rng).replaceAll('"', '')}"` : ''}`;
    case 12: return `/digest ${rng.pick(['', 'format:json', 'format:csv', 'format:md', 'date:2026-11-28 format:csv', 'post', 'date:2026-13-01'])}`;
    default: return `/session ${rng.pick(['close', 'join s7k2', 'join', 'status'])}`;
  }
}

/** One hostile input line. `huge` lines go past every length limit. */
export function hostileText(rng: Rng): string {
  const r = rng.next();
  let text: string;
  if (r < 0.3) return plausibleLine(rng);
  if (r < 0.6) text = slashLine(rng);
  else if (r < 0.78) text = emojiLine(rng);
  else if (r < 0.88) text = Array.from({ length: 1 + rng.int(6) }, () => word(rng)).join(' ');
  else if (r < 0.98) text = randomChars(rng, 1 + rng.int(60));
  else text = slashLine(rng) + ' ' + rng.pick(['x', '中', '👍', 'e\u0301', '\uD800']).repeat(400 + rng.int(5000));
  // Sprinkle edge characters at random places.
  const sprinkles = rng.chance(0.3) ? 1 + rng.int(3) : 0;
  for (let i = 0; i < sprinkles; i++) {
    const at = rng.int(text.length + 1);
    text = text.slice(0, at) + rng.pick(EDGE) + text.slice(at);
  }
  return text;
}

// ── the fixed seeded panel ────────────────────────────────────────────────────

export const FUZZ_CONFIG = {
  conference: { name: 'Fuzz Conference', timezone: 'Asia/Shanghai' },
  roles: { organisers: ['console:org'], moderators: ['console:mod', 'discord-role:77'] },
};

const PANEL_SCRIPT = [
  'mod: /session start Fuzz panel theme:"A seeded panel"',
  'mod: /speaker add icann ICANN org:"ICANN" group:technical-community',
  'mod: /speaker add itu ITU group:intergovernmental',
  'mod: /priority add icann Universal acceptance of domain names',
  'mod: /priority add itu National CIRTs 中文 👍🏽',
  'mod: /priority add itu Capacity building',
  'mod: /priority add icann To be withdrawn',
  'mod: /priority withdraw P4',
  'alice: /iam government',
  'alice: /react P1 support Great idea',
  'bob: /react P2 oppose',
  'carol: +👍 P3',
];

export interface FuzzPanel {
  store: FactStore;
  core: Plenary;
  config: PlenaryConfig;
  terminal: ConsoleAdapter;
  /** What the terminal printed since the last `takeOutput()`. */
  takeOutput(): string[];
  /** Log lines at `error` level (internal failures) since the start. */
  errors: string[];
  close(): Promise<void>;
}

export async function seededPanel(seed: number): Promise<FuzzPanel> {
  const rng = prng(seed ^ 0x9e3779b9);
  const store = await openStore('memory://');
  const config = parseConfig(FUZZ_CONFIG);
  const core = new Plenary({ store, config, clock: () => new Date('2026-11-28T02:00:00Z'), random: rng.next });
  let output: string[] = [];
  const errors: string[] = [];
  const log = (level: string, message: string, detail?: unknown) => {
    if (level === 'error') errors.push(`${message}: ${detail instanceof Error ? detail.stack : String(detail)}`);
  };
  const terminal = new ConsoleAdapter({ core, write: (line) => output.push(line), log });
  for (const line of PANEL_SCRIPT) await terminal.handleLine(line);
  const setupErrors = output.filter((l) => l.includes('⚠'));
  if (setupErrors.length) throw new Error(`panel setup failed: ${setupErrors.join('\n')}`);
  output = [];
  return {
    store, core, config, terminal, errors,
    takeOutput: () => {
      const out = output;
      output = [];
      return out;
    },
    close: () => store.close(),
  };
}

// ── targets ───────────────────────────────────────────────────────────────────

/** What one input did, as the harness needs to judge it. */
export interface FuzzOutcome {
  /** The `platform:id` the input acted as; its own reaction/group facts may change. */
  user: string;
  /** Every reply the caller or a channel got: `error` ones must be one line. */
  replies: Array<{ text: string; error: boolean }>;
}

export interface FuzzTarget {
  name: string;
  /** Inputs this target gets out of the harness total. */
  iterations: number;
  /** Runs one generated input through the real inbound path. Throwing fails the fuzz test. */
  run(panel: FuzzPanel, rng: Rng, index: number): Promise<FuzzOutcome & { input: string }>;
}

/**
 * Inputs per fuzz target. `npm test` runs a quick 2,000 so the suite stays fast; `.ci/run` sets FUZZ_INPUTS=100000
 * for the full seeded run. The seed is the same either way, so the quick run is a prefix of the full one.
 */
export const FUZZ_INPUTS = Math.max(200, Number(process.env.FUZZ_INPUTS ?? 2_000) || 2_000);
/** A test's timeout for `inputs` inputs: generous, since the full run shares the machine with the rest of CI. */
export const fuzzTimeout = (inputs: number) => 60_000 + inputs * 5;

/** Fuzz participants: no configured role (checked by the harness with roleOf). */
export const fuzzUser = (rng: Rng) => `f${rng.int(6)}`;

const viewText = (view: View): { text: string; error: boolean } =>
  view.kind === 'error' ? { text: view.text, error: true } : { text: view.kind, error: false };

/** Commands through the shared parser and executor, as Slack's and the terminal's text arrives. */
const executeLineTarget: FuzzTarget = {
  name: 'commands/executeLine',
  iterations: FUZZ_INPUTS,
  async run(panel, rng) {
    const user = `console:${fuzzUser(rng)}`;
    const input = hostileText(rng);
    const ctx = { core: panel.core, user, channel: 'console:main', role: roleOf(panel.config, user), platform: 'console' as const };
    const result = await executeLine(input, ctx, (level, message, detail) => {
      if (level === 'error') panel.errors.push(`${message}: ${detail instanceof Error ? detail.stack : String(detail)}`);
    });
    const replies = [result.reply, ...(result.posts ?? []).map((p) => p.view)].filter((v): v is View => Boolean(v)).map(viewText);
    return { user, input, replies };
  },
};

// The terminal's own `name: ` prefix (adapters/console/console-adapter.ts): lines that would act as a
// configured moderator or organiser get an explicit fuzz user in front instead.
const USER_PREFIX = /^\s*([A-Za-z0-9][A-Za-z0-9_.-]{0,31}):\s+(.*)$/s;

/** Whole terminal lines through the terminal adapter, emoji and chat included. */
const terminalTarget: FuzzTarget = {
  name: 'adapters/console handleLine',
  iterations: FUZZ_INPUTS,
  async run(panel, rng) {
    const text = hostileText(rng);
    let input = rng.chance(0.85) ? `${fuzzUser(rng)}: ${text}` : text;
    const prefixed = USER_PREFIX.exec(input);
    let name = prefixed ? prefixed[1].toLowerCase() : 'you';
    if (roleOf(panel.config, `console:${name}`) !== 'participant') {
      name = 'f9';
      input = `f9: ${input}`;
    }
    await panel.terminal.handleLine(input);
    const replies: FuzzOutcome['replies'] = [];
    for (const line of panel.takeOutput()) {
      const where = /^\[(#main|to [^\]]+)\] (.*)$/s.exec(line);
      if (!where) {
        replies.push({ text: `unrouted output line: ${line}`, error: true });
        continue;
      }
      const error = where[2].startsWith('⚠ ');
      replies.push({ text: error ? where[2].slice(2) : where[2], error });
    }
    return { user: `console:${name}`, input, replies };
  },
};

/**
 * ── EXTENSION POINT ── every inbound path the fuzz test drives. Slack / Discord: append targets
 * here (e.g. `slackSlashCommandTarget`, `discordInteractionTarget`) built from `hostileText(rng)`.
 */
export const inboundTargets: FuzzTarget[] = [executeLineTarget, terminalTarget];

// ── invariants ────────────────────────────────────────────────────────────────

export const INTERNAL_ERROR = /Something went wrong/;
const LINE_BREAK = /[\n\r\u0085\u2028\u2029\u000b\u000c]/;

export const breaksIn = (text: string) =>
  [...text].filter((c) => LINE_BREAK.test(c)).map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(' ');

/** Every stored fact as key → JSON text. */
export async function snapshot(store: FactStore): Promise<Map<string, string>> {
  return new Map((await store.scan('')).map(([k, v]) => [k, JSON.stringify(v)]));
}

/** Keys whose value differs (added, changed or removed) between two snapshots. */
export function changedKeys(before: Map<string, string>, after: Map<string, string>): string[] {
  const out: string[] = [];
  for (const [k, v] of before) if (after.get(k) !== v) out.push(k);
  for (const k of after.keys()) if (!before.has(k)) out.push(k);
  return out;
}

/** A caller's own facts: `reaction:<sid>:<n>:<user>`, `group:<user>` and their index `mine:<user>:…`. */
export const ownsFact = (user: string, key: string) =>
  key === `group:${user}` || key.startsWith(`mine:${user}:`) || (key.startsWith('reaction:') && parseReactionKey(key).user === user);

/** Problems with one outcome (empty = fine). */
export function violations(outcome: FuzzOutcome & { input: string }, changed: string[]): string[] {
  const problems: string[] = [];
  for (const reply of outcome.replies) {
    if (reply.error && LINE_BREAK.test(reply.text)) problems.push(`multi-line error (${breaksIn(reply.text)}): ${JSON.stringify(reply.text)}`);
    if (INTERNAL_ERROR.test(reply.text) || reply.text === STORE_UNAVAILABLE_REPLY) problems.push(`internal error reply: ${reply.text}`);
  }
  const foreign = changed.filter((k) => !ownsFact(outcome.user, k));
  if (foreign.length) problems.push(`changed facts that are not ${outcome.user}'s own: ${foreign.join(', ')}`);
  const onlyErrors = outcome.replies.length > 0 && outcome.replies.every((r) => r.error);
  if (onlyErrors && changed.length) problems.push(`refused input changed the store: ${changed.join(', ')}`);
  if (outcome.replies.length === 0 && changed.length) problems.push(`silently changed the store: ${changed.join(', ')}`);
  return problems;
}

export interface OutcomeCounts {
  refused: number;
  accepted: number;
  silent: number;
  storeChanges: number;
}

/** Counts one input's outcome: silent, refused (only errors) or accepted, and whether the store changed. */
export function countOutcome(stats: OutcomeCounts, replies: Array<{ error: boolean }>, changed: string[]): void {
  if (replies.length === 0) stats.silent++;
  else if (replies.every((r) => r.error)) stats.refused++;
  else stats.accepted++;
  if (changed.length) stats.storeChanges++;
}

