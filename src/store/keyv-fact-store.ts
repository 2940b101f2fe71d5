/**
 * One FactStore implementation for every backend: get/set/delete/getMany go through Keyv, while
 * `claim` and `scan` go straight to the backend (atomic set-if-absent, ordered prefix scan), which
 * Keyv cannot express. A backend that keeps a key index (Redis) also takes over set and delete, so
 * value and index change in one atomic step. Both paths must agree on the stored layout, so it is fixed here:
 *
 *   stored key   = `plenary:` + fact key       (we prefix; Keyv runs with useKeyPrefix: false, because
 *                                               its own prefixing skips keys that already start with
 *                                               `plenary:` and would alias them)
 *   stored value = JSON.stringify({ value })    (Keyv's envelope; `expires` is never set by us)
 */
import Keyv from 'keyv';
import type { KeyvStoreAdapter } from 'keyv';
import { StoreUnavailableError, type FactStore } from './fact-store.ts';

export const NAMESPACE = 'plenary';
const PREFIX = `${NAMESPACE}:`;

/** The operations Keyv lacks, on stored (prefixed) keys and raw serialised values. */
export interface RawBackend {
  setIfAbsent(storedKey: string, raw: string): Promise<boolean>;
  /** [storedKey, raw] pairs whose key starts with `storedPrefix`, in UTF-8 byte order. */
  scanPrefix(storedPrefix: string): Promise<Array<[string, string]>>;
  /** Optional streaming form of scanPrefix: each key after the prefix with its value already parsed (the envelope). */
  scanPrefixEach?(storedPrefix: string, visit: (rest: string, envelope: unknown) => void): Promise<void>;
  ping(): Promise<boolean>;
  close(): Promise<void>;
  /** See FactStore.changeToken; only backends that can see other writers provide it. */
  changeToken?(): Promise<unknown>;
  /** Turns a backend failure into StoreUnavailableError where the backend is unreachable. */
  translateError(error: unknown): unknown;
  /** Bounds every operation; undefined = no limit (local backends cannot hang). */
  timeoutMs?: number;
  /**
   * Optional replacements for Keyv's own writes, for backends that keep a key index beside the
   * values (Redis) and must change both in one atomic step. Hooks run before/after Keyv's write
   * cannot be made safe: two processes setting and deleting the same key could interleave as
   * index-add, delete, index-remove, write and leave a value that no scan sees. `raw` is the stored
   * value exactly as Keyv would write it (`encodeValue`).
   */
  set?(storedKey: string, raw: string): Promise<void>;
  /** True when something was deleted. */
  delete?(storedKey: string): Promise<boolean>;
}

type Envelope = { value?: unknown; expires?: number };

/** Fast JSON (de)serialisation: facts are plain JSON, so Keyv's Buffer-aware default is not needed. */
const serialize = (data: unknown): string => JSON.stringify(data);
const deserialize = <T>(text: string): T => JSON.parse(text) as T;

export function encodeValue(value: unknown): string {
  return serialize({ value });
}

export function createKeyv(store: KeyvStoreAdapter | Map<string, unknown>): Keyv {
  return new Keyv({
    store,
    namespace: NAMESPACE,
    useKeyPrefix: false,
    serialize,
    deserialize,
    // Keyv swallows store errors by default (get → undefined); the contract needs them surfaced.
    throwOnErrors: true,
  });
}

export class KeyvFactStore implements FactStore {
  private closed = false;

  constructor(
    readonly keyv: Keyv,
    private readonly backend: RawBackend,
  ) {
    // Keyv re-emits adapter errors; the failing call rejects anyway, so the event is only noise.
    keyv.on('error', () => {});
    const token = backend.changeToken?.bind(backend);
    if (token) this.changeToken = () => this.run(token);
  }

  get<T>(key: string): Promise<T | undefined> {
    return this.run(() => this.keyv.get<T>(PREFIX + key) as Promise<T | undefined>);
  }

  async getMany<T>(keys: string[]): Promise<Array<T | undefined>> {
    if (keys.length === 0) return [];
    return this.run(() => this.keyv.get<T>(keys.map((k) => PREFIX + k)) as Promise<Array<T | undefined>>);
  }

  async set<T>(key: string, value: T): Promise<void> {
    const storedKey = PREFIX + key;
    const { backend } = this;
    const ok = await this.run(async () => {
      if (!backend.set) return this.keyv.set(storedKey, value);
      await backend.set(storedKey, encodeValue(value));
      return true;
    });
    if (!ok) throw new Error(`store refused to set a ${key.split(":")[0]} fact`); // the whole key may hold a user id
  }

  delete(key: string): Promise<boolean> {
    const storedKey = PREFIX + key;
    const { backend } = this;
    return this.run(() => (backend.delete ? backend.delete(storedKey) : this.keyv.delete(storedKey)));
  }

  claim<T>(key: string, value: T): Promise<boolean> {
    const raw = encodeValue(value);
    return this.run(() => this.backend.setIfAbsent(PREFIX + key, raw));
  }

  async scan<T>(prefix: string): Promise<Array<[key: string, value: T]>> {
    const rows = await this.run(() => this.backend.scanPrefix(PREFIX + prefix));
    const now = Date.now();
    const out: Array<[string, T]> = [];
    for (const [storedKey, raw] of rows) {
      const env = deserialize<Envelope>(raw);
      if (typeof env.expires === 'number' && env.expires < now) continue; // Keyv's TTL semantics
      out.push([storedKey.slice(PREFIX.length), env.value as T]);
    }
    return out;
  }

  async scanEach<T>(prefix: string, visit: (rest: string, value: T) => void): Promise<void> {
    const now = Date.now();
    const take = (rest: string, envelope: unknown) => {
      const env = envelope as Envelope;
      if (typeof env.expires === 'number' && env.expires < now) return; // Keyv's TTL semantics, as in scan
      visit(rest, env.value as T);
    };
    const { backend } = this;
    if (backend.scanPrefixEach) {
      await this.run(() => (backend.scanPrefixEach as NonNullable<RawBackend['scanPrefixEach']>)(PREFIX + prefix, take));
      return;
    }
    const skip = PREFIX.length + prefix.length;
    for (const [storedKey, raw] of await this.run(() => backend.scanPrefix(PREFIX + prefix))) take(storedKey.slice(skip), deserialize(raw));
  }

  changeToken?: () => Promise<unknown>;

  async ping(): Promise<boolean> {
    if (this.closed) return false;
    try {
      return await this.run(() => this.backend.ping());
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.backend.close();
  }

  /** Every call is bounded in time and reports unreachability as StoreUnavailableError. */
  private async run<R>(op: () => Promise<R>): Promise<R> {
    if (this.closed) throw new Error('store is closed');
    try {
      return await withTimeout(op(), this.backend.timeoutMs);
    } catch (error) {
      throw this.backend.translateError(error);
    }
  }
}

export async function withTimeout<R>(promise: Promise<R>, ms: number | undefined): Promise<R> {
  if (ms === undefined) return promise;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new StoreUnavailableError(`store did not answer within ${ms} ms`)),
      ms,
    );
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
