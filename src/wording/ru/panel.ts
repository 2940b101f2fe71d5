import type { panel as english } from '../en/panel.ts';

export const panel: Record<keyof typeof english, string> = {
  'done.react.clear-no-comment':
    "clear не принимает комментарий: введите /react '<'code'>' clear.",
  'done.priority.posting':
    "Публикуется {proposals, plural, one {# предложение} few {# предложения} many {# предложений} other {# предложения}} в {channels, plural, one {# канале} few {# каналах} many {# каналах} other {# каналах}}.",
  'done.priority.nothing-new':
    "Нечего публиковать заново.",
  'done.priority.skipped':
    "Пропущено карточек, уже имеющихся в своём канале: {cards, plural, one {#} few {#} many {#} other {#}} (добавьте «again», чтобы всё равно {cards, plural, one {опубликовать её} few {опубликовать их} many {опубликовать их} other {опубликовать их}}).",
  'terminal.help.act-as':
    "В этом терминале: начните строку с «имя: », чтобы действовать от имени этого пользователя, напр. «alice: /react P1 support».",
  'terminal.help.emoji':
    "Эмодзи на предложении: +:+1: P1 (за), +:neutral_face: P1, +👎 P2 (против); -'<'emoji'>' '<'code'>' снимает его.",
  'terminal.help.stances':
    "Позиции: support/+1/yes/agree · neutral/0/pass/abstain · oppose/-1/no/disagree · clear",
};
