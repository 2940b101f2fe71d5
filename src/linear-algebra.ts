/**
 * The few numeric steps opinion groups need, written here rather than taken from ml-pca / ml-kmeans: the vote
 * matrix is sparse (most people react to a few proposals), and once each column is centred a missing vote is
 * exactly 0, so power iteration touches only the votes cast (O(votes) per step) where a dense PCA library
 * would first build and decompose a participants × proposals matrix. k-means and the silhouette run on 2-D
 * points, a few dozen lines with typed arrays. Everything random is seeded: same input, same output.
 */

/** mulberry32: a small seeded generator, good enough for starting points. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Rows of a sparse matrix (compressed sparse rows): row i holds entries rowStart[i] … rowStart[i+1]−1. */
export interface SparseRows {
  rows: number;
  cols: number;
  rowStart: Int32Array;
  col: Int32Array;
  value: Float64Array;
}

/** Column means over the entries present (0 for an empty column). */
export function columnMeans(m: SparseRows): Float64Array {
  const sum = new Float64Array(m.cols);
  const count = new Float64Array(m.cols);
  for (let e = 0; e < m.col.length; e++) {
    sum[m.col[e]] += m.value[e];
    count[m.col[e]] += 1;
  }
  for (let j = 0; j < m.cols; j++) sum[j] = count[j] ? sum[j] / count[j] : 0;
  return sum;
}

/** The same matrix with each present entry minus its column mean: missing entries stand at the mean (= 0). */
export function centred(m: SparseRows, means: Float64Array): SparseRows {
  const value = new Float64Array(m.value.length);
  for (let e = 0; e < value.length; e++) value[e] = m.value[e] - means[m.col[e]];
  return { ...m, value };
}

const dot = (a: Float64Array, b: Float64Array) => {
  let s = 0;
  for (let j = 0; j < a.length; j++) s += a[j] * b[j];
  return s;
};

function normalise(v: Float64Array): number {
  const length = Math.sqrt(dot(v, v));
  if (length > 0) for (let j = 0; j < v.length; j++) v[j] /= length;
  return length;
}

/** v ← v − Σ (v·p) p over the components already found (deflation, as Gram–Schmidt). */
function removeFound(v: Float64Array, found: Float64Array[]) {
  for (const p of found) {
    const c = dot(v, p);
    for (let j = 0; j < v.length; j++) v[j] -= c * p[j];
  }
}

/**
 * The first `k` principal axes of a centred sparse matrix by power iteration on XᵀX with deflation.
 * An axis is all zeros when the data has no variance left in any direction.
 */
export function principalAxes(x: SparseRows, k: number, random: () => number, maxIterations = 300, tolerance = 1e-8): Float64Array[] {
  // With few columns (a session's proposals), XᵀX itself is small: build it once (O(Σ votes per row²)) and
  // iterate on it (O(columns²) a step) instead of passing over every vote twice per step.
  const gram = x.cols * x.cols <= 2 * x.col.length ? gramOf(x) : undefined;
  const found: Float64Array[] = [];
  const rowDot = new Float64Array(x.rows);
  for (let c = 0; c < k; c++) {
    let v: Float64Array = new Float64Array(x.cols);
    for (let j = 0; j < x.cols; j++) v[j] = random() - 0.5;
    removeFound(v, found);
    if (normalise(v) === 0) {
      found.push(new Float64Array(x.cols));
      continue;
    }
    for (let iteration = 0; iteration < maxIterations; iteration++) {
      const next = gram ? multiplyDense(gram, x.cols, v) : multiplyGramSparse(x, v, rowDot);
      removeFound(next, found);
      if (normalise(next) === 0) {
        v = next;
        break;
      }
      let change = 0;
      for (let j = 0; j < x.cols; j++) change += (next[j] - v[j]) ** 2;
      v = next;
      if (change < tolerance) break;
    }
    found.push(v);
  }
  return found;
}

