export const replies = {
  'reply.stance.set':
    '{stance, select, support {Вы поддерживаете} neutral {Вы нейтральны по} other {Вы против}} {code}.{commentKept, select, yes { Ваш комментарий сохранён.} other {}}',
  'reply.stance.cleared': 'Ваша позиция по {code} снята.',
  'reply.comment.recorded': 'Ваш комментарий к {code} записан.',
  'reply.command.duplicate': 'Эта команда уже была получена (тот же запрос пришёл повторно), поэтому больше ничего не сделано.',
  'reply.done': 'Готово.',
} as const;
