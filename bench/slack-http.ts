/**
 * Slack over HTTP under load: signed `/react <code> <stance>` slash commands, each from a new user, over
 * 50 connections with autocannon — against `plenary start` in Slack HTTP mode (a child process on a fresh
 * SQLite store, Web API = the Slack fake) and against a bare Bolt app that only acks (bench/bare-bolt.ts).
 * Afterwards `plenary digest` must count every reaction whose ack confirmed it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { startFakeSlackWebApi, type FakeSlackWebApi } from '../test/fakes/slack/fake-web-api.ts';
import { buildSlashCommand, signedSender, slackSignature } from '../test/fakes/slack/signed-requests.ts';
import { ROOT, runChild } from './measure.ts';
import { stanceConfirmation } from '../src/view-text.ts';
import { negotiate } from '../src/wording/say.ts';
import type { Stance } from '../src/model.ts';

export const SECRET = 'bench-signing-secret';
export const TOKEN = 'xoxb-bench-token';
export const MODERATOR = 'UBENCHMOD';
export const CHANNEL = 'CBENCH';
const FORM = 'application/x-www-form-urlencoded';
const STANCES = ['support', 'neutral', 'oppose'];
export const PROPOSALS = 3;

export interface LoadResult {
  rps: number; // mean requests/s over the run
  p50: number; // ms
  p99: number; // ms
  sent: number;
  ok: number; // 2xx
  acked: number; // 2xx whose ack confirmed the reaction (plenary) or any 2xx (bare)
  errors: number;
  /** The server's CPU time (user + system, /proc) during the load, per request sent: unlike req/s, a busy machine barely moves it. */
  cpuMsPerRequest?: number;
}

/** utime + stime of a process in ms (Linux /proc; undefined elsewhere). */
function cpuMs(pid: number | undefined): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // clock ticks (USER_HZ = 100)
  } catch {
    return undefined;
  }
}

