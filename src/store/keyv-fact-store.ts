/**
 * One FactStore implementation for every backend: get/set/delete/getMany go through Keyv, while
 * `commit`, `claim`, `mark` and `scan` go straight to the backend (multi-key compare-and-set, markers
 * with a lifetime, ordered prefix scan), which Keyv cannot express. A backend that keeps a key index
 * (Redis) also takes over set and delete, so value and index change in one atomic step. Both paths must agree on the stored layout, so it is fixed here:
 *
 *   stored key   = `plenary:` + fact key       (we prefix; Keyv runs with useKeyPrefix: false, because
 *                                               its own prefixing skips keys that already start with
 *                                               `plenary:` and would alias them)
 *   stored value = JSON.stringify({ value })    (Keyv's envelope; `expires` is never set by us)
 *
 * It is also where the store's one cache lives (cache-policy.ts): kept reads are answered from it while the
 * backend's change token holds, and every write here tells it which keys it touched.
 */
import Keyv from 'keyv';
import type { KeyvStoreAdapter } from 'keyv';
import { randomBytes } from 'node:crypto';
import { OutcomeUnknownError, StoreUnavailableError, type Change, type FactStore } from './fact-store.ts';
import { CachePolicy, type Fold } from './cache-policy.ts';

export const NAMESPACE = 'plenary';
const PREFIX = `${NAMESPACE}:`;

/** A Change on stored keys and raw serialised values (undefined in `expect`: absent). */
export interface RawChange {
  expect: Array<[string, string | undefined]>;
  set: Array<[string, string]>;
  delete: string[];
  /** Idempotency id, for backends whose writes can end with an unknown outcome. */
  id?: string;
}

/** How long an idempotency id is remembered: far longer than any write can stay in flight. */
export const OUTCOME_TTL_MS = 10 * 60_000;
/** How long a caller keeps trying to learn the outcome of a write that timed out. */
const SETTLE_FOR_MS = 8_000;

/** The operations Keyv lacks, on stored (prefixed) keys and raw serialised values. */
export interface RawBackend {
  /** Applies the change atomically if every expectation holds: true applied, false refused. */
  commit(change: RawChange): Promise<boolean>;
  /** See FactStore.mark (the key is not prefixed: markers live beside the facts, not among them). */
  mark(key: string, ttlMs: number): Promise<boolean>;
  /**
   * Only for backends with `uncertain`: fences a write id that timed out. True when the write had
   * landed, false when it had not and now never will.
   */
  settle?(id: string): Promise<boolean>;
  /** True when a write can time out after reaching the server (network stores). */
  uncertain?: boolean;
  /** Errors that prove the write never left this process (client offline): no need to settle. */
  neverSent?(error: unknown): boolean;
  scrub?(): Promise<boolean>;
  /** [storedKey, raw] pairs whose key starts with `storedPrefix`, in UTF-8 byte order. */
  scanPrefix(storedPrefix: string): Promise<Array<[string, string]>>;
  /** Optional streaming form of scanPrefix: each key after the prefix with its value already parsed (the envelope). */
  scanPrefixEach?(storedPrefix: string, visit: (rest: string, envelope: unknown) => void): Promise<void>;
  /**
   * Optional streaming form of scanPrefix with the raw stored texts: each key after the prefix with its text, or with
   * the index of the first of `patterns` (GLOB) the text matches and no text (see sqlite-text-scan.ts).
   */
  scanPrefixText?(storedPrefix: string, visit: (rest: string, raw: string, match: number) => void, patterns?: string[]): Promise<void>;
  ping(): Promise<boolean>;
  close(): Promise<void>;
  /** See FactStore.changeToken; only backends that can see other writers provide it. */
  changeToken?(): Promise<unknown>;
  /** Turns a backend failure into StoreUnavailableError where the backend is unreachable. */
  translateError(error: unknown): unknown;
  /** Bounds every operation; undefined = no limit (local backends cannot hang). */
  timeoutMs?: number;
  /**
   * Optional replacement for Keyv's delete, for backends that keep a key index beside the values
   * (Redis) and must change both in one atomic step (their sets go through `commit`).
   */
  delete?(storedKey: string): Promise<boolean>;
}

type Envelope = { value?: unknown; expires?: number };

/** Fast JSON (de)serialisation: facts are plain JSON, so Keyv's Buffer-aware default is not needed. */
const serialize = (data: unknown): string => JSON.stringify(data);
const deserialize = <T>(text: string): T => JSON.parse(text) as T;

export function encodeValue(value: unknown): string {
  return serialize({ value });
}

const parseValue = (raw: string): unknown => deserialize<Envelope>(raw).value;

