/**
 * A Keyv 5 storage adapter on better-sqlite3. Keyv hands us keys already prefixed with
 * `<namespace>:` and values already serialised to strings (with the expiry inside), so the table is
 * a plain ordered string map; `namespace` only scopes `clear()` and `iterator()`.
 *
 * Durability: the database runs in WAL mode with `synchronous=NORMAL`. A write's promise resolves only
 * after its transaction committed, and a committed transaction is in the WAL file (in the OS page
 * cache), so a process killed by SIGKILL loses no acknowledged write. Only an OS crash or power loss
 * can drop the most recent commits (they would need `synchronous=FULL`).
 *
 * Group commit: writes issued while the event loop is busy (50 Slack requests arriving together) are
 * queued and committed in one transaction at the next turn of the loop, in the order they were issued.
 * A lone writer pays one loop turn; a crowd shares one commit instead of paying one each.
 *
 * Several processes may share one file: WAL lets readers run beside the single writer, and
 * `busy_timeout` makes a writer wait for the lock instead of failing with SQLITE_BUSY at once.
 */
import { EventEmitter } from 'node:events';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { KeyvStoreAdapter } from 'keyv';
import { prefixRange } from './key-order.ts';
import { checkSameFile, fileIdentity, walCheckpointed } from './sqlite-file.ts';
import type { RawChange } from './keyv-fact-store.ts';

/** Expired markers are deleted at most this often (one indexed range delete). */
const PRUNE_EVERY_MS = 60_000;

/** How long /forgetme waits for a long reader to let the WAL go, and how often it retries afterwards. */
const SCRUB_FOR_MS = 3000;
const SCRUB_RETRY_MS = 2000;

export interface SqliteKeyvStoreOptions {
  /** File path, or `sqlite://<path>`. `:memory:` works for throwaway stores. */
  uri: string;
  /** How long a writer waits for another process's lock, in ms. */
  busyTimeout?: number;
  table?: string;
  /** Rows fetched per page by `iterator()`. */
  iterationLimit?: number;
}

type Row = { key: string; value: string };

interface QueuedWrite {
  run: () => unknown;
  /** One SQL statement: alone in its batch it autocommits, which is already one transaction. */
  single: boolean;
  resolve: (result: unknown) => void;
  reject: (error: unknown) => void;
}

export class SqliteKeyvStore extends EventEmitter implements KeyvStoreAdapter {
  /** Keyv only offers `iterator()` for adapters whose `opts.dialect` it recognises. */
  readonly opts: {
    dialect: 'sqlite';
    url: string;
    busyTimeout: number;
    table: string;
    iterationLimit: number;
    [option: string]: unknown;
  };
  namespace?: string;
  readonly path: string;
  readonly db: Database.Database; // public for the read helpers kept in their own files (sqlite-text-scan.ts)
  private readonly statements = new Map<string, Database.Statement>();
  private queue: QueuedWrite[] = [];
  private versionThisTurn: number | undefined;
  private flushScheduled = false;
  /** The file this connection opened (device + inode): a file deleted or replaced underneath is noticed. */
  private readonly identity: string | undefined;
  private prunedAt = 0;
  private scrubTimer: NodeJS.Timeout | undefined;
  /** Built once: better-sqlite3's transaction() wrapper is costly to create per commit. */
  private readonly runBatch: (batch: QueuedWrite[]) => unknown[];
  private readonly runOne: (w: QueuedWrite) => unknown;

