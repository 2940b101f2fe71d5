/**
 * The in-memory "workspace" behind the fake Web API: messages, views, files,
 * reactions, users and channels, plus one handler per implemented method.
 * Response shapes follow the Slack method reference (docs.slack.dev/reference/methods).
 */

import { BlockError, checkMessageBlocks, checkModal, refusal } from './block-limits.ts';

export type Args = Record<string, unknown>;
export type ApiResult = { ok: boolean; error?: string; [k: string]: unknown };

export interface Reaction { name: string; users: string[]; count: number }

export interface StoredMessage {
  channel: string;
  ts: string;
  text?: string;
  blocks?: unknown[];
  attachments?: unknown[];
  thread_ts?: string;
  user: string;
  bot_id?: string;
  edits: number; // how many chat.update calls landed on it
  deleted: boolean;
  reactions: Reaction[];
  files?: Args[]; // shared with files.completeUploadExternal
  metadata?: MessageMetadata;
}

export interface StoredEphemeral { channel: string; user: string; ts: string; text?: string; blocks?: unknown[] }

export interface StoredView {
  id: string;
  hash: string;
  trigger_id?: string;
  external_id?: string;
  view: Args; // the latest view definition passed to views.open / views.update
}

export interface StoredFile {
  id: string;
  filename: string;
  length: number;
  title?: string;
  bytes?: Buffer; // set once the upload URL received the content
  completed: boolean;
  channel_id?: string;
  thread_ts?: string;
  initial_comment?: string;
  /** The ts of the message that shared it, once shared to a channel. */
  share_ts?: string;
  created?: number; // seconds, set on completion
}

export interface Identity {
  teamId: string;
  teamDomain: string;
  appId: string;
  botUserId: string;
  botId: string;
}

/** Slack's `ts` is "seconds.micros" of the time it was posted (so `oldest` filters work); strictly increasing. */
export class TsClock {
  private last = 0;
  next(): string {
    const micros = Math.max(Date.now() * 1000, this.last + 100);
    this.last = micros;
    return `${Math.floor(micros / 1e6)}.${String(micros % 1e6).padStart(6, '0')}`;
  }
}

/** Slack message metadata: `event_type` (a short snake_case name) and an object `event_payload`. */
export interface MessageMetadata { event_type: string; event_payload: Args }

/** Undefined when absent; 'invalid' when malformed (Slack answers invalid_metadata_format). */
function parseMetadata(v: unknown): MessageMetadata | undefined | 'invalid' {
  if (v === undefined) return undefined;
  const m = typeof v === 'string' ? (() => { try { return JSON.parse(v) as unknown; } catch { return undefined; } })() : v;
  if (!m || typeof m !== 'object') return 'invalid';
  const { event_type, event_payload } = m as Args;
  if (typeof event_type !== 'string' || !/^[a-z0-9_]{1,255}$/.test(event_type)) return 'invalid';
  if (!event_payload || typeof event_payload !== 'object' || Array.isArray(event_payload)) return 'invalid';
  return { event_type, event_payload: event_payload as Args };
}

/** Slack's `oldest`/`latest` are ts strings; compared as numbers (micros). */
const tsMicros = (ts: string): number => {
  const [sec, frac = ''] = ts.split('.');
  return Number(sec) * 1e6 + Number(frac.padEnd(6, '0').slice(0, 6));
};

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const arr = (v: unknown): unknown[] | undefined => (Array.isArray(v) ? v : undefined);
const fail = (error: string, extra: Args = {}): ApiResult => ({ ok: false, error, ...extra });

/** Runs Slack's Block Kit checks first; a refusal is answered as Slack answers it. */
function withinLimits(check: () => void, then: () => ApiResult): ApiResult {
  try {
    check();
  } catch (error) {
    if (error instanceof BlockError) return refusal(error) as ApiResult;
    throw error;
  }
  return then();
}

export class SlackWorld {
  readonly clock = new TsClock();
  readonly messages = new Map<string, StoredMessage>(); // key: channel:ts
  readonly ephemerals: StoredEphemeral[] = [];
  readonly views = new Map<string, StoredView>();
  readonly files = new Map<string, StoredFile>();
  readonly channels = new Map<string, Args>();
  readonly users = new Map<string, Args>();
  /** Channels the bot is not a member of: posting there answers `not_in_channel`, as Slack does. */
  readonly outside = new Set<string>();
  /** Channels whose posts Slack refuses for good with this error (missing_scope, channel_not_found, …). */
  readonly refusals = new Map<string, { error: string; extra?: Args }>();
  /**
   * Slack shares a completed upload asynchronously (after its scans): the share message and `shares` show up
   * a moment after files.completeUploadExternal answers. 0 (the default) shares at once.
   */
  shareDelayMs = 0;
  private readonly usedTriggers = new Set<string>();
  private idSeq = 0;

