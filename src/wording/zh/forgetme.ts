export const forgetme = {
  'forgetme.done':
    '已删除：{reactions, plural, other {# 个反应}}及评论{group, select, yes {，以及您的利益攸关方群体} other {}}{language, select, yes {，以及您选择的语言} other {}}。',
  'forgetme.not-scrubbed':
    '另一读取方仍在数据库的预写日志中保留旧副本；一旦其释放，这些副本即被清除。',
} as const;