/** XᵀX as a dense columns × columns matrix (row-major), from the entries present. */
function gramOf(x: SparseRows): Float64Array {
  const n = x.cols;
  const g = new Float64Array(n * n);
  for (let i = 0; i < x.rows; i++) {
    const start = x.rowStart[i];
    const end = x.rowStart[i + 1];
    for (let e = start; e < end; e++) {
      const a = x.value[e];
      if (a === 0) continue;
      const row = x.col[e] * n;
      for (let f = start; f < end; f++) g[row + x.col[f]] += a * x.value[f];
    }
  }
  return g;
}

function multiplyDense(g: Float64Array, n: number, v: Float64Array): Float64Array {
  const next = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    let s = 0;
    const row = r * n;
    for (let j = 0; j < n; j++) s += g[row + j] * v[j];
    next[r] = s;
  }
  return next;
}

/** Xᵀ (X v), touching only the entries present. */
function multiplyGramSparse(x: SparseRows, v: Float64Array, rowDot: Float64Array): Float64Array {
  for (let i = 0; i < x.rows; i++) {
    let s = 0;
    for (let e = x.rowStart[i]; e < x.rowStart[i + 1]; e++) s += x.value[e] * v[x.col[e]];
    rowDot[i] = s;
  }
  const next = new Float64Array(x.cols);
  for (let i = 0; i < x.rows; i++) {
    const s = rowDot[i];
    if (s === 0) continue;
    for (let e = x.rowStart[i]; e < x.rowStart[i + 1]; e++) next[x.col[e]] += s * x.value[e];
  }
  return next;
}

/**
 * Each row projected on two axes from the votes it has, then scaled by √(columns / votes) so that someone
 * who voted on few proposals is not pulled to the centre by the votes they did not cast (Pol.is's
 * sparsity-aware projection). Returns x, y interleaved.
 */
export function sparsityAwareProjection(x: SparseRows, axes: [Float64Array, Float64Array]): Float64Array {
  const [a, b] = axes;
  const points = new Float64Array(2 * x.rows);
  for (let i = 0; i < x.rows; i++) {
    let p = 0;
    let q = 0;
    const start = x.rowStart[i];
    const end = x.rowStart[i + 1];
    for (let e = start; e < end; e++) {
      p += x.value[e] * a[x.col[e]];
      q += x.value[e] * b[x.col[e]];
    }
    const scale = Math.sqrt(x.cols / Math.max(end - start, 1));
    points[2 * i] = p * scale;
    points[2 * i + 1] = q * scale;
  }
  return points;
}

/**
 * Mean silhouette of a clustering of weighted points, where a point of weight w stands for w people at
 * the same place (a base cluster): for one of those people, a = mean distance to the others of their
 * cluster, b = mean distance to the nearest other cluster; s = (b − a) / max(a, b), 0 when alone.
 */
export function weightedSilhouette(
  points: Float64Array,
  weights: Float64Array,
  assignment: Int32Array,
  k: number,
  distances: Float64Array = pairwiseDistances(points),
): number {
  const n = points.length / 2;
  const clusterMass = new Float64Array(k);
  for (let i = 0; i < n; i++) clusterMass[assignment[i]] += weights[i];
  const toCluster = new Float64Array(k);
  let sum = 0;
  let people = 0;
  for (let i = 0; i < n; i++) {
    toCluster.fill(0);
    const row = i * n;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      toCluster[assignment[j]] += weights[j] * distances[row + j];
    }
    const own = assignment[i];
    const others = clusterMass[own] - 1;
    people += weights[i];
    if (others <= 0) continue; // alone in its cluster: s = 0
    const a = toCluster[own] / others;
    let b = Infinity;
    for (let c = 0; c < k; c++) if (c !== own && clusterMass[c] > 0) b = Math.min(b, toCluster[c] / clusterMass[c]);
    if (!Number.isFinite(b)) continue;
    const s = Math.max(a, b) > 0 ? (b - a) / Math.max(a, b) : 0;
    sum += weights[i] * s;
  }
  return people > 0 ? sum / people : 0;
}

/** Every distance between 2-D points, n × n row-major: computed once when several clusterings are scored. */
export function pairwiseDistances(points: Float64Array): Float64Array {
  const n = points.length / 2;
  const d = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const value = Math.hypot(points[2 * i] - points[2 * j], points[2 * i + 1] - points[2 * j + 1]);
      d[i * n + j] = value;
      d[j * n + i] = value;
    }
  }
  return d;
}
