export const forgetme = {
  'forgetme.done':
    'Удалено: {reactions, plural, one {# реакция} few {# реакции} many {# реакций} other {# реакции}} и комментарии{group, select, yes {, а также ваша группа заинтересованных сторон} other {}}{language, select, yes {, а также выбранный вами язык} other {}}.',
  'forgetme.not-scrubbed':
    'Другой читатель ещё удерживает старые копии в журнале упреждающей записи базы данных; они будут стёрты, как только он их освободит.',
} as const;
