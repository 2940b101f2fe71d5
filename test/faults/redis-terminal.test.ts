/**
 * Faults on the Redis store, through the real `plenary start` (terminal, piped stdin) in a child
 * process, against a private redis-server with appendonly yes + appendfsync always:
 *
 *  - the bot is SIGKILLed mid-stream (and Redis too): every acknowledged reaction is still there;
 *  - Redis is stopped for ~10 s in the middle of a stream of reactions: callers are told privately
 *    to try again, nothing is half-written, the bot does not crash and recovers by itself.
 *
 * Reactions alternate between the slash command and the emoji path, one user per line, so each
 * user's reply says exactly whether their one reaction was recorded.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { openStore } from '../../src/store/open-store.ts';
import { parseReactionKey } from '../../src/keys.ts';
import { STORE_UNAVAILABLE_REPLY } from '../../commands/execute.ts';
import { runCli, spawnCli, tempDeployment } from '../helpers/cli.ts';
import { startRedisServer, type RedisServer } from '../helpers/redis-server.ts';
import { redisEnabled } from '../store/backends.ts';

const CONFIG = {
  conference: { name: 'Fault Conference', timezone: 'UTC' },
  roles: { organisers: ['console:org'], moderators: ['console:mod'] },
};
const SETUP = 'mod: /session start Fault test\nmod: /speaker add itu ITU\nmod: /priority add itu National CIRTs\n';

/** Line i: user u<i> supports P1, by slash command (even i) or by emoji (odd i). */
const reactionLine = (i: number) => (i % 2 === 0 ? `u${i}: /react P1 support\n` : `u${i}: +👍 P1\n`);
const ACK = /^\[to (u\d+)\] You support P1\.$/;
const TRY_AGAIN = new RegExp(`^\\[to (u\\d+)\\] ⚠ ${STORE_UNAVAILABLE_REPLY.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

/** Follows the child's stdout line by line. */
function follow(child: ChildProcessWithoutNullStreams, onLine: (line: string) => void) {
  let buffer = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    buffer += chunk;
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    lines.forEach(onLine);
  });
}

/** Users holding a reaction in the store (read directly, not through the bot). */
async function storedReactors(url: string): Promise<Set<string>> {
  const store = await openStore(url);
  try {
    const rows = await store.scan('reaction:');
    return new Set(rows.map(([key]) => parseReactionKey(key).user.replace(/^console:/, '')));
  } finally {
    await store.close();
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function redisPid(server: RedisServer): Promise<number> {
  const info = await server.command('INFO', 'server');
  const pid = Number(/process_id:(\d+)/.exec(info)?.[1]);
  if (!pid) throw new Error(`no process_id in INFO: ${info.slice(0, 200)}`);
  return pid;
}

describe.skipIf(!redisEnabled)('plenary start on Redis: faults', () => {
  let server: RedisServer;
  beforeAll(async () => {
    server = await startRedisServer();
  });
  afterAll(async () => server?.dispose());

  const deployment = async () => {
    await server.command('FLUSHALL');
    const { env } = tempDeployment(CONFIG);
    env.PLENARY_STORE = server.url;
    const setup = await runCli(['start'], env, SETUP);
    expect(setup.code, setup.stderr).toBe(0);
    expect(setup.stdout).toMatch(/P1/);
    return env;
  };

  it('loses no acknowledged reaction when the bot (and then Redis) is SIGKILLed mid-stream', async () => {
    const env = await deployment();
    const child = spawnCli(['start'], env);
    const acked = new Set<string>();
    const exited = new Promise<NodeJS.Signals | null>((done) => child.on('close', (_code, signal) => done(signal)));
    follow(child, (line) => {
      const match = ACK.exec(line);
      if (match) acked.add(match[1]);
      if (acked.size >= 300 && !child.killed) child.kill('SIGKILL');
    });
    child.stdin.on('error', () => {}); // the pipe breaks when the child dies
    child.stdin.write(Array.from({ length: 5000 }, (_, i) => reactionLine(i)).join(''));
    expect(await exited).toBe('SIGKILL');
    expect(acked.size).toBeGreaterThanOrEqual(300);
    expect(acked.size).toBeLessThan(5000); // it really died mid-stream

    // Redis dies too, without a chance to flush anything: appendfsync always already did.
    process.kill(await redisPid(server), 'SIGKILL');
    await server.restart();

    const stored = await storedReactors(server.url);
    const lost = [...acked].filter((u) => !stored.has(u));
    expect(lost).toEqual([]);
    // A restarted bot sees the same reactions and keeps working.
    const again = await runCli(['start'], env, 'late: /react P1 oppose\nmod: /menu\n');
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('[to late] You oppose P1.');
    expect(again.stdout).toMatch(new RegExp(`👍 ${stored.size} · 😐 0 · 👎 1`));
  });

  it('survives a 10 s Redis outage mid-stream: private "try again", nothing half-written, recovery without restart', async () => {
    const env = await deployment();
    const child = spawnCli(['start'], env);
    const acked = new Set<string>();
    const refused = new Set<string>();
    const other: string[] = [];
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
      child.on('close', (code, signal) => done({ code, signal })),
    );
    follow(child, (line) => {
      const ack = ACK.exec(line);
      const no = TRY_AGAIN.exec(line);
      if (ack) acked.add(ack[1]);
      else if (no) refused.add(no[1]);
      else other.push(line);
    });

    let sent = 0;
    let stop = false;
    const sender = (async () => {
      while (!stop) {
        child.stdin.write(reactionLine(sent++));
        await sleep(20);
      }
      child.stdin.end();
    })();

    const waitUntil = async (what: string, check: () => boolean, ms: number) => {
      const deadline = Date.now() + ms;
      while (!check()) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await sleep(20);
      }
    };

    await waitUntil('acks before the outage', () => acked.size >= 50, 10_000);
    const outageStart = Date.now();
    await server.stop();
    await waitUntil('refusals during the outage', () => refused.size >= 20, 5000);
    await sleep(Math.max(0, 10_000 - (Date.now() - outageStart)));
    const sentBeforeRestart = sent;
    await server.restart();
    const ackedAtRestart = acked.size;
    // Recovery without a restart of the bot: later reactions are acknowledged again.
    await waitUntil('acks after Redis returned', () => acked.size >= ackedAtRestart + 50, 10_000);
    stop = true;
    await sender;
    const { code, signal } = await closed;

    expect({ code, signal }, stderr).toEqual({ code: 0, signal: null }); // no crash, clean exit at end of input
    expect(refused.size).toBeGreaterThanOrEqual(100); // ~10 s at one line per 20 ms
    // Every caller got exactly one private answer, either "recorded" or "try again".
    expect(other).toEqual([]);
    expect(acked.size + refused.size).toBe(sent);
    expect([...acked].filter((u) => refused.has(u))).toEqual([]);
    // Users after the restart were acknowledged (the last one too).
    expect(acked.has(`u${sent - 1}`)).toBe(true);
    expect([...acked].some((u) => Number(u.slice(1)) >= sentBeforeRestart)).toBe(true);

    const stored = await storedReactors(server.url);
    expect([...acked].filter((u) => !stored.has(u))).toEqual([]); // every acknowledged one present
    expect([...refused].filter((u) => stored.has(u))).toEqual([]); // every refused one absent
    expect(stored.size).toBe(acked.size);
    // The outage was logged as warnings, without user ids.
    expect(stderr).toMatch(/warn store unavailable/);
    expect(stderr).not.toMatch(/console:u\d+/);
  }, 40_000);
});
