/**
 * Markdown's translation of the card primitives (the files plenary attaches when a post cannot hold a view).
 * A participant's span is escaped so it renders as typed (escapeMarkdown, one line); ours keeps its markup.
 */
import { oneLine } from '../view-text.ts';
import { inlineText, type Card, type Inline, type Primitive } from './primitives.ts';

/** A participant's text inert in Markdown: on one line, every markup character escaped. */
export function escapeMarkdown(text: string): string {
  return oneLine(text).replace(/([\\`*_{}[\]()#+\-.!|<>~:=&])/g, '\\$1');
}

const md = (text: Inline) => inlineText(text, escapeMarkdown, (s) => `**${s}**`);

function blockLines(block: Primitive): string[] {
  switch (block.type) {
    case 'header':
      return [`# ${md(block.text)}`, ''];
    case 'text':
      return [block.quote ? `> ${md(block.text)}` : md(block.text)];
    case 'context':
      return [`_${md(block.text)}_`];
    case 'list':
      return block.items.map((item, i) => `${block.level ? '  ' : ''}${block.ordered ? `${i + 1}.` : '-'} ${md(item)}`);
    case 'fields':
      return block.fields.map((f) => `**${md(f.name)}**: ${md(f.value)}`);
    case 'file':
      return [block.content];
    default:
      return []; // charts ride as images beside the file; actions have no place in a file
  }
}

/** A card as a Markdown document, ending in a line break. */
export const cardMarkdown = (card: Card): string => `${card.blocks.flatMap(blockLines).join('\n')}\n`;
