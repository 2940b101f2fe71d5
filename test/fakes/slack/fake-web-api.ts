/**
 * A fake Slack Web API on 127.0.0.1 for driving the real @slack/bolt App / WebClient.
 * Serves /api/<method>, the files upload URL and response_url sinks; records every call.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { BlockError, checkMessageBlocks, refusal } from './block-limits.ts';
import { slackMethods } from './web-api-methods.ts';
import {
  SlackWorld, type ApiResult, type Args, type Identity, type StoredEphemeral, type StoredFile,
  type StoredMessage, type StoredView,
} from './web-api-state.ts';

export type { StoredMessage, StoredEphemeral, StoredFile, StoredView, Identity } from './web-api-state.ts';

export interface RecordedCall {
  method: string;
  args: Args; // parsed body; JSON-string fields (blocks, view, files…) decoded; token removed
  token?: string;
  at: number; // ms epoch when the request arrived
  status: number; // HTTP status answered
  response: ApiResult;
}

export type Fault =
  | { status: 429; retryAfter?: number }
  | { status: 500 | 502 | 503 }
  | { delayMs: number }
  | { error: string }; // HTTP 200 with { ok:false, error }

export interface RecordedResponse { id: string; body: Args; at: number; status: number }

/** Slack: a response_url takes at most 5 posts within 30 minutes of the interaction. */
export const RESPONSE_URL_POSTS = 5;
const RESPONSE_URL_TTL_MS = 30 * 60_000;

export interface FakeWebApiOptions extends Partial<Identity> {
  /** When set, any other bot/user token gets `invalid_auth`. */
  validTokens?: string[];
}

export interface FakeSlackWebApi {
  readonly url: string; // http://127.0.0.1:<port>
  readonly apiUrl: string; // http://127.0.0.1:<port>/api/ — pass as clientOptions.slackApiUrl
  readonly port: number;
  readonly identity: Identity;
  readonly calls: RecordedCall[];
  readonly world: SlackWorld;
  callsTo(method: string): RecordedCall[];
  waitFor(predicate: (c: RecordedCall) => boolean, timeoutMs?: number): Promise<RecordedCall>;
  message(channel: string, ts: string): StoredMessage | undefined;
  messages(channel: string): StoredMessage[];
  ephemerals(channel?: string): StoredEphemeral[];
  view(id: string): StoredView | undefined;
  file(id: string): StoredFile | undefined;
  addReaction(channel: string, ts: string, name: string, user: string): void;
  seedChannel(id: string, info: Args): void;
  seedUser(id: string, info: Args): void;
  /** The bot leaves (or was never invited to) a channel: posts there answer `not_in_channel`. */
  removeBotFrom(channel: string): void;
  /** Posts to `channel` (chat.postMessage, file shares) answer `error` as Slack does, until `null`. */
  refusePostsIn(channel: string, refusal: { error: string; extra?: Args } | null): void;
  failNext(method: string, fault: Fault, times?: number): void;
  rateLimit(method: string, opts: { perSecond: number } | null): void;
  /**
   * The first successful call to `method` whose arguments `match` is done (a message posted stays
   * posted) but its answer never leaves: the caller sees a request in flight, as when a process dies between Slack
   * accepting a post and hearing back. Resolves when that call has been held.
   */
  holdAnswer(method: string, match: (args: Args) => boolean): Promise<RecordedCall>;
  responseUrl(id: string, bind?: { channel?: string; messageTs?: string; user?: string }): string;
  responses(id: string): RecordedResponse[];
  waitForResponse(id: string, timeoutMs?: number): Promise<RecordedResponse>;
  attachSocketMode(source: { connectUrl(): string } | null): void;
  close(): Promise<void>;
}

// The WebClient form-encodes objects as JSON strings; decode the ones Slack documents as JSON.
const JSON_FIELDS = new Set(['blocks', 'attachments', 'view', 'files', 'metadata', 'unfurls', 'users']);

