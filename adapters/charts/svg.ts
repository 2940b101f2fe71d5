/**
 * SVG drawings of the core's chart description: the whole chart (for the PNG and the day's page) and one
 * proposal's stacked bar (for the live screen). Pure functions; every piece of participants' text is escaped.
 * Colours are an accessible blue / grey / orange (told apart without colour vision too: counts are written).
 */
import { CHART_SERIES, chartFallbackText, type ChartSeries, type StanceChart } from '../../src/chart.ts';
import type { StanceCounts } from '../../src/model.ts';

export const SERIES_COLOURS: Record<ChartSeries, string> = { support: '#1f6feb', neutral: '#8b949e', oppose: '#d1541b' };
const SERIES_CLASS: Record<ChartSeries, string> = { support: 's', neutral: 'n', oppose: 'o' };

/** Characters XML 1.0 forbids (C0 controls but tab/LF/CR, U+FFFE/U+FFFF, lone surrogates): an SVG holding one fails to parse. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Escapes text for XML and HTML alike (element content and quoted attributes). */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML, ' ').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/** Shortens to `max` code points on one line (line breaks never start a new line of a chart). */
export function oneLine(text: string, max: number): string {
  const flat = text.replace(/[\r\n\t\u2028\u2029]+/g, ' ');
  const points = [...flat];
  return points.length > max ? `${points.slice(0, max - 1).join('')}…` : flat;
}

export interface BarOptions {
  /** What a screen reader says for the whole bar. */
  label: string;
  rtl?: boolean;
  className?: string;
}

/**
 * One proposal's support / neutral / oppose as a stacked bar filling its box (shares of its reactors).
 * Widths are attributes, not inline styles, so the page's Content-Security-Policy needs no 'unsafe-inline'.
 */
export function stackedBarSvg(counts: StanceCounts, { label, rtl = false, className = 'bar' }: BarOptions): string {
  const total = counts.support + counts.neutral + counts.oppose;
  const W = 1000;
  let x = 0;
  const rects: string[] = [];
  if (total === 0) rects.push(`<rect class="empty" x="0" y="0" width="${W}" height="10"/>`);
  for (const series of CHART_SERIES) {
    if (total === 0) break;
    const width = Math.round((counts[series] / total) * W * 10) / 10;
    if (width <= 0) continue;
    const left = rtl ? W - x - width : x;
    rects.push(`<rect class="${SERIES_CLASS[series]}" x="${left}" y="0" width="${width}" height="10"/>`);
    x += width;
  }
  return `<svg class="${className}" viewBox="0 0 ${W} 10" preserveAspectRatio="none" role="img" aria-label="${escapeXml(label)}" focusable="false">${rects.join('')}</svg>`;
}

export interface ChartSvgOptions {
  width?: number;
  /** Words for the legend, in the conference language. */
  words?: Record<ChartSeries, string>;
  /** Title suffix such as "(1/2)" comes from the chart's part. */
  fontFamily?: string;
  background?: string;
  foreground?: string;
}

const ROW = 58;
const TOP = 84;

/** The whole chart: title, legend, one row per proposal (code and text above an absolute stacked bar). */
export function chartSvg(chart: StanceChart, options: ChartSvgOptions = {}): string {
  const width = options.width ?? 1000;
  const words = options.words ?? { support: 'support', neutral: 'neutral', oppose: 'oppose' };
  const font = options.fontFamily ?? "'Noto Sans', 'Droid Sans Fallback', 'Noto Sans CJK SC', 'Noto Sans Arabic', sans-serif";
  const fg = options.foreground ?? '#1f2328';
  const bg = options.background ?? '#ffffff';
  const rows = Math.max(chart.bars.length, 1);
  const height = TOP + rows * ROW + 16;
  const gutter = 64;
  const barWidth = width - gutter - 120;
  const max = Math.max(1, ...chart.bars.map((b) => b.reactors));
  const title = chart.part ? `${chart.title} (${chart.part.index}/${chart.part.of})` : chart.title;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(chartFallbackText(chart))}" font-family="${escapeXml(font)}">`,
    `<rect width="${width}" height="${height}" fill="${bg}"/>`,
    `<text x="16" y="34" font-size="22" font-weight="bold" fill="${fg}">${escapeXml(oneLine(title, 50))}</text>`,
  ];
  let lx = 16;
  for (const series of CHART_SERIES) {
    out.push(`<rect x="${lx}" y="50" width="14" height="14" fill="${SERIES_COLOURS[series]}"/>`);
    out.push(`<text x="${lx + 20}" y="62" font-size="14" fill="${fg}">${escapeXml(words[series])}</text>`);
    lx += 40 + [...words[series]].length * 9;
  }
  if (chart.bars.length === 0) out.push(`<text x="16" y="${TOP + 24}" font-size="16" fill="${fg}">—</text>`);
  chart.bars.forEach((bar, i) => {
    const y = TOP + i * ROW;
    const badge = [bar.label, bar.bridging ? 'bridging' : null].filter(Boolean).join(' · ');
    out.push(`<text x="16" y="${y + 16}" font-size="15" font-weight="bold" fill="${fg}">${escapeXml(bar.code)}</text>`);
    out.push(`<text x="${gutter}" y="${y + 16}" font-size="14" fill="${fg}">${escapeXml(oneLine(bar.text, 48))}${badge ? ` — ${escapeXml(badge)}` : ''}</text>`);
    let x = gutter;
    for (const series of CHART_SERIES) {
      const w = (bar[series] / max) * barWidth;
      if (w > 0) out.push(`<rect x="${x.toFixed(1)}" y="${y + 24}" width="${w.toFixed(1)}" height="22" fill="${SERIES_COLOURS[series]}"/>`);
      x += w;
    }
    out.push(`<text x="${(x + 8).toFixed(1)}" y="${y + 41}" font-size="14" fill="${fg}">${bar.support} / ${bar.neutral} / ${bar.oppose}</text>`);
  });
  out.push('</svg>');
  return out.join('');
}
