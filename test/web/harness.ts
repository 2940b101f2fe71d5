/**
 * One core shared by the terminal adapter and the real Bolt (over HTTP, against the fake Slack), with the
 * room's screen served by Bolt's own receiver on the same port, as `plenary start` does behind Slack HTTP.
 */
import { Plenary } from '../../src/plenary.ts';
import { parseConfig } from '../../src/config.ts';
import { openStore } from '../../src/store/open-store.ts';
import { Delivery } from '../../adapters/delivery.ts';
import { recordingTerminal } from '../helpers/terminal.ts';
import { startSlack, type SlackStop } from '../../adapters/slack/start.ts';
import { createWebScreen, type WebScreen } from '../../adapters/web/server.ts';
import { setScreenPort } from '../../src/screen-links.ts';
import { keys } from '../../src/keys.ts';
import type { Session } from '../../src/model.ts';
import { startFakeSlackWebApi, type FakeSlackWebApi } from '../fakes/slack/fake-web-api.ts';
import { signedSender } from '../fakes/slack/signed-requests.ts';

export const SECRET = 'plenary-screen-test-secret';
export const MOD = 'UMODERATOR';

export interface ScreenHarness {
  core: Plenary;
  api: FakeSlackWebApi;
  web: WebScreen;
  stopSlack: SlackStop;
  base: string;
  slack: ReturnType<typeof signedSender>;
  /** Terminal lines; returns what they printed. */
  run(...lines: string[]): Promise<string[]>;
  /** Asks `/screen` in the terminal and returns the link it printed. */
  screenLink(line?: string): Promise<string>;
  hideResults(sid: string): Promise<void>;
  close(): Promise<void>;
}

export async function startScreenHarness({ language = 'en' }: { language?: string } = {}): Promise<ScreenHarness> {
  const api = await startFakeSlackWebApi();
  const store = await openStore('memory://');
  const config = parseConfig({
    conference: { name: 'Test Conference', timezone: 'UTC', language },
    roles: { organisers: ['console:org', `slack:${MOD}`], moderators: ['console:mod'] },
  });
  const core = new Plenary({ store, config });
  const log = () => {};
  const web = await createWebScreen({ core, log, storeUrl: 'memory://' });
  const env = { port: 0, slack: { botToken: 'xoxb-screen-test', signingSecret: SECRET, apiUrl: api.apiUrl } };
  const stopSlack = await startSlack({ core, env, log, delivery: new Delivery(log), web: web.app });
  setScreenPort(stopSlack.port);
  const base = `http://127.0.0.1:${stopSlack.port}`;
  const slack = signedSender({ url: `${base}/slack/events`, signingSecret: SECRET });
  const { run } = recordingTerminal(core);
  return {
    core, api, web, stopSlack, base, slack, run,
    async screenLink(line = 'mod: /screen') {
      const printed = (await run(line)).join('\n');
      const url = /https?:\/\/\S+?(?=[\s)]|$)/.exec(printed)?.[0];
      if (!url) throw new Error(`no link in: ${printed}`);
      return url.replace(/^http:\/\/localhost:/, 'http://127.0.0.1:');
    },
    // Stands in for `/session start … results:hidden` (the moderator controls): the stored field PRODUCT.md names.
    async hideResults(sid) {
      const session = await store.get<Session>(keys.session(sid));
      await store.set(keys.session(sid), { ...session, results: 'hidden' });
    },
    async close() {
      await web.stop();
      await stopSlack();
      await api.close();
      await store.close();
      setScreenPort(undefined);
    },
  };
}
