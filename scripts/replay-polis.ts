/**
 * Data-replay check (run by .ci/run after the tests): replays the three Pol.is conversations through the
 * core on a temporary SQLite store and compares every proposal's counts with a recount of votes.csv; then
 * compares plenary's opinion groups with the `group-id` Pol.is assigned (participants-votes.csv) by the
 * adjusted Rand index, and plenary's GIC ranking with a GIC recomputed from Pol.is's own groups (Spearman).
 * Exits non-zero on a real error (a count mismatch, a failure, groups that disagree with the summary);
 * an ARI or Spearman below its target is reported as MISS. Without ../shared/data/polis it says so and exits 0.
 *
 *   node bin/run-ts.js scripts/replay-polis.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../src/store/open-store.ts';
import { DATASETS, POLIS_DIR, checkSession, loadConversation, polisAvailable, prepareSession, replayVotes } from '../bench/polis.ts';
import { compareWithPolis, ARI_TARGET, SPEARMAN_TARGET } from '../bench/opinion-groups.ts';

async function main(): Promise<number> {
  if (!polisAvailable()) {
    console.log(`replay-polis: ${POLIS_DIR} not found; skipping the Pol.is replay check.`);
    return 0;
  }
  const dir = mkdtempSync(join(tmpdir(), 'plenary-replay-'));
  let failures = 0;
  try {
    for (const name of DATASETS) {
      const conversation = loadConversation(name);
      const store = await openStore(`sqlite://${join(dir, `${name}.sqlite`)}`);
      try {
        const prepared = await prepareSession(store, conversation);
        const started = performance.now();
        const applied = await replayVotes(prepared, conversation.votes);
        const seconds = (performance.now() - started) / 1000;
        const result = await checkSession(prepared, conversation);
        const rate = Math.round(applied / seconds);
        if (result.ok) {
          console.log(
            `ok   ${name}: ${result.proposals} proposals, ${applied} votes replayed → ${result.reactions} current reactions = recount (${rate} reactions/s)`,
          );
        } else {
          failures++;
          console.log(`FAIL ${name}: ${result.mismatches.length} mismatches with the recount of votes.csv`);
          for (const m of result.mismatches.slice(0, 20)) console.log(`     ${m}`);
        }
        const groups = await compareWithPolis(prepared, conversation);
        for (const problem of groups.problems) {
          failures++;
          console.log(`FAIL ${name}: ${problem}`);
        }
        const mark = (ok: boolean) => (ok ? 'ok  ' : 'MISS');
        console.log(
          `${mark(groups.ari >= ARI_TARGET)} ${name}: opinion groups ${groups.sizes.join(' / ')} (Pol.is ${groups.polisSizes.join(' / ')}), ARI ${groups.ari.toFixed(3)} on ${groups.compared} participants both placed (target ≥ ${ARI_TARGET}); computed in ${groups.ms.toFixed(0)} ms`,
        );
        console.log(
          `${mark(groups.spearman >= SPEARMAN_TARGET)} ${name}: GIC ranking vs GIC from Pol.is's groups, Spearman ${groups.spearman.toFixed(3)} over ${groups.proposals} proposals (target ≥ ${SPEARMAN_TARGET}); ${groups.bridging} bridging`,
        );
      } finally {
        await store.close();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return failures === 0 ? 0 : 1;
}

process.exitCode = await main().catch((error) => {
  console.error(`replay-polis: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  return 1;
});
