/**
 * Seeded fuzzing of every inbound path (see harness.ts for the generator, the panel and the
 * invariants). The seed is fixed so a failure reproduces exactly; FUZZ_SEED=<n> explores others.
 * FUZZ_INPUTS inputs per target: 2,000 in `npm test`, 100,000 in `.ci/run`.
 */
import { describe, expect, it } from 'vitest';
import { breaksIn, changedKeys, countOutcome, FUZZ_INPUTS, fuzzTimeout, inboundTargets, hostileText, INTERNAL_ERROR, prng, seededPanel, snapshot, violations, type FuzzPanel } from './harness.ts';
import { executeLine } from '../../commands/execute.ts';
import { roleOf } from '../../src/roles.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 0x5eed2026);
const PRIVILEGED_ITERATIONS = Math.ceil(FUZZ_INPUTS / 10);

/** Stops at the first few problems, with the input that caused each (JSON-escaped, reproducible). */
function report(problems: string[]) {
  return problems.length ? `${problems.length} problem(s), first: \n${problems.slice(0, 5).join('\n')}` : '';
}

describe(`inbound fuzz (seed 0x${SEED.toString(16)})`, () => {
  for (const [t, target] of inboundTargets.entries()) {
    it(`${target.name}: ${target.iterations.toLocaleString('en')} hostile inputs from callers without a role`, async () => {
      const panel = await seededPanel(SEED);
      const rng = prng(SEED + t);
      const problems: string[] = [];
      let before = await snapshot(panel.store);
      let errorsSeen = 0;
      const stats = { refused: 0, accepted: 0, silent: 0, storeChanges: 0 };
      try {
        for (let i = 0; i < target.iterations && problems.length < 5; i++) {
          let outcome;
          try {
            outcome = await target.run(panel, rng, i);
          } catch (error) {
            problems.push(`#${i} threw: ${error instanceof Error ? error.stack : String(error)}`);
            continue;
          }
          expect(roleOf(panel.config, outcome.user)).toBe('participant');
          const after = await snapshot(panel.store);
          const changed = changedKeys(before, after);
          countOutcome(stats, outcome.replies, changed);
          for (const p of violations(outcome, changed)) problems.push(`#${i} ${JSON.stringify(outcome.input)}: ${p}`);
          if (panel.errors.length > errorsSeen) {
            problems.push(`#${i} ${JSON.stringify(outcome.input)}: logged an internal error: ${panel.errors.slice(errorsSeen).join(' | ')}`);
            errorsSeen = panel.errors.length;
          }
          before = after;
        }
        console.log(`[fuzz] ${target.name}: ${JSON.stringify(stats)}`);
        expect(report(problems)).toBe('');
        // The panel itself is intact: the same session, speakers and proposals as seeded.
        const menu = await executeLine('/menu', { core: panel.core, user: 'console:org', channel: 'console:main', role: 'organiser' });
        expect(menu.reply?.kind).toBe('menu');
      } finally {
        await panel.close();
      }
    }, fuzzTimeout(target.iterations));
  }

  it(`privileged callers: ${PRIVILEGED_ITERATIONS.toLocaleString('en')} hostile inputs as organiser and moderator never throw, refusals change nothing`, async () => {
    const rng = prng(SEED ^ 0xabcdef);
    const problems: string[] = [];
    let panel: FuzzPanel = await seededPanel(SEED);
    try {
      for (let i = 0; i < PRIVILEGED_ITERATIONS && problems.length < 5; i++) {
        // A fresh panel now and then: privileged inputs may close the session or fill the menu.
        if (i % 1000 === 999) {
          await panel.close();
          panel = await seededPanel(SEED + i);
        }
        const user = rng.chance(0.5) ? 'console:org' : 'console:mod';
        const input = hostileText(rng);
        const before = await snapshot(panel.store);
        let result;
        try {
          result = await executeLine(input, { core: panel.core, user, channel: 'console:main', role: roleOf(panel.config, user) });
        } catch (error) {
          problems.push(`#${i} ${JSON.stringify(input)} threw: ${error instanceof Error ? error.stack : String(error)}`);
          continue;
        }
        const changed = changedKeys(before, await snapshot(panel.store));
        const reply = result.reply;
        if (reply?.kind === 'error') {
          if (/[\n\r\u0085\u2028\u2029]/.test(reply.text)) problems.push(`#${i} ${JSON.stringify(input)}: multi-line error (${breaksIn(reply.text)})`);
          if (INTERNAL_ERROR.test(reply.text)) problems.push(`#${i} ${JSON.stringify(input)}: internal error`);
          if (changed.length) problems.push(`#${i} ${JSON.stringify(input)}: refused but changed ${changed.join(', ')}`);
        }
      }
      expect(report(problems)).toBe('');
    } finally {
      await panel.close();
    }
  }, fuzzTimeout(PRIVILEGED_ITERATIONS));
});

describe('fuzz invariants catch what they should', () => {
  const outcome = (replies: Array<{ text: string; error: boolean }>) => ({ user: 'console:f1', input: 'x', replies });
  it('flags foreign facts, refusals that write, multi-line errors and internal errors', () => {
    expect(violations(outcome([{ text: 'ok', error: false }]), ['reaction:s1:0001:console:f1', 'group:console:f1'])).toEqual([]);
    expect(violations(outcome([{ text: 'ok', error: false }]), ['reaction:s1:0001:console:f10'])).toHaveLength(1);
    expect(violations(outcome([{ text: 'ok', error: false }]), ['session:s1'])).toHaveLength(1);
    expect(violations(outcome([{ text: 'no', error: true }]), ['group:console:f1'])).toHaveLength(1);
    expect(violations(outcome([]), ['group:console:f1'])).toHaveLength(1);
    expect(violations(outcome([{ text: 'a\u2028b', error: true }]), [])).toHaveLength(1);
    expect(violations(outcome([{ text: 'Something went wrong on our side', error: true }]), [])).toHaveLength(1);
  });
});