  constructor(options: SqliteKeyvStoreOptions | string) {
    super();
    const o = typeof options === 'string' ? { uri: options } : options;
    const raw = o.uri.replace(/^sqlite:\/\//, '');
    this.path = raw === ':memory:' ? raw : resolve(raw);
    const table = o.table ?? 'keyv';
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(table)) throw new Error(`Invalid table name: ${table}`);
    this.opts = {
      dialect: 'sqlite',
      url: `sqlite://${this.path}`,
      busyTimeout: o.busyTimeout ?? 5000,
      table,
      iterationLimit: o.iterationLimit ?? 100,
    };
    if (this.path !== ':memory:') mkdirSync(dirname(this.path), { recursive: true });
    this.db = new Database(this.path, { timeout: this.opts.busyTimeout });
    // busy_timeout first, so the WAL switch itself waits if another process holds the lock.
    this.db.pragma(`busy_timeout = ${this.opts.busyTimeout}`);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    // Deleted content (a forgotten participant's comments) is overwritten with zeros, not left in free pages.
    this.db.pragma('secure_delete = ON');
    // WITHOUT ROWID: the primary-key b-tree *is* the table, so range scans read rows in key order.
    this.db.exec(
      `CREATE TABLE IF NOT EXISTS ${table} (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
       CREATE TABLE IF NOT EXISTS ${table}_marks (key TEXT PRIMARY KEY, expires INTEGER NOT NULL) WITHOUT ROWID;
       CREATE INDEX IF NOT EXISTS ${table}_marks_expires ON ${table}_marks (expires);`,
    );
    this.identity = this.path === ':memory:' ? undefined : fileIdentity(this.path);
    this.runBatch = this.db.transaction((batch: QueuedWrite[]) => batch.map((w) => w.run()));
    this.runOne = this.db.transaction((w: QueuedWrite) => w.run());
  }

