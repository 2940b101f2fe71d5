/** The shape of one command: everything the parser, help, Slack manifest and Discord definitions need. */
import * as z from 'zod';
import type { Plenary } from '../src/plenary.ts';
import type { Role } from '../src/roles.ts';
import type { ChannelRef, UserId } from '../src/model.ts';
import type { CommandResult } from '../src/views.ts';
import type { Locale } from '../src/wording/say.ts';
import type { OptionDeclaration } from './options.ts';

export interface OptionSpec {
  name: string;
  /** Stable id of the option's description (`command.session-start.title`), for translations. */
  key: string;
  description: string;
  /** `flag` options are booleans, written as the bare word (`post`) in text. */
  type: 'text' | 'flag';
  /** Filled by bare words in order; the last positional option takes the rest of the line. */
  positional?: boolean;
  required?: boolean;
  /** Fixed choices (shown as Discord choices); `group` takes the configured stakeholder groups. */
  choices?: 'stance' | 'group' | 'format' | 'results';
  autocomplete?: 'speaker' | 'proposal';
  maxLength?: number;
  /** A bare word of this shape fills the option without its `name:` (`/digest 2026-12-01 csv`). */
  bare?: RegExp;
}

export interface CommandContext {
  core: Plenary;
  user: UserId;
  channel: ChannelRef;
  role: Role;
  /** The caller's language for private replies (/lang, else the platform's locale, else conference.language). */
  locale?: Locale;
  /** Set instead of `locale` while it is still being looked up (commands/dispatch.ts, for /react only). */
  localeSoon?: Promise<Locale>;
}

export interface Command {
  /** Words after the slash: 'session start', 'react'. */
  name: string;
  /** Stable id of the command's description (`command.session-start`), for translations. */
  key: string;
  description: string;
  /** Usage after the name, as shown in help and Slack's usage hint (built from the options). */
  usage: string;
  /** The least role that may run it; `post`-style escalations are checked in the handler. */
  role: Role;
  options: OptionSpec[];
  schema: z.ZodObject;
  handler(ctx: CommandContext, options: Record<string, unknown>): Promise<CommandResult>;
}

type Declarations = Record<string, OptionDeclaration>;
type Values<O extends Declarations> = { [K in keyof O]: z.output<ReturnType<O[K]['rule']>> };

/** A command as its file writes it: options declared once, in the order they are shown and filled. */
export interface CommandDeclaration<O extends Declarations> {
  name: string;
  description: string;
  role: Role;
  options: O;
  handler(ctx: CommandContext, options: Values<O>): Promise<CommandResult>;
}

/** Builds the command's option specs, zod schema and usage line from its one list of declarations. */
export function defineCommand<O extends Declarations>(declaration: CommandDeclaration<O>): Command {
  const key = `command.${declaration.name.replace(/ /g, '-')}`;
  const entries = Object.entries(declaration.options);
  return {
    name: declaration.name,
    key,
    description: declaration.description,
    role: declaration.role,
    usage: entries.map(([name, option]) => option.usage(name)).join(' '),
    options: entries.map(([name, option]) => ({ name, key: `${key}.${name}`, ...option.spec })),
    schema: z.object(Object.fromEntries(entries.map(([name, option]) => [name, option.rule(name)]))),
    handler: declaration.handler as Command['handler'],
  };
}
