/**
 * The text grammar shared by Slack and the terminal: positional words fill the command's options in
 * order, the last one takes the rest of the line; `key:value` and `key:"several words"` name an option
 * anywhere, but only when `key` is one of the command's option names (so `https://…` stays text).
 */
import { Refusal } from '../src/errors.ts';
import { clip, hasControlCharacters, codePoints, LIMITS } from '../src/text-rules.ts';
import type { Command, OptionSpec } from './command.ts';

interface Token {
  raw: string;
  start: number;
  end: number;
  index: number;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && /\s/.test(text[i])) i++;
    if (i >= text.length) break;
    const start = i;
    while (i < text.length && !/\s/.test(text[i])) {
      if (text[i] === '"') {
        const close = text.indexOf('"', i + 1);
        i = close === -1 ? text.length : close + 1;
      } else i++;
    }
    tokens.push({ raw: text.slice(start, i), start, end: i, index: tokens.length });
  }
  return tokens;
}

const unquote = (value: string) => (/^"[^"]*"$/.test(value) ? value.slice(1, -1) : value);

/** Checks that apply to any line: length, control characters, balanced quotes. */
export function checkLine(text: string): void {
  const length = codePoints(text);
  if (length > LIMITS.line) throw new Refusal('refusal.line.too-long', { length, max: LIMITS.line });
  if (hasControlCharacters(text)) throw new Refusal('refusal.line.control');
  if ((text.match(/"/g)?.length ?? 0) % 2 === 1) throw new Refusal('refusal.line.unbalanced-quote');
}

/** The not-yet-given option a bare word fits by its shape, if any. */
const bareOption = (command: Command, word: string, given: Record<string, unknown>) =>
  command.options.find((o) => o.bare?.test(word) && !(o.name in given));

export const usageOf = (command: Command) => `/${command.name}${command.usage ? ` ${command.usage}` : ''}`;

/** Parses the text after the command words into raw option values (strings, and true for flags). */
export function parseOptions(command: Command, text: string): Record<string, string | boolean> {
  checkLine(text);
  const byName = new Map<string, OptionSpec>(command.options.map((o) => [o.name, o]));
  const values: Record<string, string | boolean> = {};
  const leftovers: Token[] = [];
  for (const token of tokenize(text)) {
    const named = /^([a-z]+):(.+)$/is.exec(token.raw);
    const option = named ? byName.get(named[1].toLowerCase()) : undefined;
    const flag = byName.get(token.raw.toLowerCase());
    if (option && option.type === 'text' && named) {
      if (option.name in values) throw new Refusal('refusal.option.twice', { option: option.name, usage: usageOf(command) });
      values[option.name] = unquote(named[2]);
    } else if (flag?.type === 'flag') {
      values[flag.name] = true;
    } else if (bareOption(command, token.raw, values)) {
      values[(bareOption(command, token.raw, values) as OptionSpec).name] = token.raw;
    } else {
      leftovers.push(token);
    }
  }
  const positional = command.options.filter((o) => o.positional && !(o.name in values));
  if (positional.length === 0) {
    if (leftovers.length) throw new Refusal('refusal.option.unexpected', { raw: clip(leftovers.map((t) => t.raw).join(' ')), usage: usageOf(command) });
    return values;
  }
  positional.forEach((option, index) => {
    if (leftovers.length === 0) return;
    if (index < positional.length - 1) {
      values[option.name] = unquote((leftovers.shift() as Token).raw);
      return;
    }
    // The last positional keeps the original spacing between words that were next to each other.
    let rest = leftovers[0].raw;
    for (let i = 1; i < leftovers.length; i++) {
      const [previous, current] = [leftovers[i - 1], leftovers[i]];
      rest += (current.index === previous.index + 1 ? text.slice(previous.end, current.start) : ' ') + current.raw;
    }
    values[option.name] = unquote(rest);
    leftovers.length = 0;
  });
  return values;
}
