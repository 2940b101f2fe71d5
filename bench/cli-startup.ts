/**
 * The two start-up figures of the full bench (bench/run.ts §3), on their own: `plenary digest --format json` on
 * the synthetic day and `plenary start` (terminal, stdin closed) on an empty store, spawn → exit, with
 * `node -e 0` as the reference. Builds the day once into `--dir` (kept between runs) and runs the build first.
 *
 *   node bin/run-ts.js bench/cli-startup.ts [--dir bench/tmp/cli] [--reps 5] [--quick] [--no-build]
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { buildDayBulk, reactionsOf, type DayShape } from './synthetic-day.ts';
import { figure, ROOT, runChild, TMP_ROOT } from './measure.ts';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? undefined : process.argv[i + 1];
};
const quick = process.argv.includes('--quick');
const reps = Number(arg('reps') ?? 5);
const dir = resolve(arg('dir') ?? join(TMP_ROOT, quick ? 'cli-quick' : 'cli'));
const DATE = '2026-11-27';
const DAY: DayShape = { sessions: quick ? 10 : 60, proposals: 15, participants: 500, date: DATE };

mkdirSync(dir, { recursive: true });
if (!process.argv.includes('--no-build')) {
  const build = await runChild(process.execPath, [join(ROOT, 'bin', 'build.js')]);
  if (build.code !== 0) throw new Error(`build failed: ${build.stdout}${build.stderr}`);
}
const dayPath = join(dir, 'day.sqlite');
if (!existsSync(dayPath)) await buildDayBulk(dayPath, DAY);

const env = {
  PLENARY_STORE: `sqlite://${dayPath}`,
  PLENARY_CONFIG: join(ROOT, 'bench', 'bench.config.json'),
  ...Object.fromEntries(['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN', 'DISCORD_TOKEN', 'DISCORD_APPLICATION_ID'].map((k) => [k, ''])),
};
const digest: number[] = [];
const empty: number[] = [];
const node: number[] = [];
await runChild(process.execPath, ['bin/plenary.js', 'help']); // warms the OS file cache once
const load = loadavg()[0];
for (let rep = 0; rep < reps; rep++) {
  const emptyPath = join(dir, `empty-${rep}.sqlite`);
  for (const suffix of ['', '-wal', '-shm']) rmSync(emptyPath + suffix, { force: true });
  const e = await runChild(process.execPath, ['bin/plenary.js', 'start'], { ...env, PLENARY_STORE: `sqlite://${emptyPath}` });
  if (e.code !== 0) throw new Error(`start exited ${e.code}: ${e.stderr}`);
  empty.push(e.wallMs);
  const d = await runChild(process.execPath, ['bin/plenary.js', 'digest', '--date', DATE, '--format', 'json'], env);
  if (d.code !== 0 || !d.stdout.includes('"totals"')) throw new Error(`digest failed (${d.code}): ${d.stderr}`);
  digest.push(d.wallMs);
  node.push((await runChild(process.execPath, ['-e', '0'])).wallMs);
}
const show = (f: ReturnType<typeof figure>) => `${f.label}: median ${f.median.toFixed(0)} ms (min ${f.min.toFixed(0)}, max ${f.max.toFixed(0)}) [${f.samples.map((s) => s.toFixed(0)).join(', ')}]`;
console.log(`${reactionsOf(DAY)} reactions; load average ${load.toFixed(2)} → ${loadavg()[0].toFixed(2)}`);
console.log(show(figure('digest', 'plenary digest --format json', 'ms', digest)));
console.log(show(figure('empty', 'plenary start, empty store', 'ms', empty)));
console.log(show(figure('node', 'node -e 0', 'ms', node)));
