/** What the dispatcher answers for buttons, forms and emoji (commands word their own replies). */
export const replies = {
  'reply.stance.set':
    'You {stance, select, support {support} neutral {are neutral on} other {oppose}} {code}.{commentKept, select, yes { Your comment stays.} other {}}',
  'reply.stance.cleared': 'Your stance on {code} is cleared.',
  'reply.comment.recorded': 'Your comment on {code} is recorded.',
  'reply.command.duplicate': 'This command was already received once (the same request arrived again), so nothing more was done.',
  'reply.done': 'Done.',
} as const;
