/** Runs a command for a caller: role check, option validation (zod), handler; refusals become private errors. */
import { isUserError, UserError } from '../src/errors.ts';
import { OutcomeUnknownError, StoreReplacedError, StoreUnavailableError } from '../src/store/fact-store.ts';
import { mayAct } from '../src/roles.ts';
import { checkLine, parseOptions, usageOf } from './parse.ts';
import { commands, topLevel } from './registry.ts';
import { closestCommand } from './help.ts';
import type { Command, CommandContext } from './command.ts';
import { errorView, type CommandResult } from '../src/views.ts';
import { clip } from '../src/text-rules.ts';

export type Logger = (level: 'debug' | 'info' | 'warn' | 'error', message: string, detail?: unknown) => void;

/** What a caller is told when the store cannot be reached (every platform and path says the same). */
export const STORE_UNAVAILABLE_REPLY = 'The store is unreachable right now, so nothing was recorded: try again in a few seconds.';

/** A write was sent and the store stopped answering before it could be told whether it landed. */
export const OUTCOME_UNKNOWN_REPLY =
  'The store stopped answering after your command reached it, so it may or may not be recorded: check with /session status or /menu before trying again.';
/** The database file was deleted or replaced under the running bot. */
export const STORE_REPLACED_REPLY =
  "The bot's database file was deleted or replaced while it runs, so nothing was recorded: ask the operator to restart plenary.";

/** The private answer for a store failure, or undefined for anything else (a bug). */
export function storeFailureReply(error: unknown, what: string, log: Logger): string | undefined {
  if (error instanceof StoreUnavailableError) {
    log('warn', `store unavailable during ${what}`, error.message);
    return STORE_UNAVAILABLE_REPLY;
  }
  if (error instanceof OutcomeUnknownError) {
    log('warn', `store outcome unknown during ${what}`, error.message);
    return OUTCOME_UNKNOWN_REPLY;
  }
  if (error instanceof StoreReplacedError) {
    log('error', `write refused during ${what}`, error.message);
    return STORE_REPLACED_REPLY;
  }
  return undefined;
}

const article = (role: string) => (role === 'organiser' ? 'an organiser' : 'a moderator');

/** Runs a command with already-separated option values (Discord gives them typed). */
export async function execute(
  command: Command,
  raw: Record<string, unknown>,
  ctx: CommandContext,
  log: Logger = () => {},
): Promise<CommandResult> {
  try {
    if (!mayAct(ctx.role, command.role)) {
      throw new UserError(`Only ${article(command.role)} may use /${command.name}; ask one to do it.`);
    }
    const parsed = command.schema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new UserError(`${issue.message.replace(/\.$/, '')}. Usage: ${usageOf(command)}`);
    }
    return await command.handler(ctx, parsed.data);
  } catch (error) {
    if (isUserError(error)) return { reply: errorView(error.message) };
    const storeReply = storeFailureReply(error, `/${command.name}`, log);
    if (storeReply) return { reply: errorView(storeReply) };
    log('error', `/${command.name} failed`, error);
    return { reply: errorView('Something went wrong on our side and nothing was confirmed: try again in a moment.') };
  }
}

/** Finds the command a line of words names: `session start …`, `/react …`. */
export function resolveCommand(text: string): { command: Command; rest: string } {
  checkLine(text);
  const trimmed = text.trim().replace(/^\//, '');
  const [first = '', second = ''] = trimmed.split(/\s+/, 2);
  const top = topLevel().find((g) => g.name === first.toLowerCase());
  if (!top) {
    throw new UserError(`Unknown command "/${clip(first, 24)}": did you mean /${closestCommand(trimmed, commands)}? Type /help for the list.`);
  }
  if (top.command) return { command: top.command, rest: trimmed.slice(first.length) };
  const sub = top.subcommands.find((c) => c.name === `${top.name} ${second.toLowerCase()}`);
  if (!sub) {
    const names = top.subcommands.map((c) => c.name.split(' ')[1]).join('|');
    const guess = second ? ` Did you mean /${closestCommand(`${top.name} ${second}`, top.subcommands)}?` : '';
    throw new UserError(`${second ? `Unknown "/${top.name} ${clip(second, 24)}"` : `/${top.name} needs a subcommand`}: use /${top.name} ${names}.${guess} Type /help ${top.name} for usage.`);
  }
  const afterFirst = trimmed.slice(first.length).trimStart();
  return { command: sub, rest: afterFirst.slice(second.length) };
}

/** Runs a whole text line (`/react P1 support great idea`). */
export async function executeLine(text: string, ctx: CommandContext, log?: Logger): Promise<CommandResult> {
  let command: Command;
  let raw: Record<string, string | boolean>;
  try {
    const resolved = resolveCommand(text);
    command = resolved.command;
    raw = parseOptions(command, resolved.rest);
  } catch (error) {
    if (isUserError(error)) return { reply: errorView(error.message) };
    throw error;
  }
  return execute(command, raw, ctx, log);
}

