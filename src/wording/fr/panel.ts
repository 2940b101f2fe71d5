import type { panel as english } from '../en/panel.ts';

export const panel: Record<keyof typeof english, string> = {
  'done.react.clear-no-comment':
    "clear ne prend pas de commentaire : tapez /react '<'code'>' clear.",
  'done.priority.posting':
    "Publication de {proposals, plural, one {# proposition} many {# propositions} other {# propositions}} dans {channels, plural, one {# canal} many {# canaux} other {# canaux}}.",
  'done.priority.nothing-new':
    "Rien de nouveau à publier.",
  'done.priority.skipped':
    "{cards, plural, one {# carte ignorée, déjà} many {# cartes ignorées, déjà} other {# cartes ignorées, déjà}} dans leur canal (ajoutez « again » pour {cards, plural, one {la} many {les} other {les}} publier quand même).",
  'terminal.help.act-as':
    "Dans ce terminal : commencez une ligne par « nom: » pour agir en tant que cet utilisateur, p. ex. « alice: /react P1 support ».",
  'terminal.help.emoji':
    "Emoji sur une proposition : +:+1: P1 (soutien), +:neutral_face: P1, +👎 P2 (opposition) ; -'<'emoji'>' '<'code'>' le retire.",
  'terminal.help.stances':
    "Positions : support/+1/yes/agree · neutral/0/pass/abstain · oppose/-1/no/disagree · clear",
};
