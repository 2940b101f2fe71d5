export const cli = {
  'cli.demo.title': 'démo de plenary — Session III, Conférence des Nations Unies sur la cybersécurité (Beijing, 2016), sur un stockage temporaire',
  'cli.demo.audience': 'Le public (50 personnes, groupes déclarés) réagit : {lines, number} lignes ; les 12 premières sont affichées.',
  'cli.demo.done': 'Terminé en {seconds, number, ::.0} s : {reactions, number} réactions de {participants, number} participants.',
  'cli.demo.bad-language': 'demo : --lang « {given} » doit être ar, en, es, fr, ru ou zh',
} as const;
