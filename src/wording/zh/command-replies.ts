export const commandReplies = {
  'done.help.list': "您可以使用的命令：\n{lines}\n输入 /help '<'命令'>' 查看某个命令的用法。",
  'done.priority.withdrawn': '{code} 已撤回；它不再计入任何地方。其编号不会重复使用。',
  'done.priority.edited': '{code} 已修改；其反应保留。',
  'done.priority.added': '已为 {handle} 添加 {code}。可用 /priority post {handle}（或 all）发布。',
  'done.speaker.added':
    "已添加发言人 {handle}：{name}{hasDetails, select, yes {（{details}）} other {}}。可用 /priority add {handle} '<'文本'>' 添加优先事项。",
  'done.speaker.edited': '发言人 {handle} 现为：{name}{hasDetails, select, yes {（{details}）} other {}}。其提案和反应保留。',
  'done.speaker.removed': '发言人 {handle}（{name}）已从会议中移除。',
  'done.iam': '从现在起，您在所有总结中计入 {group}。',
  'done.screen.day': '{date} 的当日页面：{url}（请勿公开此链接：它无需登录即可打开页面）。',
  'done.screen.session': '会议 {session}“{title}”的屏幕：{url}（用于投影；请勿公开此链接：它无需登录即可打开屏幕）。',
  'done.session.reopened': '会议 {session} 已重新开启；在 /session close 之前接受反应。',
  'post.session.reopened': '会议 {session}“{title}”已重新开启：在主持人结束会议之前，反应均计入。',
  'done.session.joined': '本频道现已关注会议 {session}；此处的反应与所有其他关联频道一并计入。',
  'post.session.joined': '本频道关注会议 {session}“{title}”。',
  'done.session.closed': '会议 {session} 已结束；最终总结正在发布到所有关联频道。',
  'done.session.started':
    "会议 {session} 已在此开启。可用 /speaker add '<'标识'>' '<'姓名'>' 添加发言人；其他频道可用 /session join {session} 关注本会议。{hidden, select, yes {在您结束会议之前，结果对参与者隐藏；您可用 /menu 或 /summary 私下查看。} other {}}",
  'post.session.started':
    "会议 {session}“{title}”已开启。{hasTheme, select, yes {主题：“{theme}”。} other {}}{hidden, select, yes {会议结束前结果保持隐藏。} other {}}请用 /react '<'编号'>' '<'立场'>'、按钮或 👍 😐 👎 对提案作出反应。",
  'done.digest.posting': '{day} 的摘要正在此处发布；如果 Slack 或 Discord 拒绝，我会私下告诉您。',
  'done.summary.posting': '总结正在发布到所有关联频道；如有频道拒绝，我会私下告诉您。',
  'done.menu.posting': '提案列表正在发布到所有关联频道；如有频道拒绝，我会私下告诉您。',
} as const;
