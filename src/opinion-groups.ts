/**
 * Opinion groups (PRODUCT.md "Opinion groups"): who votes alike, inferred from the current stances alone, and
 * which proposals are backed across those groups. The method is Pol.is's (compdemocracy/polis math,
 * conversation.clj): support 1 / neutral 0 / oppose −1, missing votes at the column mean; two principal
 * axes; a sparsity-aware projection; k-means into base clusters, then k-means of those into 2–5 groups,
 * k chosen by the best silhouette; group-informed consensus Π (support_g + 1) / (reactors_g + 2).
 *
 * Computed from the stances each time it is asked for (never per reaction), so a participant who ran
 * /forgetme is simply absent from the next computation. User ids stay inside this module: what it returns
 * holds group letters and counts only (`placeParticipants` is for the Pol.is replay check).
 */
import type { Stance, StanceCounts } from './model.ts';
import { say, type Locale } from './wording/say.ts';
import { centred, columnMeans, pairwiseDistances, principalAxes, seededRandom, sparsityAwareProjection, weightedSilhouette, type SparseRows } from './linear-algebra.ts';
import { bestKMeans } from './k-means.ts';
import { emptyCounts } from './tally.ts';
import { STANCES, voteMatrix, votesOf, type StancesByProposal, type Votes } from './opinion-votes.ts';

/** PRODUCT.md's threshold: at least this many participants, each with stances on at least MIN_STANCES proposals. */
export const MIN_PARTICIPANTS = 20;
export const MIN_STANCES = 5;
export const MIN_GROUPS = 2;
export const MAX_GROUPS = 5;
/** Pol.is's base clusters: people are first gathered into up to 100 small clusters, which are then grouped. */
const BASE_CLUSTERS = 100;
/** Base clusters only compress the people into weighted points: a few Lloyd steps are enough. */
const BASE_ITERATIONS = 25;
/** One start is enough: replaying the three Pol.is conversations, it matches Pol.is as well as 3 did, or better (vTaiwan ARI 0.86 against 0.82). */
const BASE_RESTARTS = 1;
const GROUP_RESTARTS = 10;
/** A clustering with a group smaller than this (people, and share of those placed) is not considered: one outlier is no opinion group. */
const MIN_GROUP_SIZE = 3;
const MIN_GROUP_SHARE = 0.05;
const SEED = 0x9e3779b9;
/** Bridging: support share in every opinion group with enough reactors on the proposal. */
export const BRIDGING_SHARE = 0.6;
export const BRIDGING_MIN_REACTORS = 3;


export type { StancesByProposal };

export interface OpinionGroup {
  id: string;
  participants: number;
  /** how many of the group's participants declared each stakeholder group (`unspecified` included) */
  byGroup: Record<string, number>;
}

export interface ProposalOpinion {
  byOpinionGroup: Record<string, StanceCounts>;
  gic: number;
  bridging: boolean;
}

export interface OpinionAnalysis {
  groups: OpinionGroup[];
  /** by proposal number */
  proposals: Map<number, ProposalOpinion>;
}

export interface Placement {
  /** participant → group letter, for the participants placed (≥ MIN_STANCES stances) */
  groupOf: Map<string, string>;
  /** letters, largest group first */
  labels: string[];
  silhouette: number;
}

/**
 * Places participants into opinion groups, or returns null below the threshold (or when the votes show no
 * structure at all, e.g. everyone voted the same way). Deterministic: participants are taken in sorted
 * order and every random start comes from a fixed seed.
 */
export function placeParticipants(byProposal: StancesByProposal, seed = SEED): Placement | null {
  return place(votesOf(byProposal), seed)?.placement ?? null;
}

/** A placement with the vote matrix it came from: rows = participants in sorted order, columns = proposals in number order. */
interface Placed {
  placement: Placement;
  numbers: number[];
  matrix: SparseRows;
  /** each row's group, as its position in `placement.labels`; −1 when not placed */
  groupOfRow: Int32Array;
}

