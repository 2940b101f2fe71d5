/**
 * Starts plenary on Slack: a Bolt App over HTTP (`/slack/events` on env.port, signature-checked by Bolt)
 * or, with SLACK_APP_TOKEN, over Socket Mode. Registers the Slack poster with Delivery and keeps the
 * counts on posted proposals live. Resolves to an async stop (with `port` when serving HTTP).
 */
import type { AddressInfo, Server } from 'node:net';
import { App, HTTPReceiver, LogLevel, SocketModeReceiver, type Logger, type webApi } from '@slack/bolt';
import type { Express } from 'express';
import { logLine } from '../../src/wording/log-line.ts';
import { SCREEN_ROUTES } from '../web/server.ts';
import type { Plenary } from '../../src/plenary.ts';
import type { Environment } from '../../src/config.ts';
import { logs, type Level, type Log } from '../../src/log.ts';
import type { Delivery } from '../delivery.ts';
import { registerHandlers } from './handlers.ts';
import { SlackLocaleDirectory } from './locale-directory.ts';
import { PlatformLocales } from '../../src/languages.ts';
import { slackLivePort } from './live-counts.ts';
import { SlackPoster } from './poster.ts';
import { StartupError } from '../../src/errors.ts';

export interface SlackTuning {
  postIntervalMs?: number; // per channel, default 1000
  editIntervalMs?: number; // per message, default 1100
  updatesPerMinute?: number; // workspace chat.update budget, default 50
  updateBurst?: number; // default 10
  replyWithinMs?: number; // ack with the reply if the command is done by then, default 1500
  /** The WebClient's retry policy, default @slack/web-api's (tests: retry at once once Retry-After has passed). */
  retryConfig?: webApi.RetryOptions;
}

export interface StartSlackOptions {
  core: Plenary;
  env: Pick<Environment, 'slack' | 'port'>;
  log: Log;
  delivery: Delivery;
  tuning?: SlackTuning;
  /**
   * Over HTTP, the web app (the room's screen) that Bolt's receiver serves beside `/slack/events`, as Bolt's
   * own custom routes: Bolt matches `/slack/events` before any custom route, so the reaction path is unchanged.
   */
  web?: Express;
}

export type SlackStop = (() => Promise<void>) & { port?: number; app: App; directory: SlackLocaleDirectory };

/** The Web API base must end with '/': the WebClient appends method names to it. */
export const apiBase = (url: string | undefined) => (url ? url.replace(/\/*$/, '/') : 'https://slack.com/api/');

/** Bolt and its clients log through ours (which redacts tokens). */
function boltLogger(log: Log): Logger {
  let level = LogLevel.INFO;
  // Bolt logs a debug line for every ack: build it only when it would be kept.
  const line = (l: Level) => (...m: unknown[]) => {
    if (logs(log, l)) log(l, logLine('log.slack.bolt', { text: m.map(String).join(' ') }));
  };
  return {
    debug: line('debug'),
    info: line('info'),
    warn: line('warn'),
    error: line('error'),
    setLevel: (l: LogLevel) => void (level = l),
    getLevel: () => level,
    setName: () => {},
  };
}

export async function startSlack({ core, env, log, delivery, tuning = {}, web }: StartSlackOptions): Promise<SlackStop> {
  const slack = env.slack;
  if (!slack?.botToken) throw new StartupError('cli.slack.needs', { token: 'SLACK_BOT_TOKEN', secret: 'SLACK_SIGNING_SECRET', appToken: 'SLACK_APP_TOKEN' });
  const logger = boltLogger(log);
  const clientOptions = { slackApiUrl: apiBase(slack.apiUrl), ...(tuning.retryConfig ? { retryConfig: tuning.retryConfig } : {}) };
  const socketMode = Boolean(slack.appToken);
  const receiver = socketMode
    ? new SocketModeReceiver({ appToken: slack.appToken!, logger, installerOptions: { clientOptions } })
    : new HTTPReceiver({
      signingSecret: slack.signingSecret ?? '',
      endpoints: '/slack/events',
      logger,
      customRoutes: web ? SCREEN_ROUTES.map((path) => ({ path, method: ['GET', 'HEAD'], handler: (req, res) => web(req, res) })) : [],
    });
  // The WebClient retries 429s itself: it pauses all calls for Retry-After seconds, then tries again.
  // No conversation store: plenary keeps its state in its own store, and Bolt's would cost every request.
  // deferInitialization: Bolt would otherwise call auth.test in the constructor and leave its rejection
  // unhandled; init() below runs the same check where a rejected token can be told in one line.
  const app = new App({ token: slack.botToken, receiver, logger, clientOptions, convoStore: false, deferInitialization: true });
  app.error(async (error) => log('error', logLine('log.slack.listener-error'), error));

  const live = delivery.live(core);
  const livePort = slackLivePort({ client: app.client, log, perMessageMs: tuning.editIntervalMs, perMinute: tuning.updatesPerMinute, burst: tuning.updateBurst, locale: core.config.conference.language });
  const poster = new SlackPoster({ core, client: app.client, log, live, intervalMs: tuning.postIntervalMs });
  // A rejected token would leave the bot "listening" while unable to act: refuse to start instead.
  await app.init().catch((error: { data?: { error?: string } }) => {
    const reason = error?.data?.error;
    if (reason && /auth|token|account_inactive|not_allowed_token_type/.test(reason)) {
      throw new StartupError('cli.slack.token-rejected', { token: 'SLACK_BOT_TOKEN', reason });
    }
    throw error;
  });
  delivery.register(poster, core);
  const unsubscribe = live.register(livePort);
  const locales = new PlatformLocales();
  registerHandlers(app, { core, log, delivery, replyWithinMs: tuning.replyWithinMs, locales });
  const directory = new SlackLocaleDirectory({ client: { token: slack.botToken, slackApiUrl: clientOptions.slackApiUrl }, locales, log });

  let port: number | undefined;
  try {
    const started = (socketMode ? await app.start() : await app.start(env.port)) as unknown;
    const address = socketMode ? null : (started as Server).address?.();
    if (address && typeof address === 'object') port = (address as AddressInfo).port;
  } catch (error) {
    directory.stop();
    unsubscribe();
    throw error;
  }
  log('info', socketMode ? logLine('log.slack.socket-connected') : logLine('log.slack.listening', { port: String(port), path: '/slack/events' }));

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    directory.stop();
    await delivery.stop(); // the pass under way finishes; what is left stays queued in the store
    await poster.idle(); // let posts already handed to Slack go out in order
    await live.idle(); // and the last counts land
    unsubscribe();
    await app.stop();
  };
  return Object.assign(stop, { port, app, directory });
}
