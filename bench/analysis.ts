/**
 * The "Analysis" section of BENCHMARKS.md: why each figure is what it is, and what would change it.
 * Numbers in it come from the run being rendered; the reasoning comes from CPU profiles and micro-timings
 * taken while writing the bench (noted as such). Re-check the reasoning when the code changes.
 */
import type { Results } from './report.ts';

export function analysis(r: Results): string {
  const m = (id: string) => r.figures.find((f) => f.id === id)?.median;
  const n = (id: string, digits = 0) => {
    const v = m(id);
    return v === undefined ? 'n/a' : v.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
  };
  const g = (i: number) => r.growth[i];
  const growthLine = r.growth.length
    ? `ingest ${r.growth.map((x) => `${x.ingestUsPerReaction.median.toFixed(1)} µs`).join(' → ')} per reaction, digest ${r.growth.map((x) => `${x.digestUsPerReaction.median.toFixed(2)} µs`).join(' → ')} per reaction at ${r.growth.map((x) => `${x.factor}×`).join(' / ')}`
    : 'not measured';
  return `## Analysis

**Contention.** This machine has 2 cores and is shared with other engineers' test runs while the bench runs
(load average in the header). Absolute rates are therefore pessimistic and noisy; the ratios, computed
repetition by repetition from back-to-back measurements, are the steadier figures.

**Ingest (${n('ingest.core.vtaiwan')} reactions/s one at a time, ${n('ingest.concurrent.vtaiwan')} with 32 in flight, vs ${n('ingest.bare.vtaiwan')} records/s bare, vTaiwan).**
Every \`Plenary.react\` checks the session record (served from a cache that holds while SQLite's \`data_version\`
shows no other process wrote, so a close elsewhere is still seen at once), reads the participant's previous
reaction (to keep its comment), then upserts, a commit to the WAL. One reaction at a time, each waits for its
own commit, so the bare one-commit-per-record loop is the ceiling and the core reaches
${n('ingest.ratio.vtaiwan', 2)}× of it (median of the per-repetition ratios). With 32 reactions in flight, as under
live load (votes submitted in timestamp order; one voter's votes on one statement stay in order, so the latest
still wins), the SQLite store's group commit lets concurrent writes share one transaction, each acknowledged
after its commit: ${n('ingest.concurrentRatio.vtaiwan', 2)}× the bare loop. Both replays are checked against the
recount of votes.csv. Remaining cost per reaction: the previous-reaction read (skippable when no comment is
involved, with an upsert that keeps the stored comment) and Keyv's wrapping of each statement.

**Summary (${n('summary.vtaiwan.warm', 1)} ms warm for vTaiwan's ${r.checks.find((c) => c.dataset.startsWith('vtaiwan'))?.detail.match(/→ (\d+)/)?.[1] ?? '≈49,000'} reactions) and day digest (${n('digest.day.warm')} ms warm).**
Since de34723 the core keeps a cache of each session's reactions (src/reaction-cache.ts): this process's own
writes update it, and a write by any other process (SQLite \`data_version\`) drops it. "Warm" is therefore a cache
hit. The uncached cost is what the cold figures show (open + first answer: vTaiwan ${n('summary.vtaiwan.cold')} ms,
day ${n('digest.day.cold')} ms), and every call pays it after another process wrote — e.g. an organiser's
\`plenary digest\` while the bot keeps taking reactions. That uncached path re-derives everything from the facts
and spends its time materialising them: \`scanPrefix\` returns every row as an object array (better-sqlite3
\`.all()\`), \`KeyvFactStore.scan\` wraps each in a new [key, value] pair after \`JSON.parse\` of the Keyv envelope,
and the key is split and re-joined per row (\`parseReactionKey\`). Measured before the cache, on the vTaiwan store,
same process: \`.all()\` of the session's rows took 111–133 ms, iterating the same rows with \`.iterate()\` 38–47 ms,
and about a third of a summary's time was garbage collection. Proposed fix for the lead (src/store, used by the
cache's \`load\`): a streaming scan (\`FactStore.scanEach(prefix, fn)\` or an iterator over \`.iterate()\`), tallying
or filling the cache while streaming, with the key split at fixed offsets (the number is always six digits). A
throwaway prototype of that (\`.raw().iterate()\`, tally while streaming, same counts as \`sessionSummary\` on every
proposal) ran in a median 148–187 ms (min 99–102) vs 269–599 ms (min 189–411) for the pre-cache summary on the
loaded machine: ≈ 1.8× on the uncached path.
${(m('summary.vtaiwan.warm') ?? Infinity) <= 50 ? 'The warm targets are met by the cache.' : 'The warm target is still missed: see the figures above.'}

**Cold digest (${n('digest.day.coldProcess')} ms process start → answer; ${n('digest.day.cold')} ms of it opening the store and answering).**
The rest is Node start-up plus tsx compiling the TypeScript sources on the fly (\`bootMs\` in results.json). The
\`plenary digest\` CLI (${n('startup.digestCli')} ms) also loads the CLI and renders and writes ≈ 2.5 MB of JSON;
\`plenary start\` in the terminal with stdin closed takes ${n('startup.terminal')} ms (reference: \`node -e 0\`
${n('startup.node')} ms). Precompiling (tsc/esbuild to JS at install) would take the compile step out of every start.

**Memory (${n('digest.day.rss')} MB peak for the day digest).** ${(m('digest.day.rss') ?? 0) <= 300 ? 'Under' : 'Over'} the 300 MB target, and it grows with the
day's reactions because every row is materialised before tallying; the streaming fix above bounds it.

**Growth.** ${growthLine}. ${growthText(r)}

${slackText(r)}
`;
}

