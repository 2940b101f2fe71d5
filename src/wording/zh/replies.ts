export const replies = {
  'reply.stance.set':
    '您{stance, select, support {支持} neutral {对以下提案持中立：} other {反对}} {code}。{commentKept, select, yes {您的评论保留。} other {}}',
  'reply.stance.cleared': '您对 {code} 的立场已清除。',
  'reply.comment.recorded': '您对 {code} 的评论已记录。',
  'reply.command.duplicate': '此命令已收到过一次（同一请求再次到达），因此未再执行任何操作。',
  'reply.done': '已完成。',
} as const;
