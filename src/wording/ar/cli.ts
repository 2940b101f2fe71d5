export const cli = {
  'cli.demo.title': 'عرض تجريبي لـ plenary — الجلسة الثالثة، مؤتمر الأمم المتحدة للأمن السيبراني (بيجين، 2016)، على مخزن بيانات مؤقت',
  'cli.demo.audience': 'يتفاعل الجمهور (50 شخصًا، مجموعات معلنة): {lines, number} سطرًا؛ تُعرض أول 12 منها.',
  'cli.demo.done': 'اكتمل في {seconds, number, ::.0} ثانية: {reactions, number} تفاعلًا من {participants, number} مشاركًا.',
  'cli.demo.bad-language': 'demo: يجب أن تكون قيمة --lang «{given}» إحدى ar أو en أو es أو fr أو ru أو zh',
} as const;
