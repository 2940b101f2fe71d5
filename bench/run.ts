/**
 * The benchmarks of plenary (issue 5). Every figure is min/median/max over the repetitions of one run;
 * every ratio is computed from figures of the same run, repetition by repetition.
 *
 *   npm run bench              full run → bench/results.json and BENCHMARKS.md
 *   npm run bench -- --quick   CI run (< 60 s, smaller inputs, 1 repetition, no Slack) → bench/results.quick.json only
 *   npm run bench -- --render  re-renders BENCHMARKS.md from bench/results.json without measuring
 *
 * Fails loudly (exit 1) when a replayed Pol.is conversation's counts differ from a recount of votes.csv.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { DATASETS, POLIS_DIR, loadConversation, polisAvailable } from './polis.ts';
import { ingestRep, openReplayed } from './ingest.ts';
import { buildDayBulk, ingestDayThroughCore, reactionsOf, type DayShape } from './synthetic-day.ts';
import { figure, gitCommit, log, ROOT, runChild, runTsJson, tempDir, type Figure } from './measure.ts';
import { renderMarkdown, evaluateTargets, type Results } from './report.ts';
import { slackHttpRep } from './slack-http.ts';
import { burstRep } from './slack-burst.ts';
import { screenRep } from './screen.ts';
import { SECTIONS } from './sections.ts';
import { opinionGroupsBench } from './opinion-groups.ts';

const quick = process.argv.includes('--quick');
/** `--lean`: the full inputs with fewer repetitions (ingest 2, growth 1), for a run that must fit a loaded machine. */
const lean = process.argv.includes('--lean');
const REPS = quick ? 1 : 3;
const INGEST_REPS = quick ? 1 : lean ? 2 : 5;
const GROWTH_REPS = quick || lean ? 1 : REPS;
const DATE = '2026-11-27';
const DAY: DayShape = quick
  ? { sessions: 10, proposals: 15, participants: 500, date: DATE }
  : { sessions: 60, proposals: 15, participants: 500, date: DATE };
/** Growth series: participants × 1, 4, 16 on a scaled-down base (see BENCHMARKS.md). */
const GROWTH_BASE: DayShape = quick
  ? { sessions: 2, proposals: 15, participants: 50, date: DATE }
  : { sessions: 5, proposals: 15, participants: 500, date: DATE };
const GROWTH_FACTORS = [1, 4, 16];
const SLACK_SECONDS = 10;

interface ColdRun {
  coldMs: number;
  sinceStartMs: number;
  bootMs: number;
  warmMs: number[];
  maxRssMb: number;
  reactions: number;
  wallMs: number;
}

