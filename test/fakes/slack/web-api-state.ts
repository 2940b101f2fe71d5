/**
 * The in-memory "workspace" behind the fake Web API: messages, views, files,
 * reactions, users and channels; the methods over it are in web-api-methods.ts.
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
export function parseMetadata(v: unknown): MessageMetadata | undefined | 'invalid' {
  if (v === undefined) return undefined;
  const m = typeof v === 'string' ? (() => { try { return JSON.parse(v) as unknown; } catch { return undefined; } })() : v;
  if (!m || typeof m !== 'object') return 'invalid';
  const { event_type, event_payload } = m as Args;
  if (typeof event_type !== 'string' || !/^[a-z0-9_]{1,255}$/.test(event_type)) return 'invalid';
  if (!event_payload || typeof event_payload !== 'object' || Array.isArray(event_payload)) return 'invalid';
  return { event_type, event_payload: event_payload as Args };
}

/** Slack's `oldest`/`latest` are ts strings; compared as numbers (micros). */
export const tsMicros = (ts: string): number => {
  const [sec, frac = ''] = ts.split('.');
  return Number(sec) * 1e6 + Number(frac.padEnd(6, '0').slice(0, 6));
};

export const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
export const arr = (v: unknown): unknown[] | undefined => (Array.isArray(v) ? v : undefined);
export const fail = (error: string, extra: Args = {}): ApiResult => ({ ok: false, error, ...extra });

/** Runs Slack's Block Kit checks first; a refusal is answered as Slack answers it. */
export function withinLimits(check: () => void, then: () => ApiResult): ApiResult {
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
  idSeq = 0;

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

  useTrigger(trigger: string | undefined): string | undefined {
    if (!trigger) return 'invalid_trigger_id';
    if (this.usedTriggers.has(trigger)) return 'exchanged_trigger_id';
    this.usedTriggers.add(trigger);
    return undefined;
  }

  renderView(v: StoredView): Args {
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
}