function decodeForm(raw: string): Args {
  const out: Args = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    if (JSON_FIELDS.has(k) && /^[[{]/.test(v)) {
      try { out[k] = JSON.parse(v); continue; } catch { /* keep the string, as Slack would reject it */ }
    }
    out[k] = v;
  }
  return out;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

function parseArgs(raw: Buffer, contentType: string | undefined, query: URLSearchParams): Args {
  const args: Args = Object.fromEntries(query);
  const text = raw.toString('utf8');
  if (!text) return args;
  if (contentType?.includes('application/json')) return { ...args, ...(JSON.parse(text) as Args) };
  return { ...args, ...decodeForm(text) };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function poll<T>(find: () => T | undefined, timeoutMs: number, what: () => string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const hit = find();
    if (hit !== undefined) return hit;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs}ms waiting for ${what()}`);
    await sleep(10);
  }
}

export async function startFakeSlackWebApi(opts: FakeWebApiOptions = {}): Promise<FakeSlackWebApi> {
  const identity: Identity = {
    teamId: opts.teamId ?? 'T0PLENARY', teamDomain: opts.teamDomain ?? 'plenary-test',
    appId: opts.appId ?? 'A0PLENARY', botUserId: opts.botUserId ?? 'U0PLENBOT', botId: opts.botId ?? 'B0PLENBOT',
  };
  const world = new SlackWorld(identity);
  const calls: RecordedCall[] = [];
  const faults = new Map<string, Fault[]>();
  const limits = new Map<string, { perSecond: number; hits: number[] }>();
  const holds = new Map<string, { match: (args: Args) => boolean; held: (c: RecordedCall) => void }>();
  const sinks = new Map<string, { bind: { channel?: string; messageTs?: string; user?: string }; got: RecordedResponse[]; createdAt: number }>();
  let socketSource: { connectUrl(): string } | null = null;
  let base = '';
  const handlers = slackMethods(world, () => `${base}/upload/v1`, () => socketSource?.connectUrl());

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(JSON.stringify(body));
  };

  async function api(method: string, req: IncomingMessage, res: ServerResponse, query: URLSearchParams) {
    const at = Date.now();
    const args = parseArgs(await readBody(req), req.headers['content-type'], query);
    const bearer = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const token = bearer ?? (typeof args.token === 'string' ? args.token : undefined);
    delete args.token;
    const record = (status: number, response: ApiResult, headers?: Record<string, string>) => {
      const call = { method, args, token, at, status, response };
      calls.push(call);
      const hold = holds.get(method);
      if (hold && status === 200 && response.ok && hold.match(args)) {
        holds.delete(method);
        return hold.held(call); // done, never answered (the socket is destroyed on close)
      }
      send(res, status, response, headers);
    };

    const fault = faults.get(method)?.shift();
    if (fault && 'delayMs' in fault) await sleep(fault.delayMs);
    else if (fault && 'status' in fault && fault.status === 429) {
      return record(429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(fault.retryAfter ?? 1) });
    } else if (fault && 'status' in fault) return record(fault.status, { ok: false, error: 'fatal_error' });
    else if (fault && 'error' in fault) return record(200, { ok: false, error: fault.error });

    const limit = limits.get(method);
    if (limit) {
      limit.hits = limit.hits.filter((t) => at - t < 1000);
      if (limit.hits.length >= limit.perSecond) {
        const wait = Math.max(1, Math.ceil((1000 - (at - limit.hits[0])) / 1000));
        return record(429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(wait) });
      }
      limit.hits.push(at);
    }

    const handler = handlers[method];
    if (!handler) return record(200, { ok: false, error: 'unknown_method' });
    if (!token) return record(200, { ok: false, error: 'not_authed' });
    const appLevel = token.startsWith('xapp-');
    // Slack enforces token types: app-level tokens only open sockets, bot tokens cannot.
    if ((method === 'apps.connections.open') !== appLevel && method !== 'api.test') {
      return record(200, { ok: false, error: 'not_allowed_token_type' });
    }
    if (!appLevel && opts.validTokens && !opts.validTokens.includes(token)) {
      return record(200, { ok: false, error: 'invalid_auth' });
    }
    record(200, handler(args));
  }

  async function upload(fileId: string, req: IncomingMessage, res: ServerResponse) {
    const raw = await readBody(req);
    const f = world.files.get(fileId);
    if (!f) return void res.writeHead(404).end('file not found');
    const ct = req.headers['content-type'] ?? '';
    if (ct.startsWith('multipart/form-data')) {
      // WebClient sends the bytes as a multipart part; take the first file part (or field).
      const form = await new Response(new Uint8Array(raw), { headers: { 'content-type': ct } }).formData();
      const part = [...form.values()][0];
      f.bytes = typeof part === 'string' ? Buffer.from(part) : Buffer.from(await (part as Blob).arrayBuffer());
    } else f.bytes = raw;
    calls.push({ method: 'files.upload_url', args: { file_id: fileId, bytes: f.bytes.length }, at: Date.now(), status: 200, response: { ok: true } });
    res.writeHead(200, { 'content-type': 'text/plain' }).end(`OK - ${f.bytes.length}`);
  }

  async function responseSink(id: string, req: IncomingMessage, res: ServerResponse) {
    const raw = await readBody(req);
    const sink = sinks.get(id) ?? { bind: {}, got: [], createdAt: Date.now() };
    sinks.set(id, sink);
    const body = parseArgs(raw, req.headers['content-type'], new URLSearchParams());
    const at = Date.now();
    const accepted = sink.got.filter((r) => r.status === 200).length;
    if (accepted >= RESPONSE_URL_POSTS || at - sink.createdAt > RESPONSE_URL_TTL_MS) {
      sink.got.push({ id, body, at, status: 404 });
      return send(res, 404, { ok: false, error: 'used_url' });
    }
    try {
      checkMessageBlocks(body.blocks, body.text);
    } catch (error) {
      if (!(error instanceof BlockError)) throw error;
      sink.got.push({ id, body, at, status: 400 });
      return send(res, 400, refusal(error));
    }
    sink.got.push({ id, body, at, status: 200 });
    // Mirror what Slack does with a response_url reply when we know the channel it belongs to.
    const { channel, messageTs, user } = sink.bind;
    if (channel && body.delete_original && messageTs) {
      const m = world.messages.get(world.key(channel, messageTs));
      if (m) m.deleted = true;
    } else if (channel && body.replace_original && messageTs) {
      const m = world.messages.get(world.key(channel, messageTs));
      if (m) Object.assign(m, { text: body.text ?? m.text, blocks: body.blocks ?? m.blocks, edits: m.edits + 1 });
    } else if (channel && body.response_type === 'in_channel') world.post(channel, body);
    else if (channel) {
      world.ephemerals.push({ channel, user: user ?? '', ts: world.clock.next(), text: body.text as string, blocks: body.blocks as unknown[] });
    }
    send(res, 200, { ok: true });
  }

  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const [, kind, ...rest] = url.pathname.split('/');
    const tail = decodeURIComponent(rest.join('/'));
    const done = (p: Promise<void>) => p.catch((e: Error) => {
      if (!res.headersSent) send(res, 400, { ok: false, error: 'invalid_form_data', detail: e.message });
    });
    if (req.method !== 'POST' && req.method !== 'GET') return void res.writeHead(405).end();
    if (kind === 'api' && tail) return void done(api(tail, req, res, url.searchParams));
    if (kind === 'upload' && rest[0] === 'v1' && rest[1]) return void done(upload(rest[1], req, res));
    if (kind === 'response' && tail) return void done(responseSink(tail, req, res));
    res.writeHead(404).end();
  });
  server.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;

  return {
    url: base,
    apiUrl: `${base}/api/`,
    port,
    identity,
    calls,
    world,
    callsTo: (method) => calls.filter((c) => c.method === method),
    waitFor: (predicate, timeoutMs = 5000) =>
      poll(() => calls.find(predicate), timeoutMs, () => `a matching call; saw [${calls.map((c) => `${c.method}:${c.status}`).join(', ')}]`),
    message: (channel, ts) => world.messages.get(world.key(channel, ts)),
    messages: (channel) => [...world.messages.values()].filter((m) => m.channel === channel && !m.deleted),
    ephemerals: (channel) => world.ephemerals.filter((e) => !channel || e.channel === channel),
    view: (id) => world.views.get(id),
    file: (id) => world.files.get(id),
    addReaction: (channel, ts, name, user) => void world.react(channel, ts, name, user),
    seedChannel: (id, info) => void world.channels.set(id, { id, ...info }),
    seedUser: (id, info) => void world.users.set(id, { id, ...info }),
    removeBotFrom: (channel) => void world.outside.add(channel),
    refusePostsIn: (channel, refusal) => void (refusal ? world.refusals.set(channel, refusal) : world.refusals.delete(channel)),
    failNext(method, fault, times = 1) {
      const q = faults.get(method) ?? [];
      for (let i = 0; i < times; i += 1) q.push(fault);
      faults.set(method, q);
    },
    rateLimit(method, o) {
      if (o) limits.set(method, { perSecond: o.perSecond, hits: [] });
      else limits.delete(method);
    },
    holdAnswer: (method, match) => new Promise<RecordedCall>((held) => void holds.set(method, { match, held })),
    responseUrl(id, bind = {}) {
      const sink = sinks.get(id);
      if (sink) sink.bind = { ...sink.bind, ...bind };
      else sinks.set(id, { bind, got: [], createdAt: Date.now() });
      return `${base}/response/${encodeURIComponent(id)}`;
    },
    responses: (id) => sinks.get(id)?.got ?? [],
    waitForResponse: (id, timeoutMs = 5000) =>
      poll(() => sinks.get(id)?.got[0], timeoutMs, () => `a POST to response_url ${id}`),
    attachSocketMode(source) { socketSource = source; },
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      for (const s of sockets) s.destroy(); // keep-alive sockets would hold close() open
    }),
  };
}
