import type { panel as english } from '../en/panel.ts';

export const panel: Record<keyof typeof english, string> = {
  'done.react.clear-no-comment':
    "clear 不带评论：请输入 /react '<'code'>' clear。",
  'done.priority.posting':
    "正在将 {proposals, plural, other {# 项提案}}发布到 {channels, plural, other {# 个频道}}。",
  'done.priority.nothing-new':
    "没有新的内容可发布。",
  'done.priority.skipped':
    "已跳过 {cards, plural, other {# 张}}已在其频道中的卡片（加上 “again” 即可仍然发布）。",
  'terminal.help.act-as':
    "在此终端中：在一行前加上 “名字: ” 即以该用户身份操作，例如 “alice: /react P1 support”。",
  'terminal.help.emoji':
    "对提案使用表情：+:+1: P1（支持），+:neutral_face: P1，+👎 P2（反对）；-'<'emoji'>' '<'code'>' 将其移除。",
  'terminal.help.stances':
    "立场：support/+1/yes/agree · neutral/0/pass/abstain · oppose/-1/no/disagree · clear",
};
