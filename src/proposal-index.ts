/**
 * A session's proposals by number, for the check every reaction makes: built once per cached list of
 * rows (the cache replaces the list whenever it changes), so a reaction costs one Map look-up, not a
 * copy, sort and search of every proposal.
 */
import type { Proposal } from './model.ts';

type Rows = ReadonlyArray<[key: string, proposal: Proposal]>;

const indexes = new WeakMap<Rows, Map<number, Proposal>>();

export function proposalByNumber(rows: Rows, n: number): Proposal | undefined {
  let index = indexes.get(rows);
  if (!index) indexes.set(rows, (index = new Map(rows.map(([, p]) => [p.number, p]))));
  return index.get(n);
}