function place(votes: Votes, seed: number): Placed | null {
  const { numbers } = votes;
  if (numbers.length < MIN_STANCES) return null;
  const { matrix, rowUsers: users, placedRows } = voteMatrix(votes, MIN_STANCES);
  if (placedRows.length < MIN_PARTICIPANTS) return null;

  // Every participant with a stance shapes the axes; only those placed are clustered (as Pol.is's in-conv).
  const x = centred(matrix, columnMeans(matrix));
  const random = seededRandom(seed);
  const [first, second] = principalAxes(x, 2, random);
  const all = sparsityAwareProjection(x, [first, second]);
  const points = new Float64Array(2 * placedRows.length);
  placedRows.forEach((row, i) => {
    points[2 * i] = all[2 * row];
    points[2 * i + 1] = all[2 * row + 1];
  });

  const base = baseClusters(points, random);
  if (base.weights.length < MIN_GROUPS) return null;
  const maxK = Math.min(MAX_GROUPS, 2 + Math.floor(base.weights.length / 12), base.weights.length);
  const smallest = Math.max(MIN_GROUP_SIZE, Math.ceil(MIN_GROUP_SHARE * placedRows.length));
  let best: { assignment: Int32Array; k: number; silhouette: number } | undefined;
  const distances = pairwiseDistances(base.centres);
  for (let k = MIN_GROUPS; k <= maxK; k++) {
    const clustering = bestKMeans(base.centres, base.weights, k, random, GROUP_RESTARTS);
    const sizes = new Float64Array(k);
    base.weights.forEach((w, b) => (sizes[clustering.assignment[b]] += w));
    if (sizes.some((size) => size < smallest)) continue;
    const silhouette = weightedSilhouette(base.centres, base.weights, clustering.assignment, k, distances);
    if (!best || silhouette > best.silhouette + 1e-9) best = { assignment: clustering.assignment, k, silhouette };
  }
  if (!best) return null;
  const chosen = best;

  // Letters by size (largest first), ties by position, so that the same data always gets the same letters.
  const size = new Float64Array(chosen.k);
  const sumX = new Float64Array(chosen.k);
  const sumY = new Float64Array(chosen.k);
  base.weights.forEach((w, b) => {
    const g = chosen.assignment[b];
    size[g] += w;
    sumX[g] += w * base.centres[2 * b];
    sumY[g] += w * base.centres[2 * b + 1];
  });
  const order = [...Array(chosen.k).keys()]
    .filter((g) => size[g] > 0)
    .sort((a, b) => size[b] - size[a] || sumX[a] / size[a] - sumX[b] / size[b] || sumY[a] / size[a] - sumY[b] / size[b]);
  if (order.length < MIN_GROUPS) return null;
  const rank = new Map(order.map((g, i) => [g, i]));
  const labels = order.map((_, i) => String.fromCharCode(65 + i));
  const groupOf = new Map<string, string>();
  const groupOfRow = new Int32Array(users.length).fill(-1);
  placedRows.forEach((row, i) => {
    const g = rank.get(chosen.assignment[base.memberOf[i]]) as number;
    groupOfRow[row] = g;
    groupOf.set(users[row], labels[g]);
  });
  return { placement: { groupOf, labels, silhouette: chosen.silhouette }, numbers, matrix, groupOfRow };
}

