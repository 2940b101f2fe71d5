// HTTP side of the fake: parses requests (JSON and multipart), records every call,
// applies injected faults and per-bucket rate limits, then routes to rest-routes.ts.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createHash } from 'node:crypto';
import { ApiError, type UploadedFile } from './messages.ts';
import type { DiscordModel } from './model.ts';

type Json = Record<string, any>;

export interface RecordedCall {
  method: string;
  /** Decoded path below the version prefix, e.g. `/channels/123/messages`. */
  path: string;
  query: Record<string, string>;
  /** Parsed JSON body, or the parsed `payload_json` of a multipart request. */
  body: any;
  /** Multipart file parts (attachments), in order. */
  files: UploadedFile[];
  headers: { authorization?: string; reason?: string; contentType?: string; userAgent?: string };
  at: number;
  status?: number;
  respondedAt?: number;
}

export type Fault = (
  | { status: 429; retryAfter: number; global?: boolean; scope?: 'user' | 'shared' | 'global' }
  | { status: number; code?: number; message?: string }
  | { delayMs: number }
) & { method?: string };

export interface RouteRequest { params: Record<string, string>; body: any; files: UploadedFile[]; query: Record<string, string> }
export interface RouteResult { status?: number; body?: unknown }
export type RouteHandler = (r: RouteRequest) => RouteResult | Promise<RouteResult>;
interface Route { method: string; re: RegExp; keys: string[]; template: string; auth: boolean; handler: RouteHandler }

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class FakeRest {
  readonly calls: RecordedCall[] = [];
  private readonly routes: Route[] = [];
  private readonly faults: { route: RegExp; fault: Fault }[] = [];
  private readonly buckets = new Map<string, { remaining: number; resetAt: number }>();

  constructor(private readonly model: DiscordModel) {}

  /** `/channels/:channel/messages` style; `auth:false` for interaction/webhook-token routes. */
  add(method: string, template: string, handler: RouteHandler, auth = true): void {
    const keys: string[] = [];
    const re = new RegExp('^' + template.replace(/:(\w+)/g, (_, k) => { keys.push(k); return '([^/]+)'; }) + '$');
    this.routes.push({ method, re, keys, template, auth, handler });
  }

  failNext(route: RegExp | string, fault: Fault, times = 1): void {
    const re = typeof route === 'string' ? new RegExp(route) : route;
    for (let i = 0; i < times; i++) this.faults.push({ route: re, fault });
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = (req.method ?? 'GET').toUpperCase();
    const m = /^\/api\/v(\d+)(\/.*)$/.exec(url.pathname);
    const raw = await readBody(req);
    const call: RecordedCall = {
      method, path: safeDecode(m ? m[2] : url.pathname), query: Object.fromEntries(url.searchParams), body: undefined, files: [],
      headers: {
        authorization: req.headers.authorization, reason: req.headers['x-audit-log-reason'] as string | undefined,
        contentType: req.headers['content-type'], userAgent: req.headers['user-agent'],
      },
      at: Date.now(),
    };
    this.calls.push(call);
    const send = (status: number, body?: unknown, headers: Record<string, string> = {}) => {
      call.status = status;
      call.respondedAt = Date.now();
      const text = status === 204 || body === undefined ? '' : JSON.stringify(body);
      res.writeHead(status, { ...headers, ...(text ? { 'content-type': 'application/json' } : {}) });
      res.end(text);
    };
    try {
      await parseBody(call, raw);
      if (!m || m[1] !== '10') throw new ApiError(404, 0, '404: Not Found');
      const faultIx = this.faults.findIndex((f) => f.route.test(call.path) && (!f.fault.method || f.fault.method === method));
      if (faultIx >= 0) {
        const [{ fault }] = this.faults.splice(faultIx, 1);
        if ('delayMs' in fault) await sleep(fault.delayMs);
        else if (fault.status === 429 && 'retryAfter' in fault) return send(429, ...rateLimited(fault));
        else throw new ApiError(fault.status, (fault as Json).code ?? 0, (fault as Json).message ?? `${fault.status}: fake fault`);
      }
      const route = this.routes.find((r) => r.method === method && r.re.test(call.path));
      if (!route) {
        const known = this.routes.some((r) => r.re.test(call.path));
        throw new ApiError(known ? 405 : 404, 0, known ? '405: Method Not Allowed' : '404: Not Found');
      }
      if (route.auth) this.checkAuth(call.headers.authorization);
      // Interaction callbacks/webhook-token routes are not bucket-limited by Discord in the same way.
      const bucket = route.auth ? this.takeBucket(method, route, call.path) : { headers: {} };
      if (bucket.limited) return send(429, ...bucket.limited);
      const limitHeaders = bucket.headers;
      const params = Object.fromEntries(route.keys.map((k, i) => [k, route.re.exec(call.path)![i + 1]]));
      const out = await route.handler({ params, body: call.body, files: call.files, query: call.query });
      send(out.status ?? (out.body === undefined ? 204 : 200), out.body, limitHeaders);
    } catch (e) {
      if (e instanceof ApiError) {
        send(e.status, { message: e.message, code: e.code, ...(e.errors ? { errors: e.errors } : {}) });
      } else {
        send(500, { message: '500: Internal Server Error', code: 0 });
        console.error('fake-discord REST handler crashed:', e);
      }
    }
  }

  private checkAuth(header: string | undefined): void {
    const token = this.model.opts.token;
    const ok = header?.startsWith('Bot ') && (!token || header === `Bot ${token}`);
    if (!ok) throw new ApiError(401, 0, '401: Unauthorized');
  }

  /** Discord-style bucket per route template + major parameter (channel/guild/webhook id). */
  private takeBucket(method: string, route: Route, path: string): { headers: Record<string, string>; limited?: [Json, Record<string, string>] } {
    const { limit, windowMs } = this.model.opts.rateLimit ?? { limit: 50, windowMs: 1000 };
    const major = /^\/(channels|guilds|webhooks)\/([^/]+)/.exec(path)?.[2] ?? 'global';
    const hash = createHash('sha1').update(`${method} ${route.template}`).digest('hex').slice(0, 16);
    const key = `${hash}:${major}`;
    const now = Date.now();
    let b = this.buckets.get(key);
    if (!b || now >= b.resetAt) this.buckets.set(key, (b = { remaining: limit, resetAt: now + windowMs }));
    const resetAfter = (b.resetAt - now) / 1000;
    const headers: Record<string, string> = {
      'x-ratelimit-limit': String(limit), 'x-ratelimit-remaining': String(Math.max(0, b.remaining - 1)),
      'x-ratelimit-reset': (b.resetAt / 1000).toFixed(3), 'x-ratelimit-reset-after': resetAfter.toFixed(3),
      'x-ratelimit-bucket': hash,
    };
    if (b.remaining <= 0) {
      const [body, h] = rateLimited({ retryAfter: resetAfter });
      return { headers, limited: [body, { ...headers, ...h }] };
    }
    b.remaining -= 1;
    return { headers };
  }
}

