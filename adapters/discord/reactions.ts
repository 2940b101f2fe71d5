/**
 * Emoji reactions on proposal messages → stances. The message → proposal mapping is read from the store,
 * so reactions on messages posted before a restart (uncached: partials) count without any fetch.
 *
 * Applied once, even after a gateway RESUME replays dispatches the bot already handled. What identifies a
 * dispatch? Not its content: add 👍 → remove 👍 → add 👍 again produces two "add" dispatches with the same
 * message, user and emoji, and the second is a genuine re-add that must count. The gateway sequence number
 * does: Discord numbers every dispatch of a gateway session, and a replay carries the *same* number, while
 * a genuine re-add is a new dispatch with a higher one. So the dedupe key is
 * `<message>:<user>:<emoji>:<add|remove>:<gateway session>:<seq>` — the session id because sequence numbers
 * restart at 1 after a fresh IDENTIFY; the content keeps keys readable and guards against a mismatch.
 * discord.js does not pass `s` to messageReactionAdd, so the raw packet (emitted synchronously just
 * before the event, in the same order) is tapped and matched by content. Without a sequence number (never
 * seen in practice) the reaction is applied without dedupe: re-applying an emoji is harmless, while a
 * content-only key would silently drop genuine re-adds.
 */
import type { MessageReaction, PartialMessageReaction, PartialUser, User } from 'discord.js';
import type { Plenary } from '../../src/plenary.ts';
import type { Log } from '../../src/log.ts';
import { logLine } from '../../src/wording/log-line.ts';
import { emojiStance } from '../../src/stances.ts';
import { roleOf } from '../../src/roles.ts';
import { dispatch } from '../../commands/dispatch.ts';

/** The raw gateway packet, as little of it as is read (discord.js emits it untyped on 'raw'). */
interface RawPacket {
  t?: string | null;
  s?: number | null;
  d?: { session_id?: unknown; message_id?: unknown; user_id?: unknown; channel_id?: unknown; emoji?: { id?: unknown; name?: unknown } | null } | null;
}
interface Tag { seq: number; session: string; at: number }

const STALE_MS = 60_000;
const MAX_PENDING_KEYS = 1000;

export class ReactionHandler {
  private gatewaySession = 'none';
  private readonly pending = new Map<string, Tag[]>();

  constructor(
    private readonly core: Plenary,
    private readonly botUserId: () => string | undefined,
    private readonly log: Log,
  ) {}

  /** `client.on('raw')`: remembers the sequence number of each reaction dispatch. */
  tap(packet: RawPacket): void {
    if (packet.t === 'READY' && packet.d?.session_id) this.gatewaySession = String(packet.d.session_id);
    if (packet.t === 'MESSAGE_REACTION_REMOVE_ALL' || packet.t === 'MESSAGE_REACTION_REMOVE_EMOJI') {
      void this.cleared(packet);
      return;
    }
    if (packet.t !== 'MESSAGE_REACTION_ADD' && packet.t !== 'MESSAGE_REACTION_REMOVE') return;
    if (typeof packet.s !== 'number' || !packet.d?.emoji) return;
    const now = Date.now();
    if (this.pending.size > MAX_PENDING_KEYS) this.prune(now);
    const { message_id, user_id, emoji } = packet.d;
    const key = contentKey(packet.t === 'MESSAGE_REACTION_ADD', String(message_id), String(user_id), String(emoji.id ?? emoji.name));
    const queue = (this.pending.get(key) ?? []).filter((tag) => now - tag.at < STALE_MS); // events discord.js dropped
    queue.push({ seq: packet.s, session: this.gatewaySession, at: now });
    this.pending.set(key, queue);
  }

