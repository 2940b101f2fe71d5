/**
 * Two real `plenary start` processes in Slack HTTP mode, one Redis, one fake Slack Web API — a scaled
 * deployment behind a load balancer. 10,000 signed `/react` requests are split at random between the two
 * processes (32 in flight; one user's requests in order, so "latest wins" is well defined across
 * processes); the JSON digest, read by a third process on the same store, must equal our own recount of
 * what every acknowledged request set. Then 20 concurrent `/priority add` split across both processes must
 * get unique codes with no gaps (refusals take no code). The bots' stderr must never contain the bot token
 * or the signing secret.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { runCli, spawnCli, tempDeployment } from '../helpers/cli.ts';
import { startRedisServer, redisAvailable, type RedisServer } from '../helpers/redis-server.ts';
import { startFakeSlackWebApi, type FakeSlackWebApi } from '../fakes/slack/fake-web-api.ts';
import { signedSender } from '../fakes/slack/signed-requests.ts';
import { prng } from '../fuzz/harness.ts';
import { say } from '../../src/wording/say.ts';

const SEED = Number(process.env.SCALE_SEED ?? 0x5ca1e);
const REQUESTS = 10_000;
const USERS = 400;
const IN_FLIGHT = 32;
const CHANNEL = 'CSCALE01';
const MOD = 'UMODSCALE';
const ORG = 'UORGSCALE';
const BOT_TOKEN = `xoxb-${randomBytes(8).toString('hex')}-scale`;
const SIGNING_SECRET = randomBytes(16).toString('hex');
const GROUPS = ['government', 'civil-society', 'academia', 'private-sector'];
const CODES = ['P1', 'P2', 'P3', 'P4'];
const STANCE_WORDS: Array<[string, 'support' | 'neutral' | 'oppose' | 'clear']> = [
  ['support', 'support'], ['+1', 'support'], ['agree', 'support'], ['neutral', 'neutral'], ['abstain', 'neutral'],
  ['oppose', 'oppose'], ['-1', 'oppose'], ['Disagree', 'oppose'], ['clear', 'clear'],
];

interface Bot { child: ChildProcessWithoutNullStreams; port: number; stderr: () => string; stdout: () => string }

function startBot(env: NodeJS.ProcessEnv, name: string): Promise<Bot> {
  const child = spawnCli(['start'], env);
  let stderr = '';
  let stdout = '';
  child.stdout.on('data', (d) => (stdout += d));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`bot ${name} did not start: ${stderr}`)), 20_000);
    child.stderr.on('data', (d) => {
      stderr += d;
      const m = /listening on port (\d+)/.exec(stderr);
      if (m) {
        clearTimeout(timer);
        resolve({ child, port: Number(m[1]), stderr: () => stderr, stdout: () => stdout });
      }
    });
    child.on('exit', (code) => reject(new Error(`bot ${name} exited with ${code}: ${stderr}`)));
  });
}

async function stopBot(bot: Bot | undefined): Promise<number | null> {
  if (!bot || bot.child.exitCode !== null) return bot?.child.exitCode ?? null;
  const exited = new Promise<number | null>((r) => bot.child.once('exit', (code) => r(code)));
  bot.child.kill('SIGTERM');
  return exited;
}

/** Runs `work` over `items` with at most `limit` in flight. */
async function pool<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: limit }, async () => {
    while (next < items.length) await work(items[next++]);
  }));
}

type Reply = { text: string; error: boolean };
const replyOf = (json: unknown): Reply => {
  const text = String((json as { text?: unknown })?.text ?? '');
  return { text, error: text.startsWith('⚠') };
};