/** Up to 100 small clusters of people (empty ones dropped), each weighted by its members. */
function baseClusters(points: Float64Array, random: () => number) {
  const n = points.length / 2;
  const distinct = new Set<string>();
  for (let i = 0; i < n && distinct.size <= BASE_CLUSTERS; i++) distinct.add(`${points[2 * i]},${points[2 * i + 1]}`);
  const k = Math.min(BASE_CLUSTERS, distinct.size);
  const clustering = bestKMeans(points, new Float64Array(n).fill(1), k, random, BASE_RESTARTS, BASE_ITERATIONS);
  const count = new Float64Array(k);
  for (let i = 0; i < n; i++) count[clustering.assignment[i]] += 1;
  const kept = [...Array(k).keys()].filter((c) => count[c] > 0);
  const index = new Map(kept.map((c, b) => [c, b]));
  const centres = new Float64Array(2 * kept.length);
  kept.forEach((c, b) => {
    centres[2 * b] = clustering.centres[2 * c];
    centres[2 * b + 1] = clustering.centres[2 * c + 1];
  });
  const memberOf = new Int32Array(n);
  for (let i = 0; i < n; i++) memberOf[i] = index.get(clustering.assignment[i]) as number;
  return { centres, weights: Float64Array.from(kept.map((c) => count[c])), memberOf };
}

/** Group-informed consensus: Π over groups of (support_g + 1) / (reactors_g + 2), a number in 0..1. */
export function groupInformedConsensus(groups: Iterable<StanceCounts>): number {
  let product = 1;
  for (const g of groups) product *= (g.support + 1) / (g.support + g.neutral + g.oppose + 2);
  return product;
}

/** Backed by ≥ 60 % in every opinion group with ≥ 3 reactors on it, with at least two such groups. */
export function isBridging(groups: Iterable<StanceCounts>): boolean {
  let weighty = 0;
  for (const g of groups) {
    const reactors = g.support + g.neutral + g.oppose;
    if (reactors < BRIDGING_MIN_REACTORS) continue;
    if (g.support / reactors < BRIDGING_SHARE) return false;
    weighty++;
  }
  return weighty >= 2;
}

/** What the stances alone say: who is placed where, and per proposal the counts per group, GIC and bridging. */
export interface StanceAnalysis {
  placement: Placement | null;
  /** by proposal number */
  proposals: Map<number, ProposalOpinion>;
}

/**
 * Per proposal: counts per opinion group, GIC and bridging. It depends on the stances only, so a caller may
 * keep it while they are unchanged. Below the threshold there are no groups; GIC is then the whole room's
 * (support + 1) / (reactors + 2).
 */
export function analyseStances(byProposal: StancesByProposal, placement?: Placement | null): StanceAnalysis {
  if (placement === undefined) return analyseVotes(votesOf(byProposal));
  const proposals = new Map<number, ProposalOpinion>();
  if (!placement) {
    for (const [n, users] of byProposal) {
      const room = emptyCounts();
      for (const r of users.values()) if (r.stance) room[r.stance] += 1;
      proposals.set(n, { byOpinionGroup: {}, gic: groupInformedConsensus([room]), bridging: false });
    }
    return { placement, proposals };
  }
  const counts = new Int32Array(3 * placement.labels.length);
  for (const [n, users] of byProposal) {
    counts.fill(0);
    for (const [participant, r] of users) {
      const id = placement.groupOf.get(participant);
      if (id && r.stance) counts[3 * placement.labels.indexOf(id) + STANCE_SLOT[r.stance]] += 1;
    }
    proposals.set(n, opinionOf(placement.labels, counts, 0));
  }
  return { placement, proposals };
}

const STANCE_SLOT: Record<Stance, number> = { support: 0, neutral: 1, oppose: 2 };

/** analyseStances from the compact stances (opinion-votes.ts), as the summary reads them: the same result. */
export function analyseVotes(votes: Votes): StanceAnalysis {
  const placed = place(votes, SEED);
  if (placed) return countedFromMatrix(placed);
  const proposals = new Map<number, ProposalOpinion>();
  votes.numbers.forEach((n, j) => {
    const room = emptyCounts();
    for (let e = votes.start[j]; e < votes.start[j + 1]; e++) room[STANCES[votes.stance[e]]] += 1;
    proposals.set(n, { byOpinionGroup: {}, gic: groupInformedConsensus([room]), bridging: false });
  });
  return { placement: null, proposals };
}


