export const cli = {
  'cli.demo.title': 'plenary 演示 — 第三场会议，联合国网络安全会议（北京，2016 年），使用临时存储',
  'cli.demo.audience': '听众（50 人，已声明群体）作出反应：共 {lines, number} 行；显示前 12 行。',
  'cli.demo.done': '用时 {seconds, number, ::.0} 秒完成：{participants, number} 名参与者作出 {reactions, number} 个反应。',
  'cli.demo.bad-language': 'demo：--lang“{given}”必须是 ar、en、es、fr、ru 或 zh 之一',
} as const;
