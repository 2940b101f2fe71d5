/**
 * The command line's arguments: each subcommand lists the flags it takes; anything else is refused with
 * that subcommand's usage and exit code 2, the convention for a usage error. `--lang` is taken by every
 * subcommand (the operator's language, see operator-language.ts); the lines are worded in the catalogue.
 */
import { LOCALES, say, type Locale, type MessageId, type MessageParams } from '../src/wording/say.ts';

export interface Subcommand {
  name: string;
  /** The syntax, verbatim in every language: command names and flags are never translated. */
  usage: string;
  summary: Extract<MessageId, `cli.summary.${string}`>;
  summaryParams?: MessageParams;
  /** Flags taking a value (`--date 2026-12-01` or `--date=2026-12-01`). */
  flags: string[];
  /** Flags standing alone (`--screen`). */
  switches?: string[];
}

export const SUBCOMMANDS: Subcommand[] = [
  { name: 'start', usage: 'plenary start', summary: 'cli.summary.start', flags: [] },
  { name: 'demo', usage: 'plenary demo [--screen] [--lang ar|en|es|fr|ru|zh]', summary: 'cli.summary.demo', summaryParams: { screen: '--screen', lang: '--lang' }, flags: [], switches: ['screen'] },
  { name: 'digest', usage: 'plenary digest [--date YYYY-MM-DD] [--format md|json|csv]', summary: 'cli.summary.digest', flags: ['date', 'format'] },
  { name: 'manifest', usage: 'plenary manifest [--url https://host]', summary: 'cli.summary.manifest', flags: ['url'] },
  { name: 'discord register', usage: 'plenary discord register [--guild <id>]', summary: 'cli.summary.discord-register', flags: ['guild'] },
];

const environment = (locale: Locale) =>
  say('cli.usage.environment', { config: 'PLENARY_CONFIG', configPath: './plenary.config.json', store: 'PLENARY_STORE', storeUrl: 'sqlite://./data/plenary.sqlite' }, locale);
const summaryOf = (c: Subcommand, locale: Locale) => say(c.summary, c.summaryParams, locale);
/** Pads to a column as a terminal shows it: CJK characters take two cells, bidi isolation marks none. */
function padColumn(text: string, width: number): string {
  const cells = [...text.replace(/[\u2066-\u2069]/g, '')].reduce((n, ch) => n + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1), 0);
  return text + ' '.repeat(Math.max(width - cells, 0));
}

export const usage = (locale: Locale = 'en') =>
  [
    say('cli.usage', { syntax: `plenary ${say('cli.usage.command', {}, locale)} ${say('cli.usage.options', {}, locale)}` }, locale),
    ...SUBCOMMANDS.map((c) => `  ${padColumn(c.usage.slice('plenary '.length), 48)} ${summaryOf(c, locale)}`),
    `  ${padColumn(`${say('cli.usage.command', {}, locale)} --help`, 48)} ${say('cli.usage.help', {}, locale)}`,
    `  ${padColumn('--lang <code>', 48)} ${say('cli.usage.lang', { languages: LOCALES.join(' ') }, locale)}`,
    environment(locale),
  ].join('\n');

export const subcommandUsage = (c: Subcommand, locale: Locale = 'en') =>
  `${say('cli.usage', { syntax: c.usage }, locale)}\n  ${summaryOf(c, locale)}\n${environment(locale)}`;

/** A usage problem: its line in the operator's language, and the usage to show with it. */
export class UsageError extends Error {
  constructor(message: string, readonly usageText: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export type Parsed = { help: true; command?: Subcommand } | { help: false; command: Subcommand; values: Record<string, string> };

/**
 * Takes `--lang <code>` (or `--lang=<code>`) out of the arguments wherever it stands, so it works before or
 * after the subcommand and beside `--help`. The code is checked by the caller.
 */
export function takeLanguage(argv: string[], locale: Locale = 'en'): { lang?: string; rest: string[] } {
  const rest: string[] = [];
  // A problem with --lang is told as the subcommand's (plain `plenary` runs start).
  const command = [...SUBCOMMANDS].reverse().find((c) => argv.join(' ').startsWith(c.name))?.name ?? 'start';
  let lang: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const match = /^--lang(?:=(.*))?$/s.exec(argv[i]);
    if (!match) {
      rest.push(argv[i]);
      continue;
    }
    const value = match[1] ?? argv[++i];
    if (value === undefined || (match[1] === undefined && value.startsWith('-'))) throw new UsageError(say('cli.args.needs-value', { command, option: '--lang' }, locale), usage(locale));
    if (lang !== undefined) throw new UsageError(say('cli.args.given-twice', { command, option: '--lang' }, locale), usage(locale));
    lang = value;
  }
  return { lang, rest };
}

export function parseArgs(argv: string[], locale: Locale = 'en'): Parsed {
  const refuse = (id: MessageId, params: MessageParams, usageText: () => string) => new UsageError(say(id, params, locale), usageText());
  if (argv.length === 0) return { help: false, command: SUBCOMMANDS[0], values: {} };
  if (['help', '--help', '-h'].includes(argv[0])) return { help: true };
  const two = `${argv[0]} ${argv[1] ?? ''}`.trim();
  const command = SUBCOMMANDS.find((c) => c.name === two) ?? SUBCOMMANDS.find((c) => c.name === argv[0]);
  if (!command) {
    const given = argv.slice(0, 2).join(' ');
    const known = SUBCOMMANDS.map((c) => c.name).join(', ');
    if (argv[0] === 'discord') throw refuse('cli.args.unknown-command-hint', { given, suggestion: 'discord register', known }, () => usage(locale));
    throw refuse('cli.args.unknown-command', { given, known }, () => usage(locale));
  }
  const rest = argv.slice(command.name.split(' ').length);
  const values: Record<string, string> = {};
  const commandUsage = () => subcommandUsage(command, locale);
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '--help' || arg === '-h') return { help: true, command };
    const match = /^--([a-z-]+)(?:=(.*))?$/s.exec(arg);
    if (!match) throw refuse('cli.args.unexpected', { command: command.name, given: arg }, commandUsage);
    const [, name, inline] = match;
    if (command.switches?.includes(name) && inline === undefined) {
      values[name] = 'true';
      continue;
    }
    const option = `--${name}`;
    if (!command.flags.includes(name)) throw refuse('cli.args.unknown-option', { command: command.name, option }, commandUsage);
    const value = inline ?? rest[++i];
    if (value === undefined || (inline === undefined && value.startsWith('-'))) throw refuse('cli.args.needs-value', { command: command.name, option }, commandUsage);
    if (name in values) throw refuse('cli.args.given-twice', { command: command.name, option }, commandUsage);
    values[name] = value;
  }
  return { help: false, command, values };
}
