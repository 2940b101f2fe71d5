/**
 * Charts on Discord, which has no chart component: a PNG rendered from each chart primitive of a card (the core's
 * chart description), attached to the message and shown as its first embed's image. When the whole text rides
 * along as a Markdown file, the charts go beside it and the Markdown embeds them by file name. Discord's
 * attachment limits apply here: ≤ 10 files and ≤ 10 MiB in all on one message; charts that would pass them are
 * left out (and then not referenced).
 */
import type { Card, Primitive } from '../../src/cards/primitives.ts';
import { altText, cardMarkdown } from '../../src/cards/markdown.ts';
import { chartPng } from '../charts/png.ts';

export const ATTACHMENT_LIMITS = { files: 10, bytes: 10 * 1024 * 1024 } as const;

export type Attachment = { name: string; attachment: Buffer };
type ChartBlock = Extract<Primitive, { type: 'chart' }>;

/** Every chart primitive of the blocks, sections included. */
export const chartsOf = (blocks: Primitive[]): ChartBlock[] =>
  blocks.flatMap((b) => (b.type === 'chart' ? [b] : b.type === 'section' ? chartsOf(b.blocks) : []));

/** The charts that can be drawn (a name, some proposals), at most `max` of them, as PNG files. */
function chartImages(blocks: Primitive[], max: number): Array<{ block: ChartBlock; file: Attachment }> {
  return chartsOf(blocks)
    .filter((b) => b.name && b.chart.bars.length > 0)
    .slice(0, Math.max(0, max))
    .map((block) => ({ block, file: { name: `${block.name}.png`, attachment: chartPng(block.chart) } }));
}

/** Takes files in order while the message stays within Discord's attachment count and bytes. */
function withinLimits<T extends { file: Attachment }>(items: T[], usedFiles: number, usedBytes: number): T[] {
  const kept: T[] = [];
  for (const item of items) {
    if (usedFiles + 1 > ATTACHMENT_LIMITS.files || usedBytes + item.file.attachment.length > ATTACHMENT_LIMITS.bytes) break;
    kept.push(item);
    usedFiles += 1;
    usedBytes += item.file.attachment.length;
  }
  return kept;
}

/** The card's chart images for a message that carries no other file. */
export const cardChartFiles = (card: Card, blocks: Primitive[]): Attachment[] =>
  withinLimits(chartImages(blocks, ATTACHMENT_LIMITS.files), 0, 0).map((c) => c.file);

/**
 * The card's whole text as a Markdown file named `name`, with its charts as PNG files beside it and embedded in
 * it by file name under their session (the Markdown first, then the images that fit).
 */
export function markdownWithCharts(card: Card, name: string): Attachment[] {
  const kept = chartsWithin(card, Buffer.byteLength(cardMarkdown(card), 'utf8'));
  const names = new Map(kept.map(({ block, file }) => [block, file.name]));
  const markdown = { name, attachment: Buffer.from(cardMarkdown(card, (chart) => names.get(chart)), 'utf8') };
  return [markdown, ...kept.map((c) => c.file)];
}

/**
 * A Markdown file the core already wrote (a `/digest format:md`, in the language it was asked in), with the
 * card's charts beside it, embedded in a last section (`heading`) by file name.
 */
export function fileWithCharts(card: Card, file: { name: string; content: string }, heading: string): Attachment[] {
  const kept = chartsWithin(card, Buffer.byteLength(file.content, 'utf8'));
  const lines = kept.length ? ['', `## ${heading}`, '', ...kept.map(({ block, file: image }) => `![${altText(block.heading)}](${image.name})`), ''] : [];
  const markdown = `${kept.length ? file.content.replace(/\n*$/, '\n') : file.content}${lines.join('\n')}`;
  return [{ name: file.name, attachment: Buffer.from(markdown, 'utf8') }, ...kept.map((c) => c.file)];
}

/** The chart images that fit beside a Markdown file of `bytes`: each image also adds its `![…](…)` line. */
function chartsWithin(card: Card, bytes: number) {
  const images = chartImages(card.blocks, ATTACHMENT_LIMITS.files - 1);
  return withinLimits(images, 1, bytes + images.length * 512);
}
