// In-memory model of the Discord world the fake serves: users, guilds, channels,
// messages, registered commands and live interactions. REST and gateway share it.
import type { APIMessage, APIUser, APIGuildMember, APIChannel, APIRole } from 'discord.js';

type Json = Record<string, any>;

const DISCORD_EPOCH = 1420070400000n;
let lastMs = 0n;
let increment = 0n;
/** Real-looking snowflakes: timestamp-based and strictly increasing within the process. */
export function nextSnowflake(): string {
  const now = BigInt(Date.now()) - DISCORD_EPOCH;
  if (now <= lastMs) increment += 1n;
  else { lastMs = now; increment = 0n; }
  return ((lastMs << 22n) | (1n << 17n) | (increment & 0xfffn)).toString();
}

export interface FakeChannelConfig { id: string; name: string; type?: number; topic?: string; parentId?: string }
export interface FakeRoleConfig { id: string; name: string; permissions?: string; position?: number; color?: number }
export interface FakeMemberConfig { userId: string; roles?: string[]; nick?: string }
export interface FakeGuildConfig {
  id: string; name: string; ownerId?: string;
  channels: FakeChannelConfig[]; roles?: FakeRoleConfig[]; members?: FakeMemberConfig[];
}
export interface FakeUserConfig { id: string; username: string; globalName?: string; bot?: boolean }

export interface FakeDiscordOptions {
  applicationId: string;
  botUserId: string;
  botUsername?: string;
  /** If set, REST `Authorization: Bot <token>` and gateway IDENTIFY/RESUME must match. */
  token?: string;
  guilds: FakeGuildConfig[];
  /** Humans who can click, react and run commands. Default: one user "alice" (id 100000000000000001). */
  users?: FakeUserConfig[];
  /** HELLO heartbeat_interval. Discord uses 41250; keep it short in tests to exercise heartbeats. */
  heartbeatIntervalMs?: number;
  /** Discord's 3 s window for the initial interaction response (404 10062 afterwards). */
  interactionResponseWindowMs?: number;
  /** Per-bucket limits reported in x-ratelimit-* headers and enforced with real 429s. */
  rateLimit?: { limit: number; windowMs: number };
  /** Close 4014 when IDENTIFY asks for GuildMembers/GuildPresences/MessageContent. */
  disallowPrivilegedIntents?: boolean;
}

export interface InteractionRecord {
  id: string; token: string; type: number; payload: Json; createdAt: number;
  /** Callbacks that were accepted (2xx), in order. */
  responses: { type: number; data: Json | undefined; at: number }[];
  originalMessageId?: string;
  followupIds: string[];
}

export const DEFAULT_EVERYONE_PERMS = '1071698660929';
/** Everything up to bit 49 except ADMINISTRATOR: a well-permissioned bot. */
export const DEFAULT_BOT_PERMS = (((1n << 50n) - 1n) & ~8n).toString();

export class DiscordModel {
  readonly users = new Map<string, APIUser>();
  readonly guilds = new Map<string, FakeGuildConfig>();
  readonly channels = new Map<string, APIChannel & Json>();
  readonly messages = new Map<string, APIMessage & Json>();
  readonly channelMessageIds = new Map<string, string[]>();
  readonly globalCommands: Json[] = [];
  readonly guildCommands = new Map<string, Json[]>();
  readonly interactions = new Map<string, InteractionRecord>();
  readonly interactionsByToken = new Map<string, InteractionRecord>();
  readonly botUser: APIUser;

  constructor(readonly opts: FakeDiscordOptions) {
    this.botUser = this.addUser({ id: opts.botUserId, username: opts.botUsername ?? 'plenary', bot: true });
    for (const u of opts.users ?? [{ id: '100000000000000001', username: 'alice', globalName: 'Alice' }]) this.addUser(u);
    for (const g of opts.guilds) {
      this.guilds.set(g.id, g);
      g.channels.forEach((c, position) => {
        this.channels.set(c.id, {
          id: c.id, type: c.type ?? 0, guild_id: g.id, name: c.name, position, permission_overwrites: [],
          topic: c.topic ?? null, nsfw: false, last_message_id: null, rate_limit_per_user: 0,
          parent_id: c.parentId ?? null, flags: 0,
        } as unknown as APIChannel & Json);
        this.channelMessageIds.set(c.id, []);
      });
    }
  }

  addUser(u: FakeUserConfig): APIUser {
    const user: APIUser = {
      id: u.id, username: u.username, global_name: u.globalName ?? null, discriminator: '0', avatar: null,
      ...(u.bot ? { bot: true } : {}), public_flags: 0, flags: 0, banner: null, accent_color: null,
      avatar_decoration_data: null,
    } as unknown as APIUser;
    this.users.set(u.id, user);
    return user;
  }

  defaultUserId(): string {
    for (const u of this.users.values()) if (!u.bot) return u.id;
    throw new Error('fake-discord: no human users configured');
  }

