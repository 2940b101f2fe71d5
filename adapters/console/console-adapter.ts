/**
 * The terminal face of plenary. Each input line is `[<user>:] <text>`: a slash command, an emoji
 * reaction on a proposal's message (`+:+1: P3`, `-👍🏽 P4`), or chat. Output lines say where they go:
 * `[#main] …` is public, `[to alice] …` is private.
 */
import { createInterface } from 'node:readline';
import type { Plenary } from '../../src/plenary.ts';
import { roleOf } from '../../src/roles.ts';
import { logLine } from '../../src/wording/log-line.ts';
import type { CommandResult, View } from '../../src/views.ts';
import type { Logger } from '../../commands/execute.ts';
import { renderView } from './render.ts';
import { replyLanguage } from '../../src/languages.ts';
import type { Locale } from '../../src/wording/say.ts';

// The command registry (and zod with it) loads on the first line that needs it, so a terminal start with no
// input (or only chat) does not pay for it; see BENCHMARKS.md, start-up.
let commandLayer: Promise<typeof import('../../commands/dispatch.ts')> | undefined;
const dispatchModule = () => (commandLayer ??= import('../../commands/dispatch.ts'));
const helpModule = () => import('./help.ts');

export interface ConsoleOptions {
  core: Plenary;
  write: (line: string) => void;
  channel?: string; // the one channel of the terminal, `main`
  log?: Logger;
  /** The terminal's own language tag (`plenary demo --lang fr`); a /lang choice still wins. */
  locale?: string;
}

const USER_PREFIX = /^\s*([A-Za-z0-9][A-Za-z0-9_.-]{0,31}):\s+(.*)$/s;
const EMOJI_LINE = /^([+-])(\S+)\s+(\S+)\s*$/u;

export class ConsoleAdapter {
  private readonly locale: string | undefined;
  private readonly core: Plenary;
  private readonly write: (line: string) => void;
  private readonly channelName: string;
  private readonly log: Logger;
  private stopping = false;
  private running: Promise<void> = Promise.resolve();
  private closeInput: (() => void) | undefined;

  constructor(options: ConsoleOptions) {
    this.core = options.core;
    this.write = options.write;
    this.channelName = options.channel ?? 'main';
    this.log = options.log ?? (() => {});
    this.locale = options.locale;
  }

  get channel() {
    return `console:${this.channelName}`;
  }

  /** Handles one input line completely (store written, output printed) before resolving. */
  async handleLine(line: string): Promise<void> {
    if (!line.trim() || line.trimStart().startsWith('#!')) return;
    const match = USER_PREFIX.exec(line);
    const name = match ? match[1].toLowerCase() : 'you';
    const typed = (match ? match[2] : line).trim();
    const text = typed === 'help' ? '/help' : typed;
    const user = `console:${name}`;
    const role = roleOf(this.core.config, user);
    // Private replies in the caller's language (/lang, else the terminal's --lang, else the conference's).
    const locale = await replyLanguage(this.core.store, user, this.core.config.conference.language, this.locale);
    const base = { actor: user, channel: this.channel, role, platform: 'console' as const, locale };
    if (text.startsWith('/')) {
      const { dispatch } = await dispatchModule();
      const result = await dispatch(this.core, { ...base, kind: 'command', line: text }, this.log);
      // Posts a command queued in the store (the final summary of /session close) are printed first.
      await this.core
        .drainOutbox('console', (channel, view) => this.emit(`[#${channel.slice('console:'.length)}]`, view, this.core.config.conference.language))
        .catch((error) => this.log('warn', logLine('log.terminal.outbox-read-failed'), error));
      await this.print(name, result, locale);
      if (/^\/help\s*$/i.test(text)) await this.print(name, { reply: { kind: 'notice', text: (await helpModule()).terminalHelpLines(locale).join('\n') } }, locale);
      return;
    }
    const emoji = EMOJI_LINE.exec(text);
    if (emoji) {
      const { dispatch } = await dispatchModule();
      const event = { ...base, kind: 'emoji' as const, target: { code: emoji[3] }, emoji: emoji[2], added: emoji[1] === '+' };
      return this.print(name, await dispatch(this.core, event, this.log), locale);
    }
    this.write(`[#${this.channelName}] ${name}: ${text}`);
  }

  private print(name: string, result: CommandResult, locale?: Locale) {
    for (const post of result.posts ?? []) {
      const where = post.channel.startsWith('console:') ? `#${post.channel.slice('console:'.length)}` : `#${post.channel}`;
      this.emit(`[${where}]`, post.view, this.core.config.conference.language);
    }
    if (result.reply) this.emit(`[to ${name}]`, result.reply, locale);
  }

  private emit(prefix: string, view: View, locale?: Locale) {
    for (const line of renderView(view, locale)) this.write(`${prefix} ${line}`);
  }

  /** Interactive on a TTY (readline prompt); with piped stdin, lines in order until the end of input. */
  run(input: NodeJS.ReadableStream & { isTTY?: boolean }, output: NodeJS.WritableStream): Promise<void> {
    this.running = this.readLines(input, output);
    return this.running;
  }

  /**
   * Shutdown: no new line starts (lines read ahead are dropped, never half-done); resolves once the
   * line under way is stored and answered, so the store closes only after its answer is printed.
   */
  stop(): Promise<void> {
    this.stopping = true;
    this.closeInput?.();
    return this.running;
  }

  private async readLines(input: NodeJS.ReadableStream & { isTTY?: boolean }, output: NodeJS.WritableStream): Promise<void> {
    const rl = createInterface({ input, output: input.isTTY ? output : undefined, terminal: Boolean(input.isTTY) });
    if (input.isTTY) {
      this.write('plenary — type /help for commands; prefix a line with "alice: " to act as alice; Ctrl-D to quit.');
      dispatchModule().catch(() => {}); // someone is typing: load the commands meanwhile (a failure resurfaces on use)
      rl.setPrompt('> ');
      rl.prompt();
    }
    this.closeInput = () => rl.close();
    for await (const line of rl) {
      if (this.stopping) break;
      await this.handleLine(line);
      if (input.isTTY) rl.prompt();
    }
  }
}
