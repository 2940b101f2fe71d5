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
import { isUserError } from '../../src/errors.ts';
import { emojiStance } from '../../src/stances.ts';
import { keys } from '../../src/keys.ts';
import type { Reaction } from '../../src/model.ts';
import { STANCE_EMOJI } from '../../src/view-text.ts';

interface RawPacket { t?: string | null; s?: number | null; d?: any }
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
    const key = contentKey(packet.t === 'MESSAGE_REACTION_ADD', packet.d.message_id, packet.d.user_id, packet.d.emoji.id ?? packet.d.emoji.name);
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
      if (tag && !(await this.core.firstDelivery('discord', `reaction:${key}:${tag.session}:${tag.seq}`))) {
        this.log('debug', 'replayed reaction dispatch ignored', { key, seq: tag.seq });
        return;
      }
      await this.core.emoji(`discord:${user.id}`, target.sessionId, target.number, emoji.name, added);
    } catch (error) {
      // A reaction has no private channel to answer in (closed session, withdrawn proposal): log only.
      if (isUserError(error)) this.log('debug', `reaction not applied: ${error.message}`);
      else this.log('error', 'handling a Discord reaction failed', error as Error);
    }
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
      if (typeof packet.s === 'number' && !(await this.core.firstDelivery('discord', `reaction-clear:${d.message_id}:${only?.name ?? 'all'}:${this.gatewaySession}:${packet.s}`))) return;
      const stance = only ? emojiStance(String(only.name)) : null;
      const rows = await this.core.store.scan<Reaction>(keys.reactionsOfProposal(target.sessionId, target.number));
      for (const [key, reaction] of rows) {
        const user = key.split(':').slice(3).join(':');
        if (!user.startsWith('discord:') || reaction.via !== 'emoji' || !reaction.stance) continue;
        if (stance && reaction.stance !== stance) continue;
        await this.core.emoji(user, target.sessionId, target.number, only?.name ?? STANCE_EMOJI[reaction.stance], false);
      }
    } catch (error) {
      if (isUserError(error)) this.log('debug', `reaction clear not applied: ${error.message}`);
      else this.log('error', 'handling a Discord reaction clear failed', error as Error);
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
