/**
 * Discord's translation of the card primitives (src/cards): a card with a header becomes embeds (title, then
 * description lines, each entry or section an embed field, trailing context as the footer, charts as attached
 * PNGs); a card without one is plain content. Discord's limits apply here and nowhere else (packEmbeds,
 * linesToFields, splitText, one message for a card with a file, the attachments' count and size). A
 * participant's span passes through `md`, so it renders as typed and never as markdown or a link.
 */
import type { APIEmbed, APIEmbedField } from 'discord.js';
import { clipUser, inlineText, shown, type Card, type Inline, type Primitive } from '../../src/cards/primitives.ts';
import { say, type Locale } from '../../src/wording/say.ts';
import { asMessages, clip, COLOR, embedSize, LIMITS, linesToFields, md, NO_MENTIONS, packEmbeds, textMessages, type DiscordMessage } from './embeds.ts';
import { cardChartFiles, markdownWithCharts, type Attachment } from './chart-files.ts';

/** A channel as Discord shows it: its own as a channel link, another platform's as text. */
const channel = (ref: string) => (ref.startsWith('discord:') ? `<#${ref.slice(8)}>` : md(ref));

/**
 * Spans as Discord markdown. `raw` keeps participants' spans as they are: a notice or an error is the text a
 * command wrote (as before this translation: content with mentions disabled, not markdown-escaped).
 */
export const discordText = (text: Inline, raw = false) => inlineText(text, raw ? (s) => s : md, (s) => `**${s}**`, channel);
/** Spans where Discord shows no markdown (a title, a field name): participants' still escaped. */
const plainText = (text: Inline, raw = false) => inlineText(text, raw ? (s) => s : md, (s) => s, channel);

/** How much of a participant's text a line keeps. */
const CLIP = { lead: 700, nested: 300, compact: 120, compactNested: 60, compactTitle: 80, line: 300 } as const;

type Group = Extract<Primitive, { type: 'group' }>;
const entryLine = (g: Group, max: number) => `${discordText(g.title)} ${discordText(clipUser(g.lead, max))}`;

/** A section's or entry's inner lines (an entry on one line). */
function innerLines(block: Primitive, line: (t: Inline) => string): string[] {
  if (block.type === 'group') return [entryLine(block, CLIP.nested)];
  if (block.type === 'text' || block.type === 'context') return [line(block.text)];
  if (block.type === 'list') return block.items.map((item, i) => `${block.ordered ? `${i + 1}. ` : ''}${line(item)}`);
  return [];
}

/** A proposal's fields: its line and breakdown under its title, its comments (a named list) in fields of their own. */
function groupFields(g: Group, line: (t: Inline) => string): APIEmbedField[] {
  const lists = g.blocks.filter((b) => b.type === 'list' && b.name);
  const lines = [clip(line(g.lead), CLIP.lead), ...g.blocks.filter((b) => !lists.includes(b)).flatMap((b) => innerLines(b, line))];
  return [
    ...linesToFields(plainText(g.title), lines),
    ...lists.flatMap((b) => (b.type === 'list' ? linesToFields(b.name!, b.items.map(line)) : [])),
  ];
}

/** True for a context that only more context (or the actions) follows: it becomes the footer. */
const trailing = (blocks: Primitive[], i: number) => blocks.slice(i).every((b) => b.type === 'context' || b.type === 'actions');

/** The head of the card's embeds (colour, title, description, footer) and its fields. */
function embedParts(card: Card, blocks: Primitive[]): { head: APIEmbed; fields: APIEmbedField[] } | null {
  const raw = card.view === 'notice' || card.view === 'error';
  const line = (text: Inline) => discordText(text, raw);
  const header = blocks.find((b) => b.type === 'header');
  if (header?.type !== 'header') return null;
  const title = plainText(header.text, raw);
  const description: string[] = header.sub ? [line(header.sub)] : [];
  const fields: APIEmbedField[] = [];
  const footer: string[] = [];
  blocks.forEach((block, i) => {
    if (block === header) return;
    if (block.type === 'text') description.push(line(block.text));
    else if (block.type === 'context') (trailing(blocks, i) ? footer : description).push(line(block.text));
    else if (block.type === 'list') fields.push(...linesToFields(block.name ?? title, block.items.map((item, n) => `${block.ordered ? `${n + 1}. ` : ''}${line(item)}`)));
    else if (block.type === 'fields') fields.push(...block.fields.map((f) => ({ name: clip(line(f.name), LIMITS.fieldName), value: clip(line(f.value), LIMITS.fieldValue) || '—', ...(f.inline ? { inline: true } : {}) })));
    else if (block.type === 'group') fields.push(...groupFields(block, line));
    else if (block.type === 'section') fields.push(...linesToFields(plainText(block.title), block.blocks.flatMap((b) => innerLines(b, line))));
  });
  const head: APIEmbed = {
    color: COLOR[card.tone], title,
    ...(description.length ? { description: description.join('\n') } : {}),
    ...(footer.length ? { footer: { text: clip(footer.join('\n'), 2048) } } : {}),
  };
  return { head, fields };
}

