/**
 * Weighted k-means on 2-D points (opinion groups' base clusters and groups), with seeded k-means++ starts.
 *
 * Written as small functions that allocate nothing inside their loops: one long function with its typed
 * arrays made between loops was optimised mid-loop (on-stack replacement) and thrown back to the interpreter
 * at the next allocation it had not yet seen, dozens of times per digest (node --trace-deopt: "insufficient
 * type feedback for construct"), which made a cold digest's k-means ≈ 2.5× slower than a warm one.
 * The arithmetic, and its order, is unchanged: same input, same output.
 */

export interface Clustering {
  k: number;
  /** cluster of each point */
  assignment: Int32Array;
  /** centres, x, y interleaved */
  centres: Float64Array;
  /** weighted sum of squared distances to the centres */
  inertia: number;
}

/** Above this many centres, the assignment step prunes by x (base clusters: 100 centres). */
const PRUNE_FROM = 8;

/** Scratch arrays of one k-means run, made once before its loops. */
interface Work {
  n: number;
  k: number;
  points: Float64Array;
  weights: Float64Array;
  centres: Float64Array;
  assignment: Int32Array;
  sumX: Float64Array;
  sumY: Float64Array;
  mass: Float64Array;
  byX: Int32Array;
  sortedX: Float64Array;
  /** what the last assignment step found */
  moved: number;
  inertia: number;
}

/** Weighted k-means on 2-D points: k-means++ starts, Lloyd steps until nothing moves. */
export function kMeans(points: Float64Array, weights: Float64Array, k: number, random: () => number, maxIterations = 100): Clustering {
  const n = points.length / 2;
  const work: Work = {
    n,
    k,
    points,
    weights,
    centres: seedCentres(points, weights, k, random),
    assignment: new Int32Array(n).fill(-1),
    sumX: new Float64Array(k),
    sumY: new Float64Array(k),
    mass: new Float64Array(k),
    byX: Int32Array.from({ length: k }, (_, c) => c),
    sortedX: new Float64Array(k),
    moved: 0,
    inertia: 0,
  };
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    if (k > PRUNE_FROM) {
      sortByX(work.centres, work.byX, work.sortedX);
      assignPruned(work);
    } else {
      assignAll(work);
    }
    if (work.moved === 0) break;
    moveCentres(work);
  }
  return { k, assignment: work.assignment, centres: work.centres, inertia: work.inertia };
}

/** k-means++: each next centre drawn in proportion to weight × squared distance to the nearest centre so far. */
function seedCentres(points: Float64Array, weights: Float64Array, k: number, random: () => number): Float64Array {
  const n = points.length / 2;
  const centres = new Float64Array(2 * k);
  const nearest = new Float64Array(n).fill(Infinity);
  const scaled = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) total += weights[i];
  let pick = pickWeighted(weights, total, random);
  for (let c = 0; c < k; c++) {
    const cx = points[2 * pick];
    const cy = points[2 * pick + 1];
    centres[2 * c] = cx;
    centres[2 * c + 1] = cy;
    if (c === k - 1) break;
    const mass = nearestScaled(points, weights, cx, cy, nearest, scaled);
    pick = mass === 0 ? Math.floor(random() * n) : pickWeighted(scaled, mass, random);
  }
  return centres;
}

/** Lowers each point's squared distance to its nearest centre with the centre (cx, cy); returns Σ weight × it. */
function nearestScaled(points: Float64Array, weights: Float64Array, cx: number, cy: number, nearest: Float64Array, scaled: Float64Array): number {
  let mass = 0;
  for (let i = 0; i < nearest.length; i++) {
    const d = (points[2 * i] - cx) ** 2 + (points[2 * i + 1] - cy) ** 2;
    if (d < nearest[i]) nearest[i] = d;
    scaled[i] = weights[i] * nearest[i];
    mass += scaled[i];
  }
  return mass;
}

/** Each point to its nearest centre (lowest index on a tie), scanning every centre. */
function assignAll(w: Work) {
  const { n, k, points, weights, centres, assignment } = w;
  let moved = 0;
  let inertia = 0;
  for (let i = 0; i < n; i++) {
    const px = points[2 * i];
    const py = points[2 * i + 1];
    let best = 0;
    let bestD = Infinity;
    for (let c = 0; c < k; c++) {
      const d = (px - centres[2 * c]) ** 2 + (py - centres[2 * c + 1]) ** 2;
      if (d < bestD) {
        bestD = d;
        best = c;
      }
    }
    inertia += weights[i] * bestD;
    if (assignment[i] !== best) {
      assignment[i] = best;
      moved++;
    }
  }
  w.moved = moved;
  w.inertia = inertia;
}