/** What the growth series says, from its own numbers: ×1.5 per reaction from the smallest to the largest size is the line. */
function growthText(r: Results): string {
  if (r.growth.length < 2) return '';
  const first = r.growth[0];
  const last = r.growth[r.growth.length - 1];
  const ingest = last.ingestUsPerReaction.median / first.ingestUsPerReaction.median;
  const digest = last.digestUsPerReaction.median / first.digestUsPerReaction.median;
  const span = `from ${first.factor}× to ${last.factor}×`;
  const parts: string[] = [];
  parts.push(
    ingest <= 1.5
      ? `Ingest is linear: the cost per reaction changes ×${ingest.toFixed(2)} ${span} (B-tree depth grows only logarithmically).`
      : `Ingest cost per reaction grows ×${ingest.toFixed(2)} ${span}: reactions arrive participant by participant across all sessions, so consecutive upserts land on different B-tree leaves and SQLite's default 2 MB page cache holds a shrinking share of the tree; a larger \`cache_size\` in src/store/sqlite-keyv-store.ts is the first thing to try.`,
  );
  parts.push(
    digest <= 1.5
      ? `The digest is linear: ×${digest.toFixed(2)} per reaction ${span}.`
      : `The digest is worse than linear: its cost per reaction grows ×${digest.toFixed(2)} ${span}, and its peak RSS goes ${first.rssMb.median.toFixed(0)} → ${last.rssMb.median.toFixed(0)} MB. Reading src/summary.ts, nothing in it is quadratic; what grows is the size of what it holds at once: each session's reactions are held whole (SQLite row objects and [key, value] pairs while loading, then the reaction cache's per-session maps) — ${(last.reactions / r.growthBase.sessions).toLocaleString('en-US')} reactions per session at ${last.factor}× — so they outlive the young generation and are copied and marked in the old one. Checked before the cache existed: with \`--trace-gc\`, GC pauses were about ⅓ of the time of 16× digests (5.3 s of ≈ 16 s over four calls), and a 16× store written in bulk (not through the core) showed the same ×1.7–1.8 per reaction, so it is not the B-tree layout. The per-reaction cost tracks reactions *per session*: the 60-session day (7,500 per session) costs less per reaction than 16× here. The streaming tally proposed above keeps only counters per proposal and group, so it is the likely remedy (not measured at this size).`,
  );
  if (last.rssMb.median > 300) {
    parts.push(`Memory does grow with the data: the ${last.factor}× digest process peaks at ${last.rssMb.median.toFixed(0)} MB (over the 300 MB budget that the day digest meets), because the reaction cache and the load before it hold every reaction of the day; its \`MAX_CACHED_REACTIONS\` (2,000,000) bounds the cache, not the peak while loading.`);
  }
  return parts.join(' ');
}

function slackText(r: Results): string {
  const m = (id: string) => r.figures.find((f) => f.id === id)?.median;
  const n = (id: string) => m(id)?.toLocaleString('en-US', { maximumFractionDigits: 0 }) ?? 'n/a';
  if (m('slack.plenary.rps') === undefined) return '**Slack.** Not measured in this run.\n';
  return `**Slack HTTP (${n('slack.plenary.rps')} req/s vs ${n('slack.bare.rps')} for bare Bolt; p99 ${n('slack.plenary.p99')} vs ${n('slack.bare.p99')} ms).**
The bare app only verifies the signature and acks. plenary acks *after* running the command so the private reply
rides on the ack (adapters/slack/handlers.ts, \`replyWithinMs\`): command parsing, the session lookup by channel
(two reads), \`Plenary.react\` (two reads and a commit), rendering the reply blocks, plus a live-count refresh
scheduled per reaction. A CPU profile of \`plenary start\` under this load shows no single hot spot: Bolt's
middleware chain and response writing, the store calls and GC each take a few percent; it is the sum of the
per-request work on one thread, and on a 2-core machine shared with autocannon and the fake Web API. Acking
first and replying through \`response_url\` would make the ack as cheap as bare Bolt's but costs one extra HTTP
call per command and delays the confirmation. The store's share is already reduced by group commit (concurrent
requests' writes share a transaction).

**Burst.** The live counts are batched per message (≤ 1 edit per ${'≈'}1.1 s) and share a workspace budget, so
1,000 reactions in ${n('slack.burst.ms')} ms become ${n('slack.burst.updates')} chat.update calls, never more
than ${n('slack.burst.maxPerSecond')} in any second, and the message shows the final counts ${n('slack.burst.settle')} ms
after the last ack.
`;
}
