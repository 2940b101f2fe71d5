/** Pure arithmetic of the summary: counts, per-group breakdown, labels and Wilson ranking. */
import { UNSPECIFIED, type Stance, type StanceCounts } from './model.ts';

export type Label = 'consensus' | 'divisive' | null;

export interface Tally extends StanceCounts {
  reactors: number;
  byGroup: Record<string, StanceCounts>;
}

export function emptyCounts(): StanceCounts {
  return { support: 0, neutral: 0, oppose: 0 };
}

/** Tally current stances; `groupOf` gives each participant's current group. */
export function tallyStances(
  stances: Iterable<[participant: string, stance: Stance]>,
  groupOf: (participant: string) => string,
): Tally {
  const tally: Tally = { ...emptyCounts(), reactors: 0, byGroup: {} };
  for (const [participant, stance] of stances) {
    tally[stance] += 1;
    tally.reactors += 1;
    const group = groupOf(participant);
    const counts = (tally.byGroup[group] ??= emptyCounts());
    counts[stance] += 1;
  }
  return tally;
}

const Z = 1.96;

/** Lower bound of the Wilson score interval for `positive` successes in `total` trials (z = 1.96). */
export function wilsonLowerBound(positive: number, total: number): number {
  if (total <= 0 || positive <= 0) return 0; // exactly 0, never a floating residue
  const p = positive / total;
  const z2 = Z * Z;
  const centre = p + z2 / (2 * total);
  const margin = Z * Math.sqrt((p * (1 - p)) / total + z2 / (4 * total * total));
  return Math.max(0, (centre - margin) / (1 + z2 / total));
}

const reactorsOf = (c: StanceCounts) => c.support + c.neutral + c.oppose;

/** Declared groups (not `unspecified`) with at least three reactors: the ones that can carry a label. */
function weightyGroups(byGroup: Record<string, StanceCounts>): StanceCounts[] {
  return Object.entries(byGroup)
    .filter(([group, counts]) => group !== UNSPECIFIED && reactorsOf(counts) >= 3)
    .map(([, counts]) => counts);
}

export function labelOf(tally: Tally): Label {
  const groups = weightyGroups(tally.byGroup);
  if (
    tally.reactors >= 5 &&
    tally.support / tally.reactors >= 0.6 &&
    groups.length >= 2 &&
    groups.every((g) => g.support / reactorsOf(g) >= 0.5)
  ) {
    return 'consensus';
  }
  const backers = groups.filter((g) => g.support / reactorsOf(g) >= 0.6);
  const opponents = groups.filter((g) => g.oppose / reactorsOf(g) >= 0.6);
  // A group cannot both back (≥0.6) and oppose (≥0.6) at once, so any pair is two different groups.
  if (backers.length > 0 && opponents.length > 0) return 'divisive';
  return null;
}

export interface Rankable {
  number: number;
  support: number;
  reactors: number;
}

/** Wilson lower bound of support/reactors, then reactors, then code number. */
export function compareRank(a: Rankable, b: Rankable): number {
  const wa = wilsonLowerBound(a.support, a.reactors);
  const wb = wilsonLowerBound(b.support, b.reactors);
  if (wa !== wb) return wb - wa;
  if (a.reactors !== b.reactors) return b.reactors - a.reactors;
  return a.number - b.number;
}
