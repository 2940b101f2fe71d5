/**
 * Slack's translation of the card primitives (src/cards): Block Kit blocks and the plain fallback `text`, both
 * from the same card. Slack's limits apply here: long text splits into sections, context and headers are
 * clipped, a message holds ≤ 50 blocks (paginate). Every span is escaped (`&`, `<`, `>`); a participant's
 * span is also kept on its line and never starts one (Slack reads `&gt;` at a line start as a quote).
 */
import type { Card, Inline, Primitive } from '../../src/cards/primitives.ts';
import { inlineText } from '../../src/cards/primitives.ts';
import { oneLine } from '../../src/view-text.ts';
import { button, codeSections, context, escapeSlack as esc, paginate, sections, type Block, type SlackMessage } from './blocks.ts';

/** A participant's text inside one of our lines: escaped, on one line. */
export const slackUserText = (s: string) => esc(oneLine(s));

/** Spans as mrkdwn: ours escaped, participants' escaped and on one line, `strong` in bold. */
export const mrkdwn = (text: Inline) => inlineText(text.map((s) => (typeof s === 'string' ? esc(s) : s)), slackUserText, (s) => `*${esc(s)}*`);
/** Spans as the plain fallback text (notifications, clients without blocks): escaped, no markup. */
export const plainText = (text: Inline) => inlineText(text.map((s) => (typeof s === 'string' ? esc(s) : s)), slackUserText, esc);

const STYLE = { support: 'primary', oppose: 'danger' } as const;

/** The mrkdwn lines a text-like primitive shows as, or null for one that is a block of its own. */
function lines(block: Primitive): string[] | null {
  switch (block.type) {
    case 'header': // bold, unless it sets its own bold parts
      return [block.text.some((s) => typeof s === 'object' && 'strong' in s) ? mrkdwn(block.text) : `*${mrkdwn(block.text)}*`];
    case 'text':
      return [`${block.quote ? '> ' : block.level ? '   ' : ''}${mrkdwn(block.text)}`];
    case 'list':
      return block.items.map((item, i) => `${block.level ? '   ' : ''}${block.ordered ? `${i + 1}.` : '•'} ${mrkdwn(item)}`);
    case 'fields': // inline fields (a card's counts) sit on one context line instead
      return block.fields.every((f) => f.inline) ? null : block.fields.map((f) => `*${mrkdwn(f.name)}*: ${mrkdwn(f.value)}`);
    default:
      return null;
  }
}

/**
 * A card's primitives as blocks: consecutive text-like primitives share sections (split at Slack's section
 * limit), a context stays a context block, actions become buttons whose value is `<sessionId>:<number>`.
 * `actionIds` names each action's action_id; `blockId` the actions block's id. Charts are left to chart-blocks.
 */
export function cardBlocks(card: Card, actions?: { ids: Record<string, string>; blockId: string }): Block[] {
  const blocks: Block[] = [];
  let pending: string[] = [];
  const flush = () => {
    if (pending.length) blocks.push(...sections(pending.join('\n')));
    pending = [];
  };
  for (const block of card.blocks) {
    const shown = lines(block);
    if (shown) {
      pending.push(...shown);
      continue;
    }
    flush();
    if (block.type === 'context') blocks.push(context(mrkdwn(block.text)));
    else if (block.type === 'fields') blocks.push(context(block.fields.map((f) => `${mrkdwn(f.name)} *${mrkdwn(f.value)}*`).join('   ')));
    else if (block.type === 'file') blocks.push(...codeSections(block.content));
    else if (block.type === 'actions' && actions) {
      const value = `${block.sessionId}:${block.number}`;
      blocks.push({
        type: 'actions', block_id: actions.blockId,
        elements: block.actions.map((a) => {
          const style = a.action in STYLE ? STYLE[a.action as keyof typeof STYLE] : undefined;
          return button(`${a.emoji} ${a.label}`, actions.ids[a.action], value, style);
        }),
      });
    }
  }
  flush();
  if (card.tone === 'error' && blocks[0]?.type === 'section') {
    const first = blocks[0].text as { type: string; text: string };
    blocks[0] = { ...blocks[0], text: { ...first, text: `:warning: ${first.text}` } };
  }
  return blocks;
}

/** The card's plain fallback (what a notification shows): its plain or one-line form, else its header, else its lines. */
export function cardFallback(card: Card): string {
  if (card.plain ?? card.line) return plainText(card.plain ?? card.line!);
  const header = card.blocks.find((b) => b.type === 'header');
  if (header?.type === 'header') return plainText(header.text);
  return (card.tone === 'error' ? '⚠ ' : '') + card.blocks.flatMap((b) => (b.type === 'text' ? [plainText(b.text)] : [])).join('\n');
}

/** A card as Slack messages (≤ 50 blocks each), its fallback text from the same primitives. */
export const cardMessages = (card: Card, fallback = cardFallback(card), actions?: Parameters<typeof cardBlocks>[1]): SlackMessage[] =>
  paginate(cardBlocks(card, actions), fallback);
