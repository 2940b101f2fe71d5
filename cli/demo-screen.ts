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
import { StartupError } from '../src/errors.ts';
import { say, type Language } from '../src/wording/say.ts';

/** `language` (`--lang`): these lines, the screen and the posts are in it. */
export async function demoScreen(out: NodeJS.WritableStream, { seconds = 30, port = Number(process.env.PORT ?? 3000), keepServing = true, language = 'en' as Language } = {}): Promise<void> {
  const { dir, store, core } = await openDemoPanel(language);
  const print = (line: string) => out.write(`${line}\n`);
  const tell = (id: Parameters<typeof say>[0], params = {}) => print(`# ${say(id, params, language)}`);
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
    throw new StartupError('cli.demo-screen.port-taken', { port: String(port), code: String((error as NodeJS.ErrnoException).code), variable: 'PORT' });
  }
  const terminal = new ConsoleAdapter({ core, write: () => {}, locale: language });
  const { panel, audience, closing } = demoLines();
  for (const line of panel) await terminal.handleLine(line);
  const session = (await core.sessionInChannel('console:main'))!;
  const link = await new ScreenLinks(store).link({ kind: 'session', sessionId: session.id });
  tell('cli.demo-screen.open', { link });
  tell('cli.demo-screen.audience', { reactions: audience.length, seconds });
  const pause = (seconds * 1000) / Math.max(audience.length, 1);
  for (const [i, line] of audience.entries()) {
    await terminal.handleLine(line);
    await new Promise((r) => setTimeout(r, pause));
    if (i % 100 === 99) tell('cli.demo-screen.progress', { done: i + 1, total: audience.length });
  }
  for (const line of closing) await terminal.handleLine(line);
  tell('cli.demo-screen.closed');
  if (!keepServing) return cleanup();
  tell('cli.demo-screen.serving');
  await new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
  await cleanup();
}
