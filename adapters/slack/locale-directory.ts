/**
 * The workspace's locales in bulk: users.list (include_locale, 200 members a page, cursor pagination) at start
 * and every hour after, primed into the handlers' PlatformLocales. Without it, every new caller's first command
 * waits for a users.info round trip, and a conference's crowd arriving at once runs into users.info's rate
 * limit (Tier 4) — then replies fall back to the conference language. users.info still answers for someone who
 * joined the workspace since the last page was read. users.list is Tier 2: a 429's Retry-After is honoured.
 */
import type { Clock } from '../../src/time.ts';
import { systemClock } from '../../src/time.ts';
import type { PlatformLocales } from '../../src/languages.ts';
import type { Log } from '../../src/log.ts';
import { logLine } from '../../src/wording/log-line.ts';
import { slackPost, type LocaleClient } from './user-locale.ts';

export const DIRECTORY_PAGE = 200; // Slack's advice for paginated methods
export const DIRECTORY_REFRESH_MS = 3_600_000;

interface Member {
  id?: unknown;
  locale?: unknown;
  deleted?: unknown;
}

export interface LocaleDirectoryOptions {
  client: LocaleClient;
  locales: PlatformLocales;
  log: Log;
  clock?: Clock;
  refreshMs?: number;
}

export class SlackLocaleDirectory {
  private timer: unknown;
  private stopped = false;
  private readonly clock: Clock;
  private readonly refreshMs: number;
  /** Resolves when the first full pass is done (or given up): tests and the bench wait on it. */
  readonly firstPass: Promise<void>;

  constructor(private readonly options: LocaleDirectoryOptions) {
    this.clock = options.clock ?? systemClock;
    this.refreshMs = options.refreshMs ?? DIRECTORY_REFRESH_MS;
    this.firstPass = this.pass();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
  }

  /** One walk over every page; entries outlive the next refresh by a margin, so a slow pass leaves no gap. */
  private async pass(): Promise<void> {
    const ttlMs = this.refreshMs * 2;
    let cursor = '';
    let members = 0;
    try {
      while (!this.stopped) {
        const reply = await slackPost(this.options.client, 'users.list', {
          limit: String(DIRECTORY_PAGE), include_locale: 'true', ...(cursor ? { cursor } : {}),
        });
        if ('status' in reply && reply.status === 429) {
          await this.wait((reply.retryAfterS ?? 30) * 1000);
          continue;
        }
        if (!('answer' in reply)) throw new Error(`users.list failed (${'status' in reply ? `HTTP ${reply.status}` : 'no answer'})`);
        const answer = reply.answer as { ok?: unknown; error?: unknown; members?: unknown; response_metadata?: { next_cursor?: unknown } };
        if (answer.ok !== true) {
          // missing_scope (no users:read) and the like: users.info answers per user instead.
          this.options.log('info', logLine('log.slack.directory-refused', { error: String(answer.error) }));
          return;
        }
        for (const m of (Array.isArray(answer.members) ? answer.members : []) as Member[]) {
          if (typeof m?.id !== 'string' || m.deleted === true) continue;
          this.options.locales.remember(`${m.id}`, typeof m.locale === 'string' ? m.locale : undefined, ttlMs);
          members++;
        }
        const next = answer.response_metadata?.next_cursor;
        if (typeof next !== 'string' || !next) break;
        cursor = next;
      }
      this.options.log('debug', logLine('log.slack.directory-read', { members: String(members) }));
    } catch (error) {
      this.options.log('warn', logLine('log.slack.directory-failed'), error);
    } finally {
      if (!this.stopped) this.timer = this.clock.setTimeout(() => void this.pass(), this.refreshMs);
    }
  }

  private wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      this.timer = this.clock.setTimeout(resolve, ms);
    });
  }
}
