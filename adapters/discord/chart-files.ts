/**
 * Charts on Discord, which has no chart component: a PNG rendered from each chart primitive of a card (the core's
 * chart description), attached to the message and shown as its first embed's image. When the whole text rides
 * along as a Markdown file, the charts go beside it and the Markdown embeds them by file name. Discord's
 * attachment limits apply here: ≤ 10 files on one message, each ≤ 10 MiB (a server without boosts), ≤ 25 MiB in
 * all; charts that would pass them are left out (and then not referenced), and a Markdown file past 10 MiB is
 * sent in numbered parts, cut between lines.
 */
import type { Card, Primitive } from '../../src/cards/primitives.ts';
import { altText, cardMarkdown } from '../../src/cards/markdown.ts';
import { chartPng } from '../charts/png.ts';

export const ATTACHMENT_LIMITS = { files: 10, fileBytes: 10 * 1024 * 1024, bytes: 25 * 1024 * 1024 } as const;

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
  const parts = markdownParts(name, cardMarkdown(card));
  const kept = chartsWithin(card, parts);
  const names = new Map(kept.map(({ block, file }) => [block, file.name]));
  return [...markdownParts(name, cardMarkdown(card, (chart) => names.get(chart))), ...kept.map((c) => c.file)];
}

/**
 * A Markdown file the core already wrote (a `/digest format:md`, in the language it was asked in), with the
 * card's charts beside it, embedded in a last section (`heading`) by file name.
 */
export function fileWithCharts(card: Card, file: { name: string; content: string }, heading: string): Attachment[] {
  const kept = chartsWithin(card, markdownParts(file.name, file.content));
  const lines = kept.length ? ['', `## ${heading}`, '', ...kept.map(({ block, file: image }) => `![${altText(block.heading)}](${image.name})`), ''] : [];
  const markdown = `${kept.length ? file.content.replace(/\n*$/, '\n') : file.content}${lines.join('\n')}`;
  return [...markdownParts(file.name, markdown), ...kept.map((c) => c.file)];
}

/** The chart images that fit beside the Markdown's parts: each image also adds its `![…](…)` line. */
function chartsWithin(card: Card, parts: Attachment[]) {
  const images = chartImages(card.blocks, ATTACHMENT_LIMITS.files - parts.length).filter((c) => c.file.attachment.length <= ATTACHMENT_LIMITS.fileBytes);
  const lines = images.length * 512;
  const bytes = parts.reduce((n, p) => n + p.attachment.length, 0) + lines;
  // One more part when the image lines could push the last part past its limit.
  const more = parts[parts.length - 1].attachment.length + lines > ATTACHMENT_LIMITS.fileBytes ? 1 : 0;
  return withinLimits(images, parts.length + more, bytes);
}

/** Markdown as files of ≤ 10 MiB: `name`, then `name-2.md`, `name-3.md`…, each cut after a line. */
export function markdownParts(name: string, markdown: string): Attachment[] {
  const whole = Buffer.from(markdown, 'utf8');
  if (whole.length <= ATTACHMENT_LIMITS.fileBytes) return [{ name, attachment: whole }];
  const parts: Attachment[] = [];
  let start = 0;
  while (start < whole.length) {
    let end = Math.min(whole.length, start + ATTACHMENT_LIMITS.fileBytes);
    if (end < whole.length) {
      const newline = whole.lastIndexOf(0x0a, end - 1);
      end = newline >= start ? newline + 1 : cutAtCharacter(whole, end);
    }
    parts.push({ name: parts.length ? name.replace(/\.md$/, `-${parts.length + 1}.md`) : name, attachment: whole.subarray(start, end) });
    start = end;
  }
  return parts;
}

/** Backs off to the start of a UTF-8 character (never inside one), for a line longer than a part. */
function cutAtCharacter(bytes: Buffer, end: number): number {
  while (end > 0 && (bytes[end] & 0xc0) === 0x80) end -= 1;
  return end;
}
