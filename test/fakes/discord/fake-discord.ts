// A fake Discord (REST + gateway) on 127.0.0.1 for driving the real discord.js Client.
// See README.md in this folder for usage.
import { createServer, type Server } from 'node:http';
import type { Socket } from 'node:net';
import type { APIMessage } from 'discord.js';
import { FakeRest, type Fault, type RecordedCall } from './fake-rest.ts';
import { FakeGateway } from './fake-gateway.ts';
import { registerRoutes } from './rest-routes.ts';
import { DiscordModel, nextSnowflake as nextId, type FakeDiscordOptions, type InteractionRecord } from './model.ts';
import { tallyReaction } from './messages.ts';
import {
  autocompletePayload, baseInteraction, chatInputPayload, componentPayload, modalSubmitPayload,
  type AutocompleteSpec, type ChatInputSpec, type ComponentSpec, type InteractionContext, type ModalSubmitSpec,
} from './interactions.ts';

export type { FakeDiscordOptions, Fault, RecordedCall, InteractionRecord };
export type { ChatInputSpec, AutocompleteSpec, ComponentSpec, ModalSubmitSpec, InteractionContext };

type Json = Record<string, any>;
export interface SentInteraction { id: string; token: string; payload: Json; seq: number }
export interface ReactionSpec {
  userId?: string; channelId: string; messageId: string; guildId?: string;
  /** Unicode emoji ('👍🏽') or a custom emoji. */
  emoji: string | { id: string | null; name: string; animated?: boolean };
  burst?: boolean;
}

const INTENT_GUILD_REACTIONS = 1 << 10;
const INTENT_DM_REACTIONS = 1 << 13;

export class FakeDiscord {
  readonly model: DiscordModel;
  readonly rest: FakeRest;
  readonly gateway: FakeGateway;
  private readonly sockets = new Set<Socket>();

  constructor(private readonly server: Server, opts: FakeDiscordOptions) {
    this.model = new DiscordModel(opts);
    this.rest = new FakeRest(this.model);
    this.gateway = new FakeGateway(this.model, () => ({ gateway: this.gatewayUrl, resume: `${this.gatewayUrl}/resume` }));
    registerRoutes(this.rest, this.model, (t, d, intent) => { if (this.gateway.sessionId) this.gateway.dispatch(t, d, intent); }, () => this.gatewayUrl);
    server.on('request', (req, res) => void this.rest.handle(req, res));
    server.on('upgrade', (req, socket, head) => this.gateway.handleUpgrade(req, socket, head));
    server.on('connection', (s) => { this.sockets.add(s); s.on('close', () => this.sockets.delete(s)); });
  }

  get port(): number { return (this.server.address() as { port: number }).port; }
  /** Pass as `new Client({ rest: { api: fake.restApi } })`; discord.js appends `/v10/...`. */
  get restApi(): string { return `http://127.0.0.1:${this.port}/api`; }
  get gatewayUrl(): string { return `ws://127.0.0.1:${this.port}`; }

