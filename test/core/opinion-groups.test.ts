import { describe, expect, it } from 'vitest';
import {
  MIN_PARTICIPANTS,
  analyseOpinions,
  bridgingLine,
  groupInformedConsensus,
  isBridging,
  placeParticipants,
  type StancesByProposal,
} from '../../src/opinion-groups.ts';
import { adjustedRandIndex, spearman } from '../../scripts/agreement.ts';
import { plantedSession } from './opinion-groups-synthetic.ts';

function agreement(placement: NonNullable<ReturnType<typeof placeParticipants>>, truth: Map<string, number>): number {
  const users = [...placement.groupOf.keys()];
  return adjustedRandIndex(users.map((u) => truth.get(u) as number), users.map((u) => placement.groupOf.get(u) as string));
}

/** The same stances inserted in another order (maps keep insertion order). */
function shuffled(byProposal: StancesByProposal): StancesByProposal {
  const out: StancesByProposal = new Map();
  for (const n of [...byProposal.keys()].reverse()) out.set(n, new Map([...(byProposal.get(n) ?? [])].reverse()));
  return out;
}

describe('opinion groups: inference', () => {
  it('recovers two planted groups', () => {
    const { byProposal, truth } = plantedSession({ groups: 2, perGroup: 40, proposals: 12 });
    const placement = placeParticipants(byProposal);
    expect(placement).not.toBeNull();
    expect(placement?.labels).toEqual(['A', 'B']);
    expect(agreement(placement!, truth)).toBeGreaterThan(0.8); // 15 % of the votes go against the group
  });

  it('recovers three planted groups and chooses k = 3 by silhouette', () => {
    const { byProposal, truth } = plantedSession({ groups: 3, perGroup: 50, proposals: 16, loyalty: 0.9, seed: 11 });
    const placement = placeParticipants(byProposal);
    expect(placement?.labels).toEqual(['A', 'B', 'C']);
    expect(agreement(placement!, truth)).toBeGreaterThan(0.85);
  });

  it('is deterministic: the same stances in any order give the same groups and letters', () => {
    const { byProposal } = plantedSession({ groups: 3, perGroup: 30, proposals: 10, seed: 3 });
    const a = placeParticipants(byProposal);
    const b = placeParticipants(byProposal);
    const c = placeParticipants(shuffled(byProposal));
    expect([...(b?.groupOf ?? [])]).toEqual([...(a?.groupOf ?? [])]);
    expect(new Map(c?.groupOf)).toEqual(new Map(a?.groupOf));
  });

  it('another seed finds the same planted groups', () => {
    const { byProposal } = plantedSession({ groups: 3, perGroup: 40, proposals: 12, loyalty: 0.9, seed: 9 });
    const a = placeParticipants(byProposal);
    const b = placeParticipants(byProposal, 12345);
    const users = [...(a?.groupOf.keys() ?? [])];
    expect(users.length).toBe(120);
    expect(adjustedRandIndex(users.map((u) => a?.groupOf.get(u) ?? ''), users.map((u) => b?.groupOf.get(u) ?? ''))).toBeGreaterThan(0.95);
  });

  it('needs 20 participants with stances on at least 5 proposals; the others are not placed', () => {
    const { byProposal } = plantedSession({ groups: 2, perGroup: 10, proposals: 8 });
    expect(placeParticipants(byProposal)?.groupOf.size).toBe(MIN_PARTICIPANTS);
    // One person fewer: below the threshold.
    for (const users of byProposal.values()) users.delete('console:g0p0');
    expect(placeParticipants(byProposal)).toBeNull();
    // Someone with 4 stances counts as a participant of the session but is not placed.
    for (const n of [1, 2, 3, 4]) byProposal.get(n)?.set('console:light', { stance: 'support' });
    for (const users of byProposal.values()) users.set('console:g0p0', { stance: 'oppose' });
    const placement = placeParticipants(byProposal);
    expect(placement?.groupOf.size).toBe(20);
    expect(placement?.groupOf.has('console:light')).toBe(false);
  });

  it('a session of fewer than 5 proposals never has opinion groups', () => {
    const { byProposal } = plantedSession({ groups: 2, perGroup: 30, proposals: 4, skip: 0 });
    expect(placeParticipants(byProposal)).toBeNull();
  });

  it('finds no groups when everyone votes the same way', () => {
    const byProposal: StancesByProposal = new Map();
    for (let n = 1; n <= 6; n++) byProposal.set(n, new Map(Array.from({ length: 30 }, (_, i) => [`console:u${i}`, { stance: 'support' as const }])));
    expect(placeParticipants(byProposal)).toBeNull();
    const analysis = analyseOpinions(byProposal, () => 'unspecified');
    expect(analysis.groups).toEqual([]);
    expect(analysis.proposals.get(1)).toEqual({ byOpinionGroup: {}, gic: 31 / 32, bridging: false });
  });
});

