/** How far two results agree: adjusted Rand index of two partitions, Spearman's rank correlation of two scores. */

/**
 * Adjusted Rand index (Hubert & Arabie) of two labelings of the same items: 1 for the same partition
 * (whatever the names of the parts), about 0 for chance agreement.
 */
export function adjustedRandIndex(a: ArrayLike<string | number>, b: ArrayLike<string | number>): number {
  if (a.length !== b.length) throw new Error(`ARI needs two labelings of the same items (${a.length} ≠ ${b.length})`);
  const n = a.length;
  const pairs = (m: number) => (m * (m - 1)) / 2;
  const cells = new Map<string, number>();
  const rows = new Map<string | number, number>();
  const cols = new Map<string | number, number>();
  for (let i = 0; i < n; i++) {
    const key = `${a[i]}\u0000${b[i]}`;
    cells.set(key, (cells.get(key) ?? 0) + 1);
    rows.set(a[i], (rows.get(a[i]) ?? 0) + 1);
    cols.set(b[i], (cols.get(b[i]) ?? 0) + 1);
  }
  let index = 0;
  for (const m of cells.values()) index += pairs(m);
  let sumRows = 0;
  for (const m of rows.values()) sumRows += pairs(m);
  let sumCols = 0;
  for (const m of cols.values()) sumCols += pairs(m);
  const expected = (sumRows * sumCols) / pairs(n);
  const max = (sumRows + sumCols) / 2;
  return max === expected ? 1 : (index - expected) / (max - expected);
}

/** Ranks 1…n, ties sharing their mean rank. */
export function ranks(values: ArrayLike<number>): Float64Array {
  const order = [...Array(values.length).keys()].sort((i, j) => values[i] - values[j]);
  const rank = new Float64Array(values.length);
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && values[order[end + 1]] === values[order[start]]) end++;
    for (let t = start; t <= end; t++) rank[order[t]] = (start + end) / 2 + 1;
    start = end + 1;
  }
  return rank;
}

/** Spearman's ρ: Pearson correlation of the ranks (ties handled). */
export function spearman(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`Spearman needs two scores of the same items (${a.length} ≠ ${b.length})`);
  const ra = ranks(a);
  const rb = ranks(b);
  const n = ra.length;
  const mean = (n + 1) / 2;
  let num = 0;
  let da = 0;
  let db = 0;
  for (let i = 0; i < n; i++) {
    num += (ra[i] - mean) * (rb[i] - mean);
    da += (ra[i] - mean) ** 2;
    db += (rb[i] - mean) ** 2;
  }
  return da === 0 || db === 0 ? 0 : num / Math.sqrt(da * db);
}
