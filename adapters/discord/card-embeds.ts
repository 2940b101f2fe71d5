/**
 * Discord's translation of the card primitives (src/cards): a card with a header becomes embeds (title, then
 * description lines, lists and fields as embed fields, context as the footer); a card without one is plain
 * content. Discord's limits apply here (packEmbeds, linesToFields, splitText). A participant's span passes
 * through `md`, so it renders as typed and never as markdown or a link; our words keep their markdown.
 */
import type { APIEmbed, APIEmbedField } from 'discord.js';
import { inlineText, type Card, type Inline } from '../../src/cards/primitives.ts';
import { asMessages, clip, COLOR, LIMITS, linesToFields, md, packEmbeds, textMessages, type DiscordMessage } from './embeds.ts';

/**
 * Spans as Discord markdown. `raw` keeps participants' spans as they are: a notice or an error is the text a
 * command wrote (as before this translation: content with mentions disabled, not markdown-escaped).
 */
export const discordText = (text: Inline, raw = false) => inlineText(text, raw ? (s) => s : md, (s) => `**${s}**`);

export function cardMessages(card: Card): DiscordMessage[] {
  const embeds = cardEmbeds(card);
  return embeds.length ? asMessages(embeds) : textMessages(plainLines(card));
}

/** A card without a header as content lines (a notice, an error). */
const plainLines = (card: Card) => {
  const raw = card.view === 'notice' || card.view === 'error';
  return (card.tone === 'error' ? '⚠️ ' : '') + card.blocks.flatMap((b) => ('text' in b ? [discordText(b.text, raw)] : 'items' in b ? b.items.map((i) => discordText(i, raw)) : [])).join('\n');
};

/** A card with a header as embeds within Discord's limits; none for a card without one. */
export function cardEmbeds(card: Card): APIEmbed[] {
  const raw = card.view === 'notice' || card.view === 'error';
  const line = (text: Inline) => discordText(text, raw);
  const header = card.blocks.find((b) => b.type === 'header');
  if (header?.type !== 'header') return [];
  const title = inlineText(header.text, raw ? (s) => s : md); // a title shows no markdown
  const description: string[] = [];
  const fields: APIEmbedField[] = [];
  let footer: string | undefined;
  for (const block of card.blocks) {
    if (block === header) continue;
    if (block.type === 'text') description.push(line(block.text));
    else if (block.type === 'context') footer = line(block.text);
    else if (block.type === 'list') fields.push(...linesToFields(block.name ?? title, block.items.map((item, i) => `${block.ordered ? `${i + 1}. ` : ''}${line(item)}`)));
    else if (block.type === 'fields') fields.push(...block.fields.map((f) => ({ name: clip(line(f.name), LIMITS.fieldName), value: clip(line(f.value), LIMITS.fieldValue) || '—', ...(f.inline ? { inline: true } : {}) })));
  }
  const head: APIEmbed = { color: COLOR[card.tone], title, ...(description.length ? { description: description.join('\n') } : {}), ...(footer ? { footer: { text: clip(footer, 2048) } } : {}) };
  return packEmbeds(head, fields);
}
