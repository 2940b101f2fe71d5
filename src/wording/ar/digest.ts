export const digest = {
  'md.digest.title': '{name} — ملخص يوم {date}',
  'md.digest.totals': '{totals} (المنطقة الزمنية {timezone})',
  'md.digest.empty': 'لم تبدأ أي جلسة في هذا اليوم.',
  'md.speakers': 'المتحدثون: {names}',
  'md.charts': 'الرسوم البيانية',
  'md.chart.alt': 'رسم بياني للجلسة {id}',
} as const;
