export const digest = {
  'md.digest.title': '{name} — сводка за {date}',
  'md.digest.totals': '{totals} (часовой пояс {timezone})',
  'md.digest.empty': 'В этот день ни одна сессия не начиналась.',
  'md.speakers': 'Докладчики: {names}',
  'md.charts': 'Диаграммы',
  'md.chart.alt': 'Диаграмма сессии {id}',
} as const;
