/** The Markdown digest's own words (the rest comes from views.ts). */
export const digest = {
  'md.digest.title': '{name} — digest for {date}',
  'md.digest.totals': '{totals} (time zone {timezone})',
  'md.digest.empty': 'No session started on this day.',
  'md.speakers': 'Speakers: {names}',
  'md.charts': 'Charts',
  'md.chart.alt': 'Chart of session {id}',
} as const;