  /** `messageReactionAdd` / `messageReactionRemove`. Must run synchronously up to `take` (it does). */
  async handle(reaction: MessageReaction | PartialMessageReaction, user: User | PartialUser, added: boolean): Promise<void> {
    const emoji = reaction.emoji;
    const key = contentKey(added, reaction.message.id, user.id, emoji.id ?? emoji.name ?? '');
    const tag = this.take(key);
    if (user.id === this.botUserId()) return; // the bot's own reactions are not votes
    if (!/^\d{1,25}$/.test(user.id ?? '') || typeof reaction.message.id !== 'string') return; // not from Discord
    // Only the Unicode 👍 😐 👎 (any skin tone) count; a custom emoji named "thumbsup" does not.
    if (emoji.id || !emoji.name || !emojiStance(emoji.name)) return;
    try {
      const target = await this.core.proposalForMessage(`discord:${reaction.message.channelId}:${reaction.message.id}`);
      if (!target) return; // not a proposal message
      const dedupe = tag ? { scope: 'discord', key: `reaction:${key}:${tag.session}:${tag.seq}` } : undefined;
      const result = await dispatch(this.core, { ...this.actor(user.id, reaction.message.channelId), kind: 'emoji', target, emoji: emoji.name, added, dedupe }, this.log);
      if (result.duplicate) this.log('debug', logLine('log.discord.reaction-replayed'), { key, seq: tag?.seq });
      // A reaction has no private channel to answer in (closed session, withdrawn proposal): log only.
      else if (result.reply?.kind === 'error') this.log('debug', logLine('log.discord.reaction-not-applied', { reason: result.reply.text }));
    } catch (error) {
      this.log('error', logLine('log.discord.reaction-failed'), error as Error);
    }
  }

  private actor(userId: string, channelId: string) {
    const user = `discord:${userId}`;
    return { actor: user, channel: `discord:${channelId}`, role: roleOf(this.core.config, user), platform: 'discord' as const };
  }

  /**
   * MESSAGE_REACTION_REMOVE_ALL / REMOVE_EMOJI (a moderator cleared a card's reactions): Discord does not say
   * whose reactions went, so the emoji-removal rule is applied to every Discord participant whose current
   * stance on the proposal came from an emoji (of that emoji, for REMOVE_EMOJI); a stance set by button or
   * command stays. Each change refreshes the card through the live counts. Applied once per gateway dispatch.
   */
  private async cleared(packet: RawPacket): Promise<void> {
    try {
      const d = packet.d ?? {};
      if (!/^\d{1,25}$/.test(String(d.message_id ?? '')) || !/^\d{1,25}$/.test(String(d.channel_id ?? ''))) return;
      const only = packet.t === 'MESSAGE_REACTION_REMOVE_EMOJI' ? d.emoji : undefined;
      if (only && (only.id || !emojiStance(String(only.name ?? '')))) return; // not one of our three emoji
      const target = await this.core.proposalForMessage(`discord:${d.channel_id}:${d.message_id}`);
      if (!target) return;
      const dedupe = typeof packet.s === 'number' ? { scope: 'discord', key: `reaction-clear:${d.message_id}:${only?.name ?? 'all'}:${this.gatewaySession}:${packet.s}` } : undefined;
      const event = { ...this.actor(this.botUserId() ?? '0', String(d.channel_id)), kind: 'emoji-cleared' as const, target, emoji: only ? String(only.name) : undefined, actors: 'discord:', dedupe };
      const result = await dispatch(this.core, event, this.log);
      if (result.reply?.kind === 'error') this.log('debug', logLine('log.discord.reaction-clear-not-applied', { reason: result.reply.text }));
    } catch (error) {
      this.log('error', logLine('log.discord.reaction-clear-failed'), error as Error);
    }
  }

  /** Tags of dispatches discord.js never turned into events (e.g. an unresolvable channel) expire. */
  private prune(now: number): void {
    for (const [key, queue] of this.pending) {
      const fresh = queue.filter((tag) => now - tag.at < STALE_MS);
      if (fresh.length) this.pending.set(key, fresh);
      else this.pending.delete(key);
    }
  }

  private take(key: string): Tag | undefined {
    const queue = this.pending.get(key);
    const tag = queue?.shift();
    if (queue && !queue.length) this.pending.delete(key);
    return tag;
  }
}

const contentKey = (added: boolean, messageId: string, userId: string, emoji: string) =>
  `${messageId}:${userId}:${emoji}:${added ? 'add' : 'remove'}`;
