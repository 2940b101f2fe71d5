export const forgetme = {
  'forgetme.done':
    'حُذف: {reactions, plural, zero {لا تفاعلات} one {تفاعل واحد} two {تفاعلان} few {# تفاعلات} many {# تفاعلًا} other {# تفاعل}} والتعليقات{group, select, yes {، ومجموعة أصحاب المصلحة التي تنتمي إليها} other {}}{language, select, yes {، واللغة التي اخترتها} other {}}.',
  'forgetme.not-scrubbed':
    'لا يزال قارئ آخر يحتفظ بنسخ قديمة في سجل الكتابة المسبقة لقاعدة البيانات؛ وتُمحى فور أن يحررها.',
} as const;
