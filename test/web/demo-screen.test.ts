/** `plenary demo --screen`: the demo panel with the screen on; its link opens the page and the audience's reactions arrive over time. */
import { describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { demoScreen } from '../../cli/demo-screen.ts';

describe('plenary demo --screen', () => {
  it('prints a working screen link and lets the audience react while the page is open', async () => {
    const out = new PassThrough();
    let text = '';
    out.on('data', (d) => (text += d));
    const seen: number[] = [];
    let link = '';
    const watching = (async () => {
      while (!(link = /open (http\S+)/.exec(text)?.[1] ?? '')) await new Promise((r) => setTimeout(r, 20));
      const url = link.replace('localhost', '127.0.0.1');
      for (let i = 0; i < 6 && !text.includes('Session closed'); i++) {
        const html = await (await fetch(url)).text();
        seen.push(Number(/<b>(\d+)<\/b> participants/.exec(html)?.[1] ?? -1));
        await new Promise((r) => setTimeout(r, 400));
      }
    })();
    await demoScreen(out, { seconds: 4, port: 0, keepServing: false });
    await watching;
    expect(text).toMatch(/The audience \(\d+ reactions\) reacts over about 4 s/);
    expect(text).toContain('Session closed: the screen shows the final summary.');
    expect(seen[0]).toBeGreaterThanOrEqual(0);
    expect(seen.at(-1)!).toBeGreaterThan(seen[0]); // the page moved while the audience reacted
  });
});
