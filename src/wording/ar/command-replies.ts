export const commandReplies = {
  'done.help.list': "الأوامر التي يمكنك استخدامها:\n{lines}\nاكتب /help '<'الأمر'>' لمعرفة طريقة استخدام أمر ما.",
  'done.priority.withdrawn': 'سُحب {code}؛ لم يعد يُحتسب في أي مكان. ولا يُعاد استخدام رمزه.',
  'done.priority.edited': 'عُدّل {code}؛ وتبقى التفاعلات معه محفوظة.',
  'done.priority.added': 'أُضيف {code} لـ {handle}. انشره بالأمر /priority post {handle} (أو all).',
  'done.speaker.added':
    "أُضيف المتحدث {handle}: {name}{hasDetails, select, yes { ({details})} other {}}. أضف الأولويات بالأمر /priority add {handle} '<'النص'>'.",
  'done.speaker.edited': 'أصبح المتحدث {handle}: {name}{hasDetails, select, yes { ({details})} other {}}. وتبقى مقترحاته والتفاعلات معها.',
  'done.speaker.removed': 'أُزيل المتحدث {handle} ({name}) من الجلسة.',
  'done.iam': 'تُحتسب من الآن ضمن {group} في كل الملخصات.',
  'done.screen.day': 'صفحة يوم {date}: {url} (احتفظ بهذا الرابط لنفسك: فهو يفتح الصفحة دون تسجيل دخول).',
  'done.screen.session': 'شاشة الجلسة {session} «{title}»: {url} (اعرضها على جهاز العرض؛ احتفظ بالرابط لنفسك: فهو يفتح الشاشة دون تسجيل دخول).',
  'done.session.reopened': 'أُعيد فتح الجلسة {session}؛ تُقبل التفاعلات حتى /session close.',
  'post.session.reopened': 'أُعيد فتح الجلسة {session} «{title}»: تُحتسب التفاعلات إلى أن يغلقها مدير الجلسة.',
  'done.session.joined': 'تتابع هذه القناة الآن الجلسة {session}؛ وتُحتسب التفاعلات هنا مع كل القنوات المرتبطة الأخرى.',
  'post.session.joined': 'تتابع هذه القناة الجلسة {session} «{title}».',
  'done.session.closed': 'أُغلقت الجلسة {session}؛ ويجري نشر الملخص النهائي في كل القنوات المرتبطة.',
  'done.session.started':
    "فُتحت الجلسة {session} هنا. أضف المتحدثين بالأمر /speaker add '<'المعرّف'>' '<'الاسم'>'؛ ويمكن لقنوات أخرى متابعتها بالأمر /session join {session}.{hidden, select, yes { النتائج مخفية عن المشاركين إلى أن تغلق الجلسة؛ ويمكنك رؤيتها بشكل خاص بالأمر /menu أو /summary.} other {}}",
  'post.session.started':
    "فُتحت الجلسة {session} «{title}».{hasTheme, select, yes { الموضوع: «{theme}».} other {}}{hidden, select, yes { تبقى النتائج مخفية إلى أن تُغلق الجلسة.} other {}} تفاعل مع المقترحات بالأمر /react '<'الرمز'>' '<'الموقف'>'، أو بالأزرار، أو بـ 👍 😐 👎.",
  'done.digest.posting': 'يجري نشر ملخص يوم {day} هنا؛ وإذا رفضه Slack أو Discord فسأخبرك بشكل خاص.',
  'done.summary.posting': 'يجري نشر الملخص في كل القنوات المرتبطة؛ وإذا رفضته إحداها فسأخبرك بشكل خاص.',
  'done.menu.posting': 'يجري نشر قائمة المقترحات في كل القنوات المرتبطة؛ وإذا رفضتها إحداها فسأخبرك بشكل خاص.',
} as const;
