/** What the terminal adds to /help (the command list itself comes from the registry's /help command). */
export function terminalHelpLines(): string[] {
  return [
    'In this terminal: prefix a line with "name: " to act as that user, e.g. "alice: /react P1 support".',
    'Emoji on a proposal: +:+1: P1 (support), +:neutral_face: P1, +👎 P2 (oppose); -<emoji> <code> removes it.',
    'Stances: support/+1/yes/agree · neutral/0/pass/abstain · oppose/-1/no/disagree · clear',
  ];
}
