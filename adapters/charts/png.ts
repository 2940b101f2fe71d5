/**
 * The chart as a PNG (Discord has no native chart; the Markdown digest embeds it as a file beside it).
 * @resvg/resvg-js renders our SVG: a maintained Rust renderer with prebuilt binaries in the npm package
 * (nothing downloaded at install, no headless browser), with text shaping for Arabic and CJK.
 *
 * Fonts: Noto Sans, Noto Sans Arabic and Noto Sans CJK from Debian's fonts-noto-core / fonts-noto-cjk,
 * found at their usual paths (or PLENARY_FONT_DIRS, colon-separated). When none is there, resvg falls
 * back to the system's fonts: labels still render, perhaps without Chinese or Arabic glyphs.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { chartSvg, type ChartSvgOptions } from './svg.ts';
import type { StanceChart } from '../../src/chart.ts';

const FONT_DIRS = ['/usr/share/fonts/truetype/noto', '/usr/share/fonts/opentype/noto', '/usr/share/fonts/noto', '/usr/share/fonts/google-noto'];
const WANTED = /^Noto(Sans(-|Arabic-|CJK-)(Regular|Bold)|SansCJK(sc)?-(Regular|Bold))\.(ttf|otf|ttc)$/i;

let cachedFonts: string[] | undefined;

/** The Noto font files resvg loads (cached: found once per process). */
export function chartFontFiles(env: NodeJS.ProcessEnv = process.env): string[] {
  if (cachedFonts) return cachedFonts;
  const dirs = env.PLENARY_FONT_DIRS ? env.PLENARY_FONT_DIRS.split(':').filter(Boolean) : FONT_DIRS;
  const found: string[] = [];
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)) if (WANTED.test(name)) found.push(join(dir, name));
  }
  cachedFonts = found;
  return found;
}

export function chartPng(chart: StanceChart, options: ChartSvgOptions = {}): Buffer {
  const fontFiles = chartFontFiles();
  const resvg = new Resvg(chartSvg(chart, options), {
    font: {
      fontFiles,
      loadSystemFonts: fontFiles.length === 0,
      defaultFontFamily: 'Noto Sans',
      sansSerifFamily: 'Noto Sans',
    },
    fitTo: { mode: 'original' },
  });
  return resvg.render().asPng();
}

/** The file name of a session's chart image, next to the digest or summary it belongs to. */
export const chartFileName = (base: string, index = 1) => `${base}-chart${index > 1 ? `-${index}` : ''}.png`;
