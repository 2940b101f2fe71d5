/** Synthetic sessions with planted opinion groups, for the tests and the bench (no ../shared needed). */
import type { Stance } from '../../src/model.ts';
import type { StancesByProposal } from '../../src/opinion-groups.ts';
import { seededRandom } from '../../src/linear-algebra.ts';

export interface Planted {
  byProposal: StancesByProposal;
  /** participant → planted group index */
  truth: Map<string, number>;
}

/**
 * `groups` planted groups of `perGroup` people over `proposals` proposals: each group has its own leaning
 * per proposal (support or oppose); a person follows their group's leaning with probability `loyalty`,
 * otherwise votes neutral or the other way, and skips a proposal with probability `skip`.
 * `shared` proposals are supported by every group (the bridging ones).
 */
export function plantedSession(options: {
  groups: number;
  perGroup: number;
  proposals: number;
  loyalty?: number;
  skip?: number;
  shared?: number;
  seed?: number;
}): Planted {
  const { groups, perGroup, proposals, loyalty = 0.85, skip = 0.2, shared = 0, seed = 7 } = options;
  const random = seededRandom(seed);
  const leaning: Stance[][] = [];
  for (let g = 0; g < groups; g++) {
    leaning.push(
      Array.from({ length: proposals }, (_, p): Stance => {
        if (p < shared) return 'support';
        // Distinct patterns per group: bit g of the proposal's number decides, flipped by a seeded coin.
        return ((p >> g) & 1) === (random() < 0.2 ? 1 : 0) ? 'support' : 'oppose';
      }),
    );
  }
  const byProposal: StancesByProposal = new Map();
  for (let p = 1; p <= proposals; p++) byProposal.set(p, new Map());
  const truth = new Map<string, number>();
  for (let g = 0; g < groups; g++) {
    for (let i = 0; i < perGroup; i++) {
      const user = `console:g${g}p${i}`;
      truth.set(user, g);
      let voted = 0;
      for (let p = 1; p <= proposals; p++) {
        if (random() < skip && voted + (proposals - p) >= 5) continue;
        const lean = leaning[g][p - 1];
        const roll = random();
        const stance: Stance = roll < loyalty ? lean : roll < (1 + loyalty) / 2 ? 'neutral' : lean === 'support' ? 'oppose' : 'support';
        byProposal.get(p)?.set(user, { stance });
        voted++;
      }
    }
  }
  return { byProposal, truth };
}