/**
 * The same counts as above, from the vote matrix the placement was computed on (typed arrays only, no second
 * pass over the stance maps): matrix values are the raw 1 / 0 / −1, columns the proposals in number order.
 */
function countedFromMatrix({ placement, numbers, matrix, groupOfRow }: Placed): StanceAnalysis {
  const groups = placement.labels.length;
  const counts = new Int32Array(numbers.length * groups * 3); // [column][group][stance]
  for (let i = 0; i < matrix.rows; i++) {
    const g = groupOfRow[i];
    if (g < 0) continue;
    for (let e = matrix.rowStart[i]; e < matrix.rowStart[i + 1]; e++) {
      const v = matrix.value[e];
      counts[(matrix.col[e] * groups + g) * 3 + (v > 0 ? 0 : v === 0 ? 1 : 2)] += 1;
    }
  }
  const proposals = new Map<number, ProposalOpinion>();
  numbers.forEach((n, j) => proposals.set(n, opinionOf(placement.labels, counts, j * groups * 3)));
  return { placement, proposals };
}

/** One proposal's { support, neutral, oppose } per group (from counts[at …]), its GIC and bridging. */
function opinionOf(labels: string[], counts: Int32Array, at: number): ProposalOpinion {
  const byOpinionGroup: Record<string, StanceCounts> = {};
  const list: StanceCounts[] = [];
  labels.forEach((id, g) => {
    const c: StanceCounts = { support: counts[at + 3 * g], neutral: counts[at + 3 * g + 1], oppose: counts[at + 3 * g + 2] };
    byOpinionGroup[id] = c;
    list.push(c);
  });
  return { byOpinionGroup, gic: groupInformedConsensus(list), bridging: isBridging(list) };
}

/** Who makes up each opinion group: declared groups change without a reaction, so this is counted each time. */
export function composeGroups(placement: Placement | null, declaredGroupOf: (participant: string) => string): OpinionGroup[] {
  if (!placement) return [];
  const groups = placement.labels.map((id): OpinionGroup => ({ id, participants: 0, byGroup: {} }));
  const groupById = new Map(groups.map((g) => [g.id, g]));
  for (const [participant, id] of placement.groupOf) {
    const group = groupById.get(id) as OpinionGroup;
    group.participants += 1;
    const declared = declaredGroupOf(participant);
    group.byGroup[declared] = (group.byGroup[declared] ?? 0) + 1;
  }
  return groups;
}

/** The session's opinion groups (with their make-up) and, per proposal, the counts per group, GIC and bridging. */
export function analyseOpinions(
  byProposal: StancesByProposal,
  declaredGroupOf: (participant: string) => string,
  stances: StanceAnalysis = analyseStances(byProposal),
): OpinionAnalysis {
  return { groups: composeGroups(stances.placement, declaredGroupOf), proposals: stances.proposals };
}

/**
 * The summary's line on opinion groups, or null below the threshold:
 * `Bridging: P3, P7 — broad support among people who otherwise vote differently (opinion groups A 34 · B 12)`.
 */
const MAX_CODES_LISTED = 25;

export function bridgingLine(summary: { opinionGroups: OpinionGroup[]; proposals: Array<{ code: string; bridging: boolean }> }, locale?: Locale): string | null {
  if (summary.opinionGroups.length === 0) return null;
  const all = summary.proposals.filter((p) => p.bridging).map((p) => p.code);
  // In ranked order; a long list is cut so the line fits every platform's text limits.
  const codes = all.length > MAX_CODES_LISTED
    ? [...all.slice(0, MAX_CODES_LISTED), say('view.bridging.more', { count: all.length - MAX_CODES_LISTED }, locale)]
    : all;
  const groups = say('view.bridging.groups', { list: summary.opinionGroups.map((g) => `${g.id} ${g.participants}`).join(' · ') }, locale);
  return codes.length ? say('view.bridging.some', { codes: codes.join(', '), groups }, locale) : say('view.bridging.none', { groups }, locale);
}