function rateLimited(f: { retryAfter: number; global?: boolean; scope?: string }): [Json, Record<string, string>] {
  const scope = f.scope ?? (f.global ? 'global' : 'user');
  const headers: Record<string, string> = {
    // Real Discord rounds Retry-After up to whole seconds; the fake sends the exact value to keep tests fast.
    'retry-after': String(f.retryAfter), 'x-ratelimit-scope': scope,
    ...(f.global ? { 'x-ratelimit-global': 'true' } : { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset-after': String(f.retryAfter) }),
  };
  return [{ message: 'You are being rate limited.', retry_after: f.retryAfter, global: Boolean(f.global) }, headers];
}

/** Recorded and routed paths are decoded (`@original`, emoji), so test regexes stay readable. */
function safeDecode(p: string): string {
  try { return decodeURIComponent(p); } catch { return p; }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** JSON or multipart/form-data (`payload_json` + `files[n]`), as discord.js sends them. */
async function parseBody(call: RecordedCall, raw: Buffer): Promise<void> {
  const ct = call.headers.contentType ?? '';
  if (!raw.length) return;
  if (ct.startsWith('application/json')) {
    try { call.body = JSON.parse(raw.toString('utf8')); } catch { throw new ApiError(400, 50109, 'The request body contains invalid JSON.'); }
    return;
  }
  if (ct.startsWith('multipart/form-data')) {
    const form = await new Response(new Uint8Array(raw), { headers: { 'content-type': ct } }).formData();
    for (const [field, value] of form.entries()) {
      if (typeof value === 'string') {
        if (field === 'payload_json') call.body = JSON.parse(value);
        else (call.body ??= {})[field] = value;
      } else {
        const data = Buffer.from(await value.arrayBuffer());
        call.files.push({ field, filename: value.name, contentType: value.type, size: data.length, data });
      }
    }
    call.body ??= {};
    return;
  }
  call.body = raw.toString('utf8');
}
