/**
 * A cache of each session's reactions, so summaries and digests do not re-read and re-parse every
 * reaction on every call. The store stays the truth: this process notes its own writes here after
 * they commit, and the whole cache is dropped whenever the store reports that another process wrote
 * (SQLite's `data_version`). Stores that cannot tell (Redis, memory) are never cached.
 */
import type { FactStore } from './store/fact-store.ts';
import { keys, parseReactionKey } from './keys.ts';
import type { Reaction } from './model.ts';

/** number → user → reaction */
export type SessionReactions = Map<number, Map<string, Reaction>>;

const MAX_CACHED_REACTIONS = 2_000_000;

export class ReactionCache {
  private readonly sessions = new Map<string, SessionReactions>();
  private cachedCount = 0;
  private token: unknown;
  /** Bumped by every note, so a load that read the store before a write committed is not kept. */
  private readonly writes = new Map<string, number>();

  constructor(private readonly store: FactStore) {}

  /** The session's current reactions, from the cache when nobody else wrote since it was filled. */
  async session(sid: string): Promise<SessionReactions> {
    if (!this.store.changeToken) return this.load(sid);
    const token = await this.store.changeToken();
    if (token !== this.token) {
      this.sessions.clear();
      this.cachedCount = 0;
      this.token = token;
    }
    let cached = this.sessions.get(sid);
    if (cached) {
      this.sessions.delete(sid); // re-insert: Map order doubles as least-recently-used order
    } else {
      const writesBefore = this.writes.get(sid) ?? 0;
      cached = await this.load(sid);
      // A write of ours landed while loading: the rows may predate it, so answer from them but keep nothing.
      if ((this.writes.get(sid) ?? 0) !== writesBefore || this.sessions.has(sid)) return cached;
      this.cachedCount += countOf(cached);
    }
    this.sessions.set(sid, cached);
    this.evict();
    return cached;
  }

  /**
   * How many reaction writes of this process touched the session. The map `session()` returns changes only
   * through `note`, which bumps this first, so (that map, this number) identifies what the map holds.
   */
  version(sid: string): number {
    return this.writes.get(sid) ?? 0;
  }

  /** Called after this process committed a reaction write (null = deleted). */
  note(sid: string, n: number, user: string, reaction: Reaction | null): void {
    this.writes.set(sid, (this.writes.get(sid) ?? 0) + 1);
    const cached = this.sessions.get(sid);
    if (!cached) return;
    let users = cached.get(n);
    if (!users) cached.set(n, (users = new Map()));
    const had = users.has(user);
    if (reaction) users.set(user, reaction);
    else users.delete(user);
    this.cachedCount += (reaction ? 1 : 0) - (had ? 1 : 0);
  }

  private async load(sid: string): Promise<SessionReactions> {
    const result: SessionReactions = new Map();
    for (const [key, reaction] of await this.store.scan<Reaction>(keys.reactionsOfSession(sid))) {
      const { number, user } = parseReactionKey(key);
      let users = result.get(number);
      if (!users) result.set(number, (users = new Map()));
      users.set(user, reaction);
    }
    return result;
  }

  private evict(): void {
    for (const [sid, cached] of this.sessions) {
      if (this.cachedCount <= MAX_CACHED_REACTIONS || this.sessions.size <= 1) break;
      this.sessions.delete(sid);
      this.cachedCount -= countOf(cached);
    }
  }
}

function countOf(reactions: SessionReactions): number {
  let count = 0;
  for (const users of reactions.values()) count += users.size;
  return count;
}