describe('opinion groups: GIC and bridging', () => {
  it('GIC is the product over groups of (support + 1) / (reactors + 2)', () => {
    expect(groupInformedConsensus([{ support: 8, neutral: 1, oppose: 1 }, { support: 2, neutral: 0, oppose: 4 }])).toBeCloseTo((9 / 12) * (3 / 8), 12);
    expect(groupInformedConsensus([{ support: 0, neutral: 0, oppose: 0 }, { support: 0, neutral: 0, oppose: 0 }])).toBeCloseTo(0.25, 12);
  });

  it('bridging: ≥ 60 % support in every group with ≥ 3 reactors, at least two such groups', () => {
    const c = (support: number, neutral: number, oppose: number) => ({ support, neutral, oppose });
    expect(isBridging([c(3, 2, 0), c(6, 1, 3)])).toBe(true); // exactly 0.6 and 0.6
    expect(isBridging([c(3, 2, 0), c(5, 2, 3)])).toBe(false); // 0.5 in one group
    expect(isBridging([c(3, 0, 0), c(0, 0, 2)])).toBe(false); // only one group has 3 reactors
    expect(isBridging([c(3, 0, 0), c(3, 0, 0), c(0, 1, 1)])).toBe(true); // the thin group does not count
  });

  it('marks the proposals every planted group supports as bridging, and no divisive one', () => {
    const { byProposal } = plantedSession({ groups: 2, perGroup: 30, proposals: 10, shared: 2, loyalty: 0.9 });
    const analysis = analyseOpinions(byProposal, (u) => (u.includes('g0') ? 'government' : 'civil-society'));
    expect(analysis.groups.map((g) => g.participants).reduce((a, b) => a + b)).toBe(60);
    // Each opinion group is (nearly) one declared group: who makes it up, without naming anyone.
    const makeUp = analysis.groups.map((g) => Object.entries(g.byGroup).sort(([, a], [, b]) => b - a)[0]);
    expect(makeUp.map(([group]) => group).sort()).toEqual(['civil-society', 'government']);
    for (const [, count] of makeUp) expect(count).toBeGreaterThanOrEqual(28);
    expect(analysis.proposals.get(1)?.bridging).toBe(true);
    expect(analysis.proposals.get(2)?.bridging).toBe(true);
    const divisive = [...analysis.proposals.entries()].filter(([, p]) => {
      const [a, b] = Object.values(p.byOpinionGroup);
      return a.support > a.oppose !== b.support > b.oppose;
    });
    expect(divisive.length).toBeGreaterThan(0);
    for (const [, p] of divisive) expect(p.bridging).toBe(false);
    // A proposal one group opposes ranks below both shared ones by GIC.
    const shared = Math.min(analysis.proposals.get(1)?.gic ?? 0, analysis.proposals.get(2)?.gic ?? 0);
    for (const [, p] of divisive) expect(p.gic).toBeLessThan(shared);
  });

  it('names the bridging proposals in one line', () => {
    const opinionGroups = [{ id: 'A', participants: 34, byGroup: {} }, { id: 'B', participants: 12, byGroup: {} }];
    const proposals = [{ code: 'P3', bridging: true }, { code: 'P5', bridging: false }, { code: 'P7', bridging: true }];
    expect(bridgingLine({ opinionGroups, proposals })).toBe(
      'Bridging: P3, P7 — broad support among people who otherwise vote differently (opinion groups A 34 · B 12)',
    );
    expect(bridgingLine({ opinionGroups, proposals: [{ code: 'P1', bridging: false }] })).toBe(
      'Bridging: none — no proposal has broad support in every opinion group (opinion groups A 34 · B 12)',
    );
    expect(bridgingLine({ opinionGroups: [], proposals })).toBeNull();
    const many = Array.from({ length: 40 }, (_, i) => ({ code: `P${i + 1}`, bridging: true }));
    expect(bridgingLine({ opinionGroups, proposals: many })).toMatch(/^Bridging: P1, P2, .*P25, and 15 more — /);
  });
});

describe('agreement measures of the Pol.is check', () => {
  it('adjusted Rand index', () => {
    expect(adjustedRandIndex([0, 0, 1, 1], ['b', 'b', 'a', 'a'])).toBe(1);
    expect(adjustedRandIndex([0, 0, 1, 1], [0, 0, 1, 2])).toBeCloseTo(0.5714285714, 9);
    expect(adjustedRandIndex([0, 0, 0, 1, 1, 1], [0, 1, 2, 0, 1, 2])).toBeLessThan(0);
  });

  it('Spearman with ties', () => {
    expect(spearman([1, 2, 3, 4, 5], [5, 6, 7, 8, 7])).toBeCloseTo(0.8207826817, 9);
    expect(spearman([1, 2, 3], [30, 20, 10])).toBeCloseTo(-1, 12);
  });
});
