/**
 * Proves the fakes against the REAL @slack/bolt App (HTTP and Socket Mode).
 * The throwaway app here is only a probe; plenary's adapter gets its own tests.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { App, LogLevel, SocketModeReceiver, type Logger } from '@slack/bolt';
import { startFakeSlackWebApi, type FakeSlackWebApi } from './fake-web-api.ts';
import { signedSender } from './signed-requests.ts';
import { startFakeSocketMode, type FakeSocketMode } from './fake-socket-mode.ts';

const SECRET = 'test-signing-secret';
const BOT_TOKEN = 'xoxb-fake-bot-token';

/** Collects warnings/errors so a test can assert Bolt stayed quiet. */
function quietLogger(sink: string[]): Logger {
  return {
    debug: () => {}, info: () => {},
    warn: (...m: unknown[]) => void sink.push(`warn ${m.join(' ')}`),
    error: (...m: unknown[]) => void sink.push(`error ${m.join(' ')}`),
    setLevel: () => {}, getLevel: () => LogLevel.INFO, setName: () => {},
  };
}

const until = async (cond: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('fake Slack over HTTP with a real Bolt App', () => {
  let api: FakeSlackWebApi;
  let app: App;
  let slack: ReturnType<typeof signedSender>;
  const logs: string[] = [];
  const seen: Record<string, unknown[]> = { command: [], reaction: [], action: [], view: [] };

  beforeAll(async () => {
    api = await startFakeSlackWebApi();
    // The fake must be up before `new App`: with a token, Bolt calls auth.test in the constructor.
    // Retries as soon as Retry-After has passed (by default p-retry pauses another 1–2 s on top of it).
    const retryConfig = { retries: 10, minTimeout: 0, maxTimeout: 0 };
    app = new App({ token: BOT_TOKEN, signingSecret: SECRET, clientOptions: { slackApiUrl: api.apiUrl, retryConfig }, logger: quietLogger(logs) });
    app.command('/react', async ({ command, ack, client, respond }) => {
      await ack();
      seen.command.push(command);
      await client.chat.postMessage({ channel: command.channel_id, text: `got: ${command.text}` });
      await respond({ response_type: 'ephemeral', text: 'noted' });
    });
    app.event('reaction_added', async ({ event, context }) => {
      seen.reaction.push({ event, retryNum: context.retryNum, retryReason: context.retryReason });
    });
    app.action('vote', async ({ ack, action, body, client }) => {
      await ack();
      seen.action.push(action);
      const b = body as unknown as { channel: { id: string }; container: { message_ts: string } };
      await client.chat.update({ channel: b.channel.id, ts: b.container.message_ts, text: 'voted' });
    });
    app.view('panel_setup', async ({ ack, view }) => {
      seen.view.push(view);
      const topic = view.state.values.topic?.input?.value as string | undefined;
      if (!topic) await ack({ response_action: 'errors', errors: { topic: 'Topic is required' } });
      else await ack();
    });
    const server = (await app.start({ port: 0, host: '127.0.0.1' })) as Server;
    const port = (server.address() as AddressInfo).port;
    slack = signedSender({ url: `http://127.0.0.1:${port}/slack/events`, signingSecret: SECRET });
  });

  afterAll(async () => {
    await app.stop();
    await api.close();
  });

  it('answers auth.test with the bot identity Bolt caches', async () => {
    const call = await api.waitFor((c) => c.method === 'auth.test');
    expect(call.token).toBe(BOT_TOKEN);
    expect(call.response).toMatchObject({ ok: true, user_id: 'U0PLENBOT', bot_id: 'B0PLENBOT', team_id: 'T0PLENARY' });
  });

  it('acks a signed slash command; the handler posts and responds via response_url', async () => {
    const responseUrl = api.responseUrl('cmd-1', { channel: 'C0PANEL', user: 'U0ALICE' });
    const res = await slack.slashCommand({
      command: '/react', text: 'support <b> & co', user_id: 'U0ALICE', channel_id: 'C0PANEL', response_url: responseUrl,
    });
    expect(res.status).toBe(200);
    const post = await api.waitFor((c) => c.method === 'chat.postMessage' && c.args.channel === 'C0PANEL');
    expect(post.args.text).toBe('got: support &lt;b&gt; &amp; co'); // Slack's escaping reaches the handler
    const ts = post.response.ts as string;
    expect(ts).toMatch(/^\d{10}\.\d{6}$/);
    expect(api.message('C0PANEL', ts)?.text).toBe('got: support &lt;b&gt; &amp; co');
    const reply = await api.waitForResponse('cmd-1');
    expect(reply.body).toEqual({ response_type: 'ephemeral', text: 'noted' });
    expect(api.ephemerals('C0PANEL').at(-1)).toMatchObject({ user: 'U0ALICE', text: 'noted' });
  });

  it('rejects a forged signature and a stale timestamp with 401, without running handlers', async () => {
    const before = seen.command.length;
    const input = { command: '/react', text: 'x', user_id: 'U0EVE', channel_id: 'C0PANEL' };
    expect((await slack.slashCommand(input, { badSignature: true })).status).toBe(401);
    expect((await slack.slashCommand(input, { staleTimestamp: true })).status).toBe(401);
    await new Promise((r) => setTimeout(r, 100));
    expect(seen.command.length).toBe(before);
  });

  it('answers url_verification with the challenge', async () => {
    const res = await slack.urlVerification('abc123');
    expect(res.json).toEqual({ challenge: 'abc123' });
  });

  it('delivers reaction_added, including retry headers, to app.event', async () => {
    const posted = await app.client.chat.postMessage({ channel: 'C0PANEL', text: 'Speaker 1: opening' });
    const event = {
      type: 'reaction_added', user: 'U0BOB', reaction: '+1', item_user: 'U0PLENBOT',
      item: { type: 'message', channel: 'C0PANEL', ts: posted.ts as string }, event_ts: '1700000001.000200',
    };
    expect((await slack.eventCallback({ event, event_id: 'Ev0001' })).status).toBe(200);
    expect((await slack.eventCallback({ event, event_id: 'Ev0001', retryNum: 1, retryReason: 'http_timeout' })).status).toBe(200);
    await until(() => seen.reaction.length >= 2);
    expect(seen.reaction[0]).toMatchObject({ event: { reaction: '+1', user: 'U0BOB' }, retryNum: undefined });
    // Bolt does not dedupe retries: it hands them to the listener again with context.retryNum set.
    expect(seen.reaction[1]).toMatchObject({ retryNum: 1, retryReason: 'http_timeout' });
    api.addReaction('C0PANEL', posted.ts as string, '+1', 'U0BOB');
    const got = await app.client.reactions.get({ channel: 'C0PANEL', timestamp: posted.ts as string });
    expect(got.message?.reactions).toEqual([{ name: '+1', users: ['U0BOB'], count: 1 }]);
  });

  it('routes a block_action to app.action and a chat.update lands in the message model', async () => {
    const posted = await app.client.chat.postMessage({ channel: 'C0PANEL', text: 'vote now', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'vote' } }] });
    const res = await slack.blockAction({ user: 'U0ALICE', channel: 'C0PANEL', message_ts: posted.ts as string, action_id: 'vote', value: 'support' });
    expect(res.status).toBe(200);
    await api.waitFor((c) => c.method === 'chat.update' && c.args.ts === posted.ts);
    expect(seen.action.at(-1)).toMatchObject({ action_id: 'vote', value: 'support' });
    expect(api.message('C0PANEL', posted.ts as string)).toMatchObject({ text: 'voted', edits: 1 });
  });

  it('routes view_submission to app.view; validation errors come back in the HTTP body', async () => {
    const opened = await app.client.views.open({ trigger_id: '1.2.abc', view: { type: 'modal', callback_id: 'panel_setup', title: { type: 'plain_text', text: 'Setup' }, blocks: [] } });
    expect(opened.view?.id).toMatch(/^V/);
    await expect(app.client.views.open({ trigger_id: '1.2.abc', view: { type: 'modal', title: { type: 'plain_text', text: 'x' }, blocks: [] } }))
      .rejects.toMatchObject({ data: { error: 'exchanged_trigger_id' } });
    const bad = await slack.viewSubmission({ user: 'U0ALICE', view: { callback_id: 'panel_setup', private_metadata: 'session-1', state: { values: {} } } });
    expect(bad.json).toEqual({ response_action: 'errors', errors: { topic: 'Topic is required' } });
    const good = await slack.viewSubmission({
      user: 'U0ALICE',
      view: { callback_id: 'panel_setup', private_metadata: 'session-1', state: { values: { topic: { input: { type: 'plain_text_input', value: 'AI governance' } } } } },
    });
    expect(good.status).toBe(200);
    expect(good.body).toBe('');
    expect(seen.view.at(-1)).toMatchObject({ private_metadata: 'session-1' });
  });

  it('completes files.uploadV2 (getUploadURLExternal → upload URL → completeUploadExternal)', async () => {
    const res = await app.client.files.uploadV2({ channel_id: 'C0PANEL', content: 'minutes: all agreed', filename: 'minutes.txt', title: 'Minutes' });
    expect(res.ok).toBe(true);
    const methods = api.calls.map((c) => c.method).filter((m) => m.startsWith('files.'));
    expect(methods).toEqual(['files.getUploadURLExternal', 'files.upload_url', 'files.completeUploadExternal']);
    const done = api.callsTo('files.completeUploadExternal')[0];
    const id = (done.args.files as { id: string }[])[0].id;
    expect(api.file(id)).toMatchObject({ completed: true, title: 'Minutes', channel_id: 'C0PANEL' });
    expect(api.file(id)?.bytes?.toString()).toBe('minutes: all agreed');
  });

  it('a 429 with Retry-After is honoured by the WebClient, then the post succeeds', async () => {
    api.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    const started = Date.now();
    const res = await app.client.chat.postMessage({ channel: 'C0RATE', text: 'after the storm' });
    expect(res.ok).toBe(true);
    const [limited, ok] = api.callsTo('chat.postMessage').filter((c) => c.args.channel === 'C0RATE');
    expect([limited.status, ok.status]).toEqual([429, 200]);
    const gap = ok.at - limited.at;
    expect(gap).toBeGreaterThanOrEqual(1000);
    console.info(`429 retry: gap ${gap} ms between attempts, ${Date.now() - started} ms total`);
    expect(api.messages('C0RATE').map((m) => m.text)).toEqual(['after the storm']);
  });

  it('a per-method rate limit answers 429s but every update eventually lands', async () => {
    const posted = await app.client.chat.postMessage({ channel: 'C0LIMIT', text: 'v0' });
    api.rateLimit('chat.update', { perSecond: 1 });
    try {
      const texts = ['v1', 'v2', 'v3'];
      await Promise.all(texts.map((text) => app.client.chat.update({ channel: 'C0LIMIT', ts: posted.ts as string, text })));
      const updates = api.callsTo('chat.update').filter((c) => c.args.channel === 'C0LIMIT');
      expect(updates.filter((c) => c.status === 429).length).toBeGreaterThan(0);
      expect(updates.filter((c) => c.status === 200).map((c) => c.args.text).sort()).toEqual(texts);
      expect(api.message('C0LIMIT', posted.ts as string)?.edits).toBe(3);
    } finally {
      api.rateLimit('chat.update', null);
    }
  });

  it('accepts JSON bodies with a Bearer token, and injects 500s and delays', async () => {
    const call = (body: unknown) => fetch(`${api.apiUrl}chat.postMessage`, {
      method: 'POST', headers: { authorization: `Bearer ${BOT_TOKEN}`, 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(body),
    });
    api.failNext('chat.postMessage', { status: 500 });
    expect((await call({ channel: 'C0JSON', text: 'x' })).status).toBe(500);
    api.failNext('chat.postMessage', { delayMs: 300 });
    const t0 = Date.now();
    const res = await call({ channel: 'C0JSON', text: 'json', blocks: [{ type: 'divider' }] });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(300);
    expect(await res.json()).toMatchObject({ ok: true, channel: 'C0JSON', message: { text: 'json', blocks: [{ type: 'divider' }] } });
    expect(api.messages('C0JSON')).toHaveLength(1);
  });

  it('answers unknown methods and wrong token types like Slack', async () => {
    await expect(app.client.apiCall('nope.nothing')).rejects.toMatchObject({ data: { error: 'unknown_method' } });
    await expect(app.client.apps.connections.open({})).rejects.toMatchObject({ data: { error: 'not_allowed_token_type' } });
    expect(logs.filter((l) => l.startsWith('error'))).toEqual([]);
  });
});

