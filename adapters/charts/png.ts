/**
 * The chart as a PNG (Discord has no native chart; the Markdown digest embeds it as a file beside it).
 * @resvg/resvg-js renders our SVG: a maintained Rust renderer with prebuilt binaries in the npm package
 * (nothing downloaded at install, no headless browser), with text shaping for Arabic and CJK.
 *
 * Fonts: Noto Sans, Noto Sans Arabic and Noto Sans CJK from Debian's fonts-noto-core / fonts-noto-cjk (or the
 * faster Droid Sans Fallback of fonts-droid-fallback for CJK),
 * found at their usual paths (or PLENARY_FONT_DIRS, colon-separated). When none is there, resvg falls
 * back to the system's fonts: labels still render, perhaps without Chinese or Arabic glyphs.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { chartSvg, type ChartSvgOptions } from './svg.ts';
import type { StanceChart } from '../../src/chart.ts';

const FONT_DIRS = ['/usr/share/fonts/truetype/noto', '/usr/share/fonts/truetype/droid', '/usr/share/fonts/opentype/noto', '/usr/share/fonts/noto', '/usr/share/fonts/google-noto'];
const WANTED = /^(Noto(Sans(-|Arabic-|CJK-)(Regular|Bold)|SansCJK(sc)?-(Regular|Bold))\.(ttf|otf|ttc)|DroidSansFallbackFull\.ttf)$/i;

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

const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;
const CJK = /[\u1100-\u11FF\u2E80-\u9FFF\uA960-\uA97F\uAC00-\uD7AF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF]|[\uD840-\uD87F][\uDC00-\uDFFF]/;

/**
 * Only the scripts the chart holds: resvg parses every font it is given for each image, and the CJK
 * collections (~20 MB each) cost about half a second a chart, where the Latin and Arabic fonts cost ~2 ms.
 */
function fontsFor(svg: string): string[] {
  const arabic = ARABIC.test(svg);
  const cjk = CJK.test(svg);
  const files = chartFontFiles();
  // Droid Sans Fallback (TrueType outlines) draws a CJK glyph ~15× faster than the Noto CJK collection (CFF).
  const droid = files.some((file) => /DroidSansFallback/i.test(file));
  return files.filter((file) => {
    const name = file.split('/').pop() ?? '';
    if (/DroidSansFallback/i.test(name)) return cjk;
    if (/CJK/i.test(name)) return cjk && !droid && /Regular/i.test(name);
    if (/Arabic/i.test(name)) return arabic;
    return true;
  });
}

export function chartPng(chart: StanceChart, options: ChartSvgOptions = {}): Buffer {
  const svg = chartSvg(chart, options);
  const fontFiles = fontsFor(svg);
  const resvg = new Resvg(svg, {
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
