/**
 * A digest (or one session's summary) in a fresh process, as an organiser's `plenary digest` would do:
 * opens the store, answers once (cold), then `--repeat` more times (warm), and prints one JSON line with
 * its own timings and peak RSS (`process.resourceUsage().maxRSS`).
 *
 *   node bin/run-ts.js bench/cold-digest.ts --store <path> --date YYYY-MM-DD [--repeat N]
 *   node bin/run-ts.js bench/cold-digest.ts --store <path> --session <sid> [--repeat N]
 */
import { formatDigest } from '../src/digest-format.ts';
import { Plenary } from '../src/plenary.ts';
import { openStore } from '../src/store/open-store.ts';
import { benchConfig } from './polis.ts';

const scriptStart = performance.now(); // ms since this process started (node boot and tsx included)

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? undefined : process.argv[i + 1];
}

const path = arg('store');
const date = arg('date');
const sid = arg('session');
const repeat = Number(arg('repeat') ?? 0);
if (!path || (!date && !sid)) {
  console.error('usage: cold-digest.ts --store <path> (--date YYYY-MM-DD | --session <sid>) [--repeat N]');
  process.exit(2);
}

async function answer(core: Plenary): Promise<{ bytes: number; reactions: number }> {
  if (date) {
    const digest = await core.summaries.digest(date);
    return { bytes: formatDigest(digest, 'json').length, reactions: digest.totals.reactions };
  }
  const summary = await core.summaries.sessionSummary(sid as string);
  if (!summary) throw new Error(`no session ${sid}`);
  return { bytes: JSON.stringify(summary).length, reactions: summary.proposals.reduce((n, p) => n + p.reactors, 0) };
}

const opened = performance.now();
const store = await openStore(`sqlite://${path}`);
const core = new Plenary({ store, config: benchConfig() });
const first = await answer(core);
const answered = performance.now();
const warmMs: number[] = [];
for (let i = 0; i < repeat; i++) {
  const t = performance.now();
  await answer(core);
  warmMs.push(performance.now() - t);
}
await store.close();
console.log(
  JSON.stringify({
    coldMs: answered - opened, // open the store + first answer
    sinceStartMs: answered, // process start → first answer
    bootMs: scriptStart,
    warmMs,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    reactions: first.reactions,
    bytes: first.bytes,
  }),
);
