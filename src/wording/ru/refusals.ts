export const refusals = {
  'refusal.text.missing': 'Не указано: {field}.',
  'refusal.text.control': '{field}: содержит управляющие символы; введите обычный текст.',
  'refusal.text.too-long': '{field}: слишком длинно ({length} симв.; не более {max}). Сократите и повторите попытку.',
  'refusal.handle.invalid': '«{raw}» — не идентификатор докладчика: используйте от 1 до 24 букв, цифр или дефисов, например icann.',
  'refusal.code.invalid': '«{raw}» — не код предложения: используйте P1, P2… (см. /menu).',
  'refusal.stance.invalid': '«{raw}» — не позиция: используйте {hint}.',
  'refusal.group.invalid': '«{raw}» — не группа заинтересованных сторон: используйте одну из следующих: {groups}.',
  'refusal.line.too-long': 'Строка слишком длинная ({length} симв.; не более {max}). Сократите её и повторите попытку.',
  'refusal.line.control': 'Строка содержит управляющие символы; введите обычный текст.',
  'refusal.line.unbalanced-quote': 'Незакрытая кавычка ("): закройте её, например theme:"Cyber peace", или удалите.',
  'refusal.option.twice': '{option}: указано дважды; укажите один раз. Формат: {usage}',
  'refusal.option.unexpected': 'Неожиданное «{raw}». Формат: {usage}',
  'refusal.option.invalid': '{problem}. Формат: {usage}',
  'refusal.command.unknown': 'Неизвестная команда «/{raw}»: возможно, вы имели в виду /{guess}? Введите /help, чтобы увидеть список.',
  'refusal.command.no-subcommand': 'Для /{group} нужна подкоманда: используйте /{group} {names}. Введите /help {group}, чтобы узнать формат.',
  'refusal.command.unknown-subcommand':
    'Неизвестная команда «/{group} {raw}»: используйте /{group} {names}. Возможно, вы имели в виду /{guess}? Введите /help {group}, чтобы узнать формат.',
  'refusal.help.unknown': 'Команды /{raw} нет: ближайшая — /{guess}. Введите /help, чтобы увидеть список.',
  'refusal.role.command': 'Команду /{command} может использовать только {role, select, organiser {организатор} other {модератор}}; попросите его.',
  'refusal.role.post':
    'Только {role, select, organiser {организатор} other {модератор}} может {what}; попросите его или используйте команду без «post».',
  'refusal.session.none-here': "В этом канале пока нет сессии: модератор открывает её командой /session start '<'название'>'.",
  'refusal.session.closed': "Сессия {session} закрыта; модератор может открыть новую командой /session start '<'название'>'.",
  'refusal.session.closed-reactions': 'Сессия {session} закрыта: реакции больше не принимаются.',
  'refusal.session.closed-join': 'Сессия {session} закрыта; следить можно только за открытыми сессиями.',
  'refusal.session.unknown': 'Сессии «{raw}» нет.',
  'refusal.session.unknown-status': 'Сессии «{raw}» нет: используйте идентификатор из /session status, например s7k2.',
  'refusal.session.unknown-join': 'Сессии «{raw}» нет: используйте идентификатор из /session status, например /session join s7k2.',
  'refusal.session.already-open': 'Сессия {session} уже открыта.',
  'refusal.session.channel-busy':
    'В этом канале уже открыта сессия {session} («{title}»); сначала закройте её командой /session close.',
  'refusal.session.channel-busy-reopen':
    '{channel, select, here {В этом канале} other {В канале {channel}}} открыта сессия {session} («{title}»); сначала закройте её командой /session close.',
  'refusal.session.channel-busy-join': 'В этом канале уже открыта сессия {session}; сначала закройте её командой /session close.',
  'refusal.session.already-followed': 'Этот канал уже следит за сессией {session}.',
  'refusal.session.unreadable': 'Не удалось прочитать сессию {session}; повторите попытку.',
  'refusal.speaker.exists': 'Докладчик {handle} уже есть в сессии {session}; см. /speaker list.',
  'refusal.speaker.unknown':
    "В этой сессии нет докладчика «{handle}»: добавьте его командой /speaker add {handle} '<'имя'>' или см. /speaker list.",
  'refusal.speaker.unknown-list': 'В этой сессии нет докладчика «{handle}»: см. /speaker list.',
  'refusal.speaker.nothing-to-change':
    "Нечего менять: укажите name:\"…\", org:\"…\" или group:'<'группа'>', например /speaker edit {handle} name:\"Новое Имя\".",
  'refusal.speaker.has-priorities':
    'У {handle} ещё есть {codes}: сначала {count, plural, one {отзовите его} few {отзовите их} many {отзовите их} other {отзовите их}} командой /priority withdraw {first}.',
  'refusal.priority.limit':
    "У {handle} уже {count, plural, one {# приоритет} few {# приоритета} many {# приоритетов} other {# приоритета}} (предел — {limit}); сначала отзовите один командой /priority withdraw '<'код'>'.",
  'refusal.priority.unknown': 'В сессии {session} нет предложения P{number}: коды см. в /menu.',
  'refusal.priority.none':
    "{handle, select, all {В сессии} other {У {handle}}} пока нет приоритетов: добавьте командой /priority add '<'идентификатор'> <'текст'>'.",
  'refusal.reaction.nothing-to-clear': 'У вас нет реакции на {code}, которую можно было бы снять.',
  'refusal.store.unavailable': 'Хранилище сейчас недоступно, поэтому ничего не записано: повторите попытку через несколько секунд.',
  'refusal.store.outcome-unknown':
    'Хранилище перестало отвечать после получения вашей команды, поэтому неизвестно, записана ли она: проверьте через /session status или /menu, прежде чем повторять.',
  'refusal.store.replaced':
    'Файл базы данных бота был удалён или заменён во время работы, поэтому ничего не записано: попросите оператора перезапустить plenary.',
  'refusal.posts.unqueued': 'Готово, но сообщения не удалось поставить в очередь: повторите попытку чуть позже.',
  'refusal.comment.closed': '{code} больше не принимает комментарии ({state}).',
  'refusal.proposal.gone': 'Этого предложения больше нет.',
  'refusal.form.out-of-date': 'Эта форма устарела: нажмите «Комментировать» ещё раз.',
  'refusal.form.field-missing': 'Эта форма устарела (в ней нет поля комментария): нажмите «Комментировать» ещё раз.',
  'refusal.form.foreign': "Эта форма не принадлежит plenary; используйте /react '<'код'> <'позиция'> <'комментарий'>.",
  'refusal.button.foreign': "Эта кнопка не принадлежит plenary (или уже не действует); используйте /react '<'код'> <'позиция'>.",
  'refusal.slack.malformed': 'Запрос от Slack пришёл неполным, поэтому ничего не сделано: повторите команду.',
  'refusal.discord.incomplete': 'Взаимодействие пришло неполным, поэтому ничего не сделано: повторите попытку.',
  'refusal.discord.unknown-command': 'Неизвестная команда /{raw}: выполните «plenary discord register», чтобы обновить команды.',
  'refusal.discord.option-type': '/{command} получила параметр неверного типа: выполните «plenary discord register», чтобы обновить команды.',
  'refusal.internal': 'На нашей стороне произошёл сбой, и ничего не подтверждено: повторите попытку чуть позже.',
} as const;
