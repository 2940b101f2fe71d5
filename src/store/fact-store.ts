/**
 * The store contract every backend (SQLite, memory, Redis) fulfils. The core talks only to this.
 *
 * Facts are small JSON records under string keys. Each participant's reaction to a proposal is its
 * own key, so two processes writing at once touch different keys. A command that writes several facts
 * does it with one `commit`: all of its writes land, or none, and only if the facts it decided on
 * (`expect`) still hold what it read (compare-and-set). The keys, and why they cannot collide, are
 * listed in ../keys.ts.
 *
 * Reads of the hot families (session records, channel bindings, a session's proposals, a proposal's posted
 * messages) and folds are cached inside the store, keyed by its change token; callers never manage a cache.
 *
 * Unknown outcomes: a backend reached over the network (Redis) can time out after a write was sent.
 * Every write then settles the question before answering: each write carries an idempotency id, the
 * write records "applied" under it atomically, and a timed-out caller fences the id ("aborted", set
 * only if absent). Whichever lands first wins, so the caller learns for certain whether the write
 * happened. Only when even that cannot reach the store does it get OutcomeUnknownError, never a false
 * "nothing was recorded".
 */
import type { Fold } from './cache-policy.ts';

export type { Fold };

export interface FactStore {
  /** The record under `key`, or undefined. */
  get<T>(key: string): Promise<T | undefined>;
  /** Several records at once, in the order of `keys` (undefined where absent). */
  getMany<T>(keys: string[]): Promise<Array<T | undefined>>;
  /** Durable once the promise resolves: a process killed afterwards keeps it. */
  set<T>(key: string, value: T): Promise<void>;
  /** True when something was deleted. */
  delete(key: string): Promise<boolean>;
  /** Atomic set-if-absent: true when this call created the key, false when it already existed. */
  claim<T>(key: string, value: T): Promise<boolean>;
  /**
   * All of `set` and `delete` at once, and only if every `expect`ed key still holds exactly the value
   * given (undefined: still absent). True when applied, false when an expectation failed (nothing written).
   */
  commit(change: Change): Promise<boolean>;
  /**
   * A marker that lives `ttlMs` and is never a fact (no scan sees it): true when this call created it.
   * Used to apply platform events and replays once; markers past their time are pruned by the store.
   */
  mark(key: string, ttlMs: number): Promise<boolean>;
  /** Every record whose key starts with `prefix`, ordered by key (byte order). Costs O(matches), not O(store). */
  scan<T>(prefix: string): Promise<Array<[key: string, value: T]>>;
  /**
   * Optional: the records of `scan(prefix)` handed to `visit` one at a time, in key order, with the key's rest
   * after the prefix. A caller that only tallies (the digest) then never holds every record at once.
   */
  scanEach?<T>(prefix: string, visit: (rest: string, value: T) => void): Promise<void>;
  /**
   * Optional: the records of `scan(prefix)` as the JSON text of each value, unparsed, in key order with the key's
   * rest after the prefix. For a caller that decodes only what it needs of each (the digest: one stance a reaction).
   * A value whose text starts with `heads[i]` may come as `i` (`head`; else −1) with only that head as its text.
   */
  scanJson?(prefix: string, visit: (rest: string, json: string, head: number) => void, heads?: string[]): Promise<void>;
  /**
   * The fold of every record under `prefix` (ending in `:`), e.g. a session's reactions grouped by proposal.
   * The store keeps it while its change token holds and applies this process's own writes under the prefix to it
   * (see cache-policy.ts), so it is as fresh as a scan; stores without a change token compute it on every call.
   * The state is shared: callers read it, never change it.
   */
  fold<S>(prefix: string, fold: Fold<S>): Promise<S>;
  /** The fold if the store keeps it now (as fresh as `fold`), else undefined; never reads the records in. */
  heldFold<S>(prefix: string, fold: Fold<S>): Promise<S | undefined>;
  /**
   * Optional: a value that changes whenever another process (another connection) commits a write.
   * The store's cache (cache-policy.ts) is valid only while it holds; stores that cannot tell leave it undefined,
   * and are never cached.
   */
  changeToken?(): Promise<unknown>;
  /**
   * Optional: make deleted content unreadable on disk now (SQLite: secure_delete is always on; this
   * checkpoints and truncates the WAL). Called by /forgetme before it answers. False when another
   * connection's long read kept old copies in the WAL: the store keeps retrying, and the caller says so.
   */
  scrub?(): Promise<boolean>;
  /** Reachable right now? (Redis may be down.) */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export interface Change {
  expect?: Array<[key: string, value: unknown]>;
  set?: Array<[key: string, value: unknown]>;
  delete?: string[];
}

/** Thrown by a backend when it cannot be reached; nothing was written. The core says "try again". */
export class StoreUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreUnavailableError';
  }
}

/** A write was sent, and the store stopped answering before anyone could tell whether it landed. */
export class OutcomeUnknownError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'OutcomeUnknownError';
  }
}

/** The database file was deleted or replaced under the running process: writes would go nowhere. */
export class StoreReplacedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreReplacedError';
  }
}