  /** Prepared statements are cached per SQL text; the table name is validated above. */
  private stmt(sql: string): Database.Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.db.prepare(sql.replaceAll('$table', this.opts.table));
      this.statements.set(sql, s);
    }
    return s;
  }

  async get<Value>(key: string): Promise<Value | undefined> {
    // pluck: the value itself, no row object per read (one per reaction on the hot path).
    return this.stmt('SELECT value FROM $table WHERE key = ? /* pluck */').pluck(true).get(key) as Value | undefined;
  }

  async getMany<Value>(keys: string[]): Promise<Array<Value | undefined>> {
    if (keys.length === 0) return [];
    // json_each binds any number of keys as one parameter (no SQLITE_MAX_VARIABLE_NUMBER limit).
    const rows = this.stmt(
      'SELECT key, value FROM $table WHERE key IN (SELECT value FROM json_each(?))',
    ).all(JSON.stringify(keys)) as Row[];
    const byKey = new Map(rows.map((r) => [r.key, r.value]));
    return keys.map((k) => byKey.get(k) as Value | undefined);
  }

  /** `ttl` is ignored: Keyv stores the expiry inside the serialised value and checks it on read. */
  async set(key: string, value: unknown, _ttl?: number): Promise<boolean> {
    const text = toText(value);
    await this.write(() => this.stmt(UPSERT).run(key, text), true);
    return true;
  }

  async setMany(entries: Array<{ key: string; value: unknown; ttl?: number }>): Promise<void> {
    const rows = entries.map((e) => [e.key, toText(e.value)] as const);
    await this.write(() => {
      for (const [key, text] of rows) this.stmt(UPSERT).run(key, text);
    });
  }

  /** Atomic set-if-absent: true when this call created the row. Safe across processes. */
  setIfAbsent(key: string, value: string): Promise<boolean> {
    return this.write(
      () => this.stmt('INSERT OR IGNORE INTO $table (key, value) VALUES (?, ?)').run(key, value).changes === 1,
      true,
    );
  }

  /** All writes of a change in one transaction, after checking every expectation inside it. */
  commit(change: RawChange): Promise<boolean> {
    return this.write(() => {
      const read = this.stmt('SELECT value FROM $table WHERE key = ?');
      for (const [key, raw] of change.expect) {
        const row = read.get(key) as { value: string } | undefined;
        if (row?.value !== raw) return false;
      }
      for (const [key, raw] of change.set) this.stmt(UPSERT).run(key, raw);
      for (const key of change.delete) this.stmt('DELETE FROM $table WHERE key = ?').run(key);
      return true;
    });
  }

  /** A marker that lives `ttlMs`: true when this call created it (an expired one counts as absent). */
  mark(key: string, ttlMs: number): Promise<boolean> {
    const now = Date.now();
    return this.write(() => {
      if (now - this.prunedAt > PRUNE_EVERY_MS) {
        this.prunedAt = now;
        this.stmt('DELETE FROM $table_marks WHERE expires < ?').run(now);
      } else {
        this.stmt('DELETE FROM $table_marks WHERE key = ? AND expires < ?').run(key, now);
      }
      return this.stmt('INSERT OR IGNORE INTO $table_marks (key, expires) VALUES (?, ?)').run(key, now + ttlMs).changes === 1;
    });
  }

  /** Markers still alive (tests, and the privacy check). */
  markCount(): number {
    return this.stmt('SELECT count(*) FROM $table_marks WHERE expires >= ? /* pluck */').pluck(true).get(Date.now()) as number;
  }

  /**
   * Makes deleted content unreadable on disk now: secure_delete zeroed it in the pages, and a
   * TRUNCATE checkpoint copies those pages into the file and empties the WAL, which still held the
   * old page images. Waits for the writes queued before it.
   */
  async scrub(): Promise<boolean> {
    await this.write(() => undefined);
    const deadline = Date.now() + SCRUB_FOR_MS;
    for (;;) {
      if (this.checkpointed()) return true;
      if (Date.now() >= deadline) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    // Another connection still reads an old snapshot. Keep trying in the background, and say so.
    this.scrubTimer ??= setInterval(() => {
      if (!this.db.open || this.checkpointed()) {
        clearInterval(this.scrubTimer);
        this.scrubTimer = undefined;
      }
    }, SCRUB_RETRY_MS).unref();
    return false;
  }

  private checkpointed(): boolean {
    return this.path === ':memory:' || walCheckpointed(this.db, this.opts.busyTimeout);
  }

  /** Throws when the file this connection writes to is no longer the one at the path. */
  private checkFile(): void {
    if (this.identity !== undefined) checkSameFile(this.path, this.identity);
  }

  /** Queues a write for the next group commit; resolves with its result once committed. */
  private write<T>(run: () => T, single = false): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ run, single, resolve: resolve as (r: unknown) => void, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.flushScheduled = false;
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return;
    try {
      this.checkFile();
    } catch (error) {
      for (const w of batch) w.reject(error);
      return;
    }
    let results: unknown[];
    try {
      // A lone one-statement write autocommits: the same durability as BEGIN…COMMIT, two statements fewer.
      results = batch.length === 1 && batch[0].single ? [batch[0].run()] : this.runBatch(batch);
    } catch (error) {
      if (batch.length === 1) {
        batch[0].reject(error);
        return;
      }
      // One bad write must not fail its neighbours: retry each in its own transaction.
      for (const w of batch) {
        try {
          w.resolve(this.runOne(w));
        } catch (single) {
          w.reject(single);
        }
      }
      return;
    }
    batch.forEach((w, i) => w.resolve(results[i]));
  }

  async has(key: string): Promise<boolean> {
    return this.stmt('SELECT 1 FROM $table WHERE key = ?').get(key) !== undefined;
  }

  async hasMany(keys: string[]): Promise<boolean[]> {
    const values = await this.getMany(keys);
    return values.map((v) => v !== undefined);
  }

  delete(key: string): Promise<boolean> {
    return this.write(() => this.stmt('DELETE FROM $table WHERE key = ?').run(key).changes > 0, true);
  }

  async deleteMany(keys: string[]): Promise<boolean> {
    if (keys.length === 0) return false;
    const list = JSON.stringify(keys);
    return this.write(
      () => this.stmt('DELETE FROM $table WHERE key IN (SELECT value FROM json_each(?))').run(list).changes > 0,
    );
  }

  /** Clears only this adapter's namespace when one is set, like the other Keyv adapters. */
  async clear(): Promise<void> {
    if (!this.namespace) {
      await this.write(() => this.stmt('DELETE FROM $table').run());
      return;
    }
    const [lo, hi] = prefixRange(`${this.namespace}:`);
    await this.write(() =>
      hi === undefined
        ? this.stmt('DELETE FROM $table WHERE key >= ?').run(lo)
        : this.stmt('DELETE FROM $table WHERE key >= ? AND key < ?').run(lo, hi),
    );
  }

  /**
   * Yields [key, rawValue] in key order, a page at a time. Keyset pagination (`key > lastKey`) keeps
   * every page an index seek, and stays correct when Keyv deletes expired rows mid-iteration, which
   * would make LIMIT/OFFSET skip rows.
   */
  async *iterator<Value>(namespace?: string): AsyncGenerator<[string, Value], void> {
    const [lo, hi] = namespace ? prefixRange(`${namespace}:`) : ['', undefined];
    const upper = hi === undefined ? '' : ' AND key < @hi';
    const first = this.stmt(`SELECT key, value FROM $table WHERE key >= @lo${upper} ORDER BY key LIMIT @n`);
    const next = this.stmt(`SELECT key, value FROM $table WHERE key > @lo${upper} ORDER BY key LIMIT @n`);
    const n = this.opts.iterationLimit;
    let rows = first.all({ lo, hi, n }) as Row[];
    while (rows.length > 0) {
      for (const r of rows) yield [r.key, r.value as Value];
      if (rows.length < n) return;
      rows = next.all({ lo: rows[rows.length - 1].key, hi, n }) as Row[];
    }
  }

  /** Every [key, rawValue] whose key starts with `prefix`, in key (byte) order; an index range scan. */
  scanPrefix(prefix: string): Array<[string, string]> {
    const [lo, hi] = prefixRange(prefix);
    // raw(): rows come back as [key, value] arrays, without building an object per row.
    return (
      hi === undefined
        ? this.stmt('SELECT key, value FROM $table WHERE key >= ? ORDER BY key /* raw */').raw(true).all(lo)
        : this.stmt('SELECT key, value FROM $table WHERE key >= ? AND key < ? ORDER BY key /* raw */').raw(true).all(lo, hi)
    ) as Array<[string, string]>;
  }

  /**
   * scanPrefix a page at a time, for callers that only tally: SQLite joins each page into two JSON texts (the
   * keys without the prefix, and the values, which are JSON already), so a page costs two JSON.parse calls
   * instead of a driver row per record: about half the time on a day's reactions. Values arrive parsed.
   * Rows reach the aggregate in the subquery's key order; the two arrays come from one pass, so they align.
   */
  scanPrefixEach(prefix: string, visit: (rest: string, value: unknown) => void): void {
    const [lo, hi] = prefixRange(prefix);
    const from = [...prefix].length + 1; // substr counts characters (code points), from 1
    const upper = hi === undefined ? '' : ' AND key < @hi';
    const page = (op: string) =>
      this.stmt(
        `SELECT json_group_array(substr(key, @from)), '[' || group_concat(value, ',') || ']', max(key), count(*) FROM (SELECT key, value FROM $table WHERE key ${op} @lo${upper} ORDER BY key LIMIT ${SCAN_PAGE}) /* raw */`,
      ).raw(true);
    let row = page('>=').get({ from, lo, hi }) as [string, string, string, number];
    while (row[3] > 0) {
      const rests = JSON.parse(row[0]) as string[];
      const values = JSON.parse(row[1]) as unknown[];
      for (let i = 0; i < values.length; i++) visit(rests[i], values[i]);
      if (row[3] < SCAN_PAGE) return;
      row = page('>').get({ from, lo: row[2], hi }) as [string, string, string, number];
    }
  }

  /**
   * Changes whenever another connection (another process) commits; our own commits leave it alone.
   * Read once per turn of the event loop: every caller in that turn sees the store as of its start,
   * which is what a read at that moment would have seen. (It is asked several times per reaction.)
   */
  dataVersion(): number {
    if (this.versionThisTurn === undefined) {
      this.versionThisTurn = this.stmt('PRAGMA data_version /* pluck */').pluck(true).get() as number;
      setImmediate(() => (this.versionThisTurn = undefined));
    }
    return this.versionThisTurn;
  }

  /** A trivial query: proves the file is still readable. */
  ping(): boolean {
    return this.stmt('SELECT 1 AS ok').get() !== undefined;
  }

  get isOpen(): boolean {
    return this.db.open;
  }

  async disconnect(): Promise<void> {
    clearInterval(this.scrubTimer);
    if (this.queue.length > 0) this.flush(); // queued writes were promised a commit
    if (this.db.open) this.db.close();
  }

  /** Adapter errors are events too; with no listener we stay silent instead of crashing (EventEmitter throws). */
  override emit(event: string | symbol, ...args: unknown[]): boolean {
    if (event === 'error' && this.listenerCount('error') === 0) return false;
    return super.emit(event, ...args);
  }
}

const SCAN_PAGE = 500;

const UPSERT = 'INSERT INTO $table (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value';

/** Keyv always passes strings (its serializer runs first); anything else is stored as JSON. */
function toText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
