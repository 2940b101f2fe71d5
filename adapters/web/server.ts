/**
 * The HTTP side of plenary: the room's screen, the day's page, their assets and `/healthz`, as an Express
 * app (a maintained framework: routing, static files, HEAD). Behind Slack over HTTP, Bolt's own HTTPReceiver
 * listens and hands these paths to the app as custom routes, so the same port also carries `/slack/events`. Read-only: only GET routes exist; anything else is a 404. Every response
 * forbids inline script and every third-party origin (Content-Security-Policy).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { logLine } from '../../src/wording/log-line.ts';
import express, { type Request, type Response, type NextFunction } from 'express';
import type { Plenary } from '../../src/plenary.ts';
import type { Log } from '../../src/log.ts';
import { ScreenLinks, screenPath, type ScreenTarget } from '../../src/screen-links.ts';
import { isCalendarDate } from '../../src/time.ts';
import { digestFileName, formatDigest } from '../../src/digest-format.ts';
import type { Session } from '../../src/model.ts';
import { ScreenHub } from './screen-hub.ts';
import { ChangeFeed } from './change-feed.ts';
import { readScreenState } from './screen-state.ts';
import { liveRegionHtml, screenPageHtml } from './screen-page.ts';
import { dayPageHtml } from './day-page.ts';
import { notFoundHtml } from './layout.ts';
import { screenLanguage, wordsFor } from './screen-text.ts';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "connect-src 'self'",
  "font-src 'self'", "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'",
].join('; ');

/** Every path the app answers (Bolt's HTTPReceiver hands exactly these to it, behind Slack over HTTP). */
export const SCREEN_ROUTES = [
  '/healthz', '/assets/:file', '/screen/:sid/:key', '/screen/:sid/:key/events', '/day/:date/:key', '/day/:date/:key/:file',
] as const;

const ASSETS = fileURLToPath(new URL('./assets/', import.meta.url));
const HEARTBEAT_MS = 20_000;
const HEALTH_TIMEOUT_MS = 2000;

export interface WebScreenOptions {
  core: Plenary;
  log: Log;
  /** The store URL (PLENARY_STORE): Redis deployments get changes from other processes over pub/sub. */
  storeUrl: string;
  minIntervalMs?: number;
  refreshMs?: number;
}

export interface WebScreen {
  app: express.Express;
  hub: ScreenHub;
  /** Listens on `port` (0: any free port); rejects when the port is taken. */
  listen(port: number): Promise<Server>;
  /** Ends every open stream (so the server can close), stops the feed and our own server if any. */
  stop(): Promise<void>;
}

/** SSE framing: one `state` event holding the live region's HTML. */
const frame = (html: string) => `event: state\ndata: ${JSON.stringify({ html })}\n\n`;