/** A card with a header as embeds within Discord's limits; none for a card without one. */
export function cardEmbeds(card: Card, blocks: Primitive[] = shown(card.blocks)): APIEmbed[] {
  const parts = embedParts(card, blocks);
  return parts ? packEmbeds(parts.head, parts.fields) : [];
}

/** A card without a header as content lines (a notice, an error). */
const plainLines = (card: Card) => {
  const raw = card.view === 'notice' || card.view === 'error';
  return (card.tone === 'error' ? '⚠️ ' : '') + card.blocks.flatMap((b) => ('text' in b ? [discordText(b.text, raw)] : 'items' in b ? b.items.map((i) => discordText(i, raw)) : [])).join('\n');
};

const isBody = (b: Primitive) => b.type === 'group' || b.type === 'section' || b.type === 'list';

/** A body primitive as compact lines: an entry on one clipped line, a section as its title and its entries. */
function compactLines(block: Primitive): string[] {
  if (block.type === 'group') return [entryLine(block, CLIP.compact)];
  if (block.type === 'list') return block.items.map((item) => clip(discordText(clipUser(item, CLIP.compact)), CLIP.line));
  if (block.type !== 'section') return [];
  return [`**${discordText(clipUser(block.title, CLIP.compactTitle))}**`, ...block.blocks.flatMap((b) => (b.type === 'group' ? [entryLine(b, CLIP.compactNested)] : []))];
}

/** The first embed shows the first chart image attached beside it. */
function withImage(embeds: APIEmbed[], files: Attachment[]): APIEmbed[] {
  const image = files.find((f) => f.name.endsWith('.png'));
  return image && embeds.length ? [{ ...embeds[0], image: { url: `attachment://${image.name}` } }, ...embeds.slice(1)] : embeds;
}

/**
 * A card with a file (menu, summary, digest) is one message: every embed when they fit together (≤ 10,
 * ≤ 6,000 characters in all) with its chart images; otherwise one embed of the head, compact lines (as many as
 * fit, then a count of the rest) and the foot, with the whole text attached as Markdown and its charts beside it.
 */
function fittedMessage(card: Card, blocks: Primitive[], locale?: Locale): DiscordMessage {
  const embeds = cardEmbeds(card, blocks);
  if (embeds.length <= 10 && embeds.reduce((n, e) => n + embedSize(e), 0) <= LIMITS.embedTotal) {
    const files = cardChartFiles(card, blocks);
    return { embeds: withImage(embeds, files), ...(files.length ? { files } : {}), allowedMentions: NO_MENTIONS };
  }
  const first = blocks.findIndex(isBody);
  const last = blocks.length - 1 - [...blocks].reverse().findIndex(isBody);
  const head = embedParts(card, blocks.slice(0, first))!.head;
  const foot = blocks.slice(last + 1).flatMap((b) => ('text' in b && b.type !== 'header' ? [discordText(b.text)] : []));
  const reserved = [head.description ?? '', ...foot].join('\n\n').length + 4;
  const budget = LIMITS.description - 100 - reserved;
  const lines: string[] = [];
  let used = 0;
  const compact = blocks.slice(first, last + 1).flatMap(compactLines);
  for (const line of compact) {
    const cut = clip(line, CLIP.line);
    if (used + cut.length + 1 > budget) break;
    lines.push(cut);
    used += cut.length + 1;
  }
  const rest = compact.length - lines.length;
  const description = [head.description, lines.join('\n'), foot.join('\n')].filter(Boolean).join('\n\n');
  const footer = `${rest ? `${say('view.cut.more-lines', { count: rest }, locale)} ` : ''}${say('view.cut.note', { platform: 'Discord', file: card.file! }, locale)}`;
  const files = markdownWithCharts(card, card.file!);
  const embed: APIEmbed = { color: head.color, title: head.title, description: clip(description, LIMITS.description), footer: { text: footer } };
  return { embeds: withImage([embed], files), files, allowedMentions: NO_MENTIONS };
}

/** A card as Discord messages: one for a card with a file (what does not fit is attached), else as many as it needs. */
export function cardMessages(card: Card, locale?: Locale): DiscordMessage[] {
  const blocks = shown(card.blocks);
  if (card.file && blocks.some(isBody)) return [fittedMessage(card, blocks, locale)];
  const embeds = cardEmbeds(card, blocks);
  return embeds.length ? asMessages(embeds) : textMessages(plainLines(card));
}
