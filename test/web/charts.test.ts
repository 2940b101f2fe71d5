/** One chart description, every renderer: Slack's chart block within its limits, Discord's PNG, the Markdown digest's image, the terminal's bars. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { terminalPanel, TEST_CONFIG } from '../helpers/terminal.ts';
import { renderView as slackView } from '../../adapters/slack/render.ts';
import { renderView as discordView } from '../../adapters/discord/render.ts';
import { renderView as terminalView } from '../../adapters/console/render.ts';
import { SLACK_CHART_LIMITS } from '../../adapters/slack/chart-blocks.ts';
import { unicodeBar } from '../../adapters/console/chart-bars.ts';
import { chartPng } from '../../adapters/charts/png.ts';
import { sessionChart, splitChart } from '../../src/chart.ts';
import { digestFileName, formatDigest } from '../../src/digest-format.ts';
import type { Digest, SessionSummary } from '../../src/summary.ts';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('charts', () => {
  let panel: Awaited<ReturnType<typeof terminalPanel>>;
  let summary: SessionSummary;
  let digest: Digest;

  beforeAll(async () => {
    panel = await terminalPanel({ ...TEST_CONFIG, priorityLimit: 10 });
    const lines = ['mod: /session start A very long session title that goes well past the fifty characters of a Slack chart title <!channel>'];
    for (let s = 1; s <= 5; s++) {
      lines.push(`mod: /speaker add sp${s} Speaker ${s}`);
      for (let k = 1; k <= 9; k++) lines.push(`mod: /priority add sp${s} Priority ${s}.${k} 合作 تعاون`);
    }
    for (let n = 1; n <= 45; n++) lines.push(`u${n % 7}: /react P${n} ${n % 3 === 0 ? 'oppose' : 'support'}`);
    await panel.run(...lines);
    const sid = (await panel.core.sessionInChannel('console:main'))!.id;
    summary = (await panel.core.summaries.sessionSummary(sid))!;
    digest = await panel.core.summaries.digest('2026-11-28');
  });
  afterAll(() => panel.close());

  it('splits a long menu into charts of at most 20 proposals, keeping the ranked order', () => {
    const parts = splitChart(sessionChart(summary), 20);
    expect(parts.map((p) => p.bars.length)).toEqual([20, 20, 5]);
    expect(parts.flatMap((p) => p.bars.map((b) => b.code))).toEqual(summary.proposals.map((p) => p.code));
    expect(parts.map((p) => p.part)).toEqual([{ index: 1, of: 3 }, { index: 2, of: 3 }, { index: 3, of: 3 }]);
  });

  it("puts data_visualization bar charts in Slack summaries and digests, within Slack's limits", () => {
    for (const messages of [slackView({ kind: 'summary', summary, final: false }), slackView({ kind: 'digest', digest, file: null })]) {
      let charts = 0;
      for (const message of messages) {
        const blocks = (message.blocks as Array<Record<string, any>>).filter((b) => b.type === 'data_visualization');
        expect(blocks.length).toBeLessThanOrEqual(SLACK_CHART_LIMITS.perMessage);
        charts += blocks.length;
        for (const b of blocks) {
          expect([...b.title].length).toBeLessThanOrEqual(50);
          expect(b.title).not.toMatch(/<|>/);
          expect(b.chart.type).toBe('bar');
          expect(b.chart.series.length).toBeGreaterThanOrEqual(1);
          expect(b.chart.series.length).toBeLessThanOrEqual(6);
          const categories: string[] = b.chart.axis_config.categories;
          expect(categories.length).toBeLessThanOrEqual(20);
          for (const c of categories) expect([...c].length).toBeLessThanOrEqual(20);
          for (const s of b.chart.series) expect(s.data.map((d: { label: string }) => d.label)).toEqual(categories);
        }
        expect(message.text.length).toBeGreaterThan(0);
      }
      expect(charts).toBe(2);
      expect(messages[0].text).toMatch(/P\d+ \d+ support, \d+ neutral, \d+ oppose/); // the fallback text
    }
    const first = (slackView({ kind: 'summary', summary, final: false })[0].blocks as Array<Record<string, any>>).find((b) => b.type === 'data_visualization')!;
    const support = first.chart.series.find((s: { name: string }) => s.name === 'support');
    expect(support.data[0]).toEqual({ label: summary.proposals[0].code, value: summary.proposals[0].support });
  });

  it('attaches a PNG chart to Discord summaries and digests, shown in the first embed', () => {
    for (const messages of [discordView({ kind: 'summary', summary, final: true }), discordView({ kind: 'digest', digest, file: null })]) {
      const file = messages[0].files?.find((f) => f.name.endsWith('.png'));
      expect(file).toBeDefined();
      expect(file!.attachment.subarray(0, 8)).toEqual(PNG);
      expect(messages[0].embeds?.[0].image?.url).toBe(`attachment://${file!.name}`);
      expect(messages[0].files!.length).toBeLessThanOrEqual(10);
    }
  });

  it('embeds each session chart in the Markdown digest as the image file sent beside it', () => {
    const file = { format: 'md' as const, name: digestFileName(digest, 'md'), content: formatDigest(digest, 'md') };
    const [message] = discordView({ kind: 'digest', digest, file });
    const markdown = message.files![0].attachment.toString('utf8');
    const images = message.files!.slice(1);
    expect(images.length).toBe(1);
    expect(markdown).toContain(`![Session ${summary.id} on ${digest.date}](${images[0].name})`);
    expect(images[0].attachment.subarray(0, 8)).toEqual(PNG);
  });

  it('renders Chinese and Arabic labels with the Noto fonts (wider text draws more ink than a tofu box)', () => {
    const bar = { code: 'P1', speaker: 'x', support: 1, neutral: 0, oppose: 0, reactors: 1, label: null, bridging: false };
    const latin = chartPng({ title: 'x', bars: [{ ...bar, text: 'ab' }] }).length;
    const cjk = chartPng({ title: 'x', bars: [{ ...bar, text: '国际合作与网络空间和平' }] }).length;
    const arabic = chartPng({ title: 'x', bars: [{ ...bar, text: 'التعاون الدولي في الفضاء السيبراني' }] }).length;
    expect(cjk).toBeGreaterThan(latin + 500);
    expect(arabic).toBeGreaterThan(latin + 500);
  });

  it('draws Unicode bars in the terminal summary', () => {
    expect(unicodeBar({ support: 3, neutral: 1, oppose: 0, reactors: 4 }, 8)).toBe('   ██████▒▒  3 / 1 / 0');
    expect(unicodeBar({ support: 0, neutral: 0, oppose: 0, reactors: 0 }, 4)).toBe('   ····  0 / 0 / 0');
    const lines = terminalView({ kind: 'summary', summary, final: false });
    expect(lines.filter((l) => /^ {3}[█▒░]+ *\d+ \/ \d+ \/ \d+$/.test(l))).toHaveLength(45);
  });
});
