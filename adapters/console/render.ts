/**
 * Views as terminal text: the terminal's translation of the card primitives (src/cards). Pure: a view in,
 * lines out. Participants' text is put on one line here (its line breaks become a visible mark).
 */
import type { View } from '../../src/views.ts';
import { composeCard } from '../../src/cards/compose.ts';
import { inlineText, type Card, type Inline, type Primitive } from '../../src/cards/primitives.ts';
import { oneLine, type Locale } from '../../src/view-text.ts';
import { unicodeBar } from './chart-bars.ts';

const line = (text: Inline) => inlineText(text, oneLine);
const TEXT_INDENT = ['', '   '] as const;
const LIST_INDENT = ['', '  '] as const;

/** A primitive's lines; `indent` is where a group's or section's lines start. */
function primitiveLines(block: Primitive, indent = ''): string[] {
  if (block.whole) return []; // the Markdown file's, not the terminal's
  switch (block.type) {
    case 'header':
      return [block.sub ? `${line(block.text)} — ${line(block.sub)}` : line(block.text)];
    case 'text':
    case 'context':
      return [`${indent}${TEXT_INDENT[block.level ?? 0]}${line(block.text)}`];
    case 'fields':
      return [indent + block.fields.map((f) => `${line(f.name)}: ${line(f.value)}`).join(' · ')];
    case 'list':
      return block.items.map((item, i) => `${indent}${LIST_INDENT[block.level ?? 0]}${block.ordered ? `${i + 1}. ` : ''}${line(item)}`);
    case 'group':
      return [
        `${indent}${line(block.title)} ${line(block.lead)}`,
        ...(block.bar ? [`${indent}${unicodeBar(block.bar)}`] : []),
        ...block.blocks.flatMap((b) => primitiveLines(b, `${indent}   `)),
      ];
    case 'section':
      return [`${indent}${line(block.title)}`, ...block.blocks.flatMap((b) => primitiveLines(b, `${indent}  `))];
    case 'chart':
    case 'actions':
      return []; // each group draws its own bar; the terminal reacts with /react and emoji lines (see help.ts)
    case 'file':
      return block.content.replace(/\r?\n$/, '').split(/\r?\n/);
  }
}

export function cardLines(card: Card): string[] {
  const lines = card.line ? [line(card.line)] : card.blocks.flatMap((b) => primitiveLines(b));
  if (card.tone === 'error' && lines.length) lines[0] = `⚠ ${lines[0]}`;
  return lines;
}

export function renderView(view: View, locale?: Locale): string[] {
  return cardLines(composeCard(view, locale));
}

/** The digest as terminal lines (the CLI's `plenary digest`). */
export const digestLines = (digest: Extract<View, { kind: 'digest' }>['digest'], locale?: Locale) =>
  renderView({ kind: 'digest', digest, file: null }, locale);
