/**
 * `kill -9` in the middle of `/priority post all` loses nothing and repeats nothing: the real `plenary
 * start` (Slack over HTTP, real Bolt) runs in a child process against the fake Slack, which posts the
 * second card but never answers that chat.postMessage, and the process is SIGKILLed right then: Slack
 * has the card, the outbox has no record of it. A new process on the same store takes the item over
 * once its lease runs out, finds the card in the channel's history by its message metadata, and
 * delivers the rest: in the end every card is in the channel exactly once, in order.
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
const CONFIG = { conference: { name: 'Kill', timezone: 'UTC' }, roles: { moderators: ['slack:UMOD'] } };
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

  it('delivers every card exactly once after a restart', async () => {
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
      return { child, slack: signedSender({ url: `${url}/slack/events`, signingSecret: SECRET }) };
    };
    const first = await launch();
    const on = (line: string) => {
      const [command, ...rest] = line.split(' ');
      return first.slack.slashCommand({ command, text: rest.join(' '), user_id: 'UMOD', channel_id: C });
    };
    await on('/session start Kill panel');
    for (const h of ['ann', 'bob']) await on(`/speaker add ${h} ${h}`);
    for (let i = 0; i < 6; i++) await on(`/priority add ${i < 3 ? 'ann' : 'bob'} Idea ${i}`);
    const cards = () => api.messages(C).filter((m) => /^P\d/.test(String(m.text)));
    const secondCardHeld = api.holdAnswer('chat.postMessage', (a) => a.channel === C && /^P2\b/.test(String(a.text)));
    await on('/priority post all');
    await Promise.race([secondCardHeld, sleep(30_000).then(() => {
      throw new Error(`the second card never went out: ${JSON.stringify(api.calls.map((c) => [c.method, c.status, c.response.error]))} ${output}`);
    })]);
    const exited = new Promise((r) => first.child.once('close', r));
    first.child.kill('SIGKILL');
    await exited;
    expect(cards().map((m) => String(m.text).split(/\s/)[0].replace(/\W+$/, ''))).toEqual(['P1', 'P2']); // Slack has P2; the outbox does not know

    const second = await launch();
    await until(() => cards().length >= 6, 30_000);
    await sleep(1500); // a duplicate would arrive here
    const codes = cards().map((m) => String(m.text).split(/\s/)[0].replace(/\W+$/, ''));
    expect(codes).toEqual(['P1', 'P2', 'P3', 'P4', 'P5', 'P6']);
    second.child.kill('SIGTERM');
    await new Promise((r) => second.child.once('close', r));
  }, 90_000);
});
