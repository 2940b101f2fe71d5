/**
 * Open screens and their updates. Each watched session renders once per change for all its pages (one
 * string sent to every page), at most once per `minIntervalMs` (600 ms by default: fewer than 2 a second, with room for network jitter) however fast the
 * reactions come: a burst of a thousand reactions costs each page two updates a second, and the last state
 * always arrives. A page that (re)connects gets the current state at once, so after a bot restart it
 * catches up on its own. A slow periodic refresh catches what no signal announces (a session closed by
 * another process, an edit).
 */
import type { Log } from '../../src/log.ts';
import { logLine } from '../../src/wording/log-line.ts';

export interface ScreenClient {
  send(payload: string): void;
}

export type Render = (sid: string) => Promise<string | undefined>;

interface Watch {
  clients: Set<ScreenClient>;
  timer: NodeJS.Timeout | null;
  rendering: Promise<void> | null;
  dirtyWhileRendering: boolean;
  lastSentAt: number;
  lastPayload: string | undefined;
}

export interface ScreenHubOptions {
  render: Render;
  log: Log;
  minIntervalMs?: number;
  refreshMs?: number;
  now?: () => number;
}

export class ScreenHub {
  private readonly watches = new Map<string, Watch>();
  private readonly minIntervalMs: number;
  private readonly refresh: NodeJS.Timeout;
  private readonly now: () => number;
  /** Counts every payload sent to a page (bench and tests read it). */
  sent = 0;

  constructor(private readonly options: ScreenHubOptions) {
    this.minIntervalMs = options.minIntervalMs ?? 600;
    this.now = options.now ?? Date.now;
    this.refresh = setInterval(() => this.changedAll(), options.refreshMs ?? 1500);
    this.refresh.unref();
  }

  get watchedSessions(): string[] {
    return [...this.watches.keys()];
  }

  pages(sid?: string): number {
    if (sid) return this.watches.get(sid)?.clients.size ?? 0;
    let n = 0;
    for (const w of this.watches.values()) n += w.clients.size;
    return n;
  }

  /** A page starts listening; returns its goodbye. */
  async join(sid: string, client: ScreenClient): Promise<() => void> {
    let watch = this.watches.get(sid);
    if (!watch) {
      watch = { clients: new Set(), timer: null, rendering: null, dirtyWhileRendering: false, lastSentAt: 0, lastPayload: undefined };
      this.watches.set(sid, watch);
    }
    watch.clients.add(client);
    const current = watch;
    if (current.lastPayload === undefined) await this.renderNow(sid, current);
    if (current.lastPayload !== undefined && current.clients.has(client)) client.send(current.lastPayload);
    return () => {
      current.clients.delete(client);
      if (current.clients.size === 0 && this.watches.get(sid) === current) {
        if (current.timer) clearTimeout(current.timer);
        this.watches.delete(sid);
      }
    };
  }

  /** Something about the session changed (a reaction here, a signal from another process). */
  changed(sid: string): void {
    const watch = this.watches.get(sid);
    if (!watch || watch.timer) return;
    if (watch.rendering) {
      watch.dirtyWhileRendering = true;
      return;
    }
    const wait = Math.max(0, watch.lastSentAt + this.minIntervalMs - this.now());
    watch.timer = setTimeout(() => {
      watch.timer = null;
      void this.renderNow(sid, watch);
    }, wait);
  }

  changedAll(): void {
    for (const sid of this.watches.keys()) this.changed(sid);
  }

  private renderNow(sid: string, watch: Watch): Promise<void> {
    if (watch.rendering) return watch.rendering;
    watch.rendering = (async () => {
      try {
        const payload = await this.options.render(sid);
        watch.lastSentAt = this.now();
        if (payload !== undefined && payload !== watch.lastPayload) {
          const first = watch.lastPayload === undefined;
          watch.lastPayload = payload;
          // The first render of a watch is sent by join() to the page that asked for it.
          if (!first) for (const client of watch.clients) this.deliver(client, payload);
        }
      } catch (error) {
        this.options.log('warn', logLine('log.screen.refresh-failed', { session: sid }), error instanceof Error ? error.message : error);
      } finally {
        watch.rendering = null;
        if (watch.dirtyWhileRendering) {
          watch.dirtyWhileRendering = false;
          this.changed(sid);
        }
      }
    })();
    return watch.rendering;
  }

  private deliver(client: ScreenClient, payload: string) {
    this.sent += 1;
    try {
      client.send(payload);
    } catch (error) {
      this.options.log('debug', logLine('log.screen.page-gone'), error);
    }
  }

  stop(): void {
    clearInterval(this.refresh);
    for (const watch of this.watches.values()) if (watch.timer) clearTimeout(watch.timer);
    this.watches.clear();
  }
}
