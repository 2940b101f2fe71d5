/**
 * The scheduled digest across real processes: two `plenary start` processes in Slack HTTP mode on one SQLite
 * file, one fake Slack Web API, config `digest.at` a few seconds ahead (seconds allowed in `at`, so the test
 * waits seconds, not up to a minute). Both are running when it falls due; Slack must get exactly one digest
 * post in the channel. A third process started after the post (a restart later that day) posts nothing more.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { spawnCli, tempDeployment } from '../helpers/cli.ts';
import { startFakeSlackWebApi, type FakeSlackWebApi } from '../fakes/slack/fake-web-api.ts';
import { timeOfDayIn } from '../../src/digest-schedule.ts';

const CHANNEL = 'CDIGEST1';
const LEAD_MS = 15_000; // time for both processes to start before the digest falls due
const isDigest = (m: { text?: unknown; blocks?: unknown }) => /Digest of Schedule Conference/.test(`${m.text ?? ''} ${JSON.stringify(m.blocks ?? [])}`);

interface Bot { child: ChildProcessWithoutNullStreams; stderr: () => string; exited: Promise<number | null> }

function startBot(env: NodeJS.ProcessEnv): Promise<Bot> {
  const child = spawnCli(['start'], env);
  let stderr = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`bot did not start: ${stderr}`)), 30_000);
    child.stderr.on('data', (d) => {
      stderr += d;
      if (/listening on port \d+/.test(stderr)) {
        clearTimeout(timer);
        resolve({ child, stderr: () => stderr, exited });
      }
    });
    void exited.then((code) => reject(new Error(`bot exited with ${code}: ${stderr}`)));
  });
}

async function stopBot(bot: Bot): Promise<number | null> {
  if (bot.child.exitCode === null) bot.child.kill('SIGTERM');
  return bot.exited;
}

describe('the scheduled digest with two processes on one SQLite store', () => {
  let api: FakeSlackWebApi | undefined;
  const bots: Bot[] = [];

  afterAll(async () => {
    await Promise.all(bots.map(stopBot));
    await api?.close();
  });

  it('is posted once, at its time, and not again by a process started later that day', async () => {
    // A zone off UTC by a half hour, so "conference time zone" is what is compared; not near its midnight.
    const dueAt = new Date(Date.now() + LEAD_MS);
    const timezone = timeOfDayIn('Asia/Kolkata', dueAt) > '23:58' ? 'UTC' : 'Asia/Kolkata';
    const at = timeOfDayIn(timezone, dueAt);
    expect(at).toMatch(/^\d\d:\d\d:\d\d$/);
    api = await startFakeSlackWebApi();
    const deployment = tempDeployment({
      conference: { name: 'Schedule Conference', timezone },
      roles: { organisers: ['slack:UORG1'], moderators: [] },
      digest: { at, channels: [`slack:${CHANNEL}`] },
    });
    const env = { ...deployment.env, SLACK_API_URL: api.apiUrl, SLACK_BOT_TOKEN: `xoxb-${randomBytes(6).toString('hex')}`, SLACK_SIGNING_SECRET: randomBytes(16).toString('hex') };

    bots.push(...(await Promise.all([startBot(env), startBot(env)])));
    const ready = Date.now();
    console.log(`[digest-schedule] both processes up ${LEAD_MS - (dueAt.getTime() - ready)} ms after the test began; due at ${at} ${timezone}`);
    expect(ready, 'both processes must be up before the digest is due, or the race is not tested').toBeLessThan(dueAt.getTime() - 1000);
    expect(api.messages(CHANNEL).filter(isDigest)).toHaveLength(0); // not before its time

    await expect.poll(() => api!.messages(CHANNEL).filter(isDigest).length, { timeout: LEAD_MS + 15_000, interval: 100 }).toBeGreaterThan(0);
    const postedAt = Date.now();
    const dueMs = Math.floor(dueAt.getTime() / 1000) * 1000; // `at` is whole seconds
    console.log(`[digest-schedule] posted ${postedAt - dueMs} ms after ${at}`);
    // It went out at `at` (the due-time check), not up to a 20 s poll later.
    expect(postedAt).toBeGreaterThanOrEqual(dueMs);
    expect(postedAt - dueMs).toBeLessThan(5_000);
    // Both processes checked when it fell due; give the loser time to (wrongly) post too.
    await new Promise((r) => setTimeout(r, 2_000));
    expect(api.messages(CHANNEL).filter(isDigest)).toHaveLength(1);
    expect(bots.map((b) => /scheduled digest for \S+ posted/.test(b.stderr())).filter(Boolean)).toHaveLength(1);

    // A restart later that day: the new process checks at once, finds the day claimed, posts nothing.
    bots.push(await startBot(env));
    await new Promise((r) => setTimeout(r, 2_000));
    expect(api.messages(CHANNEL).filter(isDigest)).toHaveLength(1);
    expect(bots[2].stderr()).not.toMatch(/scheduled digest for \S+ posted/);

    expect(await Promise.all(bots.map(stopBot))).toEqual([0, 0, 0]);
    for (const bot of bots) expect(bot.stderr()).not.toMatch(/unhandled rejection| error /i);
  }, 90_000);
});