/** `load` with the server's CPU time per request. */
export async function measuredLoad(server: Served, seconds: number, tag: string, responseUrl: string): Promise<LoadResult> {
  const before = cpuMs(server.child.pid);
  const result = await load(server.port, seconds, tag, responseUrl);
  const after = cpuMs(server.child.pid);
  if (before !== undefined && after !== undefined && result.sent > 0) result.cpuMsPerRequest = (after - before) / result.sent;
  return result;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Writes the config of the Slack runs (moderator role for the set-up commands). */
export function slackConfig(dir: string): string {
  const path = join(dir, 'slack.config.json');
  const config = { conference: { name: 'Bench', timezone: 'UTC' }, roles: { organisers: [`slack:${MODERATOR}`], moderators: [`slack:${MODERATOR}`] } };
  writeFileSync(path, JSON.stringify(config));
  return path;
}

export interface Served {
  port: number;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Spawns a server and waits until it answers a signed url_verification. */
export async function serve(args: string[], env: Record<string, string>): Promise<Served> {
  const port = await freePort();
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env, PORT: String(port) }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => void (stderr = (stderr + d.toString()).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const sender = signedSender({ url: `http://127.0.0.1:${port}/slack/events`, signingSecret: SECRET });
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited ${child.exitCode}: ${stderr}`);
    try {
      if ((await sender.urlVerification()).status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${args.join(' ')} did not start within 30 s: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    port,
    child,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** More members than a load of this many seconds can name (bare Bolt acks < 10,000 a second here). */
const MEMBERS_PER_SECOND = 12_000;
const LOCALES = ['en-US', 'fr-FR', 'es-ES', 'ru-RU', 'zh-CN', 'ar'];
/** Every stance confirmation the load can be answered with, in each member's language. */
const CONFIRMATIONS = LOCALES.flatMap((locale) => STANCES.flatMap((stance) =>
  Array.from({ length: PROPOSALS }, (_, i) => stanceConfirmation(stance as Stance, `P${i + 1}`, negotiate(locale, 'en')))));
const confirmed = (body: string) => {
  try {
    const text = (JSON.parse(body) as { text?: unknown }).text;
    return typeof text === 'string' && CONFIRMATIONS.some((c) => text.includes(c));
  } catch {
    return false;
  }
};

/** Until users.list answered its last page (an empty next_cursor); an older build that never asks is not waited for. */
async function directoryRead(api: FakeSlackWebApi): Promise<void> {
  const asked = Date.now() + 3_000;
  while (api.callsTo('users.list').length === 0) {
    if (Date.now() > asked) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  const deadline = Date.now() + 120_000;
  const last = (c: { method: string; response: unknown }) =>
    c.method === 'users.list' && (c.response as { ok?: boolean; response_metadata?: { next_cursor?: string } }).ok === true
    && (c.response as { response_metadata?: { next_cursor?: string } }).response_metadata?.next_cursor === '';
  while (!api.calls.some(last)) {
    if (Date.now() > deadline) throw new Error(`users.list was not read to the end (${api.callsTo('users.list').length} pages)`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The moderator's set-up through signed slash commands: a session, a speaker, PROPOSALS posted proposals. */
export async function setUpPanel(port: number, api: FakeSlackWebApi, responseUrl: string): Promise<void> {
  const slack = signedSender({ url: `http://127.0.0.1:${port}/slack/events`, signingSecret: SECRET });
  const lines: Array<[string, string]> = [
    ['/session', 'start Bench panel'],
    ['/speaker', 'add icann ICANN org:"ICANN" group:technical-community'],
    ...Array.from({ length: PROPOSALS }, (_, i): [string, string] => ['/priority', `add icann Practical proposal number ${i + 1}`]),
    ['/priority', 'post all'],
  ];
  for (const [command, text] of lines) {
    const r = await slack.slashCommand({ command, text, user_id: MODERATOR, channel_id: CHANNEL, response_url: responseUrl });
    if (r.status !== 200) throw new Error(`set-up "${command} ${text}" failed: ${r.status} ${r.body.slice(0, 300)}`);
  }
  // Every proposal is on the channel (posts are paced ~1/s per channel) before the load starts.
  const deadline = Date.now() + 20_000;
  while (api.callsTo('chat.postMessage').filter((c) => c.status === 200).length < PROPOSALS) {
    if (Date.now() > deadline) throw new Error(`set-up: the ${PROPOSALS} proposals were not posted (calls: ${api.calls.map((c) => c.method).join(', ')})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** autocannon: 50 connections, each request a signed `/react` from a user never seen before. */
export async function load(port: number, seconds: number, tag: string, responseUrl: string): Promise<LoadResult> {
  let counter = 0;
  let acked = 0;
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: 50,
    duration: seconds,
    timeout: 10,
    requests: [
      {
        method: 'POST',
        path: '/slack/events',
        setupRequest: (request) => {
          const i = counter++;
          const fields = buildSlashCommand({
            command: '/react', text: `P${(i % PROPOSALS) + 1} ${STANCES[i % 3]}`, user_id: `U${tag}${i}`, channel_id: CHANNEL, response_url: responseUrl,
          });
          const body = new URLSearchParams(fields).toString();
          const ts = Math.floor(Date.now() / 1000);
          return { ...request, body, headers: { 'content-type': FORM, 'x-slack-request-timestamp': String(ts), 'x-slack-signature': slackSignature(SECRET, ts, body) } };
        },
        onResponse: (status, body) => {
          if (status === 200 && (tag === 'BARE' || confirmed(body))) acked++;
        },
      },
    ],
  });
  return {
    rps: result.requests.mean,
    p50: result.latency.p50,
    p99: result.latency.p99,
    sent: counter,
    ok: result['2xx'],
    acked,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

export interface SlackHttpRep {
  plenary: LoadResult;
  bare: LoadResult;
  digestReactions: number;
}

/** One repetition: plenary (fresh store) then bare Bolt, same load; then the digest check on plenary's store. */
/** `plenaryBin`: the `plenary` entry to measure (bench/hot-path.ts --before runs an older build beside this one). */
export async function slackHttpRep(dir: string, rep: number, seconds: number, plenaryBin = 'bin/plenary.js'): Promise<SlackHttpRep> {
  const api: FakeSlackWebApi = await startFakeSlackWebApi();
  try {
    const responseUrl = api.responseUrl('bench');
    const storeUrl = `sqlite://${join(dir, `slack-${rep}.sqlite`)}`;
    const env = {
      SLACK_BOT_TOKEN: TOKEN, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: api.apiUrl, SLACK_APP_TOKEN: '',
      DISCORD_TOKEN: '', DISCORD_APPLICATION_ID: '', PLENARY_STORE: storeUrl, PLENARY_CONFIG: slackConfig(dir), PLENARY_LOG_LEVEL: 'error',
    };
    // BENCH_CPU_PROF=<dir>: a CPU profile of plenary under the load (BENCHMARKS.md, profile).
    const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
    // The workspace's members, as the load will name them: plenary reads their languages (users.list) at
    // start, as it would a conference's workspace, and the load waits until the last page was answered.
    const tag = `P${rep}X`;
    for (let i = 0; i < seconds * MEMBERS_PER_SECOND; i++) api.seedUser(`U${tag}${i}`, { name: `m${i}`, locale: LOCALES[i % LOCALES.length] });
    const plenaryServer = await serve([...profile, plenaryBin, 'start'], env);
    let plenary: LoadResult;
    try {
      await directoryRead(api);
      await setUpPanel(plenaryServer.port, api, responseUrl);
      // Slack user ids are upper-case letters and digits; plenary refuses anything else as a malformed request.
      plenary = await measuredLoad(plenaryServer, seconds, tag, responseUrl);
    } finally {
      await plenaryServer.stop();
    }
    const date = new Date().toISOString().slice(0, 10);
    const digest = await runChild(process.execPath, [plenaryBin, 'digest', '--date', date, '--format', 'json'], env);
    if (digest.code !== 0) throw new Error(`plenary digest failed: ${digest.stderr.slice(-1000)}`);
    const digestReactions = (JSON.parse(digest.stdout) as { totals: { reactions: number } }).totals.reactions;

    const bareServer = await serve(['bin/run-ts.js', 'bench/bare-bolt.ts'], env);
    let bare: LoadResult;
    try {
      bare = await measuredLoad(bareServer, seconds, 'BARE', responseUrl);
    } finally {
      await bareServer.stop();
    }
    return { plenary, bare, digestReactions };
  } finally {
    await api.close();
  }
}