  constructor(readonly me: Identity) {}

  newId(prefix: string): string {
    this.idSeq += 1;
    return `${prefix}0FAKE${String(this.idSeq).padStart(5, '0')}`;
  }

  key(channel: string, ts: string): string {
    return `${channel}:${ts}`;
  }

  /** Store a bot message as chat.postMessage (or an in_channel response_url reply) would. */
  post(channel: string, a: Args): StoredMessage {
    const m: StoredMessage = {
      channel, ts: this.clock.next(), text: str(a.text) ?? (a.text === '' ? '' : undefined),
      blocks: arr(a.blocks), attachments: arr(a.attachments), thread_ts: str(a.thread_ts),
      ...(a.metadata && typeof a.metadata === 'object' ? { metadata: a.metadata as MessageMetadata } : {}),
      user: this.me.botUserId, bot_id: this.me.botId, edits: 0, deleted: false, reactions: [],
    };
    this.messages.set(this.key(channel, m.ts), m);
    return m;
  }

  /** The `message` object Slack echoes back, shaped like a real bot message. */
  render(m: StoredMessage): Args {
    return {
      type: 'message', user: m.user, bot_id: m.bot_id, app_id: this.me.appId, team: this.me.teamId,
      text: m.text ?? '', ts: m.ts, ...(m.blocks ? { blocks: m.blocks } : {}),
      ...(m.attachments ? { attachments: m.attachments } : {}),
      ...(m.thread_ts ? { thread_ts: m.thread_ts } : {}),
      ...(m.reactions.length ? { reactions: m.reactions } : {}),
      ...(m.edits ? { edited: { user: m.user, ts: m.ts } } : {}),
      // A file share: the message holds its files (conversations.history's FileElement) and `upload: true`.
      ...(m.files ? { files: m.files, upload: true, display_as_bot: false } : {}),
    };
  }

  /**
   * A completed file as files.info and file shares show it (the File object of @slack/web-api's
   * FilesInfoResponse / docs.slack.dev/reference/objects/file-object): where it is shared lies in
   * `channels`/`groups`/`ims` and in `shares.public|private[channel]`.
   */
  fileObject(f: StoredFile): Args {
    const me = this.me;
    const where = f.channel_id;
    const info = where ? this.channelInfo(where) : undefined;
    const isPublic = Boolean(where && info?.is_channel);
    const share = where && f.share_ts
      ? { [where]: [{ reply_users: [], reply_users_count: 0, reply_count: 0, ts: f.share_ts, channel_name: info?.name, team_id: me.teamId, share_user_id: me.botUserId, source: 'UNKNOWN' }] }
      : undefined;
    return {
      id: f.id, created: f.created, timestamp: f.created, name: f.filename, title: f.title ?? f.filename,
      mimetype: 'text/plain', filetype: 'text', pretty_type: 'Plain Text', user: me.botUserId, user_team: me.teamId,
      editable: true, size: f.bytes?.length ?? 0, mode: 'snippet', is_external: false, external_type: '', is_public: isPublic,
      public_url_shared: false, display_as_bot: false, username: '',
      url_private: `https://files.slack.com/files-pri/${me.teamId}-${f.id}/${f.filename}`,
      permalink: `https://${me.teamDomain}.slack.com/files/${me.botUserId}/${f.id}/${f.filename}`,
      channels: where && where.startsWith('C') ? [where] : [], groups: where && where.startsWith('G') ? [where] : [],
      ims: where && where.startsWith('D') ? [where] : [], comments_count: 0,
      ...(share ? { shares: isPublic ? { public: share } : { private: share } } : {}),
    };
  }

  react(channel: string, ts: string, name: string, user: string): boolean {
    const m = this.messages.get(this.key(channel, ts));
    if (!m || m.deleted) return false;
    let r = m.reactions.find((x) => x.name === name);
    if (!r) m.reactions.push((r = { name, users: [], count: 0 }));
    if (r.users.includes(user)) return false;
    r.users.push(user);
    r.count = r.users.length;
    return true;
  }

