/**
 * A fake Socket Mode backend (wss-primary.slack.com stand-in) on 127.0.0.1.
 * The Bolt SocketModeReceiver gets its URL from the fake Web API's apps.connections.open,
 * receives `hello`, then envelopes pushed by the test; its acks are recorded by envelope_id.
 *
 * What @slack/socket-mode 3.x expects (read from its source):
 *  - it only resolves start() after a `{type:'hello'}` text frame;
 *  - it pings every clientPingTimeout/3 (~1.7 s) and drops the link after >3 unanswered
 *    pings — `ws` answers pings automatically;
 *  - once the server has pinged, it expects another ping within serverPingTimeout (30 s),
 *    so we keep pinging on an interval;
 *  - `{type:'disconnect'}` makes it close and (unless shutting down) reconnect after
 *    clientPingTimeout × consecutive-failures ms via a fresh apps.connections.open.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { randomUUID } from 'node:crypto';
import { WebSocketServer, type WebSocket } from 'ws';
import { poll, type FakeSlackWebApi } from './fake-web-api.ts';
import {
  buildBlockAction, buildEventCallback, buildSlashCommand, buildViewSubmission,
  type BlockActionInput, type EventCallbackInput, type SlashCommandInput, type ViewSubmissionInput,
} from './payloads.ts';

export type EnvelopeType = 'slash_commands' | 'events_api' | 'interactive';

export interface Envelope {
  envelope_id: string;
  type: EnvelopeType | string;
  payload: unknown;
  accepts_response_payload: boolean;
  retry_attempt?: number; // events_api only
  retry_reason?: string;
}

export interface Ack { envelope_id: string; payload: Record<string, unknown>; at: number }

export interface FakeSocketModeOptions {
  webApi?: FakeSlackWebApi; // attach so apps.connections.open returns our URL
  appId?: string;
  pingIntervalMs?: number; // server → client pings (Slack sends them periodically)
}

export interface FakeSocketMode {
  readonly url: string; // ws://127.0.0.1:<port>/link/
  connectUrl(): string; // a fresh single-use ticket URL, as apps.connections.open returns
  readonly connectionCount: number; // total accepted connections (reconnect spam shows here)
  readonly openConnections: number;
  readonly acks: Ack[];
  readonly sent: Envelope[];
  readonly unexpected: unknown[]; // frames from the client that were not acks
  waitForConnection(timeoutMs?: number): Promise<void>;
  waitForDisconnect(timeoutMs?: number): Promise<void>; // all connections closed
  push(env: Omit<Envelope, 'envelope_id' | 'accepts_response_payload'> & Partial<Envelope>): Promise<string>;
  slashCommand(input: SlashCommandInput): Promise<string>;
  event(input: EventCallbackInput & { retryAttempt?: number; retryReason?: string }): Promise<string>;
  blockAction(input: BlockActionInput): Promise<string>;
  viewSubmission(input: ViewSubmissionInput): Promise<string>;
  waitForAck(envelopeId: string, timeoutMs?: number): Promise<Ack>;
  sendDisconnect(reason?: 'refresh_requested' | 'warning' | 'link_disabled'): void;
  close(): Promise<void>;
}

export async function startFakeSocketMode(opts: FakeSocketModeOptions = {}): Promise<FakeSocketMode> {
  const appId = opts.appId ?? opts.webApi?.identity.appId ?? 'A0PLENARY';
  const tickets = new Set<string>();
  const live: WebSocket[] = [];
  const acks: Ack[] = [];
  const sent: Envelope[] = [];
  const unexpected: unknown[] = [];
  let connectionCount = 0;
  const sockets = new Set<Socket>();

  const http: Server = createServer((_req, res) => res.writeHead(426).end('upgrade required'));
  http.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
  const wss = new WebSocketServer({ noServer: true });

  // Tickets are single-use, like Slack's: a client must call apps.connections.open per connect.
  http.on('upgrade', (req, socket, head) => {
    const u = new URL(req.url ?? '/', 'http://127.0.0.1');
    const ticket = u.searchParams.get('ticket') ?? '';
    if (u.pathname !== '/link/' || !tickets.delete(ticket)) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws));
  });

  wss.on('connection', (ws: WebSocket) => {
    connectionCount += 1;
    live.push(ws);
    const pinger = setInterval(() => ws.ping(Buffer.from(`ping ${Date.now()}`)), opts.pingIntervalMs ?? 5000);
    pinger.unref();
    ws.on('close', () => {
      clearInterval(pinger);
      live.splice(live.indexOf(ws), 1);
    });
    ws.on('message', (data, isBinary) => {
      if (isBinary) return void unexpected.push(data);
      let msg: { envelope_id?: string; payload?: Record<string, unknown> };
      try { msg = JSON.parse(data.toString()); } catch { return void unexpected.push(data.toString()); }
      if (msg.envelope_id) acks.push({ envelope_id: msg.envelope_id, payload: msg.payload ?? {}, at: Date.now() });
      else unexpected.push(msg);
    });
    ws.send(JSON.stringify({
      type: 'hello',
      num_connections: live.length,
      debug_info: { host: 'applink-fake-1', build_number: 1, approximate_connection_time: 18060 },
      connection_info: { app_id: appId },
    }));
  });

  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const base = `ws://127.0.0.1:${(http.address() as AddressInfo).port}/link/`;

  const waitForConnection = (timeoutMs = 5000) =>
    poll(() => (live.some((w) => w.readyState === w.OPEN) ? true : undefined), timeoutMs, () => 'a Socket Mode connection')
      .then(() => undefined);

  const push: FakeSocketMode['push'] = async (env) => {
    await waitForConnection();
    const full: Envelope = {
      envelope_id: env.envelope_id ?? randomUUID(),
      type: env.type,
      payload: env.payload,
      // Slack allows a response payload in the ack for commands and interactivity, not events.
      accepts_response_payload: env.accepts_response_payload ?? env.type !== 'events_api',
      ...(env.type === 'events_api' ? { retry_attempt: env.retry_attempt ?? 0, retry_reason: env.retry_reason ?? '' } : {}),
    };
    const target = [...live].reverse().find((w) => w.readyState === w.OPEN);
    if (!target) throw new Error('no open Socket Mode connection');
    sent.push(full);
    target.send(JSON.stringify(full));
    return full.envelope_id;
  };

  const fake: FakeSocketMode = {
    url: base,
    connectUrl() {
      const ticket = randomUUID();
      tickets.add(ticket);
      return `${base}?ticket=${ticket}&app_id=${appId}`;
    },
    get connectionCount() { return connectionCount; },
    get openConnections() { return live.length; },
    acks,
    sent,
    unexpected,
    waitForConnection,
    waitForDisconnect: (timeoutMs = 5000) =>
      poll(() => (live.length === 0 ? true : undefined), timeoutMs, () => 'all connections to close').then(() => undefined),
    push,
    slashCommand: (i) => push({ type: 'slash_commands', payload: buildSlashCommand(i) }),
    event: ({ retryAttempt, retryReason, ...i }) => push({
      type: 'events_api', payload: buildEventCallback(i), retry_attempt: retryAttempt, retry_reason: retryReason,
    }),
    blockAction: (i) => push({ type: 'interactive', payload: buildBlockAction(i) }),
    viewSubmission: (i) => push({ type: 'interactive', payload: buildViewSubmission(i) }),
    waitForAck: (id, timeoutMs = 5000) =>
      poll(() => acks.find((a) => a.envelope_id === id), timeoutMs, () => `an ack for envelope ${id}`),
    sendDisconnect(reason = 'refresh_requested') {
      const msg = JSON.stringify({ type: 'disconnect', reason, debug_info: { host: 'applink-fake-1' } });
      for (const w of live) w.send(msg);
    },
    async close() {
      opts.webApi?.attachSocketMode(null);
      // Finish the close handshake politely: if we cut TCP while the client is CLOSING,
      // socket-mode keeps a 30 s handshake timer alive and vitest lingers.
      for (const w of live) w.close(1001, 'fake shutting down');
      await poll(() => (live.length === 0 ? true : undefined), 2000, () => 'clients to close').catch(() => undefined);
      for (const w of [...live]) w.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await new Promise<void>((resolve) => {
        http.close(() => resolve());
        for (const s of sockets) s.destroy();
      });
    },
  };
  opts.webApi?.attachSocketMode(fake);
  return fake;
}
