/**
 * Data-replay check (run by .ci/run after the tests): replays the three Pol.is conversations through the
 * core on a temporary SQLite store and compares every proposal's counts with a recount of votes.csv.
 * One line per dataset; exits non-zero on any mismatch. Without ../shared/data/polis it says so and exits 0.
 *
 *   node bin/run-ts.js scripts/replay-polis.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../src/store/open-store.ts';
import { DATASETS, POLIS_DIR, checkSession, loadConversation, polisAvailable, prepareSession, replayVotes } from '../bench/polis.ts';

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
