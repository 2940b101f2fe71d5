/**
 * The store's one cache policy. Reads of the hot key families (the records and scans every command and
 * reaction repeats, and memoised folds such as a session's reactions) are kept in memory while the store's
 * change token says no other connection wrote: the first read after another process's write finds a new
 * token and starts from nothing. This process's own writes pass through `wrote`, inside the store's write
 * path, which drops (records, scans) or updates (folds) exactly the entries the written key lies under, so
 * a cached read is as fresh as a store read and no caller ever asks for a "fresh" one.
 *
 * Race guard: a load that was running when one of our writes under its key committed may hold rows from
 * before that write. It answers its caller (the read and the write were concurrent) but is not kept.
 *
 * Stores without a change token (Redis, memory) get no policy at all: every read goes to the store.
 */

/** A reduction of every record under a key prefix, kept up to date with this process's writes. */
export interface Fold<S> {
  /** A new, empty state. */
  empty(): S;
  /**
   * Applies one record (`rest`: the key after the prefix; `value` undefined: deleted) and returns how the number
   * of records the state holds changed (for the size cap). Must be idempotent: a write can be applied to a
   * state whose load already saw it.
   */
  apply(state: S, rest: string, value: unknown): number;
}

/** Key families (see ../keys.ts) whose single records (`get`) and prefix scans (`scan`) are kept. */
const KEPT_RECORDS = ['session:', 'channel:'];
const KEPT_SCANS = ['proposal:', 'posted:'];

/** Size caps: kept entries, and the records they hold together (a fold holds many). The least recently read go first. */
const MAX_ENTRIES = 50_000;
const MAX_RECORDS = 2_000_000;

type Kind = 'g' | 's' | 'f'; // get, scan, fold

interface Entry {
  value: unknown;
  records: number;
  fold?: Fold<unknown>;
  /** `reads` when it last moved to the end of the Map (see touch). */
  movedAt?: number;
}

const familyOf = (key: string) => key.slice(0, key.indexOf(':'));
function inFamily(key: string, families: string[]): boolean {
  for (const family of families) if (key.startsWith(family)) return true;
  return false;
}

export class CachePolicy {
  /** `kind + key` → entry; Map order is least-recently-read first. */
  private readonly entries = new Map<string, Entry>();
  private records = 0;
  /** Hits so far: the clock of the least-recently-read order. */
  private reads = 0;
  private token: unknown;
  /** Bumped when the token changes: a load that started under the old token is not kept. */
  private generation = 0;
  /** Loads in flight, by `kind + key`: how many, and a counter that our writes under that key bump. */
  private readonly loading = new Map<string, { count: number; writes: number }>();
  /** Families with anything kept or loading: a write elsewhere (reactions with no fold held, indexes) costs one lookup. */
  private readonly families = new Set<string>();

  constructor(
    private readonly changeToken: () => Promise<unknown>,
    /** Stored text → value, as the store's reads return it. */
    private readonly parse: (raw: string) => unknown,
  ) {}

  keepsRecord(key: string): boolean {
    return inFamily(key, KEPT_RECORDS);
  }

  keepsScan(prefix: string): boolean {
    return prefix.endsWith(':') && inFamily(prefix, KEPT_SCANS);
  }

  /** A kept read: from memory while the token holds, else `load`ed (and kept unless one of our writes raced it). */
  async read<V>(kind: 'g' | 's', key: string, load: (key: string) => Promise<V>, records: (value: V) => number): Promise<V> {
    this.check(await this.changeToken());
    const id = kind + key;
    const hit = this.touch(id);
    if (hit) return hit.value as V;
    return this.load(id, key, () => load(key), (value) => ({ value, records: records(value) }));
  }

  /** The fold of every record under `prefix`: kept and updated by our writes; `visitAll` reads them in. */
  async fold<S>(prefix: string, fold: Fold<S>, visitAll: (visit: (rest: string, value: unknown) => void) => Promise<void>): Promise<S> {
    this.check(await this.changeToken());
    const id = 'f' + prefix;
    const hit = this.touch(id);
    if (hit?.fold === fold) return hit.value as S;
    const compute = async () => {
      const state = fold.empty();
      let records = 0;
      await visitAll((rest, value) => void (records += fold.apply(state, rest, value)));
      return { state, records };
    };
    if (!prefix.endsWith(':')) return (await compute()).state;
    const { state } = await this.load(id, prefix, compute, ({ state, records }) => ({ value: state, records, fold: fold as Fold<unknown> }));
    return state;
  }

