/**
 * The room's screen under load, against the real `plenary start` (terminal mode, SQLite) in a child process:
 *  - 200 pages open on one session (server-sent event streams): the bot's extra resident memory;
 *  - a burst of 1,000 reactions typed into the terminal: the updates each open page receives per second
 *    (the most in any one-second window) and when the last state arrives.
 *   node bin/run-ts.js bench/screen.ts   → prints the JSON of one repetition
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { freePort } from './slack-http.ts';
import { ROOT, tempDir } from './measure.ts';

export interface ScreenRep {
  pages: number;
  rssBeforeMb: number;
  rssWithPagesMb: number;
  extraMbFor200Pages: number;
  burstReactions: number;
  maxUpdatesPerPagePerSecond: number;
  updatesPerPage: number;
  lastStateAfterMs: number;
  lastStateCorrect: boolean;
}

const PAGES = 200;
const BURST = 1000;

const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Page {
  times: number[];
  last: string;
  close(): void;
}

function openPage(url: string): Promise<Page> {
  return new Promise((resolve, reject) => {
    const page: Page = { times: [], last: '', close: () => req.destroy() };
    let buffer = '';
    const req = request(url, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`screen answered ${res.statusCode}`));
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) !== -1) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (frame.startsWith('event: state')) {
            page.times.push(performance.now());
            page.last = frame;
          }
        }
      });
      resolve(page);
    });
    req.on('error', (e) => (e.message.includes('socket hang up') ? undefined : reject(e)));
    req.end();
  });
}

export async function screenRep(dir: string): Promise<ScreenRep> {
  const port = await freePort();
  const config = join(dir, 'screen.config.json');
  writeFileSync(config, JSON.stringify({ conference: { name: 'Bench', timezone: 'UTC' }, roles: { organisers: ['console:you'], moderators: ['console:mod'] } }));
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), PLENARY_CONFIG: config, PLENARY_STORE: `sqlite://${join(dir, `screen-${port}.sqlite`)}` };
  for (const k of ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN', 'DISCORD_TOKEN', 'DISCORD_APPLICATION_ID']) delete env[k];
  const child = spawn(process.execPath, ['bin/plenary.js', 'start'], { cwd: ROOT, env });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  const waitFor = async (pattern: RegExp, ms = 20_000) => {
    const end = Date.now() + ms;
    for (;;) {
      const hit = pattern.exec(out);
      if (hit) return hit;
      if (Date.now() > end) throw new Error(`bench/screen: timed out waiting for ${pattern}`);
      await sleep(20);
    }
  };
  const type = (line: string) => child.stdin.write(`${line}\n`);
  try {
    type('mod: /session start Screen bench');
    type('mod: /speaker add icann ICANN');
    for (let i = 1; i <= 3; i++) type(`mod: /priority add icann Proposal ${i}`);
    type('mod: /screen');
    const link = (await waitFor(/(http:\/\/localhost:\d+\/screen\/\S+?)(?= \()/))[1].replace('localhost', '127.0.0.1');
    await sleep(500);
    const rssBeforeMb = rssMb(child.pid!);
    const pages: Page[] = [];
    for (let i = 0; i < PAGES; i++) pages.push(await openPage(`${link}/events`));
    while (pages.some((p) => p.times.length === 0)) await sleep(20);
    await sleep(1000);
    const rssWithPagesMb = rssMb(child.pid!);
    for (const p of pages) p.times.length = 0;

    const start = performance.now();
    for (let i = 0; i < BURST; i++) type(`u${i}: /react P${(i % 3) + 1} support`);
    await waitFor(new RegExp(`\\[to u${BURST - 1}\\] You support`), 60_000);
    const expected = `class=\\"n-support\\">${Math.ceil(BURST / 3)}<`;
    const end = Date.now() + 5000;
    while (Date.now() < end && !pages.every((p) => p.last.includes(expected))) await sleep(20);
    const lastStateAfterMs = Math.max(...pages.map((p) => (p.times.at(-1) ?? start) - start));
    let maxPerSecond = 0;
    for (const p of pages) {
      for (let i = 0; i < p.times.length; i++) {
        let n = 0;
        for (let j = i; j < p.times.length && p.times[j] - p.times[i] < 1000; j++) n++;
        maxPerSecond = Math.max(maxPerSecond, n);
      }
    }
    for (const p of pages) p.close();
    return {
      pages: PAGES,
      rssBeforeMb,
      rssWithPagesMb,
      extraMbFor200Pages: rssWithPagesMb - rssBeforeMb,
      burstReactions: BURST,
      maxUpdatesPerPagePerSecond: maxPerSecond,
      updatesPerPage: pages.reduce((sum, p) => sum + p.times.length, 0) / PAGES,
      lastStateAfterMs,
      lastStateCorrect: pages.every((p) => p.last.includes(expected)),
    };
  } finally {
    child.kill('SIGKILL');
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const scratch = tempDir('screen');
  try {
    console.log(JSON.stringify(await screenRep(scratch.dir), null, 2));
  } finally {
    scratch.remove();
  }
}
