/**
 * The command line's arguments: each subcommand lists the flags it takes; anything else is refused with
 * that subcommand's usage and exit code 2, the convention for a usage error.
 */
export interface Subcommand {
  name: string;
  usage: string;
  summary: string;
  /** Flags taking a value (`--date 2026-12-01` or `--date=2026-12-01`). */
  flags: string[];
  /** Flags standing alone (`--screen`). */
  switches?: string[];
}

export const SUBCOMMANDS: Subcommand[] = [
  { name: 'start', usage: 'plenary start', summary: 'run the bot (Slack/Discord when their variables are set, else the terminal)', flags: [] },
  { name: 'demo', usage: 'plenary demo [--screen] [--lang ar|en|es|fr|ru|zh]', summary: 'replay the seed panel on a temporary store (--screen: with the live screen, ~30 s; --lang: in that language)', flags: ['lang'], switches: ['screen'] },
  { name: 'digest', usage: 'plenary digest [--date YYYY-MM-DD] [--format md|json|csv]', summary: 'print the daily digest from the store', flags: ['date', 'format'] },
  { name: 'manifest', usage: 'plenary manifest [--url https://host]', summary: 'print the Slack app manifest', flags: ['url'] },
  { name: 'discord register', usage: 'plenary discord register [--guild <id>]', summary: 'register Discord application commands', flags: ['guild'] },
];

const ENVIRONMENT = `environment: PLENARY_CONFIG (config file; default ./plenary.config.json when present), PLENARY_STORE (default sqlite://./data/plenary.sqlite)`;

export const usage = () =>
  [
    'usage: plenary <command> [options]',
    ...SUBCOMMANDS.map((c) => `  ${c.usage.slice('plenary '.length).padEnd(48)} ${c.summary}`),
    `  ${'<command> --help'.padEnd(48)} that command's usage`,
    ENVIRONMENT,
  ].join('\n');

export const subcommandUsage = (c: Subcommand) => `usage: ${c.usage}\n  ${c.summary}\n${ENVIRONMENT}`;

export class UsageError extends Error {
  constructor(message: string, readonly usageText: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export type Parsed = { help: true; command?: Subcommand } | { help: false; command: Subcommand; values: Record<string, string> };

export function parseArgs(argv: string[]): Parsed {
  if (argv.length === 0) return { help: false, command: SUBCOMMANDS[0], values: {} };
  if (['help', '--help', '-h'].includes(argv[0])) return { help: true };
  const two = `${argv[0]} ${argv[1] ?? ''}`.trim();
  const command = SUBCOMMANDS.find((c) => c.name === two) ?? SUBCOMMANDS.find((c) => c.name === argv[0]);
  if (!command) {
    const known = SUBCOMMANDS.map((c) => c.name);
    const hint = argv[0] === 'discord' ? ' (did you mean "discord register"?)' : '';
    throw new UsageError(`unknown command "${argv.slice(0, 2).join(' ')}"${hint}; known: ${known.join(', ')}`, usage());
  }
  const rest = argv.slice(command.name.split(' ').length);
  const values: Record<string, string> = {};
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '--help' || arg === '-h') return { help: true, command };
    const match = /^--([a-z-]+)(?:=(.*))?$/s.exec(arg);
    if (!match) throw new UsageError(`${command.name}: unexpected "${arg}"`, subcommandUsage(command));
    const [, name, inline] = match;
    if (command.switches?.includes(name) && inline === undefined) {
      values[name] = 'true';
      continue;
    }
    if (!command.flags.includes(name)) throw new UsageError(`${command.name}: unknown option --${name}`, subcommandUsage(command));
    const value = inline ?? rest[++i];
    if (value === undefined || (inline === undefined && value.startsWith('-'))) throw new UsageError(`${command.name}: --${name} needs a value`, subcommandUsage(command));
    if (name in values) throw new UsageError(`${command.name}: --${name} is given twice`, subcommandUsage(command));
    values[name] = value;
  }
  return { help: false, command, values };
}
