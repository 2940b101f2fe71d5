import { defineCommand, type Command } from './command.ts';
import { text } from './options.ts';
import { usageOf } from './parse.ts';
import { mayAct } from '../src/roles.ts';
import { Refusal } from '../src/errors.ts';
import { clip } from '../src/text-rules.ts';
import { notice } from '../src/views.ts';
import { say, type Locale } from '../src/wording/say.ts';
import { english as catalogueEnglish, type MessageId } from '../src/wording/catalogues.ts';

/** A command's or option's description in the reader's language (its English declaration if the key is unknown). */
function describe(key: string, english: string, locale: Locale | undefined): string {
  return key in catalogueEnglish ? say(key as MessageId, {}, locale) : english;
}

/** Levenshtein distance (small strings: command names). */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length];
}

/** The command closest to what was typed (`sesion strat` → `session start`, `halp` → `help`). */
export function closestCommand(typed: string, all: readonly Command[]): string {
  const words = typed.toLowerCase().replace(/^\//, '').trim().split(/\s+/);
  let best = all[0]?.name ?? 'help';
  let bestScore = Infinity;
  for (const { name } of all) {
    const parts = name.split(' ');
    const score = parts.reduce((sum, part, i) => sum + distance(words[i] ?? '', part), 0);
    if (score < bestScore) [best, bestScore] = [name, score];
  }
  return best;
}

export default defineCommand({
  name: 'help',
  description: 'The commands you may use, or one command’s usage',
  role: 'participant',
  options: { command: text('A command, e.g. react or session start', { positional: true, limit: 'commandName' }) },
  async handler(ctx, { command }) {
    const { commands } = await import('./registry.ts'); // the registry lists this command too
    const allowed = commands.filter((c) => mayAct(ctx.role, c.role));
    if (!command) {
      const lines = allowed.map((c) => `${usageOf(c)} — ${describe(c.key, c.description, ctx.locale)}`);
      return { reply: notice(say('done.help.list', { lines: lines.join('\n') }, ctx.locale)) };
    }
    const asked = command.toLowerCase().replace(/^\//, '').replace(/\s+/g, ' ');
    const matches = commands.filter((c) => c.name === asked || c.name.startsWith(`${asked} `));
    if (matches.length === 0) {
      throw new Refusal('refusal.help.unknown', { raw: clip(asked, 24), guess: closestCommand(asked, commands) });
    }
    const lines = matches.map((c) => {
      const who = mayAct(ctx.role, c.role) ? '' : ` ${say(c.role === 'organiser' ? 'help.only-organisers' : 'help.only-moderators', {}, ctx.locale)}`;
      const optional = ` ${say('help.optional', {}, ctx.locale)}`;
      const options = c.options.map((o) => `  ${o.name}${o.type === 'flag' ? '' : ':…'} — ${describe(o.key, o.description, ctx.locale)}${o.required ? '' : optional}`);
      return [`${usageOf(c)} — ${describe(c.key, c.description, ctx.locale)}${who}`, ...options].join('\n');
    });
    return { reply: notice(lines.join('\n')) };
  },
});
