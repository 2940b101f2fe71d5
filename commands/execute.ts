/**
 * Runs a command for a caller: role check, option validation (zod), handler; and the error boundary every
 * inbound event shares (commands/dispatch.ts): refusals, store failures and bugs become private errors.
 */
import { isRefusal, Refusal, type RefusalId } from '../src/errors.ts';
import { say, type Locale, type MessageId } from '../src/wording/say.ts';
import { english } from '../src/wording/catalogues.ts';
import { logLine } from '../src/wording/log-line.ts';
import { OutcomeUnknownError, StoreReplacedError, StoreUnavailableError } from '../src/store/fact-store.ts';
import { mayAct } from '../src/roles.ts';
import { checkLine, parseOptions, usageOf } from './parse.ts';
import { commands, topLevel } from './registry.ts';
import { closestCommand } from './help.ts';
import type { Command, CommandContext } from './command.ts';
import type { CommandResult, View } from '../src/views.ts';
import { clip } from '../src/text-rules.ts';
import { localeOf } from './shared.ts';

export type Logger = (level: 'debug' | 'info' | 'warn' | 'error', message: string, detail?: unknown) => void;

/** A zod message from commands/options.ts (`refusal.option.<problem>|<label>`) as a refusal in the caller's words. */
function optionRefusal(message: string, usage: string, locale?: Locale): Refusal {
  const marked = /^(refusal\.option\.[a-z-]+)\|(.*)$/.exec(message);
  if (!marked || !(marked[1] in english)) return new Refusal('refusal.option.invalid', { problem: message.replace(/\.$/, ''), usage });
  const labelId = `label.${marked[2].toLowerCase().replace(/[^a-z]+/g, '-').replace(/^-|-$/g, '')}`;
  const label = labelId in english ? say(labelId as MessageId, {}, locale) : marked[2];
  return new Refusal(marked[1] as RefusalId, { label, usage });
}

/** What a caller is told when the store cannot be reached (every platform and path says the same). */
export const STORE_UNAVAILABLE_REPLY = say('refusal.store.unavailable');

/** The refusal for a store failure (logged here), or undefined for anything else (a bug). */
export function storeFailure(error: unknown, what: string, log: Logger): Refusal | undefined {
  if (error instanceof StoreUnavailableError) {
    log('warn', logLine('log.store.unavailable', { what }), error.message);
    return new Refusal('refusal.store.unavailable');
  }
  if (error instanceof OutcomeUnknownError) {
    log('warn', logLine('log.store.outcome-unknown', { what }), error.message);
    return new Refusal('refusal.store.outcome-unknown');
  }
  if (error instanceof StoreReplacedError) {
    log('error', logLine('log.store.write-refused', { what }), error.message);
    return new Refusal('refusal.store.replaced');
  }
  return undefined;
}

/** A refusal as the caller sees it: worded in their language, its identifier kept for tests and renderers. */
export const refusalView = (refusal: Refusal, locale?: Locale): View => ({
  kind: 'error', text: refusal.textIn(locale), refusal: { id: refusal.id, params: refusal.params },
});

/**
 * The one error boundary: a refusal, a store failure or a bug becomes a private one-line error for the
 * caller (a bug is logged as one).
 */
export function failureView(error: unknown, what: string, log: Logger, locale?: Locale): View {
  if (isRefusal(error)) return refusalView(error, locale);
  const stored = storeFailure(error, what, log);
  if (stored) return refusalView(stored, locale);
  log('error', logLine('log.command.failed', { what }), error);
  return refusalView(new Refusal('refusal.internal'), locale);
}

/** Runs a command with already-separated option values (Discord gives them typed). */
export async function execute(
  command: Command,
  raw: Record<string, unknown>,
  ctx: CommandContext,
  log: Logger = () => {},
): Promise<CommandResult> {
  try {
    if (!mayAct(ctx.role, command.role)) {
      throw new Refusal('refusal.role.command', { role: command.role, command: command.name });
    }
    const parsed = command.schema.safeParse(raw);
    if (!parsed.success) {
      throw optionRefusal(parsed.error.issues[0].message, usageOf(command), await localeOf(ctx));
    }
    return await command.handler(ctx, parsed.data);
  } catch (error) {
    return { reply: failureView(error, `/${command.name}`, log, await localeOf(ctx)) };
  }
}

/** Finds the command a line of words names: `session start …`, `/react …`. */
export function resolveCommand(text: string): { command: Command; rest: string } {
  checkLine(text);
  const trimmed = text.trim().replace(/^\//, '');
  const [first = '', second = ''] = trimmed.split(/\s+/, 2);
  const top = topLevel().find((g) => g.name === first.toLowerCase());
  if (!top) {
    throw new Refusal('refusal.command.unknown', { raw: clip(first, 24), guess: closestCommand(trimmed, commands) });
  }
  if (top.command) return { command: top.command, rest: trimmed.slice(first.length) };
  const sub = top.subcommands.find((c) => c.name === `${top.name} ${second.toLowerCase()}`);
  if (!sub) {
    const names = top.subcommands.map((c) => c.name.split(' ')[1]).join('|');
    if (!second) throw new Refusal('refusal.command.no-subcommand', { group: top.name, names });
    const guess = closestCommand(`${top.name} ${second}`, top.subcommands);
    throw new Refusal('refusal.command.unknown-subcommand', { group: top.name, raw: clip(second, 24), names, guess });
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
    if (isRefusal(error)) return { reply: refusalView(error, await localeOf(ctx)) };
    throw error;
  }
  return execute(command, raw, ctx, log);
}