/**
 * Same answer as assignAll (nearest centre, lowest index on a tie), visiting only the centres whose x is
 * within the best distance so far: any other is strictly farther. Needs byX / sortedX from sortByX.
 */
function assignPruned(w: Work) {
  const { n, k, points, weights, centres, assignment, byX, sortedX } = w;
  let moved = 0;
  let inertia = 0;
  for (let i = 0; i < n; i++) {
    const px = points[2 * i];
    const py = points[2 * i + 1];
    let best = 0;
    let bestD = Infinity;
    if (assignment[i] >= 0) {
      best = assignment[i];
      bestD = (px - centres[2 * best]) ** 2 + (py - centres[2 * best + 1]) ** 2;
    }
    const from = firstAtLeast(sortedX, px);
    for (let j = from; j < k && (sortedX[j] - px) ** 2 <= bestD; j++) {
      const c = byX[j];
      const d = (px - centres[2 * c]) ** 2 + (py - centres[2 * c + 1]) ** 2;
      if (d < bestD || (d === bestD && c < best)) {
        bestD = d;
        best = c;
      }
    }
    for (let j = from - 1; j >= 0 && (px - sortedX[j]) ** 2 <= bestD; j--) {
      const c = byX[j];
      const d = (px - centres[2 * c]) ** 2 + (py - centres[2 * c + 1]) ** 2;
      if (d < bestD || (d === bestD && c < best)) {
        bestD = d;
        best = c;
      }
    }
    inertia += weights[i] * bestD;
    if (assignment[i] !== best) {
      assignment[i] = best;
      moved++;
    }
  }
  w.moved = moved;
  w.inertia = inertia;
}

/** Every centre to the weighted mean of its points; an empty cluster keeps its centre. */
function moveCentres(w: Work) {
  const { n, k, points, weights, centres, assignment, sumX, sumY, mass } = w;
  sumX.fill(0);
  sumY.fill(0);
  mass.fill(0);
  for (let i = 0; i < n; i++) {
    const c = assignment[i];
    sumX[c] += weights[i] * points[2 * i];
    sumY[c] += weights[i] * points[2 * i + 1];
    mass[c] += weights[i];
  }
  for (let c = 0; c < k; c++) {
    if (mass[c] === 0) continue;
    centres[2 * c] = sumX[c] / mass[c];
    centres[2 * c + 1] = sumY[c] / mass[c];
  }
}

/**
 * Orders the centres by x (ties by index) into byX / sortedX. Insertion sort from the previous order: centres
 * move little between Lloyd steps, so this is close to one pass. byX must hold a permutation on entry.
 */
function sortByX(centres: Float64Array, byX: Int32Array, sortedX: Float64Array) {
  for (let j = 1; j < byX.length; j++) {
    const c = byX[j];
    const x = centres[2 * c];
    let i = j - 1;
    while (i >= 0 && (centres[2 * byX[i]] > x || (centres[2 * byX[i]] === x && byX[i] > c))) {
      byX[i + 1] = byX[i];
      i--;
    }
    byX[i + 1] = c;
  }
  for (let j = 0; j < byX.length; j++) sortedX[j] = centres[2 * byX[j]];
}

/** The first position whose value is ≥ x in an ascending array (its length when none is). */
function firstAtLeast(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function pickWeighted(weights: Float64Array, total: number, random: () => number): number {
  let r = random() * total;
  for (let i = 0; i < weights.length; i++) {
    r -= weights[i];
    if (r < 0) return i;
  }
  return weights.length - 1;
}

/** The best (lowest inertia) of several seeded k-means runs. */
export function bestKMeans(points: Float64Array, weights: Float64Array, k: number, random: () => number, restarts: number, maxIterations = 100): Clustering {
  let best: Clustering | undefined;
  for (let r = 0; r < restarts; r++) {
    const run = kMeans(points, weights, k, random, maxIterations);
    if (!best || run.inertia < best.inertia - 1e-12) best = run;
  }
  return best as Clustering;
}
