/**
 * Only the hot-path figures of issue 16: Slack `/react` over HTTP against bare Bolt (bench/slack-http.ts,
 * plenary then bare in each repetition, so A B A B over the run) and the vTaiwan ingest ratios
 * (bench/ingest.ts), with the load average beside each repetition. Prints; writes nothing.
 *
 *   nice -n 10 node bin/run-ts.js bench/hot-path.ts [--reps N] [--seconds S] [--no-slack] [--no-ingest] [--before DIR]
 *   --before DIR: an older checkout, built (DIR/dist), measured beside this build in every Slack repetition
 *   BENCH_CPU_PROF=<dir> …   (a CPU profile of `plenary start` per Slack repetition)
 */
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { ingestRep } from './ingest.ts';
import { log, ROOT, runChild, tempDir } from './measure.ts';
import { DATASETS, loadConversation, polisAvailable } from './polis.ts';
import { slackHttpRep } from './slack-http.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const reps = arg('--reps', 2);
const seconds = arg('--seconds', 10);
const beforeAt = process.argv.indexOf('--before');
const before = beforeAt > 0 ? process.argv[beforeAt + 1] : undefined;
const load = () => loadavg().map((l) => l.toFixed(1)).join(' ');

async function main(): Promise<void> {
  const scratch = tempDir('hot-path');
  try {
    if (!process.argv.includes('--no-slack')) {
      // `plenary start` runs the compiled build: rebuild it from these sources first.
      const build = await runChild(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json']);
      if (build.code !== 0) throw new Error(`build failed: ${build.stdout}${build.stderr}`);
      const builds: Array<[string, string]> = [...(before ? ([['before', join(before, 'bin', 'plenary.js')]] as Array<[string, string]>) : []), ['this', 'bin/plenary.js']];
      for (let rep = 0; rep < reps; rep++) {
        for (const [i, [name, bin]] of builds.entries()) {
          const at = load();
          const r = await slackHttpRep(scratch.dir, rep * builds.length + i, seconds, bin); // its own store file
          log(
            `slack rep ${rep + 1} ${name} (load ${at}): plenary ${Math.round(r.plenary.rps)} req/s p99 ${r.plenary.p99} ms, bare ${Math.round(r.bare.rps)} req/s p99 ${r.bare.p99} ms → ` +
              `rps ${(r.plenary.rps / r.bare.rps).toFixed(2)}×, p99 ${(r.plenary.p99 / r.bare.p99).toFixed(2)}×; CPU per request ${r.plenary.cpuMsPerRequest?.toFixed(2)} vs ${r.bare.cpuMsPerRequest?.toFixed(2)} ms; acked ${r.plenary.acked}/${r.plenary.ok}, errors ${r.plenary.errors}, digest ${r.digestReactions}`,
          );
          if (r.digestReactions < r.plenary.acked) throw new Error(`digest counts ${r.digestReactions} < ${r.plenary.acked} acked`);
        }
      }
    }
    if (!process.argv.includes('--no-ingest') && polisAvailable()) {
      const conversation = loadConversation(DATASETS[0]);
      for (let rep = 0; rep < reps; rep++) {
        const at = load();
        const r = await ingestRep(conversation, scratch.dir);
        log(
          `ingest rep ${rep + 1} (load ${at}): core ${Math.round(r.coreRate)}/s, 32 in flight ${Math.round(r.concurrentRate)}/s, bare ${Math.round(r.bareRate)}/s → ` +
            `${(r.coreRate / r.bareRate).toFixed(2)}×, ${(r.concurrentRate / r.bareRate).toFixed(2)}×; check ${r.checked.ok ? 'ok' : 'FAILED'}`,
        );
        if (!r.checked.ok) throw new Error('replayed counts differ from the recount');
      }
    }
  } finally {
    scratch.remove();
  }
}

await main();
