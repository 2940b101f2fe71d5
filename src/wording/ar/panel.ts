import type { panel as english } from '../en/panel.ts';

export const panel: Record<keyof typeof english, string> = {
  'done.react.clear-no-comment':
    "لا يقبل clear تعليقًا: اكتب /react '<'code'>' clear.",
  'done.priority.posting':
    "جارٍ نشر {proposals, plural, zero {# مقترح} one {مقترح واحد} two {مقترحين} few {# مقترحات} many {# مقترحًا} other {# مقترح}} في {channels, plural, zero {# قناة} one {قناة واحدة} two {قناتين} few {# قنوات} many {# قناة} other {# قناة}}.",
  'done.priority.nothing-new':
    "لا جديد للنشر.",
  'done.priority.skipped':
    "تُخطّي {cards, plural, zero {# بطاقة} one {بطاقة واحدة} two {بطاقتان} few {# بطاقات} many {# بطاقة} other {# بطاقة}} موجودة بالفعل في قناتها (أضف «again» لنشرها على أي حال).",
  'terminal.help.act-as':
    "في هذه الطرفية: ابدأ السطر بـ «الاسم: » للتصرف باسم ذلك المستخدم، مثل «alice: /react P1 support».",
  'terminal.help.emoji':
    "الرموز التعبيرية على مقترح: +:+1: P1 (تأييد)، +:neutral_face: P1، +👎 P2 (معارضة)؛ -'<'emoji'>' '<'code'>' يزيلها.",
  'terminal.help.stances':
    "المواقف: support/+1/yes/agree · neutral/0/pass/abstain · oppose/-1/no/disagree · clear",
};