  // --- REST observation -------------------------------------------------------------------------
  get calls(): readonly RecordedCall[] { return this.rest.calls; }
  callsTo(method: string, path: RegExp | string): RecordedCall[] {
    const re = typeof path === 'string' ? new RegExp(path) : path;
    return this.rest.calls.filter((c) => c.method === method.toUpperCase() && re.test(c.path));
  }
  /** Resolves with the first call (answered, so `status` is set) matching method + path. */
  waitForCall(method: string, path: RegExp | string, timeoutMs = 5000): Promise<RecordedCall> {
    return this.waitFor(() => this.callsTo(method, path).find((c) => c.status !== undefined), timeoutMs);
  }
  /** Polls `predicate` until it returns something truthy; rejects after `timeoutMs`. */
  async waitFor<T>(predicate: () => T | undefined | null | false, timeoutMs = 5000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const v = predicate();
      if (v) return v;
      if (Date.now() > deadline) throw new Error(`fake-discord: waitFor timed out after ${timeoutMs}ms`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }
  /** Queue a fault for the next request whose path (below /api/v10) matches `route`. */
  failNext(route: RegExp | string, fault: Fault, times = 1): void { this.rest.failNext(route, fault, times); }

  // --- message model ------------------------------------------------------------------------------
  /** Current state (after edits/deletes) of the channel's visible messages, oldest first. */
  messages(channelId: string): APIMessage[] { return this.model.channelMessages(channelId); }
  message(id: string): APIMessage | undefined { return this.model.messages.get(id); }
  /** Put a message into a channel without telling the client (e.g. a human's, uncached). */
  seedMessage(m: { channelId: string; content: string; authorId?: string; components?: Json[] }): APIMessage {
    const msg = {
      id: nextId(), channel_id: m.channelId, type: 0, author: this.model.mustUser(m.authorId ?? this.model.defaultUserId()),
      content: m.content, timestamp: new Date().toISOString(), edited_timestamp: null, tts: false, mention_everyone: false,
      mentions: [], mention_roles: [], attachments: [], embeds: [], components: m.components ?? [], pinned: false, flags: 0,
    } as unknown as APIMessage;
    this.model.storeMessage(msg as any);
    return msg;
  }
  interaction(id: string): InteractionRecord | undefined { return this.model.interactions.get(id); }
  commands(guildId?: string): Json[] { return guildId ? this.model.guildCommands.get(guildId) ?? [] : this.model.globalCommands; }

  // --- gateway controls ---------------------------------------------------------------------------
  /** Dispatch any INTERACTION_CREATE; `partial` overrides the generated fields. */
  sendInteraction(partial: Json & InteractionContext & { type: number }): SentInteraction {
    const { userId, guildId, channelId, locale, ...rest } = partial;
    return this.deliver({ ...baseInteraction(this.model, partial.type, { userId, guildId, channelId, locale }, {}), ...rest });
  }
  sendChatInput(spec: ChatInputSpec): SentInteraction { return this.deliver(chatInputPayload(this.model, spec)); }
  sendAutocomplete(spec: AutocompleteSpec): SentInteraction { return this.deliver(autocompletePayload(this.model, spec)); }
  sendButton(spec: ComponentSpec): SentInteraction { return this.deliver(componentPayload(this.model, spec)); }
  sendModalSubmit(spec: ModalSubmitSpec): SentInteraction { return this.deliver(modalSubmitPayload(this.model, spec)); }

  sendReactionAdd(r: ReactionSpec): number | undefined { return this.reaction(r, 1); }
  sendReactionRemove(r: ReactionSpec): number | undefined { return this.reaction(r, -1); }
  /**
   * A moderator clears reactions in the Discord client: every reaction of the message (REMOVE_ALL) or every
   * reaction of one emoji (REMOVE_EMOJI), as Discord dispatches them (no user ids: Discord does not say whose).
   */
  sendReactionRemoveAll(r: Omit<ReactionSpec, 'emoji' | 'userId' | 'burst'>): number | undefined { return this.clearReactions(r); }
  sendReactionRemoveEmoji(r: Omit<ReactionSpec, 'userId' | 'burst'>): number | undefined { return this.clearReactions(r, r.emoji); }

  private clearReactions(r: { channelId: string; messageId: string; guildId?: string }, raw?: ReactionSpec['emoji']): number | undefined {
    const guildId = r.guildId ?? (this.model.channels.get(r.channelId)?.guild_id as string | undefined);
    const stored = this.model.messages.get(r.messageId) as Json | undefined;
    const emoji = raw === undefined ? undefined : typeof raw === 'string' ? { id: null, name: raw } : raw;
    if (stored?.reactions) {
      stored.reactions = emoji ? stored.reactions.filter((x: Json) => (x.emoji.id ?? x.emoji.name) !== (emoji.id ?? emoji.name)) : [];
      if (!stored.reactions.length) delete stored.reactions;
    }
    const d: Json = { channel_id: r.channelId, message_id: r.messageId, ...(guildId ? { guild_id: guildId } : {}), ...(emoji ? { emoji } : {}) };
    const intent = guildId ? INTENT_GUILD_REACTIONS : INTENT_DM_REACTIONS;
    return this.gateway.dispatch(emoji ? 'MESSAGE_REACTION_REMOVE_EMOJI' : 'MESSAGE_REACTION_REMOVE_ALL', d, intent);
  }
  /** Raw dispatch for events without a helper. Returns the sequence number (undefined if filtered by intents). */
  dispatch(t: string, d: Json, intent?: number): number | undefined { return this.gateway.dispatch(t, d, intent); }
  dropConnection(opts?: { code?: number; replayFromSeq?: number }): void { this.gateway.dropConnection(opts); }
  /** Resolves once the client has RESUMEd (RESUMED sent) after a drop. */
  waitForResume(timeoutMs = 5000): Promise<void> {
    const before = this.gateway.received.filter((p) => p.op === 6).length;
    return this.waitFor(() => this.gateway.received.filter((p) => p.op === 6).length > before
      && this.gateway.connected && this.gateway.dispatched.at(-1)?.t === 'RESUMED', timeoutMs).then(() => undefined);
  }

  async close(): Promise<void> {
    await this.gateway.close();
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
      for (const s of this.sockets) s.destroy();
    });
  }

  private deliver(payload: Json): SentInteraction {
    const record: InteractionRecord = {
      id: payload.id, token: payload.token, type: payload.type, payload, createdAt: Date.now(), responses: [], followupIds: [],
    };
    this.model.interactions.set(record.id, record);
    this.model.interactionsByToken.set(record.token, record);
    const seq = this.gateway.dispatch('INTERACTION_CREATE', payload)!;
    return { id: record.id, token: record.token, payload, seq };
  }

  private reaction(r: ReactionSpec, delta: 1 | -1): number | undefined {
    const guildId = r.guildId ?? (this.model.channels.get(r.channelId)?.guild_id as string | undefined);
    const userId = r.userId ?? this.model.defaultUserId();
    const emoji = typeof r.emoji === 'string' ? { id: null, name: r.emoji } : r.emoji;
    const stored = this.model.messages.get(r.messageId) as Json | undefined;
    const d: Json = {
      user_id: userId, channel_id: r.channelId, message_id: r.messageId, emoji, burst: Boolean(r.burst), type: r.burst ? 1 : 0,
      ...(guildId ? { guild_id: guildId } : {}),
    };
    if (delta > 0) {
      d.burst_colors = r.burst ? ['#ffcc00'] : [];
      if (guildId) d.member = this.model.member(guildId, userId);
      if (stored) d.message_author_id = stored.author.id;
    }
    if (stored) tallyReaction(stored, emoji, userId === this.model.botUser.id, delta);
    const intent = guildId ? INTENT_GUILD_REACTIONS : INTENT_DM_REACTIONS;
    return this.gateway.dispatch(delta > 0 ? 'MESSAGE_REACTION_ADD' : 'MESSAGE_REACTION_REMOVE', d, intent);
  }
}

export async function startFakeDiscord(opts: FakeDiscordOptions): Promise<FakeDiscord> {
  const server = createServer();
  const fake = new FakeDiscord(server, opts);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return fake;
}
