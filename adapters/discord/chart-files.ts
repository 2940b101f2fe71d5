/**
 * Charts on Discord, which has no chart component: a PNG rendered from the core's chart description,
 * attached to the first message and shown as that message's first embed image. A Markdown digest gets its
 * session charts as image files beside it, and embeds them by file name.
 */
import { sessionChart, type StanceChart } from '../../src/chart.ts';
import type { Digest, SessionSummary } from '../../src/summary.ts';
import { chartPng } from '../charts/png.ts';
import type { DiscordMessage } from './render.ts';
import { say, type Locale } from '../../src/wording/say.ts';

const MAX_FILES = 10; // Discord's attachments per message

function attach(messages: DiscordMessage[], images: Array<{ name: string; attachment: Buffer }>): DiscordMessage[] {
  if (messages.length === 0 || images.length === 0) return messages;
  const [first, ...rest] = messages;
  const files = [...(first.files ?? []), ...images].slice(0, MAX_FILES);
  const embeds = first.embeds?.length ? [{ ...first.embeds[0], image: { url: `attachment://${images[0].name}` } }, ...first.embeds.slice(1)] : first.embeds;
  return [{ ...first, files, ...(embeds ? { embeds } : {}) }, ...rest];
}

const render = (chart: StanceChart, name: string) => ({ name, attachment: chartPng(chart) });

export function withSummaryChart(messages: DiscordMessage[], s: SessionSummary): DiscordMessage[] {
  if (s.proposals.length === 0) return messages;
  return attach(messages, [render(sessionChart(s), `plenary-${s.id}-chart.png`)]);
}

/** One image per session of the day (Discord takes at most ten files on a message). */
export function digestChartImages(d: Digest, reserve = 0): Array<{ name: string; attachment: Buffer; session: string }> {
  return d.sessions
    .filter((s) => s.proposals.length > 0)
    .slice(0, MAX_FILES - reserve)
    .map((s) => ({ ...render(sessionChart(s), `plenary-digest-${d.date}-${s.id}.png`), session: s.id }));
}

export function withDigestCharts(messages: DiscordMessage[], d: Digest): DiscordMessage[] {
  return attach(messages, digestChartImages(d).map(({ name, attachment }) => ({ name, attachment })));
}

/** The Markdown digest with each session's chart embedded as the image file sent beside it. */
export function markdownWithCharts(d: Digest, markdown: string, locale?: Locale): { markdown: string; images: Array<{ name: string; attachment: Buffer }> } {
  const images = digestChartImages(d, 1);
  if (images.length === 0) return { markdown, images: [] };
  const lines = ['', `## ${say('md.charts', {}, locale)}`, '', ...images.map((img) => `![${say('md.chart.alt', { id: img.session }, locale)}](${img.name})`), ''];
  return { markdown: `${markdown.replace(/\n*$/, '\n')}${lines.join('\n')}`, images: images.map(({ name, attachment }) => ({ name, attachment })) };
}
