import { describe, expect, it } from 'vitest';
import { compareRank, labelOf, tallyStances, wilsonLowerBound, type Tally } from '../../src/tally.ts';
import type { Stance } from '../../src/model.ts';

describe('Wilson lower bound (z = 1.96)', () => {
  it.each([
    // worked by hand: (p + z²/2n − z·√(p(1−p)/n + z²/4n²)) / (1 + z²/n)
    [8, 10, 0.490157],
    [5, 10, 0.236593],
    [1, 1, 0.206543],
    [10, 10, 0.722460],
    [50, 100, 0.403832],
    [95, 100, 0.888248],
  ])('%i of %i → %f', (support, reactors, expected) => {
    expect(wilsonLowerBound(support, reactors)).toBeCloseTo(expected, 5);
  });

  it('is exactly 0 with no reactors or no support', () => {
    expect(wilsonLowerBound(0, 0)).toBe(0);
    expect(wilsonLowerBound(0, 7)).toBe(0);
    expect(Object.is(wilsonLowerBound(0, 1000), 0)).toBe(true);
  });
});

function tally(rows: Array<[group: string, stance: Stance, count: number]>): Tally {
  const entries: Array<[string, Stance]> = [];
  const groups = new Map<string, string>();
  let id = 0;
  for (const [group, stance, count] of rows) {
    for (let i = 0; i < count; i++) {
      const user = `u${id++}`;
      groups.set(user, group);
      entries.push([user, stance]);
    }
  }
  return tallyStances(entries, (u) => groups.get(u) ?? 'unspecified');
}

describe('labels', () => {
  it('consensus: ≥5 reactors, ≥0.6 support, every weighty declared group ≥0.5, at least two such groups', () => {
    expect(labelOf(tally([['government', 'support', 3], ['academia', 'support', 2], ['academia', 'neutral', 1]]))).toBe('consensus');
  });
  it('no consensus with only one declared group of three or more', () => {
    expect(labelOf(tally([['government', 'support', 5], ['academia', 'support', 2]]))).toBe(null);
  });
  it('no consensus when one weighty group is below half support', () => {
    expect(labelOf(tally([['government', 'support', 6], ['academia', 'support', 1], ['academia', 'neutral', 1], ['academia', 'oppose', 1]]))).toBe(null);
  });
  it('unspecified never counts as a group', () => {
    expect(labelOf(tally([['government', 'support', 3], ['unspecified', 'support', 5]]))).toBe(null);
  });
  it('divisive: one weighty group ≥0.6 support and another ≥0.6 oppose', () => {
    const t = tally([['government', 'support', 3], ['civil-society', 'oppose', 2], ['civil-society', 'neutral', 1]]);
    expect(labelOf(t)).toBe('divisive');
  });
  it('groups under three reactors cannot make a proposal divisive', () => {
    expect(labelOf(tally([['government', 'support', 3], ['civil-society', 'oppose', 2]]))).toBe(null);
  });
  it('counts per group and overall', () => {
    const t = tally([['government', 'support', 2], ['government', 'oppose', 1], ['academia', 'neutral', 1]]);
    expect(t).toMatchObject({ support: 2, neutral: 1, oppose: 1, reactors: 4 });
    expect(t.byGroup).toEqual({ government: { support: 2, neutral: 0, oppose: 1 }, academia: { support: 0, neutral: 1, oppose: 0 } });
  });
});

describe('ranking', () => {
  it('orders by Wilson bound, then reactors, then code number', () => {
    const items = [
      { number: 1, support: 0, reactors: 0 },
      { number: 2, support: 8, reactors: 10 }, // 0.490
      { number: 3, support: 1, reactors: 1 }, // 0.207
      { number: 4, support: 0, reactors: 9 }, // 0, but more reactors than P1 and P5
      { number: 5, support: 0, reactors: 0 },
      { number: 6, support: 80, reactors: 100 }, // 0.711
    ];
    expect([...items].sort(compareRank).map((i) => i.number)).toEqual([6, 2, 3, 4, 1, 5]);
  });
});
