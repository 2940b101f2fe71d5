// Gateway side of the fake: HELLO -> IDENTIFY -> READY + GUILD_CREATE, heartbeats,
// RESUME with replay of missed (or deliberately re-sent) dispatches, intent filtering.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { randomBytes } from 'node:crypto';
import zlib from 'node:zlib';
import { WebSocketServer, type WebSocket } from 'ws';
import type { DiscordModel } from './model.ts';

type Json = Record<string, any>;
export interface GatewayPayload { op: number; d: any; s?: number | null; t?: string | null }
export interface ReceivedPayload extends GatewayPayload { at: number }
export interface LoggedDispatch { s: number; t: string; d: Json }

interface Session {
  id: string; intents: number; seq: number; log: LoggedDispatch[];
  socket?: WebSocket; send?: (p: GatewayPayload) => void;
  /** Set by dropConnection({ replayFromSeq }): replay from here even if the client already saw it. */
  replayFrom?: number;
}

const PRIVILEGED = (1 << 1) | (1 << 8) | (1 << 15);

export class FakeGateway {
  /** Every payload a client sent us, in order (IDENTIFY, heartbeats, RESUME...). */
  readonly received: ReceivedPayload[] = [];
  /** Every websocket connection: URL (with v/encoding/compress query) and time. */
  readonly connections: { url: string; at: number }[] = [];
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly sessions = new Map<string, Session>();
  private current?: Session;

  constructor(private readonly model: DiscordModel, private readonly urls: () => { gateway: string; resume: string }) {
    this.wss.on('connection', (ws, req) => this.onConnection(ws, req));
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.wss.handleUpgrade(req, socket, head, (ws) => this.wss.emit('connection', ws, req));
  }

  get sessionId(): string | undefined { return this.current?.id; }
  get sequence(): number { return this.current?.seq ?? 0; }
  get connected(): boolean { return Boolean(this.current?.socket); }
  /** All dispatches of the current session (what a RESUME can replay). */
  get dispatched(): readonly LoggedDispatch[] { return this.current?.log ?? []; }

  /**
   * Send a dispatch (op 0). Logged with the next sequence number even while the client is
   * disconnected, so it is delivered on RESUME. Returns the sequence, or undefined when the
   * session's intents filter it out (Discord would not send it either).
   */
  dispatch(t: string, d: Json, intent?: number): number | undefined {
    const s = this.current;
    if (!s) throw new Error(`fake-discord: cannot dispatch ${t} before the client has identified`);
    if (intent !== undefined && !(s.intents & intent)) return undefined;
    const entry = { s: ++s.seq, t, d };
    s.log.push(entry);
    s.send?.({ op: 0, s: entry.s, t, d });
    return entry.s;
  }

  /**
   * Close the socket as Discord does on trouble (default 4000 -> discord.js RESUMEs after ~500 ms).
   * `replayFromSeq`: on the next RESUME re-send every dispatch with s > replayFromSeq, even ones the
   * client already acknowledged, to test that replays are applied once.
   */
  dropConnection(opts: { code?: number; replayFromSeq?: number } = {}): void {
    const s = this.current;
    if (!s?.socket) throw new Error('fake-discord: no live gateway connection to drop');
    s.replayFrom = opts.replayFromSeq;
    const ws = s.socket;
    this.detach(s);
    ws.close(opts.code ?? 4000, 'fake-discord drop');
  }

  /** op 7 RECONNECT: discord.js closes with 4200 and RESUMEs. */
  requestReconnect(opts: { replayFromSeq?: number } = {}): void {
    const s = this.current;
    if (!s?.send) throw new Error('fake-discord: no live gateway connection');
    s.replayFrom = opts.replayFromSeq;
    s.send({ op: 7, d: null });
  }

  /** op 9 INVALID_SESSION; d=false forgets the session so the client must IDENTIFY again. */
  invalidateSession(resumable = false): void {
    const s = this.current;
    if (!s?.send) throw new Error('fake-discord: no live gateway connection');
    if (!resumable) this.sessions.delete(s.id);
    s.send({ op: 9, d: resumable });
  }

  async close(): Promise<void> {
    for (const ws of this.wss.clients) ws.terminate();
    await new Promise<void>((r) => this.wss.close(() => r()));
  }

  private detach(s: Session): void {
    s.socket = undefined;
    s.send = undefined;
  }

