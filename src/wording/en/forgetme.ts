/** /forgetme's answers. */
export const forgetme = {
  'forgetme.done':
    'Forgotten: {reactions, plural, one {# reaction} other {# reactions}} and comments{group, select, yes {, and your stakeholder group} other {}}{language, select, yes {, and your language choice} other {}}.',
  'forgetme.not-scrubbed':
    'Another reader still holds old copies in the database’s write-ahead log; they are erased as soon as it lets go.',
} as const;
