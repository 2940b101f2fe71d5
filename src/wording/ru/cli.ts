export const cli = {
  'cli.demo.title': 'демонстрация plenary — сессия III, Конференция Организации Объединённых Наций по кибербезопасности (Пекин, 2016), во временном хранилище',
  'cli.demo.audience': 'Аудитория (50 человек, заявленные группы) реагирует: строк — {lines, number}; показаны первые 12.',
  'cli.demo.done': 'Готово за {seconds, number, ::.0} с: реакций — {reactions, number}, участников — {participants, number}.',
  'cli.demo.bad-language': 'demo: --lang «{given}» должен быть одним из ar, en, es, fr, ru, zh',
} as const;
