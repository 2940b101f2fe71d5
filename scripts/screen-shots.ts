/**
 * Regenerates docs/screens/: the room's screen on the seed's demo panel (light, dark, Arabic) in Debian's
 * Chromium, and the same panel's chart as the PNG that Discord and the Markdown digest get.
 *   node bin/run-ts.js scripts/screen-shots.ts
 */
import { writeFileSync } from 'node:fs';
import { parseConfig } from '../src/config.ts';
import { Plenary } from '../src/plenary.ts';
import { openStore } from '../src/store/open-store.ts';
import { ScreenLinks } from '../src/screen-links.ts';
import { sessionChart } from '../src/chart.ts';
import { ConsoleAdapter } from '../adapters/console/console-adapter.ts';
import { createWebScreen, portOf } from '../adapters/web/server.ts';
import { chartPng } from '../adapters/charts/png.ts';
import { demoLines } from '../cli/demo.ts';
import { DEMO_MODERATOR } from '../cli/demo-script.ts';
import { launchChromium } from '../test/web/browser.ts';

const OUT = new URL('../docs/screens/', import.meta.url);

async function panelScreen(language: string) {
  const store = await openStore('memory://');
  const config = parseConfig({
    conference: { name: 'UN Cybersecurity Conference', timezone: 'Asia/Shanghai', language },
    roles: { organisers: ['console:you'], moderators: [`console:${DEMO_MODERATOR}`] },
  });
  const core = new Plenary({ store, config });
  const terminal = new ConsoleAdapter({ core, write: () => {} });
  const { panel, audience } = demoLines();
  for (const line of [...panel, ...audience]) await terminal.handleLine(line);
  const session = (await core.sessionInChannel('console:main'))!;
  const web = await createWebScreen({ core, log: () => {}, storeUrl: 'memory://' });
  const port = portOf(await web.listen(0));
  const link = `http://127.0.0.1:${port}${new URL(await new ScreenLinks(store).link({ kind: 'session', sessionId: session.id })).pathname}`;
  return { core, session, link, close: async () => { await web.stop(); await store.close(); } };
}

const browser = await launchChromium();
try {
  for (const [name, language, colorScheme] of [['screen-light', 'en', 'light'], ['screen-dark', 'en', 'dark'], ['screen-arabic', 'ar', 'light']] as const) {
    const screen = await panelScreen(language);
    const context = await browser.newContext({ colorScheme, viewport: { width: 1600, height: 900 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    await page.goto(screen.link);
    await page.waitForFunction(() => document.documentElement.dataset.connected === 'yes');
    writeFileSync(new URL(`${name}.png`, OUT), await page.screenshot({ fullPage: false }));
    if (name === 'screen-light') {
      const summary = (await screen.core.summaries.sessionSummary(screen.session.id))!;
      writeFileSync(new URL('chart.png', OUT), chartPng(sessionChart(summary)));
    }
    await context.close();
    await screen.close();
    console.log(`wrote docs/screens/${name}.png`);
  }
} finally {
  await browser.close();
}
