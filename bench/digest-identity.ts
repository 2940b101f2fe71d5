/**
 * Byte-identity check of the digest across a change: the CLI's `plenary digest` in every format on the synthetic
 * day and on the demo's panel (replayed once with a fixed, advancing clock), plus in-process session summaries
 * and the digest with the reaction cache warm. `--save <dir>` writes the outputs; `--check <dir>` compares.
 * The stores are built once into `--stores` and kept, so before and after read the very same files.
 *
 *   node bin/run-ts.js bench/digest-identity.ts --save bench/tmp/identity-before   (on the old build)
 *   node bin/run-ts.js bench/digest-identity.ts --check bench/tmp/identity-before  (on the new one)
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseConfig } from '../src/config.ts';
import { Plenary } from '../src/plenary.ts';
import { openStore } from '../src/store/open-store.ts';
import { keys } from '../src/keys.ts';
import { ConsoleAdapter } from '../adapters/console/console-adapter.ts';
import { demoLines } from '../cli/demo.ts';
import { DEMO_MODERATOR } from '../cli/demo-script.ts';
import { buildDayBulk, type DayShape } from './synthetic-day.ts';
import { benchConfig } from './polis.ts';
import { ROOT, runChild, TMP_ROOT } from './measure.ts';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? undefined : process.argv[i + 1];
};
const save = arg('save');
const check = arg('check');
if (!save === !check) {
  console.error('usage: digest-identity.ts (--save <dir> | --check <dir>) [--stores <dir>] [--no-build]');
  process.exit(2);
}
const stores = resolve(arg('stores') ?? join(TMP_ROOT, 'identity-stores'));
mkdirSync(stores, { recursive: true });
const DATE = '2026-11-27';
const DAY: DayShape = { sessions: 60, proposals: 15, participants: 500, date: DATE };
const DEMO_CONFIG = {
  conference: { name: 'UN Cybersecurity Conference', timezone: 'Asia/Shanghai', language: 'en' },
  roles: { organisers: ['console:you'], moderators: [`console:${DEMO_MODERATOR}`] },
};

async function demoStore(path: string) {
  const store = await openStore(`sqlite://${path}`);
  let tick = 0; // advancing, so comments have distinct times, yet the same on every replay
  const core = new Plenary({ store, config: parseConfig(DEMO_CONFIG), clock: () => new Date(Date.parse(`${DATE}T01:00:00Z`) + 250 * tick++) });
  const terminal = new ConsoleAdapter({ core, write: () => {} });
  const { panel, audience, closing } = demoLines();
  // A second session on the same day, left open, with a withdrawn proposal and a group changed after reacting.
  const extra = [
    `${DEMO_MODERATOR}: /session start Second panel`,
    `${DEMO_MODERATOR}: /speaker add ana Ana Lima org:"Org" group:academia`,
    ...['first', 'second', 'third'].map((t) => `${DEMO_MODERATOR}: /priority add ana The ${t} idea`),
    'aud01: /react P1 support great',
    'aud02: /react P1 oppose',
    'aud03: /react P2 neutral hmm',
    'aud01: /iam academia',
    `${DEMO_MODERATOR}: /priority withdraw P3`,
  ];
  for (const line of [...panel, ...audience, ...closing, ...extra]) await terminal.handleLine(line);
  await store.close();
}

const dayPath = join(stores, 'day.sqlite');
const demoPath = join(stores, 'demo.sqlite');
if (!existsSync(dayPath)) await buildDayBulk(dayPath, DAY);
if (!existsSync(demoPath)) await demoStore(demoPath);
const demoConfigPath = join(stores, 'demo.config.json');
writeFileSync(demoConfigPath, JSON.stringify(DEMO_CONFIG));
if (!process.argv.includes('--no-build')) {
  const build = await runChild(process.execPath, [join(ROOT, 'bin', 'build.js')]);
  if (build.code !== 0) throw new Error(`build failed: ${build.stdout}${build.stderr}`);
}

const outputs = new Map<string, string>();
const blank = Object.fromEntries(['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN', 'DISCORD_TOKEN', 'DISCORD_APPLICATION_ID'].map((k) => [k, '']));
const targets = [
  { name: 'day', path: dayPath, config: join(ROOT, 'bench', 'bench.config.json') },
  { name: 'demo', path: demoPath, config: demoConfigPath },
];
for (const t of targets) {
  for (const format of ['json', 'md', 'csv', 'text']) {
    for (const lang of format === 'json' || format === 'csv' ? ['en'] : ['en', 'fr']) {
      const r = await runChild(process.execPath, ['bin/plenary.js', 'digest', '--date', DATE, '--format', format, '--lang', lang], {
        ...blank, PLENARY_STORE: `sqlite://${t.path}`, PLENARY_CONFIG: t.config,
      });
      if (r.code !== 0) throw new Error(`digest ${t.name} ${format}: ${r.stderr}`);
      outputs.set(`${t.name}.cli.${format}.${lang}`, r.stdout);
    }
  }
}
// In process, from the sources: every summary of the demo, and the digest streamed (cold) and from the warm cache.
for (const t of targets) {
  const store = await openStore(`sqlite://${t.path}`);
  const config = t.name === 'demo' ? parseConfig(DEMO_CONFIG) : benchConfig();
  const cold = await new Plenary({ store, config }).summaries.digest(DATE);
  outputs.set(`${t.name}.core.digest`, JSON.stringify(cold, null, 1));
  if (t.name === 'demo') {
    const core = new Plenary({ store, config });
    for (const [key] of await store.scan(keys.dayPrefix(DATE))) {
      const sid = key.slice(keys.dayPrefix(DATE).length);
      outputs.set(`demo.core.summary.${sid}`, JSON.stringify(await core.summaries.sessionSummary(sid), null, 1));
    }
    const warm = await core.summaries.digest(DATE);
    if (JSON.stringify(warm) !== JSON.stringify(cold)) throw new Error('demo: the digest from the warm cache differs from the streamed one');
  }
  await store.close();
}

const sha = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);
if (save) {
  mkdirSync(save, { recursive: true });
  for (const [name, text] of outputs) writeFileSync(join(save, name), text);
  for (const [name, text] of outputs) console.log(`${sha(text)}  ${name} (${text.length} chars)`);
} else {
  let bad = 0;
  for (const [name, text] of outputs) {
    const file = join(check as string, name);
    const before = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
    const same = before === text;
    if (!same) bad++;
    console.log(`${same ? 'same     ' : 'DIFFERENT'}  ${sha(text)}  ${name} (${text.length} chars)`);
  }
  console.log(bad === 0 ? `all ${outputs.size} outputs byte-identical` : `${bad} of ${outputs.size} outputs differ`);
  process.exit(bad === 0 ? 0 : 1);
}
