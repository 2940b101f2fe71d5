/**
 * `kill -9` in the middle of `/priority post all` loses nothing and repeats nothing: the real `plenary
 * start` (Slack over HTTP, real Bolt) runs in a child process against the fake Slack, which posts the
 * second card but never answers that chat.postMessage, and the process is SIGKILLed right then: Slack
 * has the card, the outbox has no record of it. A new process on the same store takes the item over
 * once its lease runs out, finds the card in the channel's history by its message metadata, and
 * delivers the rest: in the end every card is in the channel exactly once, in order.
 *
 * The same with a file share: `/digest post format:md` posts the digest and uploads its Markdown file; the
 * fake completes that upload (the file is shared) but never answers, the cards queued behind it wait, and the
 * process is SIGKILLed. The new process finds the recorded upload shared and posts neither it nor the digest
 * again: the file is in the channel once, then every card once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from 'node:net';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { startFakeSlackWebApi, type FakeSlackWebApi } from '../fakes/slack/fake-web-api.ts';
import { signedSender } from '../fakes/slack/signed-requests.ts';
import { spawnCli, tempDeployment } from '../helpers/cli.ts';
import { until } from '../helpers/until.ts';

const SECRET = 'kill-mid-post-secret';
const C = 'C0KILL';
const CONFIG = { conference: { name: 'Kill', timezone: 'UTC' }, roles: { moderators: ['slack:UMOD'], organisers: ['slack:UMOD'] } };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const a = srv.address();
      srv.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

describe('kill -9 during /priority post all', () => {
  let api: FakeSlackWebApi;
  const children: ChildProcessWithoutNullStreams[] = [];
  beforeAll(async () => {
    api = await startFakeSlackWebApi();
  });
  afterAll(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    await api?.close();
  });

  /** A deployment on its own store whose `plenary start` can be launched (and killed) again and again. */
  function deployment() {
    const { env } = tempDeployment(CONFIG);
    // A short lease, so the second process takes the dead one's item over within the test.
    Object.assign(env, { SLACK_BOT_TOKEN: 'xoxb-kill', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: api.apiUrl, PLENARY_OUTBOX_LEASE_MS: '3000' });
    let output = '';
    const launch = async () => {
      env.PORT = String(await freePort());
      const child = spawnCli(['start'], env);
      child.stdin.end();
      child.stdout.setEncoding('utf8').on('data', (d: string) => (output += d));
      child.stderr.setEncoding('utf8').on('data', (d: string) => (output += d));
      children.push(child);
      const url = `http://127.0.0.1:${env.PORT}`;
      await until(async () => (await fetch(`${url}/healthz`).catch(() => undefined))?.status === 200, 30_000).catch((e) => {
        throw new Error(`${e.message}: ${output}`);
      });
      const slack = signedSender({ url: `${url}/slack/events`, signingSecret: SECRET });
      const on = (channel: string, line: string) => {
        const [command, ...rest] = line.split(' ');
        return slack.slashCommand({ command, text: rest.join(' '), user_id: 'UMOD', channel_id: channel });
      };
      return { child, on };
    };
    return { launch, output: () => output };
  }
  const cardsIn = (channel: string) => api.messages(channel).filter((m) => /^P\d/.test(String(m.text)));
  const codes = (channel: string) => cardsIn(channel).map((m) => String(m.text).split(/\s/)[0].replace(/\W+$/, ''));
  const kill = async (child: ChildProcessWithoutNullStreams) => {
    const exited = new Promise((r) => child.once('close', r));
    child.kill('SIGKILL');
    await exited;
  };
  const stop = async (child: ChildProcessWithoutNullStreams) => {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('close', r));
  };

  it('delivers every card exactly once after a restart', async () => {
    const { launch, output } = deployment();
    const first = await launch();
    const on = (line: string) => first.on(C, line);
    await on('/session start Kill panel');
    for (const h of ['ann', 'bob']) await on(`/speaker add ${h} ${h}`);
    for (let i = 0; i < 6; i++) await on(`/priority add ${i < 3 ? 'ann' : 'bob'} Idea ${i}`);
    const secondCardHeld = api.holdAnswer('chat.postMessage', (a) => a.channel === C && /^P2\b/.test(String(a.text)));
    await on('/priority post all');
    await Promise.race([secondCardHeld, sleep(30_000).then(() => {
      throw new Error(`the second card never went out: ${JSON.stringify(api.calls.map((c) => [c.method, c.status, c.response.error]))} ${output()}`);
    })]);
    await kill(first.child);
    expect(codes(C)).toEqual(['P1', 'P2']); // Slack has P2; the outbox does not know

    const second = await launch();
    await until(() => cardsIn(C).length >= 6, 30_000);
    await sleep(1500); // a duplicate would arrive here
    expect(codes(C)).toEqual(['P1', 'P2', 'P3', 'P4', 'P5', 'P6']);
    await stop(second.child);
  }, 90_000);

  it('shares a digest file exactly once after a restart, then the posts queued behind it', async () => {
    const F = 'C0KILLFILE';
    const { launch, output } = deployment();
    const first = await launch();
    const on = (line: string) => first.on(F, line);
    await on('/session start File panel');
    await on('/speaker add ann ann');
    for (let i = 0; i < 3; i++) await on(`/priority add ann Idea ${i}`);
    const shareHeld = api.holdAnswer('files.completeUploadExternal', (a) => a.channel_id === F);
    await on('/digest post format:md');
    await Promise.race([shareHeld, sleep(30_000).then(() => {
      throw new Error(`the digest file never went out: ${JSON.stringify(api.calls.map((c) => [c.method, c.status, c.response.error]))} ${output()}`);
    })]);
    await on('/priority post all'); // queued behind the digest, in the same channel
    await kill(first.child);
    const fileShares = () => api.messages(F).filter((m) => m.files?.length);
    expect(fileShares()).toHaveLength(1); // Slack shared the file; the outbox does not know
    expect(cardsIn(F)).toEqual([]);

    const second = await launch();
    await until(() => cardsIn(F).length >= 3, 30_000);
    await sleep(1500); // a duplicate would arrive here
    expect(fileShares()).toHaveLength(1);
    expect(fileShares()[0].files?.map((f) => f.name)).toEqual([expect.stringMatching(/^plenary-digest-\d{4}-\d{2}-\d{2}\.md$/)]);
    const uploads = api.callsTo('files.getUploadURLExternal').filter((c) => c.response.ok);
    expect(uploads).toHaveLength(1); // nothing uploaded again
    // In order, each once: the session's opening line, the digest, its file, then the cards.
    const label = (m: { text?: string; files?: unknown[] }) => (m.files?.length ? 'file' : String(m.text).split(/\s/)[0].replace(/\W+$/, ''));
    expect(api.messages(F).map(label)).toEqual(['Session', 'Digest', 'file', 'P1', 'P2', 'P3']);
    await stop(second.child);
  }, 90_000);
});
