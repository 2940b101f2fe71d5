export const digest = {
  'md.digest.title': '{name} — synthèse du {date}',
  'md.digest.totals': '{totals} (fuseau horaire {timezone})',
  'md.digest.empty': 'Aucune séance n’a commencé ce jour-là.',
  'md.speakers': 'Intervenants : {names}',
  'md.charts': 'Graphiques',
  'md.chart.alt': 'Graphique de la séance {id}',
} as const;
