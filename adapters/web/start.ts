/**
 * Wires the screen into `plenary start`: the web app, the listening port (unless Bolt's receiver serves it
 * behind Slack over HTTP), and the publisher that tells other processes' screens about this one's reactions.
 */
import type { Plenary } from '../../src/plenary.ts';
import type { Environment } from '../../src/config.ts';
import type { Log } from '../../src/log.ts';
import { logLine } from '../../src/wording/log-line.ts';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { publicBaseUrl, setScreenPort } from '../../src/screen-links.ts';
import { ChangePublisher } from './change-feed.ts';
import type { WebScreen } from './server.ts';
import { say } from '../../src/wording/say.ts';
import { operatorLanguage } from '../../src/wording/operator-language.ts';

/** How long after start the screen's app loads when no request asked for it first. */
const LOAD_AFTER_MS = 1000;

export interface ScreenStart {
  /** Only when `slackHttp` (Bolt's receiver needs the app at once); otherwise the app loads in the background. */
  web: WebScreen | undefined;
  /** True when Slack runs over HTTP: Bolt's ExpressReceiver listens, with our app inside it. */
  slackHttp: boolean;
  servedOn(port: number | undefined): void;
  /** Listens on PORT. A taken port only turns the screen off (said in one line); the bot still runs. */
  listen(): Promise<void>;
  stop(): Promise<void>;
  stopPublisher(): Promise<void>;
}

export async function startScreen({ core, env, log }: { core: Plenary; env: Environment; log: Log }): Promise<ScreenStart> {
  // Express and the pages load on the first request, or once start-up is over (LOAD_AFTER_MS), so neither the
  // terminal nor a short-lived `plenary start` waits for them (BENCHMARKS.md, start-up); a request that arrives
  // before they are ready waits for them. Behind Slack over HTTP, Bolt needs the app now.
  let web: WebScreen | undefined;
  let stopped = false;
  let loaded: Promise<WebScreen> | undefined;
  const load = () => {
    if (loaded) return loaded;
    loaded = import('./server.ts')
      .then(({ createWebScreen }) => createWebScreen({ core, log, storeUrl: env.store }))
      .then((created) => {
        web = created;
        if (stopped) void created.stop(); // stopped before it was ready: end its feed too
        return created;
      });
    loaded.catch((error) => log('error', logLine('log.screen.load-failed'), error));
    return loaded;
  };
  const loadLater = setTimeout(load, LOAD_AFTER_MS).unref();
  const publisher = await ChangePublisher.start(core, env.store, log);
  const slackHttp = Boolean(env.slack && !env.slack.appToken);
  if (slackHttp) await load();
  let server: Server | undefined;
  const announce = (port: number | undefined) => {
    setScreenPort(port);
    log('debug', logLine('log.screen.serving', { port: String(port), base: publicBaseUrl() }));
  };
  return {
    web,
    slackHttp,
    servedOn: announce,
    async listen() {
      const own = createServer((req, res) => {
        load().then(
          (screen) => screen.app(req, res),
          () => {
            res.statusCode = 503;
            res.end(`${say('cli.screen.could-not-start', {}, core.config.conference.language)}\n`);
          },
        );
      });
      try {
        await new Promise<void>((resolve, reject) => {
          own.once('error', reject);
          own.listen(env.port, () => {
            own.off('error', reject);
            resolve();
          });
        });
        server = own;
        announce((own.address() as AddressInfo).port);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        const params = { port: String(env.port), code: code ?? String(error), variable: 'PORT' };
        process.stderr.write(`plenary: ${say(code === 'EADDRINUSE' ? 'cli.screen.off-in-use' : 'cli.screen.off-unavailable', params, operatorLanguage())}\n`);
      }
    },
    async stop() {
      stopped = true;
      clearTimeout(loadLater);
      if (web) await web.stop(); // ends open streams first, so the server can close
      const own = server;
      server = undefined;
      if (own) await new Promise<void>((resolve) => own.close(() => resolve()));
    },
    stopPublisher: async () => {
      await publisher?.stop();
    },
  };
}
