/** The shape of one command: everything the parser, help, Slack manifest and Discord definitions need. */
import type { z } from 'zod';
import type { Plenary } from '../src/plenary.ts';
import type { Role } from '../src/roles.ts';
import type { ChannelRef, UserId } from '../src/model.ts';
import type { CommandResult } from '../src/views.ts';
import type { Locale } from '../src/wording/say.ts';

export interface OptionSpec {
  name: string;
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
  platform: 'slack' | 'discord' | 'console';
  /** The caller's language for private replies (/lang, else the platform's locale, else conference.language). */
  locale?: Locale;
}

export interface Command<S extends z.ZodObject = z.ZodObject> {
  /** Words after the slash: 'session start', 'react'. */
  name: string;
  description: string;
  /** Usage after the name, as shown in help and Slack's usage hint. */
  usage: string;
  /** The least role that may run it; `post`-style escalations are checked in the handler. */
  role: Role;
  options: OptionSpec[];
  schema: S;
  handler(ctx: CommandContext, options: z.infer<S>): Promise<CommandResult>;
}

/** Lets each command file be checked against Command while keeping its own option types. */
export function defineCommand<S extends z.ZodObject>(command: Command<S>): Command<S> {
  return command;
}
