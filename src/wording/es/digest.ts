export const digest = {
  'md.digest.title': '{name} — resumen del {date}',
  'md.digest.totals': '{totals} (zona horaria {timezone})',
  'md.digest.empty': 'Ese día no comenzó ninguna sesión.',
  'md.speakers': 'Oradores: {names}',
  'md.charts': 'Gráficos',
  'md.chart.alt': 'Gráfico de la sesión {id}',
} as const;
