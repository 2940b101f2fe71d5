/**
 * Markdown's translation of the card primitives: the files plenary attaches when a post cannot hold a view, the
 * digest's Markdown download. It is the whole text: `whole` primitives included. A participant's span is escaped
 * so it renders as typed (escapeMarkdown, one line); ours keeps its markup.
 */
import { oneLine } from '../view-text.ts';
import { inlineText, type Card, type Inline, type Primitive } from './primitives.ts';

/**
 * A participant's text inert in Markdown: on one line, every markup character escaped, so nobody's text passes
 * for another line. `:` is escaped too so a bare `https://…` is not autolinked by GitHub-flavoured renderers.
 */
export function escapeMarkdown(text: string): string {
  return oneLine(text).replace(/([\\`*_{}[\]()#+\-.!|<>~:=&])/g, '\\$1');
}

const md = (text: Inline) => inlineText(text, escapeMarkdown, (s) => `**${s}**`);

/** Our words as an image's alt text: only what would end it is escaped. */
export const altText = (text: string) => oneLine(text).replace(/([\\[\]])/g, '\\$1');

/** The image file a chart is drawn in beside the Markdown (Discord attaches them), if any. */
export type ChartFile = (chart: Extract<Primitive, { type: 'chart' }>) => string | undefined;

/** A group's or section's own lines, one level in: `   - …`. */
function innerLines(block: Primitive, chartFile: ChartFile): string[] {
  switch (block.type) {
    case 'text':
    case 'context':
      return [`   - ${md(block.text)}`];
    case 'list':
      return block.items.map((item) => `   - ${md(item)}`);
    case 'fields':
      return block.fields.map((f) => `   - **${md(f.name)}**: ${md(f.value)}`);
    default:
      return blockLines(block, chartFile);
  }
}

function blockLines(block: Primitive, chartFile: ChartFile): string[] {
  switch (block.type) {
    case 'header':
      return [`# ${md(block.text)}`, ...(block.sub ? ['', md(block.sub)] : [])];
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
    case 'group':
      return [`${md(block.title)} ${md(block.lead)}`, ...block.blocks.flatMap((b) => innerLines(b, chartFile))];
    case 'section':
      return [`## ${md(block.title)}`, '', ...paragraphs(block.blocks, chartFile)];
    case 'chart': {
      const file = chartFile(block);
      return file ? [`![${altText(block.heading)}](${file})`] : [];
    }
    case 'actions':
      return []; // no place in a file
  }
}

/** Blocks as paragraphs (a blank line between), a run of groups kept together as one list. */
function paragraphs(blocks: Primitive[], chartFile: ChartFile): string[] {
  const lines: string[] = [];
  blocks.forEach((block, i) => {
    const shown = blockLines(block, chartFile);
    if (!shown.length) return;
    const together = i > 0 && block.type === 'group' && blocks[i - 1].type === 'group';
    if (lines.length && !together) lines.push('');
    lines.push(...shown);
  });
  return lines;
}

/** A card as a Markdown document, ending in a line break; `chartFile` names the image beside it for a chart. */
export const cardMarkdown = (card: Card, chartFile: ChartFile = () => undefined): string =>
  `${paragraphs(card.blocks, chartFile).join('\n')}\n`;
