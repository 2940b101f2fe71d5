export const replies = {
  'reply.stance.set':
    '{stance, select, support {أنت تؤيد} neutral {أنت محايد إزاء} other {أنت تعارض}} {code}.{commentKept, select, yes { يبقى تعليقك.} other {}}',
  'reply.stance.cleared': 'مُسح موقفك من {code}.',
  'reply.comment.recorded': 'سُجّل تعليقك على {code}.',
  'reply.command.duplicate': 'سبق أن وصل هذا الأمر مرة (وصل الطلب نفسه مجددًا)، لذا لم يُنفَّذ أي شيء إضافي.',
  'reply.done': 'تم.',
} as const;
