/**
 * Starts plenary's Slack adapter (real Bolt) against the fake Slack servers, on a memory store.
 * HTTP by default; `socketMode: true` connects through the fake Socket Mode server instead.
 */
import { Plenary } from '../../src/plenary.ts';
import { parseConfig } from '../../src/config.ts';
import { openStore } from '../../src/store/open-store.ts';
import { Delivery, type DeliveryOptions } from '../../adapters/delivery.ts';
import { startSlack, type SlackStop, type SlackTuning } from '../../adapters/slack/start.ts';
import { startFakeSlackWebApi, type FakeSlackWebApi } from '../fakes/slack/fake-web-api.ts';
import { startFakeSocketMode, type FakeSocketMode } from '../fakes/slack/fake-socket-mode.ts';
import { signedSender } from '../fakes/slack/signed-requests.ts';

export const SECRET = 'plenary-test-signing-secret';
export const BOT_TOKEN = 'xoxb-plenary-test';
export const APP_TOKEN = 'xapp-plenary-test';
export const MOD = 'UMODERATOR';
export const ORG = 'UORGANISER';

export interface Harness {
  api: FakeSlackWebApi;
  sm?: FakeSocketMode;
  core: Plenary;
  slack: ReturnType<typeof signedSender>;
  stopSlack: SlackStop;
  logs: string[]; // warn/error lines from the adapter and Bolt
  close(): Promise<void>;
}

/** The WebClient retries as soon as Retry-After has passed (by default it pauses another 1–2 s on top). */
export const RETRY_AT_ONCE: NonNullable<SlackTuning['retryConfig']> = { retries: 10, minTimeout: 0, maxTimeout: 0 };

export async function startHarness({ socketMode = false, tuning, delivery, language, users = [] }: { socketMode?: boolean; tuning?: SlackTuning; delivery?: DeliveryOptions; language?: string; users?: Array<[string, Record<string, unknown>]> } = {}): Promise<Harness> {
  const api = await startFakeSlackWebApi();
  for (const [id, info] of users) api.seedUser(id, info); // the workspace as it is when the bot starts
  const sm = socketMode ? await startFakeSocketMode({ webApi: api }) : undefined;
  const store = await openStore('memory://');
  const config = parseConfig({
    conference: { name: 'Test <Conf> & co', timezone: 'UTC', ...(language ? { language } : {}) },
    roles: { organisers: [`slack:${ORG}`], moderators: [`slack:${MOD}`] },
  });
  const core = new Plenary({ store, config });
  const logs: string[] = [];
  const log = (level: 'debug' | 'info' | 'warn' | 'error', message: string, detail?: unknown) => {
    if (level === 'warn' || level === 'error') logs.push(`${level} ${message}${detail instanceof Error ? `: ${detail.message}` : ''}`);
  };
  const env = {
    port: 0,
    slack: { botToken: BOT_TOKEN, signingSecret: SECRET, appToken: socketMode ? APP_TOKEN : undefined, apiUrl: api.apiUrl },
  };
  const stopSlack = await startSlack({ core, env, log, delivery: new Delivery(log, delivery), tuning });
  const slack = signedSender({ url: `http://127.0.0.1:${stopSlack.port ?? 0}/slack/events`, signingSecret: SECRET });
  return {
    api, sm, core, slack, stopSlack, logs,
    async close() {
      await stopSlack();
      await sm?.close();
      await api.close();
      await store.close();
    },
  };
}

export async function until<T>(find: () => T | undefined | false | Promise<T | undefined | false>, ms = 15_000, what = 'condition'): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const hit = await find();
    if (hit) return hit;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** All mrkdwn/plain text in a list of blocks, joined: what a reader of the message sees. */
export function blockText(blocks: unknown): string {
  const out: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (typeof o.text === 'string') out.push(o.text);
      for (const v of Object.values(o)) if (typeof v === 'object') walk(v);
    }
  };
  walk(blocks);
  return out.join('\n');
}
