/**
 * Slack's translation of the card primitives (src/cards): Block Kit blocks and the plain fallback `text`, both
 * from the same card. Slack's limits apply here and nowhere else: long text splits into sections, context and
 * headers are clipped, a message holds ≤ 50 blocks and about 12,000 characters (else the card's compact form
 * with the whole text as its Markdown file), at most two charts. Every span is escaped (`&`, `<`, `>`); a
 * participant's span is also kept on its line and never starts one (Slack reads `&gt;` at a line start as a quote).
 */
import type { Card, Inline, Primitive } from '../../src/cards/primitives.ts';
import { clipUser, inlineText, shown } from '../../src/cards/primitives.ts';
import { cardMarkdown } from '../../src/cards/markdown.ts';
import { oneLine } from '../../src/view-text.ts';
import { say, type Locale } from '../../src/wording/say.ts';
import {
  blocksTextLength, button, clipEscaped, codeSections, context, escapeSlack as esc, fitsOneMessage, LIMITS, packLines, paginate, sections,
  type Block, type SlackMessage,
} from './blocks.ts';
import { chartBlocks } from './chart-blocks.ts';

/** A participant's text inside one of our lines: escaped, on one line. */
export const slackUserText = (s: string) => esc(oneLine(s));

/** Spans as mrkdwn: ours escaped, participants' escaped and on one line, `strong` in bold. */
export const mrkdwn = (text: Inline) => inlineText(text.map((s) => (typeof s === 'string' ? esc(s) : s)), slackUserText, (s) => `*${esc(s)}*`);
/** Spans as the plain fallback text (notifications, clients without blocks): escaped, no markup. */
export const plainText = (text: Inline) => inlineText(text.map((s) => (typeof s === 'string' ? esc(s) : s)), slackUserText, esc);

const STYLE = { support: 'primary', oppose: 'danger' } as const;
/** How much of a participant's text a compact line keeps (an entry's, a section title's). */
const COMPACT = { entry: 160, nested: 80, title: 80, line: 300 } as const;

const bold = (text: Inline): string => (text.some((s) => typeof s === 'object' && 'strong' in s) ? mrkdwn(text) : `*${mrkdwn(text)}*`);
const entryLine = (g: Extract<Primitive, { type: 'group' }>, max?: number) => `${mrkdwn(g.title)} ${mrkdwn(max ? clipUser(g.lead, max) : g.lead)}`;

