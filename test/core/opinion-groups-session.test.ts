/**
 * Opinion groups through the core: a session's summary and JSON digest carry them as PRODUCT.md says,
 * without a user id, recomputed from the current stances (so /forgetme takes the person out).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store/open-store.ts';
import { parseConfig } from '../../src/config.ts';
import { Plenary } from '../../src/plenary.ts';
import type { FactStore } from '../../src/store/fact-store.ts';
import { formatDigest } from '../../src/digest-format.ts';
import { executeLine } from '../../commands/execute.ts';
import { roleOf } from '../../src/roles.ts';
import { plantedSession } from './opinion-groups-synthetic.ts';

const config = parseConfig({ conference: { name: 'Opinion test', timezone: 'UTC' }, roles: { organisers: ['console:mod'] } });
const NOW = new Date('2026-11-27T10:00:00Z');
const opened: FactStore[] = [];
afterEach(async () => {
  for (const s of opened.splice(0)) await s.close();
});

/** 2 planted groups × 12 people (declared government / civil-society) on 8 proposals; P1 and P2 shared. */
async function sessionWithGroups(perGroup = 12, url = 'memory://') {
  const store = await openStore(url);
  opened.push(store);
  const core = new Plenary({ store, config, clock: () => NOW });
  const session = await core.startSession('console:mod', 'console:main', 'Cyber capacity', null);
  const handles = ['itu', 'icann', 'igf', 'ietf']; // two proposals each: within the priority limit
  for (const handle of handles) await core.addSpeaker('console:main', { handle, name: handle.toUpperCase() });
  for (let p = 1; p <= 8; p++) await core.addPriority('console:main', handles[(p - 1) >> 1], `Proposal ${p}`);
  const { byProposal, truth } = plantedSession({ groups: 2, perGroup, proposals: 8, shared: 2, loyalty: 0.95, skip: 0.1, seed: 5 });
  for (const [user, g] of truth) await core.declareGroup(user, g === 0 ? 'government' : 'civil-society');
  for (const [n, users] of byProposal) for (const [user, r] of users) if (r.stance) await core.react(user, session.id, n, r.stance);
  return { core, session, truth };
}

// SQLite keeps the reactions (and so the groups) cached between summaries; memory re-reads every time.
const sqlite = () => `sqlite://${join(mkdtempSync(join(tmpdir(), 'plenary-opinion-')), 's.sqlite')}`;

