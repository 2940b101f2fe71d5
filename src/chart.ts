/**
 * The one description of a results chart. Every renderer draws from it: Slack's `data_visualization`
 * block, the PNG for Discord and the Markdown digest, the terminal's Unicode bars and the screen's SVG bars.
 * Pure data, platform-free; each renderer applies its own platform's limits (title length, categories per chart).
 */
import type { Digest, ProposalSummary, SessionSummary } from './summary.ts';
import type { Label } from './tally.ts';
import { say, type Locale } from './wording/say.ts';

export const CHART_SERIES = ['support', 'neutral', 'oppose'] as const;
export type ChartSeries = (typeof CHART_SERIES)[number];

export interface ChartBar {
  /** The proposal's code, the bar's category label (always short: P1…Pn). */
  code: string;
  /** The proposal's text: participants' text, every renderer escapes it. */
  text: string;
  speaker: string;
  support: number;
  neutral: number;
  oppose: number;
  reactors: number;
  label: Label;
  /** Set when the opinion-group analysis says so (PRODUCT.md "bridging"); absent when it has not run. */
  bridging: boolean;
}

export interface StanceChart {
  title: string;
  /** Ranked order, as the summary ranks them. */
  bars: ChartBar[];
  /** 1-based part number and count when a long menu is split across several charts. */
  part?: { index: number; of: number };
}

/** The opinion helper adds `bridging` to proposal summaries; read it without depending on it. */
export function isBridging(p: ProposalSummary): boolean {
  return (p as ProposalSummary & { bridging?: unknown }).bridging === true;
}

export function barOf(p: ProposalSummary): ChartBar {
  return {
    code: p.code,
    text: p.text,
    speaker: p.speaker,
    support: p.support,
    neutral: p.neutral,
    oppose: p.oppose,
    reactors: p.reactors,
    label: p.label,
    bridging: isBridging(p),
  };
}

export function sessionChart(summary: SessionSummary): StanceChart {
  return { title: summary.title, bars: summary.proposals.map(barOf) };
}

/** One chart per session of the day, in the digest's order (sessions without proposals have none). */
export function digestCharts(digest: Digest): StanceChart[] {
  return digest.sessions.filter((s) => s.proposals.length > 0).map(sessionChart);
}

/** Splits a chart into charts of at most `max` bars, keeping the ranked order; each part knows its place. */
export function splitChart(chart: StanceChart, max: number): StanceChart[] {
  if (max < 1) throw new RangeError('max must be at least 1');
  if (chart.bars.length <= max) return [chart];
  const parts: StanceChart[] = [];
  for (let i = 0; i < chart.bars.length; i += max) parts.push({ title: chart.title, bars: chart.bars.slice(i, i + max) });
  return parts.map((part, index) => ({ ...part, part: { index: index + 1, of: parts.length } }));
}

/** Share of the bar each stance takes, in 0..1 (all zero when nobody reacted). */
export function shares(bar: Pick<ChartBar, ChartSeries | 'reactors'>): Record<ChartSeries, number> {
  const total = bar.reactors || 0;
  if (total === 0) return { support: 0, neutral: 0, oppose: 0 };
  return { support: bar.support / total, neutral: bar.neutral / total, oppose: bar.oppose / total };
}

/** A one-line text rendering of a chart, for fallbacks and screen readers: "P1 12/3/1, P2 …". */
export function chartFallbackText(chart: StanceChart, locale?: Locale): string {
  const head = chart.part ? `${chart.title} (${chart.part.index}/${chart.part.of})` : chart.title;
  const body = chart.bars.map((b) => `${b.code} ${say('view.chart.bar', { support: b.support, neutral: b.neutral, oppose: b.oppose }, locale)}`).join('; ');
  return `${head}: ${body || say('view.chart.empty', {}, locale)}`;
}
