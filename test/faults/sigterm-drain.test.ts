/**
 * SIGTERM drains, through the real `plenary start` (terminal, piped stdin) in a child process, in the
 * middle of a stream of commands: the process exits 0 within 10 s, the commands answered are exactly
 * the commands stored (none lands unanswered, none breaks half-way on a closed store). The store is
 * Redis behind a proxy that, once the bot is answering, delays every reply 150 ms, so a command is always under way when the
 * signal comes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.ts';
import { parseReactionKey } from '../../src/keys.ts';
import { runCli, spawnCli, tempDeployment } from '../helpers/cli.ts';
import { startRedisServer, type RedisServer } from '../helpers/redis-server.ts';
import { startTcpProxy, type TcpProxy } from '../helpers/tcp-proxy.ts';
import { redisEnabled } from '../store/backends.ts';

const CONFIG = {
  conference: { name: 'Drain', timezone: 'UTC' },
  roles: { organisers: ['console:org'], moderators: ['console:mod'] },
};
const SETUP = 'mod: /session start Drain\nmod: /speaker add itu ITU\nmod: /priority add itu National CIRTs\n';
const ACK = /^\[to (u\d+)\] You support P1\.$/;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!redisEnabled)('plenary start: SIGTERM', () => {
  let redis: RedisServer;
  let proxy: TcpProxy;
  beforeAll(async () => {
    redis = await startRedisServer();
    proxy = await startTcpProxy(redis.port);
  });
  afterAll(async () => {
    await proxy?.close();
    await redis?.dispose();
  });

  it('finishes what is under way, keeps every answered command, and exits 0 within 10 s', async () => {
    const { env } = tempDeployment(CONFIG);
    env.PLENARY_STORE = `redis://127.0.0.1:${proxy.port}`;
    const setup = await runCli(['start'], env, SETUP);
    expect(setup.code, setup.stderr).toBe(0);

    const child = spawnCli(['start'], env);
    const acked = new Set<string>();
    const lines: string[] = [];
    let stderr = '';
    let buffer = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      buffer += chunk;
      const parts = buffer.split('\n');
      buffer = parts.pop() ?? '';
      for (const line of parts) {
        lines.push(line);
        const m = ACK.exec(line);
        if (m) acked.add(m[1]);
      }
    });
    child.stdin.on('error', () => {});
    const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.on('close', (code, signal) => done({ code, signal })));

    let sent = 0;
    let stop = false;
    const sender = (async () => {
      while (!stop && child.exitCode === null) {
        child.stdin.write(`u${sent++}: /react P1 support\n`);
        await sleep(50);
      }
    })();
    const until = Date.now() + 30_000;
    // The delay starts once the bot answers: its start-up (connect, index check) is not what is drained, and a
    // loaded machine plus 150 ms a reply could push a start-up call past the store's timeout.
    while (acked.size < 1 && Date.now() < until) await sleep(20);
    proxy.delayReplies(150);
    const firstAcks = acked.size;
    while (acked.size < firstAcks + 5 && Date.now() < until) await sleep(20);
    expect(acked.size).toBeGreaterThanOrEqual(firstAcks + 5); // five of them answered through the delay

    const signalledAt = Date.now();
    child.kill('SIGTERM');
    const { code, signal } = await closed;
    const took = Date.now() - signalledAt;
    stop = true;
    await sender;

    expect(signal, stderr).toBe(null);
    expect(code, stderr).toBe(0);
    expect(took).toBeLessThan(10_000);
    expect(lines.filter((l) => /went wrong|closed|unreachable/i.test(l))).toEqual([]);
    expect(stderr).not.toMatch(/store is closed|error/i);

    proxy.heal();
    const store = await openStore(redis.url);
    try {
      const stored = new Set((await store.scan('reaction:')).map(([key]) => parseReactionKey(key).user.replace(/^console:/, '')));
      expect([...stored].sort()).toEqual([...acked].sort());
    } finally {
      await store.close();
    }
  }, 60_000);
});