  roles(guildId: string): APIRole[] {
    const g = this.mustGuild(guildId);
    const everyone = { id: g.id, name: '@everyone', permissions: DEFAULT_EVERYONE_PERMS, position: 0 };
    const cfg = [...(g.roles ?? [])];
    if (!cfg.some((r) => r.id === g.id)) cfg.unshift(everyone);
    return cfg.map((r, i) => ({
      id: r.id, name: r.name, color: r.color ?? 0, colors: { primary_color: r.color ?? 0, secondary_color: null, tertiary_color: null },
      hoist: false, icon: null, unicode_emoji: null, position: r.position ?? i,
      permissions: r.permissions ?? (r.id === g.id ? DEFAULT_EVERYONE_PERMS : '0'), managed: false, mentionable: false, flags: 0,
    }) as unknown as APIRole);
  }

  /** Member object as Discord sends it in GUILD_CREATE / reactions; with `permissions` for interactions. */
  member(guildId: string, userId: string, withPermissions = false): APIGuildMember & Json {
    const g = this.mustGuild(guildId);
    const cfg = g.members?.find((m) => m.userId === userId);
    const roles = cfg?.roles ?? [];
    const m: APIGuildMember & Json = {
      user: this.mustUser(userId), nick: cfg?.nick ?? null, avatar: null, banner: null, roles,
      joined_at: '2024-01-01T00:00:00.000000+00:00', premium_since: null, deaf: false, mute: false, flags: 0,
      pending: false, communication_disabled_until: null,
    } as unknown as APIGuildMember & Json;
    if (withPermissions) m.permissions = this.permissions(guildId, userId);
    return m;
  }

  permissions(guildId: string, userId: string): string {
    const g = this.mustGuild(guildId);
    if (userId === this.botUser.id && !g.members?.some((m) => m.userId === userId)) return DEFAULT_BOT_PERMS;
    if (g.ownerId === userId) return (((1n << 50n) - 1n)).toString();
    const held = new Set([g.id, ...(g.members?.find((m) => m.userId === userId)?.roles ?? [])]);
    let bits = 0n;
    for (const r of this.roles(guildId)) if (held.has(r.id)) bits |= BigInt(r.permissions);
    return (bits & 8n ? (1n << 50n) - 1n : bits).toString();
  }

  guildPayload(guildId: string): Json {
    const g = this.mustGuild(guildId);
    const memberIds = new Set([this.botUser.id, ...(g.members ?? []).map((m) => m.userId)]);
    return {
      id: g.id, name: g.name, icon: null, icon_hash: null, splash: null, discovery_splash: null, banner: null,
      description: null, owner_id: g.ownerId ?? this.defaultUserId(), afk_channel_id: null, afk_timeout: 300,
      widget_enabled: false, widget_channel_id: null, verification_level: 0, default_message_notifications: 0,
      explicit_content_filter: 0, roles: this.roles(guildId), emojis: [], stickers: [], features: [], mfa_level: 0,
      application_id: null, system_channel_id: null, system_channel_flags: 0, rules_channel_id: null,
      public_updates_channel_id: null, safety_alerts_channel_id: null, max_members: 500000, max_presences: null,
      vanity_url_code: null, premium_tier: 0, premium_subscription_count: 0, preferred_locale: 'en-US',
      max_video_channel_users: 25, max_stage_video_channel_users: 50, nsfw_level: 0, premium_progress_bar_enabled: false,
      incidents_data: null, hub_type: null,
      // GUILD_CREATE-only extras:
      joined_at: '2024-01-01T00:00:00.000000+00:00', large: false, unavailable: false, member_count: memberIds.size,
      voice_states: [], members: [...memberIds].map((id) => this.member(g.id, id)),
      channels: [...this.channels.values()].filter((c) => c.guild_id === g.id).map(({ guild_id, ...c }) => c),
      threads: [], presences: [], stage_instances: [], guild_scheduled_events: [], soundboard_sounds: [],
    };
  }

  /** Messages still visible in a channel (ephemeral ones never are), oldest first. */
  channelMessages(channelId: string): (APIMessage & Json)[] {
    return (this.channelMessageIds.get(channelId) ?? [])
      .map((id) => this.messages.get(id)!)
      .filter((m) => m && !((m.flags ?? 0) & 64));
  }

  storeMessage(m: APIMessage & Json): void {
    this.messages.set(m.id, m);
    this.channelMessageIds.get(m.channel_id)?.push(m.id);
    const ch = this.channels.get(m.channel_id);
    if (ch && !((m.flags ?? 0) & 64)) ch.last_message_id = m.id;
  }

  deleteMessage(id: string): void {
    const m = this.messages.get(id);
    if (!m) return;
    this.messages.delete(id);
    const ids = this.channelMessageIds.get(m.channel_id);
    if (ids) ids.splice(ids.indexOf(id), 1);
  }

  mustGuild(id: string): FakeGuildConfig {
    const g = this.guilds.get(id);
    if (!g) throw new Error(`fake-discord: unknown guild ${id}`);
    return g;
  }

  mustUser(id: string): APIUser {
    const u = this.users.get(id);
    if (!u) throw new Error(`fake-discord: unknown user ${id} (add it to options.users)`);
    return u;
  }
}