  private useTrigger(trigger: string | undefined): string | undefined {
    if (!trigger) return 'invalid_trigger_id';
    if (this.usedTriggers.has(trigger)) return 'exchanged_trigger_id';
    this.usedTriggers.add(trigger);
    return undefined;
  }

  private renderView(v: StoredView): Args {
    return {
      id: v.id, team_id: this.me.teamId, type: 'modal', blocks: [], private_metadata: '', callback_id: '',
      state: { values: {} }, hash: v.hash, clear_on_close: false, notify_on_close: false,
      close: null, submit: null, previous_view_id: null, root_view_id: v.id, app_id: this.me.appId,
      external_id: v.external_id ?? '', app_installed_team_id: this.me.teamId, bot_id: this.me.botId,
      ...v.view,
    };
  }

  channelInfo(id: string): Args | undefined {
    const seeded = this.channels.get(id);
    if (seeded) return seeded;
    if (!/^[CGD][A-Z0-9]+$/.test(id)) return undefined;
    // Any well-formed id exists, so adapters need no seeding for the common case.
    return {
      id, name: `chan-${id.toLowerCase()}`, is_channel: id.startsWith('C'), is_group: id.startsWith('G'),
      is_im: id.startsWith('D'), is_private: !id.startsWith('C'), is_archived: false, is_member: !this.outside.has(id),
      created: 1_600_000_000, creator: 'U0CREATOR', is_general: false, topic: { value: '' }, purpose: { value: '' },
    };
  }

  userInfo(id: string): Args | undefined {
    const seeded = this.users.get(id);
    if (seeded) return seeded;
    if (!/^[UW][A-Z0-9]+$/.test(id)) return undefined;
    const name = `user-${id.toLowerCase()}`;
    return {
      id, team_id: this.me.teamId, name, deleted: false, real_name: `User ${id}`, tz: 'Europe/Berlin',
      tz_offset: 3600, is_bot: id === this.me.botUserId, is_admin: false, is_owner: false,
      profile: { real_name: `User ${id}`, display_name: name, real_name_normalized: `User ${id}`, display_name_normalized: name },
    };
  }