describe('opinion groups in the session summary and the JSON digest', () => {
  it('carries opinionGroups, byOpinionGroup, gic and bridging, and no user id', async () => {
    const { core, session } = await sessionWithGroups();
    const summary = await core.summaries.sessionSummary(session.id);
    expect(summary?.opinionGroups.map((g) => g.id)).toEqual(['A', 'B']);
    expect(summary?.opinionGroups.reduce((sum, g) => sum + g.participants, 0)).toBe(24);
    const composition = summary?.opinionGroups.map((g) => Object.keys(g.byGroup).sort());
    expect(composition).toEqual([['government'], ['civil-society']].sort((a, b) => (summary?.opinionGroups[0].byGroup[a[0]] ? -1 : 1)));
    for (const p of summary?.proposals ?? []) {
      expect(Object.keys(p.byOpinionGroup)).toEqual(['A', 'B']);
      const { A, B } = p.byOpinionGroup;
      expect(A.support + A.neutral + A.oppose + B.support + B.neutral + B.oppose).toBe(p.reactors);
      expect(p.gic).toBeGreaterThan(0);
      expect(p.gic).toBeLessThan(1);
    }
    const bridging = summary?.proposals.filter((p) => p.bridging).map((p) => p.code).sort();
    expect(bridging).toEqual(expect.arrayContaining(['P1', 'P2']));

    const json = formatDigest(await core.summaries.digest('2026-11-27'), 'json');
    const parsed = JSON.parse(json);
    expect(parsed.sessions[0].opinionGroups).toHaveLength(2);
    expect(parsed.sessions[0].proposals[0]).toHaveProperty('byOpinionGroup.A.support');
    expect(typeof parsed.sessions[0].proposals[0].gic).toBe('number');
    expect(typeof parsed.sessions[0].proposals[0].bridging).toBe('boolean');
    expect(json).not.toMatch(/console:|g\dp\d/);
    const markdown = formatDigest(await core.summaries.digest('2026-11-27'), 'md');
    expect(markdown.replace(/\\/g, '')).toMatch(/Bridging: P\d+.* — broad support among people who otherwise vote differently \(opinion groups A \d+ · B \d+\)/);
  });

  it('the summary names the bridging proposals', async () => {
    const { core } = await sessionWithGroups();
    const ctx = { core, user: 'console:mod', channel: 'console:main', role: roleOf(config, 'console:mod'), platform: 'console' as const };
    const result = await executeLine('/summary', ctx);
    const view = result.reply ?? result.posts?.[0]?.view;
    expect(view?.kind).toBe('summary');
    const { renderView } = await import('../../adapters/console/render.ts');
    const text = renderView(view!).join('\n');
    expect(text).toMatch(/Bridging: P\d+(, P\d+)* — broad support among people who otherwise vote differently/);
    expect(text).toContain('P1');
  });

  it('below the threshold opinionGroups is [] and nothing bridges', async () => {
    const { core, session } = await sessionWithGroups(9); // 18 participants
    const summary = await core.summaries.sessionSummary(session.id);
    expect(summary?.opinionGroups).toEqual([]);
    for (const p of summary?.proposals ?? []) {
      expect(p.byOpinionGroup).toEqual({});
      expect(p.bridging).toBe(false);
      expect(p.gic).toBeCloseTo((p.support + 1) / (p.reactors + 2), 12);
    }
  });

  it.each([['memory', () => 'memory://'], ['sqlite', sqlite]])('(%s) /forgetme removes the person from the next computation', async (_, url) => {
    const { core, session, truth } = await sessionWithGroups(10, url()); // exactly 20: at the threshold
    const before = await core.summaries.sessionSummary(session.id);
    expect(before?.opinionGroups.reduce((sum, g) => sum + g.participants, 0)).toBe(20);
    const [someone] = [...truth.keys()];
    const ctx = { core, user: someone, channel: 'console:main', role: roleOf(config, someone), platform: 'console' as const };
    await executeLine('/forgetme', ctx);
    const after = await core.summaries.sessionSummary(session.id);
    // 19 participants left: below the threshold, so no groups at all.
    expect(after?.participants).toBe(19);
    expect(after?.opinionGroups).toEqual([]);
  });

  it.each([['memory', () => 'memory://'], ['sqlite', sqlite]])('(%s) is the same on every call and follows a changed stance', async (_, url) => {
    const { core, session } = await sessionWithGroups(12, url());
    const a = await core.summaries.sessionSummary(session.id);
    const b = await core.summaries.sessionSummary(session.id);
    expect(b?.opinionGroups).toEqual(a?.opinionGroups);
    expect(b?.proposals.map((p) => p.gic)).toEqual(a?.proposals.map((p) => p.gic));
    // Everyone in A now opposes P1: P1 stops bridging.
    const p1 = a?.proposals.find((p) => p.code === 'P1');
    expect(p1?.bridging).toBe(true);
    for (const user of ['console:g0p0', 'console:g0p1', 'console:g0p2', 'console:g0p3', 'console:g0p4', 'console:g0p5', 'console:g0p6']) {
      await core.react(user, session.id, 1, 'oppose');
    }
    const c = await core.summaries.sessionSummary(session.id);
    expect(c?.proposals.find((p) => p.code === 'P1')?.bridging).toBe(false);
    // A changed declaration (no reaction written) shows in who makes up the groups.
    await core.declareGroup('console:g1p0', 'academia');
    const d = await core.summaries.sessionSummary(session.id);
    expect(d?.opinionGroups.some((g) => g.byGroup.academia === 1)).toBe(true);
  });
});