  private onConnection(ws: WebSocket, req: IncomingMessage): void {
    const url = new URL(req.url ?? '/', 'ws://127.0.0.1');
    this.connections.push({ url: req.url ?? '/', at: Date.now() });
    if (url.searchParams.get('v') !== '10') return ws.close(4012, 'Invalid API version');
    if ((url.searchParams.get('encoding') ?? 'json') !== 'json') return ws.close(4002, 'Only json encoding is faked');
    const send = this.makeSender(ws, url.searchParams.get('compress'));
    let session: Session | undefined;
    let identifyCompress = false;
    const out = (p: GatewayPayload) => {
      if (identifyCompress) ws.send(zlib.deflateSync(JSON.stringify(p)));
      else send(p);
    };
    ws.on('message', (raw) => {
      let p: GatewayPayload;
      try { p = JSON.parse(raw.toString()); } catch { return ws.close(4002, 'Decode error'); }
      this.received.push({ ...p, at: Date.now() });
      switch (p.op) {
        case 1: return out({ op: 11, d: null });
        case 2: {
          if (session) return ws.close(4005, 'Already authenticated');
          if (!this.tokenOk(p.d?.token)) return ws.close(4004, 'Authentication failed');
          if (typeof p.d?.intents !== 'number') return ws.close(4013, 'Invalid intent(s)');
          if (this.model.opts.disallowPrivilegedIntents && p.d.intents & PRIVILEGED) return ws.close(4014, 'Disallowed intent(s)');
          identifyCompress = p.d.compress === true;
          session = { id: randomBytes(16).toString('hex'), intents: p.d.intents, seq: 0, log: [], socket: ws, send: out };
          this.sessions.set(session.id, session);
          if (this.current?.socket) this.current.socket.terminate();
          this.current = session;
          this.dispatch('READY', this.readyPayload(session, p.d.shard));
          // Guild ids in READY are unavailable until their GUILD_CREATE arrives (lazy loading).
          for (const g of this.model.guilds.keys()) this.dispatch('GUILD_CREATE', this.model.guildPayload(g));
          return;
        }
        case 6: {
          const s = this.sessions.get(p.d?.session_id);
          if (!this.tokenOk(p.d?.token) || !s) return out({ op: 9, d: false });
          if (s.socket && s.socket !== ws) s.socket.terminate();
          session = s;
          s.socket = ws;
          s.send = out;
          this.current = s;
          const from = Math.min(Number(p.d.seq ?? 0), s.replayFrom ?? Infinity);
          s.replayFrom = undefined;
          for (const e of s.log.filter((x) => x.s > from)) out({ op: 0, s: e.s, t: e.t, d: e.d });
          this.dispatch('RESUMED', {});
          return;
        }
        default:
          if (!session) return ws.close(4003, 'Not authenticated');
          return; // op 3 presence, op 4 voice, op 8 request members: accepted and recorded only
      }
    });
    ws.on('close', () => { if (session?.socket === ws) this.detach(session); });
    ws.on('error', () => {});
    out({ op: 10, d: { heartbeat_interval: this.model.opts.heartbeatIntervalMs ?? 41250 } });
  }

  /** JSON text frames; with `compress=zlib-stream` one shared deflate context, Z_SYNC_FLUSH per payload. */
  private makeSender(ws: WebSocket, compress: string | null): (p: GatewayPayload) => void {
    if (compress !== 'zlib-stream') return (p) => { if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(p)); };
    const deflate = zlib.createDeflate();
    let chain = Promise.resolve();
    ws.on('close', () => deflate.close());
    return (p) => {
      chain = chain.then(() => new Promise<void>((resolve) => {
        const chunks: Buffer[] = [];
        const onData = (c: Buffer) => chunks.push(c);
        deflate.on('data', onData);
        deflate.write(JSON.stringify(p));
        deflate.flush(zlib.constants.Z_SYNC_FLUSH, () => {
          deflate.off('data', onData);
          if (ws.readyState === ws.OPEN) ws.send(Buffer.concat(chunks));
          resolve();
        });
      }));
    };
  }

  private tokenOk(token: unknown): boolean {
    const want = this.model.opts.token;
    return typeof token === 'string' && token.length > 0 && (!want || token === want);
  }

  private readyPayload(s: Session, shard: unknown): Json {
    return {
      v: 10, user: { ...this.model.botUser, verified: true, mfa_enabled: false, email: null },
      user_settings: {}, private_channels: [], relationships: [], presences: [], geo_ordered_rtc_regions: [],
      guilds: [...this.model.guilds.keys()].map((id) => ({ id, unavailable: true })),
      session_id: s.id, session_type: 'normal', resume_gateway_url: this.urls().resume,
      ...(Array.isArray(shard) ? { shard } : {}), application: { id: this.model.opts.applicationId, flags: 0 },
      guild_join_requests: [], auth_session_id_hash: randomBytes(16).toString('base64'),
    };
  }
}
