/**
 * The store contract every backend (SQLite, memory, Redis) fulfils. The core talks only to this.
 *
 * Facts are small JSON records under string keys. Writers never read-modify-write a shared record
 * for audience actions: each participant's reaction to a proposal is its own key, so two processes
 * writing at once touch different keys and cannot overwrite each other's facts. Where uniqueness
 * matters (proposal codes, session ids, platform event ids) `claim` is an atomic set-if-absent.
 * The keys themselves, and why they cannot collide, are listed in ../keys.ts.
 */
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
  /** Every record whose key starts with `prefix`, ordered by key (byte order). Costs O(matches), not O(store). */
  scan<T>(prefix: string): Promise<Array<[key: string, value: T]>>;
  /**
   * Optional: the records of `scan(prefix)` handed to `visit` one at a time, in key order, with the key's rest
   * after the prefix. A caller that only tallies (the digest) then never holds every record at once.
   */
  scanEach?<T>(prefix: string, visit: (rest: string, value: T) => void): Promise<void>;
  /**
   * Optional: a value that changes whenever another process (another connection) commits a write.
   * Lets this process cache derived data safely; stores that cannot tell leave it undefined.
   */
  changeToken?(): Promise<unknown>;
  /** Reachable right now? (Redis may be down.) */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/** Thrown by a backend when it cannot be reached; the core turns it into "try again" for the caller. */
export class StoreUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreUnavailableError';
  }
}