describe('fake Slack over Socket Mode with a real Bolt App', () => {
  let api: FakeSlackWebApi;
  let sm: FakeSocketMode;
  let app: App;
  const logs: string[] = [];
  const reactions: unknown[] = [];

  beforeAll(async () => {
    api = await startFakeSlackWebApi();
    sm = await startFakeSocketMode({ webApi: api, pingIntervalMs: 500 });
    // The client pings every clientPingTimeout / 3 and, after a disconnect message, waits clientPingTimeout before
    // reconnecting: 2 s instead of the default 5 s, so both happen within the test's waits.
    const clientOptions = { slackApiUrl: api.apiUrl };
    const logger = quietLogger(logs);
    const receiver = new SocketModeReceiver({ appToken: 'xapp-1-fake', logger, clientPingTimeout: 2000, installerOptions: { clientOptions } });
    app = new App({ socketMode: true, receiver, token: BOT_TOKEN, clientOptions, logger });
    app.command('/react', async ({ ack, command, client }) => {
      await ack({ text: 'queued' }); // ack payload rides back on the socket
      await client.chat.postMessage({ channel: command.channel_id, text: `socket got: ${command.text}` });
    });
    app.event('reaction_added', async ({ event }) => void reactions.push(event));
    await app.start(); // resolves once the fake has said hello
  });

  afterAll(async () => {
    await app.stop(); // resolves before the socket's close handshake; sm.close() waits for it
    await sm.close();
    await api.close();
  });

  it('connects through apps.connections.open with the app-level token', async () => {
    const open = await api.waitFor((c) => c.method === 'apps.connections.open');
    expect(open.token).toBe('xapp-1-fake');
    expect(sm.connectionCount).toBe(1);
  });

  it('handles a slash_commands envelope and acks it with the response payload', async () => {
    const id = await sm.slashCommand({ command: '/react', text: 'a < b', user_id: 'U0ALICE', channel_id: 'C0SOCK' });
    const ack = await sm.waitForAck(id);
    expect(ack.payload).toEqual({ text: 'queued' });
    const post = await api.waitFor((c) => c.method === 'chat.postMessage' && c.args.channel === 'C0SOCK');
    expect(post.args.text).toBe('socket got: a &lt; b');
  });

  it('acks events_api envelopes with an empty payload', async () => {
    const id = await sm.event({ event: { type: 'reaction_added', user: 'U0BOB', reaction: 'eyes', item: { type: 'message', channel: 'C0SOCK', ts: '1700000000.000100' } } });
    expect((await sm.waitForAck(id)).payload).toEqual({});
    await until(() => reactions.length === 1);
  });

  it('stays on one connection across pings, and reconnects once after a disconnect message', async () => {
    await new Promise((r) => setTimeout(r, 1500)); // > two client pings (every ~667 ms) and two server pings (every 500 ms)
    expect(sm.connectionCount).toBe(1);
    sm.sendDisconnect('refresh_requested');
    // The client waits clientPingTimeout (2 s here) before reconnecting with a fresh ticket.
    await until(() => sm.connectionCount === 2 && sm.openConnections === 1, 12_000);
    expect(api.callsTo('apps.connections.open')).toHaveLength(2);
    const id = await sm.slashCommand({ command: '/react', text: 'again', user_id: 'U0ALICE', channel_id: 'C0SOCK' });
    expect((await sm.waitForAck(id)).payload).toEqual({ text: 'queued' });
    expect(logs.filter((l) => l.startsWith('error'))).toEqual([]);
    expect(sm.unexpected).toEqual([]);
  }, 20_000);
});
