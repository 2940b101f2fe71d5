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

/**
 * Every row whose key starts with `prefix`, in key (byte) order: the key after the prefix, the stored text, and the
 * index of the first of `patterns` (SQLite GLOB patterns) the text matches, −1 for none. A matching row's text is
 * not fetched ('' is handed instead): a caller that only needs to know which pattern it matched reads no more.
 */
export function scanPrefixText(
  db: Database.Database,
  table: string,
  prefix: string,
  visit: (rest: string, raw: string, match: number) => void,
  patterns: string[] = [],
): void {
  const [start, hi] = prefixRange(prefix);
  const from = [...prefix].length + 1; // substr counts characters (code points), from 1
  const upper = hi === undefined ? '' : ' AND key < @hi';
  const rows = (op: string) => `SELECT key, value FROM ${table} WHERE key ${op} @lo${upper} ORDER BY key LIMIT ${PAGE}`;
  // A matching row stands as one digit: never a stored text, which is a JSON envelope, so the two cannot be confused.
  const text = patterns.length ? `CASE ${patterns.map((_, i) => `WHEN value GLOB @p${i} THEN '${i}'`).join(' ')} ELSE value END` : 'value';
  const page = (op: string) =>
    statement(db, `SELECT json_group_array(substr(key, @from)), group_concat(${text}, char(10)), max(key), count(*) FROM (${rows(op)})`);
  const params: Record<string, unknown> = { from, hi };
  patterns.forEach((pattern, i) => (params[`p${i}`] = pattern));
  let op = '>=';
  params.lo = start;
  for (;;) {
    const [rests, values, last, count] = page(op).get(params) as [string, string | null, string | null, number];
    if (count === 0) return;
    const texts = (values as string).split('\n');
    if (texts.length === count) {
      const names = JSON.parse(rests) as string[];
      for (let i = 0; i < count; i++) {
        const t = texts[i];
        if (t.length === 1 && patterns.length) visit(names[i], '', t.charCodeAt(0) - 48);
        else visit(names[i], t, -1);
      }
    } else {
      const each = statement(db, `SELECT substr(key, @from), value FROM (${rows(op)})`).all({ from, lo: params.lo, hi }) as Array<[string, string]>;
      for (const [rest, raw] of each) visit(rest, raw, -1);
    }
    if (count < PAGE) return;
    op = '>';
    params.lo = last as string;
  }
}
