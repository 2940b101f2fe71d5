/** The terminal's chart: a proposal's support / neutral / oppose as Unicode bars (█ support, ▒ neutral, ░ oppose). */
import type { ChartBar } from '../../src/chart.ts';

export const BAR_WIDTH = 24;

/** `   ███████████████▒▒▒▒░░░  12 / 3 / 1` — shares of the proposal's reactors, rounded to whole cells. */
export function unicodeBar(bar: Pick<ChartBar, 'support' | 'neutral' | 'oppose' | 'reactors'>, width = BAR_WIDTH): string {
  if (bar.reactors === 0) return `   ${'·'.repeat(width)}  0 / 0 / 0`;
  const cells = (n: number) => Math.round((n / bar.reactors) * width);
  const support = cells(bar.support);
  const neutral = Math.min(width - support, cells(bar.neutral));
  const oppose = bar.oppose > 0 ? width - support - neutral : 0;
  const rest = width - support - neutral - oppose;
  return `   ${'█'.repeat(support)}${'▒'.repeat(neutral)}${'░'.repeat(oppose)}${' '.repeat(rest)}  ${bar.support} / ${bar.neutral} / ${bar.oppose}`;
}