  /** The kept fold, or undefined; never reads the records in. */
  async heldFold<S>(prefix: string, fold: Fold<S>): Promise<S | undefined> {
    this.check(await this.changeToken());
    const hit = this.touch('f' + prefix);
    return hit?.fold === fold ? (hit.value as S) : undefined;
  }

  /**
   * After this process wrote `key`, which now holds the stored value `raw` (undefined: deleted): the record and
   * the scans under it are dropped, the folds under it updated.
   */
  wrote(key: string, raw: string | undefined): void {
    if (this.families.has(familyOf(key))) this.affectAll(key, true, raw);
  }

  /** After a write of `key` whose outcome is unknown, or a refused expectation on it: whatever lies under it is dropped. */
  unsure(key: string): void {
    if (this.families.has(familyOf(key))) this.affectAll(key, false, undefined);
  }

  private affectAll(key: string, known: boolean, raw: string | undefined): void {
    this.affect('g', key, key, known, raw);
    for (let at = key.indexOf(':'); at !== -1; at = key.indexOf(':', at + 1)) {
      const prefix = key.slice(0, at + 1);
      this.affect('s', prefix, key, known, raw);
      this.affect('f', prefix, key, known, raw);
    }
  }

  private affect(kind: Kind, prefix: string, key: string, known: boolean, raw: string | undefined): void {
    const id = kind + prefix;
    const pending = this.loading.get(id);
    if (pending) pending.writes += 1;
    const entry = this.entries.get(id);
    if (!entry) return;
    if (kind === 'f' && known && entry.fold) {
      // Parsed from the stored text, as a reload would: the fold keeps no object its writer still holds.
      const delta = entry.fold.apply(entry.value, key.slice(prefix.length), raw === undefined ? undefined : this.parse(raw));
      entry.records += delta;
      this.records += delta;
      this.evict();
      return;
    }
    this.entries.delete(id);
    this.records -= entry.records;
  }

  /** A new token: another connection wrote since the last look, so nothing kept can be trusted. */
  private check(token: unknown): void {
    if (token === this.token) return;
    this.token = token;
    this.generation += 1;
    this.entries.clear();
    this.records = 0;
    this.families.clear(); // loads still running started under the old token: `generation` keeps them out
  }

  /**
   * Map order is least-recently-read first, nearly: a hit moves its entry to the end only when it was not moved
   * within the last half-Map (+ 1,024) of hits, so the hot entries of every reaction do not churn the Map.
   */
  private touch(id: string): Entry | undefined {
    const entry = this.entries.get(id);
    if (entry && this.reads++ - (entry.movedAt ?? 0) > (this.entries.size >> 1) + 1024) {
      entry.movedAt = this.reads;
      this.entries.delete(id);
      this.entries.set(id, entry);
    }
    return entry;
  }

  private async load<R>(id: string, key: string, run: () => Promise<R>, keep: (result: R) => Entry): Promise<R> {
    this.families.add(familyOf(key));
    let pending = this.loading.get(id);
    if (!pending) this.loading.set(id, (pending = { count: 0, writes: 0 }));
    pending.count += 1;
    const { writes } = pending;
    const { generation } = this;
    try {
      const result = await run();
      if (pending.writes === writes && generation === this.generation) {
        const entry = keep(result);
        entry.movedAt = this.reads;
        this.records -= this.entries.get(id)?.records ?? 0;
        this.entries.delete(id);
        this.entries.set(id, entry);
        this.records += entry.records;
        this.evict();
      }
      return result;
    } finally {
      pending.count -= 1;
      if (pending.count === 0) this.loading.delete(id);
    }
  }

  private evict(): void {
    for (const [id, entry] of this.entries) {
      if ((this.entries.size <= MAX_ENTRIES && this.records <= MAX_RECORDS) || this.entries.size <= 1) break;
      this.entries.delete(id);
      this.records -= entry.records;
    }
  }
}
