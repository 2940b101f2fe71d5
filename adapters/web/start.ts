/**
 * Wires the screen into `plenary start`: the web app, the listening port (unless Bolt's receiver serves it
 * behind Slack over HTTP), and the publisher that tells other processes' screens about this one's reactions.
 */
import type { Plenary } from '../../src/plenary.ts';
import type { Environment } from '../../src/config.ts';
import type { Log } from '../../src/log.ts';
import { publicBaseUrl, setScreenPort } from '../../src/screen-links.ts';
import { ChangePublisher } from './change-feed.ts';
import { createWebScreen, portOf, type WebScreen } from './server.ts';

export interface ScreenStart {
  web: WebScreen;
  /** True when Slack runs over HTTP: Bolt's HTTPReceiver listens and serves our app as its custom routes. */
  slackHttp: boolean;
  servedOn(port: number | undefined): void;
  /** Listens on PORT. A taken port only turns the screen off (said in one line); the bot still runs. */
  listen(): Promise<void>;
  stop(): Promise<void>;
  stopPublisher(): Promise<void>;
}

export async function startScreen({ core, env, log }: { core: Plenary; env: Environment; log: Log }): Promise<ScreenStart> {
  const web = await createWebScreen({ core, log, storeUrl: env.store });
  const publisher = await ChangePublisher.start(core, env.store, log);
  const slackHttp = Boolean(env.slack && !env.slack.appToken);
  const announce = (port: number | undefined) => {
    setScreenPort(port);
    log('debug', `screen: serving on port ${port}; links start with ${publicBaseUrl()}`);
  };
  return {
    web,
    slackHttp,
    servedOn: announce,
    async listen() {
      try {
        announce(portOf(await web.listen(env.port)));
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        process.stderr.write(`plenary: the screen is off: port ${env.port} is ${code === 'EADDRINUSE' ? 'already in use' : `unavailable (${code ?? String(error)})`}; set PORT to a free port to turn it on.\n`);
      }
    },
    stop: () => web.stop(),
    stopPublisher: async () => {
      await publisher?.stop();
    },
  };
}
