export const commandReplies = {
  'done.help.list': "Команды, которые вам доступны:\n{lines}\nВведите /help '<'команда'>', чтобы узнать, как пользоваться командой.",
  'done.priority.withdrawn': '{code} отозвано; оно больше нигде не учитывается. Его код не используется повторно.',
  'done.priority.edited': '{code} изменено; реакции на него сохранены.',
  'done.priority.added': '{code} добавлено для {handle}. Опубликуйте его командой /priority post {handle} (или all).',
  'done.speaker.added':
    "Докладчик {handle} добавлен: {name}{hasDetails, select, yes { ({details})} other {}}. Добавьте приоритеты командой /priority add {handle} '<'текст'>'.",
  'done.speaker.edited': 'Докладчик {handle} теперь: {name}{hasDetails, select, yes { ({details})} other {}}. Его предложения и реакции сохраняются.',
  'done.speaker.removed': 'Докладчик {handle} ({name}) удалён из сессии.',
  'done.iam': 'Теперь во всех сводках вы учитываетесь в группе {group}.',
  'done.screen.day': 'Страница дня {date}: {url} (не передавайте эту ссылку: она открывает страницу без входа).',
  'done.screen.session':
    'Экран сессии {session} «{title}»: {url} (выведите его на проектор; не передавайте ссылку: она открывает экран без входа).',
  'done.session.reopened': 'Сессия {session} снова открыта; реакции принимаются до /session close.',
  'post.session.reopened': 'Сессия {session} «{title}» снова открыта: реакции учитываются, пока модератор её не закроет.',
  'done.session.joined': 'Этот канал теперь следит за сессией {session}; реакции здесь учитываются вместе со всеми связанными каналами.',
  'post.session.joined': 'Этот канал следит за сессией {session} «{title}».',
  'done.session.closed': 'Сессия {session} закрыта; итоговая сводка публикуется во всех связанных каналах.',
  'done.session.started':
    "Сессия {session} открыта здесь. Добавьте докладчиков командой /speaker add '<'имя-пользователя'>' '<'имя'>'; другие каналы могут следить за ней с помощью /session join {session}.{hidden, select, yes { Результаты скрыты от участников до закрытия сессии; вы видите их лично с помощью /menu или /summary.} other {}}",
  'post.session.started':
    "Сессия {session} «{title}» открыта.{hasTheme, select, yes { Тема: «{theme}».} other {}}{hidden, select, yes { Результаты скрыты до закрытия сессии.} other {}} Реагируйте на предложения командой /react '<'код'>' '<'позиция'>', кнопками или 👍 😐 👎.",
  'done.digest.posting': 'Сводка за {day} публикуется здесь; если Slack или Discord её отклонит, я сообщу вам лично.',
  'done.summary.posting': 'Сводка публикуется во всех связанных каналах; если какой-то канал её отклонит, я сообщу вам лично.',
  'done.menu.posting': 'Список предложений публикуется во всех связанных каналах; если какой-то канал его отклонит, я сообщу вам лично.',
} as const;