async function main(): Promise<number> {
  const started = performance.now();
  // Every `plenary` child runs the compiled build (bin/plenary.js → dist/bundle/): build it from these sources first.
  const build = await runChild(process.execPath, [join(ROOT, 'bin', 'build.js')]);
  if (build.code !== 0) throw new Error(`build failed: ${build.stdout}${build.stderr}`);
  const loadAtStart = loadavg()[0];
  const figures: Figure[] = [];
  const checks: Results['checks'] = [];
  const growth: Results['growth'] = [];
  const commit = gitCommit();
  const scratch = tempDir('run');
  try {
    // ── 1. ingest of real votes + recount checks ────────────────────────────
    let vtaiwanStore: string | undefined;
    if (!polisAvailable()) {
      log(`${POLIS_DIR} not found: Pol.is ingest and checks skipped`);
      checks.push({ dataset: '(all)', ok: false, detail: `${POLIS_DIR} not found` });
    } else {
      // Quick mode replays vTaiwan only; scripts/replay-polis.ts checks all three in CI anyway.
      for (const name of quick ? DATASETS.slice(0, 1) : DATASETS) {
        const conversation = loadConversation(name);
        const core: number[] = [];
        const concurrent: number[] = [];
        const bare: number[] = [];
        const ratio: number[] = [];
        const concurrentRatio: number[] = [];
        // Ingest is the noisiest figure on a shared machine: five repetitions in a full run.
        for (let rep = 0; rep < INGEST_REPS; rep++) {
          const r = await ingestRep(conversation, scratch.dir);
          core.push(r.coreRate);
          concurrent.push(r.concurrentRate);
          bare.push(r.bareRate);
          ratio.push(r.coreRate / r.bareRate);
          concurrentRatio.push(r.concurrentRate / r.bareRate);
          if (name === DATASETS[0]) vtaiwanStore = r.coreStore;
          log(`ingest ${name} rep ${rep + 1}: core ${Math.round(r.coreRate)}/s, 32 in flight ${Math.round(r.concurrentRate)}/s, bare ${Math.round(r.bareRate)}/s, check ${r.checked.ok ? 'ok' : 'FAILED'}`);
          if (!r.checked.ok) {
            for (const m of r.checked.mismatches.slice(0, 20)) console.error(`  ${m}`);
            checks.push({ dataset: name, ok: false, detail: r.checked.mismatches.slice(0, 5).join('; ') });
            throw new Error(`${name}: replayed counts differ from the recount of votes.csv`);
          }
          if (rep === 0) checks.push({ dataset: name, ok: true, detail: `${conversation.statements.length} proposals, ${conversation.votes.length} votes → ${r.checked.reactions} current reactions = recount` });
        }
        const tag = name.split('.')[0];
        figures.push(figure(`ingest.core.${tag}`, `Ingest ${name} through Plenary.react (SQLite)`, 'reactions/s', core));
        figures.push(figure(`ingest.bare.${tag}`, `Bare better-sqlite3 loop, same records (${tag})`, 'records/s', bare));
        figures.push(figure(`ingest.ratio.${tag}`, `Core / bare ingest (${tag}, per repetition)`, 'ratio', ratio));
        figures.push(figure(`ingest.concurrent.${tag}`, `Ingest ${name} through Plenary.react, 32 in flight (SQLite, group commit)`, 'reactions/s', concurrent));
        figures.push(figure(`ingest.concurrentRatio.${tag}`, `Core with 32 in flight / bare loop (${tag}, per repetition)`, 'ratio', concurrentRatio));
      }
    }

    // ── 2. vTaiwan summary, warm and cold ───────────────────────────────────
    if (vtaiwanStore) {
      const conversation = loadConversation(DATASETS[0]);
      const replayed = await openReplayed(vtaiwanStore, conversation);
      const warm: number[] = [];
      try {
        for (let i = 0; i < (quick ? 5 : 30); i++) {
          const t = performance.now();
          await replayed.core.summaries.sessionSummary(replayed.sessionId);
          warm.push(performance.now() - t);
        }
      } finally {
        await replayed.close();
      }
      figures.push(figure('summary.vtaiwan.warm', 'vTaiwan session summary, warm (in process)', 'ms', warm.slice(1)));
      const cold: ColdRun[] = [];
      for (let rep = 0; rep < REPS; rep++) {
        cold.push(await runTsJson<ColdRun>('bench/cold-digest.ts', ['--store', vtaiwanStore, '--session', replayed.sessionId]));
      }
      figures.push(figure('summary.vtaiwan.cold', 'vTaiwan summary, cold: fresh process opens the store and answers', 'ms', cold.map((c) => c.coldMs)));
      figures.push(figure('summary.vtaiwan.coldProcess', 'vTaiwan summary, cold: process start → answer', 'ms', cold.map((c) => c.sinceStartMs)));
      figures.push(figure('summary.vtaiwan.rss', 'vTaiwan summary process, peak RSS', 'MB', cold.map((c) => c.maxRssMb)));
      log(`summary vTaiwan: warm ${figures.at(-4)?.median.toFixed(1)} ms, cold ${figures.at(-3)?.median.toFixed(0)} ms`);
    }

    // ── opinion groups (issue 15): ARI vs Pol.is, vTaiwan and 5,000 × 50 timings ──
    figures.push(...(await opinionGroupsBench(quick, vtaiwanStore, REPS)));

    // ── 3. the synthetic day: digest warm / cold / RSS, start-up ────────────
    const dayPath = join(scratch.dir, 'day.sqlite');
    const buildStart = performance.now();
    const facts = await buildDayBulk(dayPath, DAY);
    log(`day: ${reactionsOf(DAY)} reactions (${facts} facts) written in ${Math.round(performance.now() - buildStart)} ms`);
    const runs: ColdRun[] = [];
    for (let rep = 0; rep < REPS; rep++) {
      const r = await runTsJson<ColdRun>('bench/cold-digest.ts', ['--store', dayPath, '--date', DATE, '--repeat', quick ? '2' : '4']);
      if (r.reactions !== reactionsOf(DAY)) throw new Error(`day digest counts ${r.reactions} reactions, ${reactionsOf(DAY)} were written`);
      runs.push(r);
    }
    const dayLabel = `${DAY.sessions} sessions × ${DAY.proposals} proposals × ${DAY.participants} participants`;
    figures.push(figure('digest.day.warm', `Day digest (${dayLabel}), warm`, 'ms', runs.flatMap((r) => r.warmMs)));
    figures.push(figure('digest.day.cold', 'Day digest, cold: fresh process opens the store and answers', 'ms', runs.map((r) => r.coldMs)));
    figures.push(figure('digest.day.coldProcess', 'Day digest, cold: process start → answer', 'ms', runs.map((r) => r.sinceStartMs)));
    figures.push(figure('digest.day.rss', 'Day digest process, peak RSS', 'MB', runs.map((r) => r.maxRssMb)));
    log(`day digest: warm ${figures.at(-4)?.median.toFixed(0)} ms, cold ${figures.at(-3)?.median.toFixed(0)} ms, RSS ${figures.at(-1)?.median.toFixed(0)} MB`);

    const startupEnv = {
      PLENARY_STORE: `sqlite://${dayPath}`,
      PLENARY_CONFIG: join(ROOT, 'bench', 'bench.config.json'),
      ...Object.fromEntries(['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN', 'DISCORD_TOKEN', 'DISCORD_APPLICATION_ID'].map((k) => [k, ''])),
    };
    const digestCli: number[] = [];
    const terminal: number[] = [];
    const terminalEmpty: number[] = [];
    const bareNode: number[] = [];
    for (let rep = 0; rep < REPS; rep++) {
      if (rep === 0) await runChild(process.execPath, ['bin/plenary.js', 'help']); // warms the OS file cache once
      const emptyEnv = { ...startupEnv, PLENARY_STORE: `sqlite://${join(scratch.dir, `empty-${rep}.sqlite`)}` };
      const e = await runChild(process.execPath, ['bin/plenary.js', 'start'], emptyEnv);
      if (e.code !== 0) throw new Error(`plenary start (terminal, stdin closed, empty store) exited ${e.code}: ${e.stderr.slice(-1000)}`);
      terminalEmpty.push(e.wallMs);
      const d = await runChild(process.execPath, ['bin/plenary.js', 'digest', '--date', DATE, '--format', 'json'], startupEnv);
      if (d.code !== 0 || !d.stdout.includes('"totals"')) throw new Error(`plenary digest failed (${d.code}): ${d.stderr.slice(-1000)}`);
      digestCli.push(d.wallMs);
      const t = await runChild(process.execPath, ['bin/plenary.js', 'start'], startupEnv);
      if (t.code !== 0) throw new Error(`plenary start (terminal, stdin closed) exited ${t.code}: ${t.stderr.slice(-1000)}`);
      terminal.push(t.wallMs);
      bareNode.push((await runChild(process.execPath, ['-e', '0'])).wallMs);
    }
    figures.push(figure('startup.digestCli', '`plenary digest --format json` on the day store, spawn → exit', 'ms', digestCli));
    figures.push(figure('startup.terminalEmpty', '`plenary start` (terminal, stdin closed) on an empty store, spawn → exit', 'ms', terminalEmpty));
    figures.push(figure('startup.terminal', '`plenary start` (terminal, stdin closed) on the day store, spawn → exit', 'ms', terminal));
    figures.push(figure('startup.node', 'Reference: `node -e 0`, spawn → exit', 'ms', bareNode));
    log(`start-up: digest CLI ${Math.round(figures.at(-4)?.median ?? 0)} ms, terminal (empty store) ${Math.round(figures.at(-3)?.median ?? 0)} ms`);

    // ── 3b. other parts' sections (bench/sections.ts) ─────────────────────────
    for (const section of SECTIONS) {
      const added = await section.run({ quick, repetitions: REPS, dir: scratch.dir, dayStore: dayPath, date: DATE });
      for (const f of added) if (!f.id.startsWith('section.')) throw new Error(`bench section ${section.name}: figure id ${f.id} must start with "section."`);
      figures.push(...added);
      log(`section ${section.name}: ${added.map((f) => `${f.label} ${f.median.toFixed(1)} ${f.unit}`).join('; ')}`);
    }

    // ── 4. growth: ingest through the core and digest at 1×, 4×, 16× participants ──
    for (const factor of GROWTH_FACTORS) {
      const shape = { ...GROWTH_BASE, participants: GROWTH_BASE.participants * factor };
      const ingestUs: number[] = [];
      const digestUs: number[] = [];
      const digestMs: number[] = [];
      const rssMb: number[] = [];
      for (let rep = 0; rep < GROWTH_REPS; rep++) {
        const path = join(scratch.dir, `growth-${factor}-${rep}.sqlite`);
        const ingest = await ingestDayThroughCore(path, shape);
        ingestUs.push(1e6 / ingest.rate);
        const r = await runTsJson<ColdRun>('bench/cold-digest.ts', ['--store', path, '--date', DATE, '--repeat', '2']);
        if (r.reactions !== reactionsOf(shape)) throw new Error(`growth ${factor}×: digest counts ${r.reactions}, ${reactionsOf(shape)} were reacted`);
        const warm = Math.min(...r.warmMs);
        digestMs.push(warm);
        // Peak RSS of one pass in its own process, as `plenary digest` makes it: the warm repeats above keep
        // the heap of three digests high before V8 collects, which is not the digest's own memory.
        const once = await runTsJson<ColdRun>('bench/cold-digest.ts', ['--store', path, '--date', DATE]);
        rssMb.push(once.maxRssMb);
        digestUs.push((warm * 1000) / reactionsOf(shape));
        log(`growth ${factor}× rep ${rep + 1}: ${reactionsOf(shape)} reactions, ingest ${Math.round(ingest.rate)}/s, digest ${Math.round(warm)} ms`);
      }
      growth.push({
        factor,
        reactions: reactionsOf(shape),
        ingestUsPerReaction: figure(`growth.${factor}.ingest`, `Ingest cost per reaction at ${factor}×`, 'µs', ingestUs),
        digestUsPerReaction: figure(`growth.${factor}.digest`, `Digest cost per reaction at ${factor}×`, 'µs', digestUs),
        digestMs: figure(`growth.${factor}.digestMs`, `Digest (warm) at ${factor}×`, 'ms', digestMs),
        rssMb: figure(`growth.${factor}.rss`, `Digest process peak RSS at ${factor}× (one pass, as \`plenary digest\`)`, 'MB', rssMb),
      });
    }

    // ── 5. Slack: HTTP /react under load vs bare Bolt; the chat.update burst (full run only) ──
    if (quick) {
      log('slack: skipped in quick mode');
    } else {
      const rps: number[][] = [[], [], []];
      const p50: number[][] = [[], [], []];
      const p99: number[][] = [[], [], []];
      for (let rep = 0; rep < REPS; rep++) {
        const r = await slackHttpRep(scratch.dir, rep, SLACK_SECONDS);
        if (r.plenary.acked < 0.95 * r.plenary.ok) {
          checks.push({ dataset: 'slack /react', ok: false, detail: `only ${r.plenary.acked} of ${r.plenary.ok} 200 answers confirmed the reaction` });
          throw new Error(`slack: only ${r.plenary.acked} of ${r.plenary.ok} answers to /react confirmed the reaction (refused or failed requests)`);
        }
        if (r.digestReactions < r.plenary.acked || r.digestReactions > r.plenary.sent) {
          checks.push({ dataset: 'slack /react', ok: false, detail: `digest counts ${r.digestReactions} reactions, ${r.plenary.acked} were acked, ${r.plenary.sent} sent` });
          throw new Error(`slack: the digest counts ${r.digestReactions} reactions but ${r.plenary.acked} were acked`);
        }
        if (rep === 0 || r.plenary.errors) {
          checks.push({ dataset: `slack /react rep ${rep + 1}`, ok: r.plenary.errors === 0, detail: `${r.plenary.acked} acks confirmed the reaction, ${r.plenary.sent} sent (${r.plenary.errors} errors/timeouts); digest counts ${r.digestReactions} ≥ acked` });
        }
        rps[0].push(r.plenary.rps); rps[1].push(r.bare.rps); rps[2].push(r.plenary.rps / r.bare.rps);
        p50[0].push(r.plenary.p50); p50[1].push(r.bare.p50); p50[2].push(r.plenary.p50 / r.bare.p50);
        p99[0].push(r.plenary.p99); p99[1].push(r.bare.p99); p99[2].push(r.plenary.p99 / r.bare.p99);
        log(`slack rep ${rep + 1}: plenary ${Math.round(r.plenary.rps)} req/s p99 ${r.plenary.p99} ms; bare ${Math.round(r.bare.rps)} req/s p99 ${r.bare.p99} ms; digest ${r.digestReactions} ≥ acked ${r.plenary.acked}`);
      }
      figures.push(figure('slack.plenary.rps', '`/react` on `plenary start` (Slack HTTP), 50 connections', 'req/s', rps[0]));
      figures.push(figure('slack.bare.rps', 'Bare Bolt app that only acks, same load', 'req/s', rps[1]));
      figures.push(figure('slack.ratio.rps', 'plenary / bare Bolt req/s (per repetition)', 'ratio', rps[2]));
      figures.push(figure('slack.plenary.p50', '`/react` latency p50, plenary', 'ms', p50[0]));
      figures.push(figure('slack.bare.p50', '`/react` latency p50, bare Bolt', 'ms', p50[1]));
      figures.push(figure('slack.plenary.p99', '`/react` latency p99, plenary', 'ms', p99[0]));
      figures.push(figure('slack.bare.p99', '`/react` latency p99, bare Bolt', 'ms', p99[1]));
      figures.push(figure('slack.ratio.p99', 'plenary / bare Bolt p99 (per repetition)', 'ratio', p99[2]));
      const bursts = [];
      for (let rep = 0; rep < REPS; rep++) {
        const b = await burstRep(scratch.dir, rep);
        if (!b.finalShown) throw new Error('burst: the message never showed the final counts');
        bursts.push(b);
        log(`burst rep ${rep + 1}: ${b.reactions} reactions in ${Math.round(b.burstMs)} ms → ${b.updates} chat.update, min gap ${b.minGapMs} ms, final counts shown ${Math.round(b.settleMs)} ms after the last ack`);
      }
      checks.push({ dataset: 'slack burst', ok: true, detail: 'after each burst the proposal message shows the final counts' });
      figures.push(figure('slack.burst.ms', 'Burst: 1,000 `/react` on one proposal (20 concurrent), first sent → last ack', 'ms', bursts.map((b) => b.burstMs)));
      figures.push(figure('slack.burst.updates', 'Burst: chat.update calls on that message', 'calls', bursts.map((b) => b.updates)));
      figures.push(figure('slack.burst.maxPerSecond', 'Burst: most chat.update calls on the message in any 1 s window', 'calls', bursts.map((b) => b.maxPerSecond)));
      figures.push(figure('slack.burst.minGap', 'Burst: tightest gap between two chat.update calls on the message', 'ms', bursts.map((b) => b.minGapMs)));
      figures.push(figure('slack.burst.settle', 'Burst: last ack → message shows the final counts', 'ms', bursts.map((b) => b.settleMs)));
    }

    // ── 6. the room's screen: 200 open pages, a burst of 1,000 reactions (full run only) ──
    if (!quick) {
      const screens = [];
      for (let rep = 0; rep < REPS; rep++) {
        const s = await screenRep(scratch.dir);
        if (!s.lastStateCorrect) throw new Error('screen: the open pages never showed the final counts');
        screens.push(s);
        log(`screen rep ${rep + 1}: ${s.pages} pages +${s.extraMbFor200Pages.toFixed(1)} MB; burst → ≤ ${s.maxUpdatesPerPagePerSecond} updates/s per page, last state after ${Math.round(s.lastStateAfterMs)} ms`);
      }
      checks.push({ dataset: 'screen burst', ok: true, detail: 'after each burst every open page shows the final counts' });
      figures.push(figure('screen.memory200', 'Screen: extra resident memory of the bot with 200 pages open on one session', 'MB', screens.map((s) => s.extraMbFor200Pages)));
      figures.push(figure('screen.maxPerSecond', 'Screen: burst of 1,000 reactions, most updates one page got in any 1 s window', 'updates', screens.map((s) => s.maxUpdatesPerPagePerSecond)));
      figures.push(figure('screen.updates', 'Screen: updates each page got during the burst', 'updates', screens.map((s) => s.updatesPerPage)));
      figures.push(figure('screen.lastState', 'Screen: first reaction typed → every page shows the final counts', 'ms', screens.map((s) => s.lastStateAfterMs)));
    }
  } finally {
    scratch.remove();
  }

  const results: Results = {
    quick,
    commit,
    measuredAt: new Date().toISOString(),
    machine: { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', platform: process.platform, loadAtStart, loadAtEnd: loadavg()[0] },
    repetitions: REPS,
    ingestRepetitions: INGEST_REPS,
    growthRepetitions: GROWTH_REPS,
    day: DAY,
    growthBase: GROWTH_BASE,
    figures,
    growth,
    checks,
    durationS: (performance.now() - started) / 1000,
    targets: [],
    sectionTargets: SECTIONS.flatMap((s) => s.targets ?? []),
  };
  results.targets = evaluateTargets(results);
  const out = join(ROOT, 'bench', quick ? 'results.quick.json' : 'results.json');
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  if (!quick) writeFileSync(join(ROOT, 'BENCHMARKS.md'), renderMarkdown(results));
  log(`done in ${results.durationS.toFixed(1)} s → ${out}${quick ? '' : ' and BENCHMARKS.md'}`);
  for (const t of results.targets) log(`target ${t.status.padEnd(6)} ${t.name}: ${t.measured}`);
  return checks.every((c) => c.ok) ? 0 : 1;
}

/** `--render`: rewrites BENCHMARKS.md from bench/results.json (after a change to the report text), measuring nothing. */
if (process.argv.includes('--render')) {
  const results = JSON.parse(readFileSync(join(ROOT, 'bench', 'results.json'), 'utf8')) as Results;
  results.targets = evaluateTargets(results);
  writeFileSync(join(ROOT, 'BENCHMARKS.md'), renderMarkdown(results));
  log('BENCHMARKS.md re-rendered from bench/results.json');
} else process.exitCode = await main().catch((error) => {
  console.error(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  return 1;
});
