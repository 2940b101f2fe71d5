/** The command line’s own lines (`plenary demo`). */
export const cli = {
  'cli.demo.title': 'plenary demo — Session III, UN Cybersecurity Conference (Beijing, 2016), on a temporary store',
  'cli.demo.audience': 'The audience (50 people, declared groups) reacts: {lines, number} lines; the first 12 are shown.',
  'cli.demo.done': 'Done in {seconds, number, ::.0} s: {reactions, number} reactions from {participants, number} participants.',
  'cli.demo.bad-language': 'demo: --lang “{given}” must be one of ar, en, es, fr, ru, zh',
} as const;