  /** One entry per implemented method; the server adds auth, faults and recording around these. */
  handlers(uploadBase: () => string, socketUrl: () => string | undefined): Record<string, (a: Args) => ApiResult> {
    const me = this.me;
    return {
      'api.test': (a) => ({ ok: true, args: a }),
      'auth.test': () => ({
        ok: true, url: `https://${me.teamDomain}.slack.com/`, team: 'Plenary Test', user: 'plenary',
        team_id: me.teamId, user_id: me.botUserId, bot_id: me.botId, is_enterprise_install: false,
      }),
      'chat.postMessage': (a) => withinLimits(() => checkMessageBlocks(a.blocks, a.text), () => {
        const channel = str(a.channel);
        if (!channel) return fail('channel_not_found');
        if (this.outside.has(channel)) return fail('not_in_channel');
        const refusal = this.refusals.get(channel);
        if (refusal) return fail(refusal.error, refusal.extra);
        if (a.text === undefined && !arr(a.blocks) && !arr(a.attachments)) return fail('no_text');
        const metadata = parseMetadata(a.metadata);
        if (metadata === 'invalid') return fail('invalid_metadata_format');
        const m = this.post(channel, { ...a, metadata });
        return { ok: true, channel, ts: m.ts, message: this.render(m) };
      }),
      'chat.update': (a) => withinLimits(() => checkMessageBlocks(a.blocks, a.text), () => {
        const channel = str(a.channel), ts = str(a.ts);
        const m = channel && ts ? this.messages.get(this.key(channel, ts)) : undefined;
        if (!m || m.deleted) return fail('message_not_found');
        if (a.text !== undefined) m.text = String(a.text);
        if (a.blocks !== undefined) m.blocks = arr(a.blocks);
        if (a.attachments !== undefined) m.attachments = arr(a.attachments);
        m.edits += 1;
        return { ok: true, channel: m.channel, ts: m.ts, text: m.text ?? '', message: this.render(m) };
      }),
      'chat.postEphemeral': (a) => withinLimits(() => checkMessageBlocks(a.blocks, a.text), () => {
        const channel = str(a.channel), user = str(a.user);
        if (!channel) return fail('channel_not_found');
        if (this.outside.has(channel)) return fail('not_in_channel');
        if (!user) return fail('user_not_found');
        const e: StoredEphemeral = { channel, user, ts: this.clock.next(), text: str(a.text), blocks: arr(a.blocks) };
        this.ephemerals.push(e);
        return { ok: true, message_ts: e.ts };
      }),
      'chat.delete': (a) => {
        const channel = str(a.channel), ts = str(a.ts);
        const m = channel && ts ? this.messages.get(this.key(channel, ts)) : undefined;
        if (!m || m.deleted) return fail('message_not_found');
        m.deleted = true;
        return { ok: true, channel: m.channel, ts: m.ts };
      },
      'views.open': (a) => withinLimits(() => checkModal(a.view as Args), () => {
        const bad = this.useTrigger(str(a.trigger_id));
        if (bad) return fail(bad);
        if (!a.view || typeof a.view !== 'object') return fail('invalid_arguments');
        const v: StoredView = {
          id: this.newId('V'), hash: `${Date.now()}.fake${this.idSeq}`, trigger_id: str(a.trigger_id),
          external_id: str((a.view as Args).external_id), view: a.view as Args,
        };
        this.views.set(v.id, v);
        return { ok: true, view: this.renderView(v) };
      }),
      'views.update': (a) => withinLimits(() => checkModal(a.view as Args), () => {
        const id = str(a.view_id), ext = str(a.external_id);
        const v = id ? this.views.get(id) : [...this.views.values()].find((x) => ext && x.external_id === ext);
        if (!v) return fail('not_found');
        if (str(a.hash) && a.hash !== v.hash) return fail('hash_conflict');
        if (!a.view || typeof a.view !== 'object') return fail('invalid_arguments');
        v.view = a.view as Args;
        v.hash = `${Date.now()}.fake${(this.idSeq += 1)}`;
        return { ok: true, view: this.renderView(v) };
      }),
      // Newest first, between oldest and latest (exclusive unless inclusive); metadata only with include_all_metadata.
      'conversations.history': (a) => {
        const channel = str(a.channel);
        if (!channel || !this.channelInfo(channel)) return fail('channel_not_found');
        if (this.outside.has(channel)) return fail('not_in_channel');
        const limit = Math.min(999, Math.max(1, Number(a.limit ?? 100) || 100));
        const inclusive = a.inclusive === true || a.inclusive === 'true' || a.inclusive === '1';
        const oldest = str(a.oldest) ? tsMicros(String(a.oldest)) : 0;
        const latest = str(a.latest) ? tsMicros(String(a.latest)) : Infinity;
        const withMetadata = a.include_all_metadata === true || a.include_all_metadata === 'true' || a.include_all_metadata === '1';
        const cursor = str(a.cursor);
        const start = cursor ? Number(Buffer.from(cursor, 'base64').toString().replace(/^next_ts:/, '')) : latest;
        if (cursor && !Number.isFinite(start)) return fail('invalid_cursor');
        const inRange = [...this.messages.values()]
          .filter((m) => m.channel === channel && !m.deleted && !m.thread_ts)
          .filter((m) => {
            const t = tsMicros(m.ts);
            return (inclusive ? t >= oldest : t > oldest) && (cursor ? t < start : inclusive ? t <= latest : t < latest);
          })
          .sort((x, y) => tsMicros(y.ts) - tsMicros(x.ts));
        const page = inRange.slice(0, limit);
        const hasMore = inRange.length > limit;
        const messages = page.map((m) => ({ ...this.render(m), ...(withMetadata && m.metadata ? { metadata: m.metadata } : {}) }));
        const last = page.at(-1);
        return {
          ok: true, messages, has_more: hasMore, pin_count: 0,
          ...(hasMore && last ? { response_metadata: { next_cursor: Buffer.from(`next_ts:${tsMicros(last.ts)}`).toString('base64') } } : {}),
        };
      },
      'conversations.info': (a) => {
        const c = this.channelInfo(String(a.channel ?? ''));
        return c ? { ok: true, channel: c } : fail('channel_not_found');
      },
      'users.info': (a) => {
        const u = this.userInfo(String(a.user ?? ''));
        if (!u) return fail('user_not_found');
        // Like Slack: the locale is there only when asked for with include_locale (default en-US).
        const { locale, ...rest } = u;
        const wantsLocale = a.include_locale === true || a.include_locale === 'true';
        return { ok: true, user: wantsLocale ? { ...rest, locale: locale ?? 'en-US' } : rest };
      },
      'reactions.get': (a) => {
        const m = this.messages.get(this.key(String(a.channel ?? ''), String(a.timestamp ?? '')));
        if (!m || m.deleted) return fail('message_not_found');
        return { ok: true, type: 'message', channel: m.channel, message: { ...this.render(m), reactions: m.reactions } };
      },
      'reactions.add': (a) => {
        const channel = String(a.channel ?? ''), ts = String(a.timestamp ?? ''), name = String(a.name ?? '');
        if (!this.messages.get(this.key(channel, ts))) return fail('message_not_found');
        return this.react(channel, ts, name, me.botUserId) ? { ok: true } : fail('already_reacted');
      },
      'files.getUploadURLExternal': (a) => {
        const filename = str(a.filename), length = Number(a.length);
        if (!filename || !Number.isFinite(length) || length <= 0) return fail('invalid_arguments');
        if (length > 1024 ** 3) return fail('file_too_large');
        const f: StoredFile = { id: this.newId('F'), filename, length, completed: false };
        this.files.set(f.id, f);
        return { ok: true, upload_url: `${uploadBase()}/${f.id}`, file_id: f.id };
      },
      // docs.slack.dev/reference/methods/files.completeUploadExternal: `files` is required ([{id, title?}]); the
      // upload must have received its bytes; "This method can only be called once" per upload. Slack does not
      // document the error a second call answers: the fake answers file_not_found (the upload is no longer
      // pending), and plenary's poster does not depend on the name (it asks files.info).
      'files.completeUploadExternal': (a) => withinLimits(() => checkMessageBlocks(a.blocks), () => {
        const list = arr(a.files) as { id?: unknown; title?: unknown }[] | undefined;
        if (!list?.length || list.some((item) => !item || typeof item !== 'object' || !str(item.id))) return fail('invalid_arguments');
        const target = str(a.channel_id);
        if (target && !this.channelInfo(target)) return fail('channel_not_found');
        if (target && this.outside.has(target)) return fail('not_in_channel');
        const refusal = target ? this.refusals.get(target) : undefined;
        if (refusal) return fail(refusal.error, refusal.extra);
        const files = list.map((item) => this.files.get(String(item.id)));
        // All or nothing: every file must be uploaded and not yet completed.
        if (files.some((f) => !f || !f.bytes || f.completed)) return fail('file_not_found');
        const created = Math.floor(Date.now() / 1000);
        for (const [i, f] of (files as StoredFile[]).entries()) {
          Object.assign(f, {
            completed: true, created, title: str(list[i].title) ?? f.filename, channel_id: target,
            thread_ts: str(a.thread_ts), initial_comment: str(a.initial_comment),
          });
        }
        // Shared to a channel, the files arrive as one message: the blocks (or initial comment) with the files.
        const share = () => {
          const m = this.post(target as string, { text: str(a.initial_comment) ?? '', blocks: str(a.initial_comment) ? undefined : a.blocks, thread_ts: a.thread_ts });
          for (const f of files as StoredFile[]) f.share_ts = m.ts;
          m.files = (files as StoredFile[]).map((f) => this.fileObject(f));
        };
        if (target && this.shareDelayMs > 0) setTimeout(share, this.shareDelayMs).unref();
        else if (target) share();
        // The answer's files are as Slack answers them, before its asynchronous share shows in `shares`.
        return { ok: true, files: (files as StoredFile[]).map((f) => ({ id: f.id, title: f.title })) };
      }),
      // docs.slack.dev/reference/methods/files.info: `file` is required; an upload never completed is no file.
      'files.info': (a) => {
        const id = str(a.file);
        if (!id) return fail('invalid_arguments');
        const f = this.files.get(id);
        if (!f || !f.completed) return fail('file_not_found');
        return { ok: true, file: this.fileObject(f), comments: [], response_metadata: { next_cursor: '' } };
      },
      'apps.connections.open': () => {
        const url = socketUrl();
        // A fail-fast error (socket-mode treats not_authed as unrecoverable) instead of a retry storm.
        return url ? { ok: true, url } : fail('not_authed', { detail: 'fake: no Socket Mode server attached' });
      },
    };
  }
}
