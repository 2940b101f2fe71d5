/** The terminal's help, generated from the command registry. */
import { commands } from '../../commands/registry.ts';
import { usageOf } from '../../commands/parse.ts';

export function helpLines(): string[] {
  const width = Math.max(...commands.map((c) => usageOf(c).length));
  return [
    'Commands (prefix a line with "name: " to act as that user, e.g. "alice: /react P1 support"):',
    ...commands.map((c) => `  ${usageOf(c).padEnd(width)}  ${c.description} [${c.role === 'participant' ? 'anyone' : c.role}]`),
    'Emoji on a proposal: +:+1: P1 (support), +:neutral_face: P1, +👎 P2 (oppose); -<emoji> <code> removes it.',
    'Stances: support/+1/yes/agree · neutral/0/pass/abstain · oppose/-1/no/disagree · clear',
  ];
}
