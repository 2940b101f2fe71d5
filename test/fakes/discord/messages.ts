// Turns REST request bodies into Discord message objects the way Discord does:
// validation errors with real codes, allowed_mentions applied, edits merged.
import type { APIMessage } from 'discord.js';
import { nextSnowflake, type DiscordModel } from './model.ts';
import { checkMessageLimits, FormBodyError } from './limits.ts';

type Json = Record<string, any>;

export interface UploadedFile { field: string; filename: string; contentType: string; size: number; data: Buffer }

/** Error the REST layer turns into a Discord JSON error response. */
export class ApiError extends Error {
  constructor(readonly status: number, readonly code: number, message: string, readonly errors?: Json) {
    super(message);
  }
}

/** Discord's answer to a body outside its limits. */
export const asApiError = (error: unknown) =>
  error instanceof FormBodyError ? new ApiError(400, 50035, 'Invalid Form Body', error.errors) : error;

/** Discord's attachment limits on one message: 10 files, each ≤ 10 MiB on a server without boosts, ≤ 25 MiB in all. */
export const ATTACHMENT_LIMITS = { files: 10, fileBytes: 10 * 1024 * 1024, bytes: 25 * 1024 * 1024 } as const;

export function validateMessageBody(body: Json, files: UploadedFile[], partial: boolean): void {
  try {
    checkMessageLimits(body);
  } catch (error) {
    throw asApiError(error);
  }
  if (files.length > ATTACHMENT_LIMITS.files) {
    throw new ApiError(400, 50035, 'Invalid Form Body', { files: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${ATTACHMENT_LIMITS.files} or fewer in length.` }] } });
  }
  if (files.some((f) => f.size > ATTACHMENT_LIMITS.fileBytes) || files.reduce((n, f) => n + f.size, 0) > ATTACHMENT_LIMITS.bytes) {
    throw new ApiError(413, 40005, 'Request entity too large');
  }
  const empty = !body.content && !body.embeds?.length && !body.components?.length && !files.length
    && !body.sticker_ids?.length && !body.poll;
  if (!partial && empty) throw new ApiError(400, 50006, 'Cannot send an empty message');
}

/** Who actually gets pinged, honouring allowed_mentions (absent = parse everything). */
function mentions(model: DiscordModel, content: string, allowed: Json | undefined, guildId: string | undefined) {
  const parse: string[] = allowed ? (allowed.parse ?? []) : ['users', 'roles', 'everyone'];
  const userIds = [...content.matchAll(/<@!?(\d+)>/g)].map((m) => m[1]);
  const roleIds = [...content.matchAll(/<@&(\d+)>/g)].map((m) => m[1]);
  const users = userIds.filter((id) => parse.includes('users') || allowed?.users?.includes(id));
  const roles = roleIds.filter((id) => parse.includes('roles') || allowed?.roles?.includes(id));
  return {
    mentions: [...new Set(users)].filter((id) => model.users.has(id)).map((id) => ({
      ...model.users.get(id)!, ...(guildId ? { member: stripUser(model.member(guildId, id)) } : {}),
    })),
    mention_roles: [...new Set(roles)],
    mention_everyone: parse.includes('everyone') && /@(everyone|here)/.test(content),
  };
}

const stripUser = ({ user, ...rest }: Json) => rest;

function attachments(files: UploadedFile[], body: Json, channelId: string): Json[] {
  return files.map((f, i) => {
    const meta = body.attachments?.find((a: Json) => String(a.id) === String(i)) ?? {};
    const id = nextSnowflake();
    const url = `https://cdn.discordapp.com/attachments/${channelId}/${id}/${f.filename}`;
    return {
      id, filename: f.filename, size: f.size, url, proxy_url: url, content_type: f.contentType,
      ...(meta.description ? { description: meta.description } : {}),
    };
  });
}

export interface BuildMessageArgs {
  channelId: string; body: Json; files?: UploadedFile[]; type?: number;
  webhookId?: string; interaction?: Json; applicationId?: string;
}

export function buildMessage(model: DiscordModel, a: BuildMessageArgs): APIMessage & Json {
  const files = a.files ?? [];
  validateMessageBody(a.body, files, false);
  const ch = model.channels.get(a.channelId);
  const content = a.body.content ?? '';
  const msg: Json = {
    id: nextSnowflake(), channel_id: a.channelId, type: a.type ?? (a.body.message_reference ? 19 : 0),
    author: model.botUser, content, timestamp: new Date().toISOString(), edited_timestamp: null,
    tts: Boolean(a.body.tts), ...mentions(model, content, a.body.allowed_mentions, ch?.guild_id),
    mention_channels: undefined, attachments: attachments(files, a.body, a.channelId),
    embeds: (a.body.embeds ?? []).map((e: Json) => ({ type: 'rich', ...e })), components: a.body.components ?? [],
    pinned: false, flags: (a.body.flags ?? 0) & (4 | 64 | 4096 | 32768), nonce: a.body.nonce, position: undefined,
  };
  if (a.body.message_reference) msg.message_reference = { type: 0, channel_id: a.channelId, ...a.body.message_reference };
  if (a.webhookId) msg.webhook_id = a.webhookId;
  if (a.applicationId) msg.application_id = a.applicationId;
  if (a.interaction) msg.interaction_metadata = a.interaction;
  for (const k of Object.keys(msg)) if (msg[k] === undefined) delete msg[k];
  return msg as APIMessage & Json;
}

/** PATCH semantics: only provided fields change; attachments list means "keep these". */
export function applyEdit(model: DiscordModel, msg: APIMessage & Json, body: Json, files: UploadedFile[]): void {
  validateMessageBody(body, files, true);
  const ch = model.channels.get(msg.channel_id);
  if ('content' in body) {
    msg.content = body.content ?? '';
    Object.assign(msg, mentions(model, msg.content, body.allowed_mentions, ch?.guild_id));
  }
  if ('embeds' in body) msg.embeds = (body.embeds ?? []).map((e: Json) => ({ type: 'rich', ...e }));
  if ('components' in body) msg.components = body.components ?? [];
  if ('flags' in body && body.flags !== undefined) msg.flags = ((msg.flags ?? 0) & 64) | (body.flags & (4 | 32768));
  if ('attachments' in body || files.length) {
    const kept = (body.attachments ?? msg.attachments).filter((a: Json) => msg.attachments.some((o: Json) => o.id === a.id));
    msg.attachments = [...kept, ...attachments(files, body, msg.channel_id)];
  }
  msg.edited_timestamp = new Date().toISOString();
}

export function parseEmoji(raw: string): { id: string | null; name: string; animated?: boolean } {
  const decoded = raw;
  const custom = /^(a)?:?([\w-]+):(\d+)$/.exec(decoded);
  return custom ? { id: custom[3], name: custom[2], ...(custom[1] ? { animated: true } : {}) } : { id: null, name: decoded };
}

/** Update the `reactions` summary on a stored message. */
export function tallyReaction(msg: Json, emoji: Json, me: boolean, delta: 1 | -1): void {
  const key = (e: Json) => e.id ?? e.name;
  msg.reactions ??= [];
  let r = msg.reactions.find((x: Json) => key(x.emoji) === key(emoji));
  if (!r && delta < 0) return;
  if (!r) {
    r = { emoji, count: 0, count_details: { burst: 0, normal: 0 }, me: false, me_burst: false, burst_colors: [] };
    msg.reactions.push(r);
  }
  r.count += delta;
  r.count_details.normal += delta;
  if (me) r.me = delta > 0;
  if (r.count <= 0) msg.reactions.splice(msg.reactions.indexOf(r), 1);
  if (!msg.reactions.length) delete msg.reactions;
}
