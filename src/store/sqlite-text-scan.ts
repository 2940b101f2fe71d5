/**
 * A prefix scan of the SQLite store that leaves the values as their stored text, for callers that decode only
 * what they need of each (the digest reads a stance from each of a day's 450,000 reactions; parsing every
 * envelope into objects was most of its time). Read-only; kept beside sqlite-keyv-store.ts, on its connection.
 *
 * A page is two texts SQLite joins itself: the keys' rests as one JSON array, and the values joined by line
 * breaks, which a stored value never holds unescaped (it is JSON text). So a page of rows costs one JSON.parse and
 * one split, not a driver row per record. A page that splits into more parts than it has rows (a value written by
 * some other tool with a raw line break) is read again row by row. Rows reach both aggregates in the subquery's
 * key order in one pass, so the two lists align (as in SqliteKeyvStore.scanPrefixEach).
 */
import type Database from 'better-sqlite3';
import { prefixRange } from './key-order.ts';

/** Rows per page: the page's texts are built by SQLite, so a longer page only means fewer round trips. */
const PAGE = 2000;

const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

function statement(db: Database.Database, sql: string): Database.Statement {
  let cached = statements.get(db);
  if (!cached) statements.set(db, (cached = new Map()));
  let s = cached.get(sql);
  if (!s) cached.set(sql, (s = db.prepare(sql).raw(true)));
  return s;
}

/** Every row whose key starts with `prefix`, in key (byte) order: the key after the prefix, and the stored text. */
export function scanPrefixText(db: Database.Database, table: string, prefix: string, visit: (rest: string, raw: string) => void): void {
  const [start, hi] = prefixRange(prefix);
  const from = [...prefix].length + 1; // substr counts characters (code points), from 1
  const upper = hi === undefined ? '' : ' AND key < @hi';
  const rows = (op: string) => `SELECT key, value FROM ${table} WHERE key ${op} @lo${upper} ORDER BY key LIMIT ${PAGE}`;
  const page = (op: string) =>
    statement(db, `SELECT json_group_array(substr(key, @from)), group_concat(value, char(10)), max(key), count(*) FROM (${rows(op)})`);
  let op = '>=';
  let lo = start;
  for (;;) {
    const [rests, values, last, count] = page(op).get({ from, lo, hi }) as [string, string | null, string | null, number];
    if (count === 0) return;
    const texts = (values as string).split('\n');
    if (texts.length === count) {
      const names = JSON.parse(rests) as string[];
      for (let i = 0; i < count; i++) visit(names[i], texts[i]);
    } else {
      const each = statement(db, `SELECT substr(key, @from), value FROM (${rows(op)})`).all({ from, lo, hi }) as Array<[string, string]>;
      for (const [rest, raw] of each) visit(rest, raw);
    }
    if (count < PAGE) return;
    op = '>';
    lo = last as string;
  }
}
