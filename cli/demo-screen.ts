/**
 * `plenary demo --screen`: the demo's panel with the room's screen running. Prints the screen's link, lets
 * the audience react over about 30 seconds so the page visibly moves, closes the session (the page shows the
 * final summary) and keeps serving until Ctrl-C.
 */
import { rmSync } from 'node:fs';
import { ScreenLinks, setScreenPort } from '../src/screen-links.ts';
import { ConsoleAdapter } from '../adapters/console/console-adapter.ts';
import { createWebScreen, portOf } from '../adapters/web/server.ts';
import { demoLines, openDemoPanel } from './demo.ts';

export async function demoScreen(out: NodeJS.WritableStream, { seconds = 30, port = Number(process.env.PORT ?? 3000), keepServing = true } = {}): Promise<void> {
  const { dir, store, core } = await openDemoPanel();
  const print = (line: string) => out.write(`${line}\n`);
  const web = await createWebScreen({ core, log: () => {}, storeUrl: 'sqlite://' });
  const cleanup = async () => {
    await web.stop();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    setScreenPort(portOf(await web.listen(port)));
  } catch (error) {
    await cleanup();
    throw new Error(`the screen needs a free port: ${port} is taken (${(error as NodeJS.ErrnoException).code}); set PORT`);
  }
  const terminal = new ConsoleAdapter({ core, write: () => {} });
  const { panel, audience, closing } = demoLines();
  for (const line of panel) await terminal.handleLine(line);
  const session = (await core.sessionInChannel('console:main'))!;
  const link = await new ScreenLinks(store).link({ kind: 'session', sessionId: session.id });
  print(`# plenary demo with the room's screen: open ${link}`);
  print(`# The audience (${audience.length} reactions) reacts over about ${seconds} s; watch the page move.`);
  const pause = (seconds * 1000) / Math.max(audience.length, 1);
  for (const [i, line] of audience.entries()) {
    await terminal.handleLine(line);
    await new Promise((r) => setTimeout(r, pause));
    if (i % 100 === 99) print(`# ${i + 1} of ${audience.length} reactions in`);
  }
  for (const line of closing) await terminal.handleLine(line);
  print('# Session closed: the screen shows the final summary.');
  if (!keepServing) return cleanup();
  print('# Still serving the screen; press Ctrl-C to stop.');
  await new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
  await cleanup();
}
