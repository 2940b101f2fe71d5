export const digest = {
  'md.digest.title': '{name} — {date} 摘要',
  'md.digest.totals': '{totals}（时区 {timezone}）',
  'md.digest.empty': '当天没有开始任何会议。',
  'md.speakers': '发言人：{names}',
  'md.charts': '图表',
  'md.chart.alt': '会议 {id} 的图表',
} as const;