describe.skipIf(!redisAvailable)(`two Slack processes on one Redis (seed 0x${SEED.toString(16)})`, () => {
  let redis: RedisServer;
  let api: FakeSlackWebApi;
  let bots: Bot[] = [];
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    redis = await startRedisServer();
    api = await startFakeSlackWebApi();
    const deployment = tempDeployment({
      conference: { name: 'Scale Conference', timezone: 'UTC' },
      priorityLimit: 10,
      roles: { organisers: [`slack:${ORG}`], moderators: [`slack:${MOD}`] },
    });
    env = {
      ...deployment.env, PLENARY_STORE: redis.url, PORT: '0', SLACK_API_URL: api.apiUrl,
      SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET,
    };
    // One process logs at debug (the most it ever writes), the other at the default level.
    bots = await Promise.all([startBot({ ...env, PLENARY_LOG_LEVEL: 'debug' }, 'a'), startBot({ ...env, PLENARY_LOG_LEVEL: 'info' }, 'b')]);
  }, 60_000);

  afterAll(async () => {
    await Promise.all(bots.map(stopBot));
    await api?.close();
    await redis?.dispose();
  });

  it('count 10,000 /react requests from both exactly as a recount of the acknowledged ones, and race for codes without gaps', async () => {
    const senders = bots.map((b) => signedSender({ url: `http://127.0.0.1:${b.port}/slack/events`, signingSecret: SIGNING_SECRET }));
    const rng = prng(SEED);
    const slash = async (bot: number, user: string, command: string, text: string): Promise<Reply> => {
      const res = await senders[bot].slashCommand({ command, text, user_id: user, channel_id: CHANNEL });
      expect(res.status, res.body).toBe(200);
      return replyOf(res.json);
    };
    const mod = async (text: string, bot = 0) => {
      const [command, ...rest] = text.split(' ');
      const reply = await slash(bot, MOD, command, rest.join(' '));
      expect(reply.error, `${text}: ${reply.text}`).toBe(false);
      return reply;
    };

    // ── the panel, set up through both processes ──
    await mod('/session start Scale panel theme:"Two processes, one Redis"');
    await mod('/speaker add icann ICANN org:ICANN group:technical-community', 1);
    await mod('/speaker add itu ITU group:intergovernmental', 0);
    for (const handle of ['alpha', 'beta', 'gamma']) await mod(`/speaker add ${handle} Speaker ${handle}`, 1);
    await mod('/priority add icann Keep identifiers globally coordinated', 0);
    await mod('/priority add itu A national CIRT in every country', 1);
    await mod('/priority add icann Universal acceptance & <IDNs>', 0);
    await mod('/priority add itu Capacity building 中文 👍🏽', 1);
    await mod('/priority post all', 0); // four messages, ~1 s apart, while the reactions arrive: live counts from both

    // ── 10,000 reactions: per user a fixed sequence, sent in order, each to a random process ──
    const users = Array.from({ length: USERS }, (_, i) => `UAUD${String(i).padStart(5, '0')}`);
    const perUser = new Map<string, Array<{ bot: number; code: string; word: string; stance: string; comment: string | null }>>();
    for (let i = 0; i < REQUESTS; i++) {
      const user = users[rng.int(USERS)];
      const [word, stance] = rng.pick(STANCE_WORDS);
      const comment = stance !== 'clear' && rng.chance(0.2) ? `Comment ${i} from ${user.slice(-3)} «${rng.pick(['ok', '中文', 'مرحبا', '👍🏽', 'a & b'])}»` : null;
      const list = perUser.get(user) ?? [];
      list.push({ bot: rng.int(2), code: rng.pick(CODES), word, stance, comment });
      perUser.set(user, list);
    }
    const groups = new Map<string, string>(); // users who declare a group (some twice: the latest stands)
    const expected = new Map<string, { stance: string; comment: string | null }>(); // `${code}|${user}`
    const tally = { acked: 0, refused: 0, unexpected: [] as string[] };

    const started = Date.now();
    await pool([...perUser.keys()], IN_FLIGHT, async (user) => {
      if (rng.chance(0.7)) {
        for (let k = 0; k < (rng.chance(0.2) ? 2 : 1); k++) {
          const group = rng.pick(GROUPS);
          const r = await slash(rng.int(2), user, '/iam', group);
          if (r.error) tally.unexpected.push(`/iam ${group}: ${r.text}`);
          else groups.set(user, group);
        }
      }
      for (const req of perUser.get(user)!) {
        const key = `${req.code}|${user}`;
        const before = expected.get(key);
        const r = await slash(req.bot, user, '/react', `${req.code} ${req.word}${req.comment ? ` ${req.comment}` : ''}`);
        if (r.error) {
          tally.refused++;
          // The only refusal we expect: clearing a reaction there is none of.
          if (!(req.stance === 'clear' && !before)) tally.unexpected.push(`${req.code} ${req.word} by ${user}: ${r.text}`);
          continue;
        }
        tally.acked++;
        if (req.stance === 'clear') expected.delete(key);
        else expected.set(key, { stance: req.stance, comment: req.comment ?? before?.comment ?? null });
      }
    });
    const reactMs = Date.now() - started;
    console.log(`[scale] ${REQUESTS} /react over 2 processes: ${reactMs} ms (${Math.round(REQUESTS / (reactMs / 1000))}/s), acked ${tally.acked}, refused ${tally.refused}`);
    expect(tally.unexpected.slice(0, 5)).toEqual([]);
    expect(tally.acked + tally.refused).toBe(REQUESTS);

    // ── the recount ──
    const recount = CODES.map((code) => {
      const row = { code, support: 0, neutral: 0, oppose: 0, byGroup: {} as Record<string, Record<string, number>>, comments: [] as string[] };
      for (const [key, r] of expected) {
        const [c, user] = key.split('|');
        if (c !== code) continue;
        const group = groups.get(user) ?? 'unspecified';
        row[r.stance as 'support']++;
        row.byGroup[group] ??= { support: 0, neutral: 0, oppose: 0 };
        row.byGroup[group][r.stance]++;
        if (r.comment) row.comments.push(`${r.comment} — ${group}`);
      }
      row.comments.sort();
      return { ...row, reactors: row.support + row.neutral + row.oppose };
    });
    const participants = new Set([...expected.keys()].map((k) => k.split('|')[1])).size;

    // ── 20 concurrent additions, split across both processes: 18 valid, 2 refused (unknown speaker, too long) ──
    // (Only refusals that do not depend on the race: the priority limit is checked before the code is
    // claimed, so concurrent additions for one speaker can overshoot it — see the report.)
    const adds = Array.from({ length: 20 }, (_, i) => ({
      handle: i === 7 ? 'nobody' : ['alpha', 'beta', 'gamma'][i % 3],
      text: i === 13 ? 'x'.repeat(501) : `Concurrent priority ${i}`,
      bot: i % 2,
    }));
    const addReplies = await Promise.all(adds.map((a) => slash(a.bot, MOD, '/priority', `add ${a.handle} ${a.text}`)));
    expect(addReplies.map((r) => r.error)).toEqual(adds.map((_, i) => i === 7 || i === 13));
    const ackedCodes = addReplies.filter((r) => !r.error).map((r) => /^(P\d+) added/.exec(r.text)?.[1]);
    expect(new Set(ackedCodes).size).toBe(18);
    expect(ackedCodes.map((c) => Number(c!.slice(1))).sort((a, b) => a - b)).toEqual(Array.from({ length: 18 }, (_, i) => i + 5));

    // ── the digest, read by a third process on the same store ──
    const digest = await runCli(['digest', '--format', 'json'], env);
    expect(digest.code, digest.stderr).toBe(0);
    const json = JSON.parse(digest.stdout);
    expect(json.sessions).toHaveLength(1);
    const session = json.sessions[0];
    const seen = new Map(session.proposals.map((p: any) => [p.code, p]));
    for (const want of recount) {
      const got: any = seen.get(want.code);
      expect({
        code: got.code, support: got.support, neutral: got.neutral, oppose: got.oppose, reactors: got.reactors,
        byGroup: Object.fromEntries(Object.entries(got.byGroup as Record<string, Record<string, number>>)
          .filter(([, c]) => c.support + c.neutral + c.oppose > 0)
          .map(([g, c]) => [g, { support: c.support, neutral: c.neutral, oppose: c.oppose }])),
        comments: got.comments.map((c: { text: string; group: string }) => `${c.text} — ${c.group}`).sort(),
      }).toEqual({ code: want.code, support: want.support, neutral: want.neutral, oppose: want.oppose, reactors: want.reactors, byGroup: want.byGroup, comments: want.comments });
    }
    // The concurrent additions are in the digest too, each text once, under the code its caller was told.
    const concurrent = session.proposals.filter((p: any) => /^Concurrent priority/.test(p.text));
    expect(concurrent).toHaveLength(18);
    for (const [i, r] of addReplies.entries()) {
      if (r.error) continue;
      const code = /^(P\d+)/.exec(r.text)![1];
      expect(concurrent.find((p: any) => p.code === code)?.text).toBe(adds[i].text);
    }
    expect(session.participants).toBe(participants);
    expect(json.totals.reactions).toBe(recount.reduce((s, p) => s + p.reactors, 0));

    // ── Slack saw every proposal posted once, and the live counts ended on the recount ──
    const posted = api.messages(CHANNEL).filter((m) => /^P[1-4] /.test(String(m.text)));
    expect(posted.map((m) => String(m.text).slice(0, 2)).sort()).toEqual(CODES);
    for (const want of recount) {
      const message = posted.find((m) => String(m.text).startsWith(`${want.code} `))!;
      const counts = say('view.stance-words', { support: want.support, neutral: want.neutral, oppose: want.oppose });
      await expect.poll(() => String(api.message(CHANNEL, message.ts)?.text), { timeout: 20_000, interval: 200 }).toContain(counts);
    }

    // ── logs: no token, no signing secret; both processes stop cleanly ──
    const codes = await Promise.all(bots.map(stopBot));
    expect(codes).toEqual([0, 0]);
    for (const bot of bots) {
      const err = bot.stderr();
      expect(err.includes(BOT_TOKEN), 'bot token in stderr').toBe(false);
      expect(err.includes(SIGNING_SECRET), 'signing secret in stderr').toBe(false);
      expect(err).not.toMatch(/unhandled rejection/i);
      expect(err).not.toMatch(/ error /);
    }
    console.log(`[scale] stderr bytes: a ${bots[0].stderr().length}, b ${bots[1].stderr().length}`);
  }, 120_000);
});
