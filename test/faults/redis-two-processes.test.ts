/**
 * Two `plenary start` processes on one Redis, as in a scaled deployment: both take reactions for the
 * same session at the same time, and both add priorities at once. Reactions from both count together,
 * concurrent additions get distinct codes (claim), and a third process reads the same truth.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.ts';
import { keys, parseReactionKey } from '../../src/keys.ts';
import type { Proposal } from '../../src/model.ts';
import { runCli, tempDeployment } from '../helpers/cli.ts';
import { startRedisServer, type RedisServer } from '../helpers/redis-server.ts';
import { redisEnabled } from '../store/backends.ts';

const CONFIG = {
  conference: { name: 'Scale Conference', timezone: 'UTC' },
  roles: { organisers: ['console:org'], moderators: ['console:mod'] },
};

describe.skipIf(!redisEnabled)('two plenary processes on one Redis', () => {
  let server: RedisServer;
  beforeAll(async () => {
    server = await startRedisServer();
  });
  afterAll(async () => server?.dispose());

  it('count reactions together and never hand out the same proposal code twice', async () => {
    const { env } = tempDeployment(CONFIG);
    env.PLENARY_STORE = server.url;
    const setup = await runCli(['start'], env, 'mod: /session start Shared\nmod: /speaker add itu ITU\nmod: /speaker add icann ICANN\nmod: /speaker add undesa UN DESA\nmod: /priority add itu First\n');
    expect(setup.code, setup.stderr).toBe(0);

    // Priority additions at the start, middle and end of each stream, so the two processes race for codes.
    const script = (name: string, handle: string) =>
      Array.from({ length: 400 }, (_, i) => [
        ...(i % 199 === 0 ? [`mod: /priority add ${handle} Priority ${i} from process ${name}`] : []),
        `${name}${i}: ${i % 2 ? '+👍 P1' : '/react P1 oppose'}`,
      ]).flat().join('\n') + '\n';
    const [a, b] = await Promise.all([runCli(['start'], env, script('a', 'icann')), runCli(['start'], env, script('b', 'undesa'))]);
    for (const run of [a, b]) {
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).not.toMatch(/⚠/);
    }

    const store = await openStore(server.url);
    try {
      const [[sessionKey]] = await store.scan('session:');
      const sid = sessionKey.slice('session:'.length);
      const proposals = (await store.scan<Proposal>(keys.proposalsPrefix(sid))).map(([, p]) => p);
      expect(proposals.map((p) => p.code)).toEqual(['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7']);
      expect(new Set(proposals.map((p) => p.text)).size).toBe(7);
      const reactors = (await store.scan(keys.reactionsOfProposal(sid, 1))).map(([k]) => parseReactionKey(k).user);
      expect(new Set(reactors).size).toBe(800);
    } finally {
      await store.close();
    }
    const json = JSON.parse((await runCli(['digest', '--format', 'json'], env)).stdout);
    const p1 = json.sessions[0].proposals.find((p: { code: string }) => p.code === 'P1');
    expect(p1).toMatchObject({ support: 400, oppose: 400, reactors: 800 });
  });
});
