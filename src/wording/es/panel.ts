import type { panel as english } from '../en/panel.ts';

export const panel: Record<keyof typeof english, string> = {
  'done.react.clear-no-comment':
    "clear no admite comentario: escriba /react '<'code'>' clear.",
  'done.priority.posting':
    "Publicando {proposals, plural, one {# propuesta} many {# propuestas} other {# propuestas}} en {channels, plural, one {# canal} many {# canales} other {# canales}}.",
  'done.priority.nothing-new':
    "Nada nuevo que publicar.",
  'done.priority.skipped':
    "Se omitieron {cards, plural, one {# tarjeta} many {# tarjetas} other {# tarjetas}} que ya están en su canal (añada «again» para {cards, plural, one {publicarla} many {publicarlas} other {publicarlas}} de todos modos).",
  'terminal.help.act-as':
    "En este terminal: empiece una línea con «nombre: » para actuar como ese usuario, p. ej. «alice: /react P1 support».",
  'terminal.help.emoji':
    "Emoji en una propuesta: +:+1: P1 (apoyo), +:neutral_face: P1, +👎 P2 (oposición); -'<'emoji'>' '<'code'>' lo quita.",
  'terminal.help.stances':
    "Posiciones: support/+1/yes/agree · neutral/0/pass/abstain · oppose/-1/no/disagree · clear",
};