const ENVELOPE_HEAD = '{"value":';
/**
 * The JSON text of a stored value, or undefined when it has expired (Keyv's TTL semantics, as in scan). An object's
 * envelope `{"value":{…}}` ends in `}}`, where one with Keyv's `expires` (a number) would end in a digit and `}`,
 * so that text is cut out as it is; any other envelope is parsed and its value written out again.
 */
/** `text` as a GLOB pattern matching itself only: GLOB's special characters each in a set of one. */
const globLiteral = (text: string) => text.replace(/[*?[]/g, (c) => `[${c}]`);

export function envelopeText(raw: string, now: number): string | undefined {
  if (raw.startsWith(ENVELOPE_HEAD) && raw.endsWith('}}')) return raw.slice(ENVELOPE_HEAD.length, -1);
  const env = deserialize<Envelope>(raw);
  if (typeof env.expires === 'number' && env.expires < now) return undefined;
  return JSON.stringify(env.value) ?? 'null';
}
const oneRecord = () => 1;
const rowsHeld = (rows: unknown[]) => Math.max(1, rows.length);

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
  /** Only for backends with a change token (SQLite); every write below tells it what it wrote. */
  private readonly cache: CachePolicy | undefined;

  constructor(
    readonly keyv: Keyv,
    private readonly backend: RawBackend,
  ) {
    // Keyv re-emits adapter errors; the failing call rejects anyway, so the event is only noise.
    keyv.on('error', () => {});
    const token = backend.changeToken?.bind(backend);
    if (token) this.changeToken = () => this.run(token);
    this.cache = this.changeToken ? new CachePolicy(this.changeToken, parseValue) : undefined;
  }

  get<T>(key: string): Promise<T | undefined> {
    if (this.cache?.keepsRecord(key)) return this.cache.read('g', key, this.getStored as (key: string) => Promise<T | undefined>, oneRecord);
    return this.getStored(key);
  }

  /** A field, not a method: handed to the cache as its loader without a new closure per read. */
  private readonly getStored = <T>(key: string): Promise<T | undefined> =>
    this.run(() => this.keyv.get<T>(PREFIX + key) as Promise<T | undefined>);

  async getMany<T>(keys: string[]): Promise<Array<T | undefined>> {
    if (keys.length === 0) return [];
    return this.run(() => this.keyv.get<T>(keys.map((k) => PREFIX + k)) as Promise<Array<T | undefined>>);
  }

  async set<T>(key: string, value: T): Promise<void> {
    const storedKey = PREFIX + key;
    if (this.backend.uncertain) {
      await this.commit({ set: [[key, value]] });
      return;
    }
    const { cache } = this;
    let ok: boolean;
    try {
      ok = await this.run(() => this.keyv.set(storedKey, value));
    } catch (error) {
      cache?.unsure(key);
      throw error;
    }
    if (ok) cache?.wrote(key, encodeValue(value));
    if (!ok) throw new Error(`store refused to set a ${key.split(':')[0]} fact`); // the whole key may hold a user id
  }

  async delete(key: string): Promise<boolean> {
    const storedKey = PREFIX + key;
    const { backend } = this;
    if (!backend.delete) {
      const { cache } = this;
      let deleted: boolean;
      try {
        deleted = await this.run(() => this.keyv.delete(storedKey));
      } catch (error) {
        cache?.unsure(key);
        throw error;
      }
      if (deleted) cache?.wrote(key, undefined);
      return deleted;
    }
    try {
      return await this.run(() => (backend.delete as (k: string) => Promise<boolean>)(storedKey));
    } catch (error) {
      if (!this.mayHaveLanded(error)) throw error;
      // A delete is idempotent: doing it again tells us the key is gone, whichever attempt removed it.
      await this.untilAnswered(() => (backend.delete as (k: string) => Promise<boolean>)(storedKey), error);
      return true;
    }
  }

  claim<T>(key: string, value: T): Promise<boolean> {
    return this.commit({ expect: [[key, undefined]], set: [[key, value]] });
  }

  async commit(change: Change): Promise<boolean> {
    const raw: RawChange = {
      expect: (change.expect ?? []).map(([k, v]) => [PREFIX + k, v === undefined ? undefined : encodeValue(v)]),
      set: (change.set ?? []).map(([k, v]) => [PREFIX + k, encodeValue(v)]),
      delete: (change.delete ?? []).map((k) => PREFIX + k),
    };
    if (!this.backend.uncertain) {
      const { cache } = this;
      if (!cache) return this.run(() => this.backend.commit(raw));
      let applied: boolean;
      try {
        applied = await this.run(() => this.backend.commit(raw));
      } catch (error) {
        for (const [key] of raw.set) cache.unsure(key.slice(PREFIX.length));
        for (const key of raw.delete) cache.unsure(key.slice(PREFIX.length));
        throw error;
      }
      if (applied) {
        const set = change.set ?? [];
        for (let i = 0; i < set.length; i++) cache.wrote(set[i][0], raw.set[i][1]);
        for (const key of change.delete ?? []) cache.wrote(key, undefined);
      } else {
        // Refused: a kept copy of what it expected may be what misled the caller, so the retry reads the store.
        for (const [key] of change.expect ?? []) cache.unsure(key);
      }
      return applied;
    }
    raw.id = randomBytes(12).toString('base64url');
    try {
      return await this.run(() => this.backend.commit(raw));
    } catch (error) {
      if (!this.mayHaveLanded(error)) throw error;
      const settle = this.backend.settle as (id: string) => Promise<boolean>;
      const landed = await this.untilAnswered(() => settle(raw.id as string), error);
      // Landed: it was applied (a refused compare-and-set records nothing, so it settles as "not landed").
      if (landed) return true;
      throw error; // fenced: it did not happen and never will, so "nothing was recorded" is the truth
    }
  }

  mark(key: string, ttlMs: number): Promise<boolean> {
    return this.run(() => this.backend.mark(key, ttlMs));
  }

  async scrub(): Promise<boolean> {
    if (!this.backend.scrub) return true;
    return this.run(() => (this.backend.scrub as () => Promise<boolean>)());
  }

  private mayHaveLanded(error: unknown): boolean {
    return Boolean(this.backend.uncertain) && error instanceof StoreUnavailableError && !this.backend.neverSent?.(error.cause ?? error);
  }

  /** Repeats a question to the store until it answers, for a few seconds; then the outcome stays unknown. */
  private async untilAnswered<R>(ask: () => Promise<R>, first: unknown): Promise<R> {
    const deadline = Date.now() + SETTLE_FOR_MS;
    let last = first;
    while (Date.now() < deadline) {
      try {
        return await this.run(ask, Math.max(500, Math.min(4000, deadline - Date.now())));
      } catch (error) {
        last = error;
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    throw new OutcomeUnknownError('the store stopped answering after a write was sent; it may or may not have been recorded', { cause: last });
  }

  async scan<T>(prefix: string): Promise<Array<[key: string, value: T]>> {
    if (!this.cache?.keepsScan(prefix)) return this.scanStore(prefix);
    const rows = await this.cache.read('s', prefix, this.scanStore as (prefix: string) => Promise<Array<[string, T]>>, rowsHeld);
    return rows.slice(); // the caller may sort or filter its copy
  }

  private readonly scanStore = async <T>(prefix: string): Promise<Array<[key: string, value: T]>> => {
    const rows = await this.run(() => this.backend.scanPrefix(PREFIX + prefix));
    const now = Date.now();
    const out: Array<[string, T]> = [];
    for (const [storedKey, raw] of rows) {
      const env = deserialize<Envelope>(raw);
      if (typeof env.expires === 'number' && env.expires < now) continue; // Keyv's TTL semantics
      out.push([storedKey.slice(PREFIX.length), env.value as T]);
    }
    return out;
  };

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

  /** See FactStore.scanJson: the value's text is cut out of its envelope, never parsed (see envelopeText). */
  async scanJson(prefix: string, visit: (rest: string, json: string, head: number) => void, heads: string[] = []): Promise<void> {
    const now = Date.now();
    const take = (rest: string, raw: string, match: number) => {
      if (match >= 0) return visit(rest, heads[match], match);
      const json = envelopeText(raw, now);
      if (json !== undefined) visit(rest, json, -1);
    };
    const { backend } = this;
    if (backend.scanPrefixText) {
      // The envelope of an object value that starts with the head, and (as in envelopeText) no `expires` after it.
      const patterns = heads.map((head) => `${globLiteral(ENVELOPE_HEAD + head)}*}}`);
      await this.run(() => (backend.scanPrefixText as NonNullable<RawBackend['scanPrefixText']>)(PREFIX + prefix, take, patterns));
      return;
    }
    const skip = PREFIX.length + prefix.length;
    for (const [storedKey, raw] of await this.run(() => backend.scanPrefix(PREFIX + prefix))) take(storedKey.slice(skip), raw, -1);
  }

  changeToken?: () => Promise<unknown>;

  fold<S>(prefix: string, fold: Fold<S>): Promise<S> {
    const visitAll = (visit: (rest: string, value: unknown) => void) => this.scanEach(prefix, visit);
    if (this.cache) return this.cache.fold(prefix, fold, visitAll);
    const state = fold.empty();
    return visitAll((rest, value) => void fold.apply(state, rest, value)).then(() => state);
  }

  async heldFold<S>(prefix: string, fold: Fold<S>): Promise<S | undefined> {
    return this.cache?.heldFold(prefix, fold);
  }

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
  private async run<R>(op: () => Promise<R>, timeoutMs = this.backend.timeoutMs): Promise<R> {
    if (this.closed) throw new Error('store is closed');
    try {
      return await withTimeout(op(), timeoutMs);
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