function securityHeaders(_req: Request, res: Response, next: NextFunction) {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  res.setHeader('X-Frame-Options', 'DENY');
  next();
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([promise, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('timed out')), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

export async function createWebScreen({ core, log, storeUrl, minIntervalMs, refreshMs }: WebScreenOptions): Promise<WebScreen> {
  const language = screenLanguage(core.config.conference);
  const words = wordsFor(language);
  const links = new ScreenLinks(core.store, () => core.now());
  const hub = new ScreenHub({
    log, minIntervalMs, refreshMs,
    render: async (sid) => {
      const state = await readScreenState(core, sid);
      return state ? frame(liveRegionHtml(state, language)) : undefined;
    },
  });
  const feed = await ChangeFeed.start(core, storeUrl, log, (sid) => (sid ? hub.changed(sid) : hub.changedAll()), () => hub.pages() > 0);
  const streams = new Set<Response>();
  let ownServer: Server | null = null;

  const notFound = (res: Response) => res.status(404).type('html').setHeader('Cache-Control', 'no-store').send(notFoundHtml(language, words));
  /** The key names exactly this target, or the answer is 404 (no hint whether the session exists). */
  const allowed = async (target: ScreenTarget, key: string) => {
    try {
      return await links.verify(target, key);
    } catch (error) {
      log('warn', logLine('log.screen.key-check-failed'), error instanceof Error ? error.message : error);
      return false;
    }
  };
  const sessionTarget = (req: Request): ScreenTarget => ({ kind: 'session', sessionId: String(req.params.sid) });

  const router = express.Router();
  router.use(securityHeaders);
  router.use('/assets', express.static(ASSETS, { index: false, fallthrough: false, maxAge: '1h' }));

  router.get('/healthz', async (_req, res) => {
    try {
      // A real read: ping alone can answer from a connection whose database file is gone.
      const ok = await withTimeout(
        (async () => {
          if (!(await core.store.ping())) return false;
          await core.store.get('healthz:probe');
          return true;
        })(),
        HEALTH_TIMEOUT_MS,
      );
      res.status(ok ? 200 : 503).type('text').setHeader('Cache-Control', 'no-store').send(ok ? 'ok\n' : 'store unavailable\n');
    } catch (error) {
      log('warn', logLine('log.healthz.store-silent'), error instanceof Error ? error.message : error);
      res.status(503).type('text').setHeader('Cache-Control', 'no-store').send('store unavailable\n');
    }
  });

  router.get('/screen/:sid/:key', async (req, res) => {
    const target = sessionTarget(req);
    if (!(await allowed(target, String(req.params.key)))) return notFound(res);
    const state = await readScreenState(core, String(req.params.sid));
    if (!state) return notFound(res);
    res.setHeader('Cache-Control', 'no-store');
    res.type('html').send(screenPageHtml(state, language, `${screenPath(target, String(req.params.key))}/events`));
  });

  router.get('/screen/:sid/:key/events', async (req, res) => {
    const sid = String(req.params.sid);
    if (!(await allowed(sessionTarget(req), String(req.params.key)))) return notFound(res);
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    res.write('retry: 1000\n\n');
    streams.add(res);
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
    heartbeat.unref();
    let leave: (() => void) | null = null;
    let gone = false;
    req.on('close', () => {
      gone = true;
      clearInterval(heartbeat);
      streams.delete(res);
      leave?.();
    });
    const joined = await hub.join(sid, { send: (payload) => void res.write(payload) });
    if (gone) joined();
    else leave = joined;
  });

  router.get('/day/:date/:key', async (req, res) => {
    const date = String(req.params.date);
    if (!isCalendarDate(date) || !(await allowed({ kind: 'day', date }, String(req.params.key)))) return notFound(res);
    const digest = await core.summaries.digest(date);
    const sessions = new Map<string, Session>();
    for (const s of digest.sessions) {
      const session = await core.getSession(s.id);
      if (session) sessions.set(s.id, session);
    }
    res.setHeader('Cache-Control', 'no-store');
    res.type('html').send(dayPageHtml(digest, sessions, language, screenPath({ kind: 'day', date }, String(req.params.key))));
  });

  router.get('/day/:date/:key/:file', async (req, res) => {
    const date = String(req.params.date);
    const format = /^digest\.(md|json|csv)$/.exec(String(req.params.file))?.[1] as 'md' | 'json' | 'csv' | undefined;
    if (!format || !isCalendarDate(date) || !(await allowed({ kind: 'day', date }, String(req.params.key)))) return notFound(res);
    const digest = await core.summaries.digest(date);
    const type = { md: 'text/markdown; charset=utf-8', json: 'application/json; charset=utf-8', csv: 'text/csv; charset=utf-8' }[format];
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Content-Disposition', `attachment; filename="${digestFileName(digest, format)}"`);
    res.type(type).send(formatDigest(digest, format));
  });

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(router);

  return {
    app,
    hub,
    listen(port) {
      return new Promise((resolve, reject) => {
        const server = createServer(app);
        server.once('error', reject);
        server.listen(port, () => {
          server.off('error', reject);
          ownServer = server;
          resolve(server);
        });
      });
    },
    async stop() {
      for (const res of streams) res.end();
      streams.clear();
      hub.stop();
      await feed.stop();
      const server = ownServer;
      ownServer = null;
      if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export const portOf = (server: Server) => (server.address() as AddressInfo).port;
