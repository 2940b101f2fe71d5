/**
 * Charts in Slack: the native `data_visualization` block (a bar chart, one series per stance, one category
 * per proposal code), inside Slack's limits: title ≤ 50 characters, 1–6 series, category labels ≤ 20,
 * at most two charts per message, and ≤ 20 proposals per chart (a longer menu is split; beyond two charts
 * the rest is in the text). The message's `text` carries the fallback.
 */
import { CHART_SERIES, chartFallbackText, splitChart, type StanceChart } from '../../src/chart.ts';
import { say, type Locale } from '../../src/wording/say.ts';

export const SLACK_CHART_LIMITS = { title: 50, series: 6, categoryLabel: 20, perMessage: 2, categories: 20 } as const;

export interface DataVisualizationBlock {
  type: 'data_visualization';
  title: string;
  chart: {
    type: 'bar';
    series: Array<{ name: string; data: Array<{ label: string; value: number }> }>;
    axis_config: { categories: string[]; x_label?: string; y_label?: string };
  };
}

const clipPoints = (text: string, max: number) => {
  const points = [...text.replace(/[\r\n\t\u2028\u2029]+/g, ' ')];
  return points.length > max ? `${points.slice(0, max - 1).join('')}…` : points.join('');
};

/** One chart as a block. Its title is ours (`heading`), never participants' text: nothing in it can ping. */
export function chartBlock(chart: StanceChart, heading: string, locale?: Locale): DataVisualizationBlock {
  const suffix = chart.part ? ` (${chart.part.index}/${chart.part.of})` : '';
  const title = `${clipPoints(heading, SLACK_CHART_LIMITS.title - [...suffix].length)}${suffix}`;
  const categories = chart.bars.map((b) => clipPoints(b.code, SLACK_CHART_LIMITS.categoryLabel));
  return {
    type: 'data_visualization',
    title,
    chart: {
      type: 'bar',
      series: CHART_SERIES.map((name) => ({ name: say(`view.chart.series.${name}`, {}, locale), data: chart.bars.map((b, i) => ({ label: categories[i], value: b[name] })) })),
      axis_config: { categories, x_label: say('view.chart.x', {}, locale), y_label: say('view.chart.y', {}, locale) },
    },
  };
}

/**
 * The card's charts as at most two chart blocks (each chart split at 20 proposals), with the fallback text of
 * those shown. Charts without proposals are left out.
 */
export function chartBlocks(charts: Array<{ chart: StanceChart; heading: string }>, locale?: Locale): { blocks: DataVisualizationBlock[]; fallback: string } {
  const parts = charts
    .filter(({ chart }) => chart.bars.length > 0)
    .flatMap(({ chart, heading }) => splitChart(chart, SLACK_CHART_LIMITS.categories).map((part) => ({ part, heading })));
  const shown = parts.slice(0, SLACK_CHART_LIMITS.perMessage);
  const fallback = shown.map(({ part, heading }) => chartFallbackText({ ...part, title: heading }, locale)).join(' · ');
  return { blocks: shown.map(({ part, heading }) => chartBlock(part, heading, locale)), fallback };
}
