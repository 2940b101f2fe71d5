/** Replies of /react and /priority post, and the terminal's own help lines (found by the pseudo-locale panel run). */
export const panel = {
  'done.react.clear-no-comment': "clear takes no comment: type /react '<'code'>' clear.",
  'done.priority.posting':
    'Posting {proposals, plural, one {# proposal} other {# proposals}} to {channels, plural, one {# channel} other {# channels}}.',
  'done.priority.nothing-new': 'Nothing new to post.',
  'done.priority.skipped':
    'Skipped {cards, plural, one {# card} other {# cards}} already in their channel (add "again" to post {cards, plural, one {it} other {them}} anyway).',
  'terminal.help.act-as': 'In this terminal: prefix a line with "name: " to act as that user, e.g. "alice: /react P1 support".',
  'terminal.help.emoji': "Emoji on a proposal: +:+1: P1 (support), +:neutral_face: P1, +👎 P2 (oppose); -'<'emoji'>' '<'code'>' removes it.",
  'terminal.help.stances': 'Stances: support/+1/yes/agree · neutral/0/pass/abstain · oppose/-1/no/disagree · clear',
} as const;