/** The mrkdwn lines a text-like primitive shows as, or null for one that is a block of its own. */
function lines(block: Primitive): string[] | null {
  switch (block.type) {
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

/** A group's or section's inner lines: an entry on one line, a comment as a quote (it starts with our “). */
function innerLines(block: Primitive): string[] {
  if (block.type === 'group') return [entryLine(block), ...block.blocks.flatMap(innerLines)];
  if (block.type === 'context') return [mrkdwn(block.text)];
  if (block.type === 'list') return block.items.map((item) => `> ${mrkdwn(item)}`);
  return lines(block) ?? [];
}

type Actions = { ids: Record<string, string>; blockId: string };

/**
 * A card's primitives as blocks: consecutive text-like primitives share sections (split at Slack's section
 * limit), a context stays a context block, a group or a section is a section of its own, the charts (at most
 * two) go where the first one is, actions become buttons whose value is `<sessionId>:<number>`.
 */
function cardBlocks(blocks: Primitive[], charts: Block[], tone: Card['tone'], actions?: Actions): Block[] {
  const out: Block[] = [];
  let pending: string[] = [];
  let chartsPlaced = charts.length === 0;
  const flush = () => {
    if (pending.length) out.push(...sections(pending.join('\n')));
    pending = [];
  };
  const placeCharts = () => {
    if (chartsPlaced) return;
    flush();
    out.push(...charts);
    chartsPlaced = true;
  };
  for (const block of blocks) {
    const shownLines = lines(block);
    if (shownLines) {
      pending.push(...shownLines);
      continue;
    }
    if (block.type === 'header') {
      pending.push(bold(block.text));
      if (block.sub) {
        flush();
        out.push(context(mrkdwn(block.sub)));
      }
      continue;
    }
    if (block.type === 'chart') { placeCharts(); continue; }
    flush();
    if (block.type === 'context') out.push(context(mrkdwn(block.text)));
    else if (block.type === 'fields') out.push(context(block.fields.map((f) => `${mrkdwn(f.name)} *${mrkdwn(f.value)}*`).join('   ')));
    else if (block.type === 'file') out.push(...codeSections(block.content));
    else if (block.type === 'group') out.push(...sections(innerLines(block).join('\n')));
    else if (block.type === 'section') {
      if (block.blocks.some((b) => b.type === 'chart')) placeCharts();
      out.push(...sections([`*${mrkdwn(block.title)}*`, ...block.blocks.flatMap(innerLines)].join('\n')));
    } else if (block.type === 'actions' && actions) {
      const value = `${block.sessionId}:${block.number}`;
      out.push({
        type: 'actions', block_id: actions.blockId,
        elements: block.actions.map((a) => {
          const style = a.action in STYLE ? STYLE[a.action as keyof typeof STYLE] : undefined;
          return button(`${a.emoji} ${a.label}`, actions.ids[a.action], value, style);
        }),
      });
    }
  }
  flush();
  if (tone === 'error' && out[0]?.type === 'section') {
    const first = out[0].text as { type: string; text: string };
    out[0] = { ...out[0], text: { ...first, text: `:warning: ${first.text}` } };
  }
  return out;
}

/** The card's plain fallback (what a notification shows): its plain or one-line form, else its header, else its lines. */
export function cardFallback(card: Card): string {
  if (card.plain ?? card.line) return plainText(card.plain ?? card.line!);
  const header = card.blocks.find((b) => b.type === 'header');
  if (header?.type === 'header') return plainText(header.text);
  return (card.tone === 'error' ? '⚠ ' : '') + card.blocks.flatMap((b) => (b.type === 'text' ? [plainText(b.text)] : [])).join('\n');
}

const isBody = (b: Primitive) => b.type === 'group' || b.type === 'section' || b.type === 'list';

/** A body primitive as compact lines: an entry on one clipped line, a section as its title and its entries. */
function compactLines(block: Primitive): string[] {
  if (block.type === 'group') return [entryLine(block, COMPACT.entry)];
  if (block.type === 'list') return block.items.map((item) => clipEscaped(`• ${mrkdwn(clipUser(item, COMPACT.entry))}`, COMPACT.line));
  if (block.type !== 'section') return [];
  return [`*${mrkdwn(clipUser(block.title, COMPACT.title))}*`, ...block.blocks.flatMap((b) => (b.type === 'group' ? [entryLine(b, COMPACT.nested)] : []))];
}

/**
 * A card that has a file (a menu, summary or digest) as one message: the whole card when it fits; else its head,
 * its entries as compact lines (as many as fit, then a line counting the rest) and its foot, with the whole text
 * attached as the card's Markdown file.
 */
function fittedMessage(card: Card, blocks: Primitive[], charts: Block[], fallback: string, locale?: Locale): SlackMessage {
  const whole = cardBlocks(blocks, charts, card.tone);
  if (fitsOneMessage(whole)) return paginate(whole, fallback)[0];
  const file = { name: card.file!, content: cardMarkdown(card) };
  const first = blocks.findIndex(isBody);
  const last = blocks.length - 1 - [...blocks].reverse().findIndex(isBody);
  const head = [...cardBlocks(blocks.slice(0, first).filter((b) => b.type !== 'chart'), [], card.tone), ...charts];
  const foot = cardBlocks(blocks.slice(last + 1), [], card.tone);
  const compact = blocks.slice(first, last + 1).flatMap(compactLines);
  const note = (rest: number) =>
    context(`${rest ? `${say('view.cut.more-lines', { count: rest }, locale)} ` : ''}${say('view.cut.note', { platform: 'Slack', file: esc(file.name) }, locale)}`);
  const reserved = blocksTextLength([...head, ...foot, note(99_999)]);
  const { blocks: packed, taken } = packLines(compact, LIMITS.messageText - reserved, LIMITS.blocksPerMessage - head.length - foot.length - 1);
  return { ...paginate([...head, ...packed, note(compact.length - taken), ...foot], fallback)[0], file };
}

/** Every chart primitive of the blocks, sections included. */
const chartsOf = (blocks: Primitive[]): Array<Extract<Primitive, { type: 'chart' }>> =>
  blocks.flatMap((b) => (b.type === 'chart' ? [b] : b.type === 'section' ? chartsOf(b.blocks) : []));

/**
 * A card as Slack messages: one message for a card with a file (what does not fit rides in `file`), else as many
 * messages of ≤ 50 blocks as it needs. The fallback text comes from the same card, the charts' included.
 */
export function cardMessages(card: Card, options: { actions?: Actions; locale?: Locale } = {}): SlackMessage[] {
  const blocks = shown(card.blocks);
  const charts = chartBlocks(chartsOf(blocks), options.locale);
  const fallback = `${cardFallback(card)}${charts.fallback ? `. ${esc(charts.fallback)}` : ''}`;
  const chartList = charts.blocks as unknown as Block[];
  if (card.file && blocks.some(isBody)) return [fittedMessage(card, blocks, chartList, fallback, options.locale)];
  return paginate(cardBlocks(blocks, chartList, card.tone, options.actions), fallback);
}
