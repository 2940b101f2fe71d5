/**
 * The core of plenary: proposals and reactions beside the sessions and speakers of its SessionBook,
 * kept in a FactStore. Platform-free: adapters call it with `platform:id` users and channels, and render
 * what it returns. The store is the truth (it caches its hot reads itself, keyed by its change token).
 */
import { Refusal } from './errors.ts';
import { createHmac, randomBytes } from 'node:crypto';
import { keys, parseMineKey } from './keys.ts';
import { languageKey } from './languages.ts';
import type { Change, FactStore } from './store/fact-store.ts';
import type { PlenaryConfig } from './config.ts';
import type { ChannelRef, Proposal, Reaction, Session, Speaker, Stance, UserId, GroupDeclaration } from './model.ts';
import { checkText, LIMITS } from './text-rules.ts';
import { forPosting } from './posted-summary.ts';
import { emojiStance } from './stances.ts';
import { SummaryReader } from './summary.ts';
import { SessionBook, type SessionBookOptions } from './session-book.ts';
import { SessionCorrections } from './session-corrections.ts';
import type { Outbox, OutboxItem } from './outbox.ts';
import { forgottenComments, withoutForgotten } from './forget-queued.ts';
import type { View } from './views.ts';

/** How long a platform event id is remembered: Slack retries within an hour, Discord replays after a RESUME. */
export const EVENT_CLAIM_MS = 2 * 60 * 60_000;
/** How long a slash command's trigger_id or a form's view.id + hash is remembered: Slack's 5-minute signature window, with room. */
export const REPLAY_CLAIM_MS = 10 * 60_000;

export type PlenaryOptions = SessionBookOptions;

export type CountsListener = (sessionId: string, number: number) => void;

export interface ReactionOutcome {
  session: Session;
  proposal: Proposal;
  reaction: Reaction | null; // null when cleared
}

export class Plenary {
  readonly store: FactStore;
  readonly config: PlenaryConfig;
  readonly outbox: Outbox;
  readonly summaries: SummaryReader;
  /** Sessions, bindings and speakers, and the commit loop every write of the core goes through. */
  private readonly book: SessionBook;
  /** Reopen, delete, speaker corrections and once-per-channel cards. */
  private readonly corrections: SessionCorrections;
  private readonly listeners = new Set<CountsListener>();
  private claimKey: Promise<Buffer> | undefined;

  constructor(options: PlenaryOptions) {
    this.book = new SessionBook(options);
    this.corrections = new SessionCorrections(this.book, this);
    ({ store: this.store, config: this.config, outbox: this.outbox } = this.book);
    this.summaries = new SummaryReader(this.store, this.config);
  }

  // ── sessions and speakers (the book and its corrections) ───────────────────

  now = () => this.book.now();
  getSession = (sid: string) => this.book.getSession(sid);
  sessionInChannel = (channel: ChannelRef) => this.book.sessionInChannel(channel);
  requireSession = (channel: ChannelRef) => this.book.requireSession(channel);
  requireOpenSession = (channel: ChannelRef) => this.book.requireOpenSession(channel);
  startSession: SessionBook['startSession'] = (...args) => this.book.startSession(...args);
  joinSession = (channel: ChannelRef, rawId: string) => this.book.joinSession(channel, rawId);
  bindings = (sid: string) => this.book.bindings(sid);
  closeSession: SessionBook['closeSession'] = (...args) => this.book.closeSession(...args);
  addSpeaker: SessionBook['addSpeaker'] = (...args) => this.book.addSpeaker(...args);
  speakers = (sid: string) => this.book.speakers(sid);
  requireSpeaker = (sid: string, rawHandle: string) => this.book.requireSpeaker(sid, rawHandle);
  checkGroup = (raw: string) => this.book.checkGroup(raw);
  reopenSession: SessionCorrections['reopenSession'] = (...args) => this.corrections.reopenSession(...args);
  namedSession = (rawId: string) => this.corrections.namedSession(rawId);
  sessionFootprint = (sid: string) => this.corrections.sessionFootprint(sid);
  deleteSession = (sid: string) => this.corrections.deleteSession(sid);
  editSpeaker: SessionCorrections['editSpeaker'] = (...args) => this.corrections.editSpeaker(...args);
  removeSpeaker = (channel: ChannelRef, rawHandle: string) => this.corrections.removeSpeaker(channel, rawHandle);
  claimCardPost: SessionCorrections['claimCardPost'] = (...args) => this.corrections.claimCardPost(...args);

  /** Adapters listen to refresh the live counts on proposal messages. */
  onCountsChanged(listener: CountsListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Tells the adapters to re-render proposal `n`'s cards (core-internal; the corrections call it too). */
  countsChanged(sid: string, n: number) {
    for (const listener of this.listeners) listener(sid, n);
  }

  // ── proposals ───────────────────────────────────────────────────────────────

  /** All proposals of a session, withdrawn ones included, in code order. */
  async proposals(sid: string): Promise<Proposal[]> {
    const prefix = keys.proposalsPrefix(sid);
    return (await this.store.scan<Proposal>(prefix)).map(([, p]) => p).sort((a, b) => a.number - b.number);
  }

  async activeProposals(sid: string): Promise<Proposal[]> {
    return (await this.proposals(sid)).filter((p) => !p.withdrawnAt);
  }

  /** An active proposal by number (asked on every reaction: one pass over the store's cached rows, no sort). */
  async requireProposal(sid: string, n: number): Promise<Proposal> {
    // One keyed read: every reaction asks, and a scan of the session's proposals grows with the menu.
    const proposal = Number.isSafeInteger(n) && n > 0 ? await this.store.get<Proposal>(keys.proposal(sid, n)) : undefined;
    if (!proposal || proposal.withdrawnAt) throw new Refusal('refusal.priority.unknown', { number: n, session: sid });
    return proposal;
  }

  async addPriority(channel: ChannelRef, rawHandle: string, rawText: string): Promise<Proposal> {
    const session = await this.book.requireOpenSession(channel);
    const speaker = await this.book.requireSpeaker(session.id, rawHandle);
    const text = checkText(rawText, 'Priority text', LIMITS.priority);
    const sid = session.id;
    // Every add takes the next number: expecting it still free serialises the adds of a session, so the
    // count of the speaker's active priorities read here is the count when the commit lands.
    const proposal = await this.book.committed('priority add', async () => {
      const now = await this.book.getSession(sid);
      if (now?.state !== 'open') throw new Refusal('refusal.session.closed', { session: sid });
      const held = await this.store.get<Speaker>(keys.speaker(sid, speaker.handle));
      if (!held) throw new Refusal('refusal.speaker.unknown-list', { handle: speaker.handle });
      const all = await this.proposals(sid);
      const active = all.filter((p) => p.speaker === speaker.handle && !p.withdrawnAt).length;
      if (active >= this.config.priorityLimit) {
        throw new Refusal('refusal.priority.limit', { handle: speaker.handle, count: active, limit: this.config.priorityLimit });
      }
      const n = all.reduce((max, p) => Math.max(max, p.number), 0) + 1;
      const added: Proposal = {
        code: `P${n}`, number: n, speaker: speaker.handle, text, addedAt: this.book.clock().toISOString(), editedAt: null, withdrawnAt: null,
      };
      const change: Change = {
        expect: [[keys.session(sid), now], [keys.speaker(sid, speaker.handle), held], [keys.proposal(sid, n), undefined]],
        set: [[keys.proposal(sid, n), added]],
      };
      return { change, result: added };
    });
    return proposal;
  }

  /** Reads the proposal and its session from the store itself, for a compare-and-set. */
  private async proposalNow(sid: string, n: number): Promise<{ session: Session; proposal: Proposal }> {
    const session = await this.book.getSession(sid);
    if (session?.state !== 'open') throw new Refusal('refusal.session.closed', { session: sid });
    const proposal = await this.store.get<Proposal>(keys.proposal(sid, n));
    if (!proposal || proposal.withdrawnAt) {
      throw new Refusal('refusal.priority.unknown', { number: n, session: sid });
    }
    return { session, proposal };
  }

  async editPriority(channel: ChannelRef, n: number, rawText: string): Promise<Proposal> {
    const { id: sid } = await this.book.requireOpenSession(channel);
    const text = checkText(rawText, 'Priority text', LIMITS.priority);
    const edited = await this.book.committed('priority edit', async () => {
      const { session, proposal } = await this.proposalNow(sid, n);
      const next: Proposal = { ...proposal, text, editedAt: this.book.clock().toISOString() };
      // Expecting the proposal as read: a withdraw that landed first makes this re-read, and refuse.
      const change: Change = { expect: [[keys.session(sid), session], [keys.proposal(sid, n), proposal]], set: [[keys.proposal(sid, n), next]] };
      return { change, result: next };
    });
    this.countsChanged(sid, n);
    return edited;
  }

  async withdrawPriority(channel: ChannelRef, n: number): Promise<Proposal> {
    const { id: sid } = await this.book.requireOpenSession(channel);
    const withdrawn = await this.book.committed('priority withdraw', async () => {
      const { session, proposal } = await this.proposalNow(sid, n);
      const next: Proposal = { ...proposal, withdrawnAt: this.book.clock().toISOString() };
      const change: Change = { expect: [[keys.session(sid), session], [keys.proposal(sid, n), proposal]], set: [[keys.proposal(sid, n), next]] };
      return { change, result: next };
    });
    this.countsChanged(sid, n);
    return withdrawn;
  }

  // ── reactions ───────────────────────────────────────────────────────────────

  /** Re-reads the session record (another process may have closed it) and the proposal. */
  private async reactable(sid: string, n: number): Promise<{ session: Session; proposal: Proposal }> {
    const session = await this.book.getSession(sid);
    if (!session) throw new Refusal('refusal.session.unknown', { raw: sid });
    if (session.state !== 'open') throw new Refusal('refusal.session.closed-reactions', { session: sid });
    return { session, proposal: await this.requireProposal(sid, n) };
  }

  /**
   * One participant's reaction changes, atomically: `decide` gets the reaction as stored and returns
   * the new one (null: remove it). Written only if the reaction and the open session are still what
   * was read, together with the participant's own index entry (for /forgetme).
   */
  private async changeReaction(
    user: UserId,
    sid: string,
    n: number,
    decide: (previous: Reaction | undefined, proposal: Proposal) => Reaction | null | 'unchanged',
  ): Promise<{ outcome: ReactionOutcome; changed: boolean }> {
    const key = keys.reaction(sid, n, user);
    let changed = false;
    const outcome = await this.book.committed('reaction', async () => {
      const { session, proposal } = await this.reactable(sid, n);
      const previous = await this.store.get<Reaction>(key);
      const next = decide(previous, proposal);
      const result: ReactionOutcome = { session, proposal, reaction: next === 'unchanged' ? previous ?? null : next };
      changed = next !== 'unchanged';
      if (next === 'unchanged') return { change: {}, result };
      const expect: Change['expect'] = [[keys.session(sid), session], [key, previous]];
      const change: Change = next
        ? { expect, set: [[key, next], [keys.mine(user, sid, n), 1]] }
        : { expect, delete: [key, keys.mine(user, sid, n)] };
      return { change, result };
    });
    if (changed) this.countsChanged(sid, n);
    return { outcome, changed };
  }

  /** Sets a stance (keeping any comment unless a new one is given) or, with 'clear', removes both. */
  async react(
    user: UserId,
    sid: string,
    n: number,
    stance: Stance | 'clear',
    options: { comment?: string | null; via?: string } = {},
  ): Promise<ReactionOutcome> {
    const comment = options.comment ? checkText(options.comment, 'Comment', LIMITS.comment) : null;
    const { outcome } = await this.changeReaction(user, sid, n, (previous, proposal) => {
      if (stance === 'clear') {
        if (!previous) throw new Refusal('refusal.reaction.nothing-to-clear', { code: proposal.code });
        return null;
      }
      const reaction: Reaction = { stance, comment: comment ?? previous?.comment ?? null, at: this.book.clock().getTime() };
      if (options.via) reaction.via = options.via;
      return reaction;
    });
    return outcome;
  }

  /** A comment on its own (the Comment button): keeps the current stance. */
  async comment(user: UserId, sid: string, n: number, text: string): Promise<ReactionOutcome> {
    const comment = checkText(text, 'Comment', LIMITS.comment);
    const { outcome } = await this.changeReaction(user, sid, n, (previous) => ({
      ...previous, stance: previous?.stance ?? null, comment, at: this.book.clock().getTime(),
    }));
    return outcome;
  }

  /**
   * An emoji added to or removed from a proposal's message. Returns null for emoji that mean nothing
   * here; removal clears the stance only when it is still that emoji's stance (the comment stays).
   */
  async emoji(user: UserId, sid: string, n: number, emoji: string, added: boolean): Promise<ReactionOutcome | null> {
    const stance = emojiStance(emoji);
    if (!stance) return null;
    if (added) return this.react(user, sid, n, stance, { via: 'emoji' });
    const { outcome, changed } = await this.changeReaction(user, sid, n, (previous) => {
      if (!previous || previous.stance !== stance) return 'unchanged';
      return previous.comment ? { stance: null, comment: previous.comment, at: this.book.clock().getTime() } : null;
    });
    return changed ? { ...outcome, reaction: null } : null;
  }

  async declareGroup(user: UserId, raw: string): Promise<string> {
    const group = this.book.checkGroup(raw);
    await this.store.set(keys.group(user), { group, at: this.book.clock().getTime() } satisfies GroupDeclaration);
    return group;
  }

  /**
   * Deletes every reaction, comment and the group of a participant in one commit, found through their
   * own index (the cost is their facts, not the store's size); sessions they moderated keep no id, and
   * queued posts stop naming them. Then the store scrubs deleted content from its file.
   */
  async forget(user: UserId): Promise<{ reactions: number; group: boolean; language: boolean; scrubbed: boolean }> {
    const result = await this.book.committed('forgetme', async () => {
      const mine = await this.store.scan(keys.minePrefix(user));
      const reactions = mine.map(([key]) => parseMineKey(key));
      const reactionKeys = reactions.map(({ sid, number }) => keys.reaction(sid, number, user));
      const stored = await this.store.getMany<Reaction>(reactionKeys);
      const group = await this.store.get(keys.group(user));
      const language = await this.store.get(languageKey(user));
      const moderated = await this.store.scan(keys.moderatesPrefix(user));
      const sessions = await this.store.getMany<Session>(moderated.map(([key]) => keys.session(key.slice(key.lastIndexOf(':') + 1))));
      const forgotten = forgottenComments(reactions, stored);
      const outbox = (await this.store.scan<OutboxItem>(keys.outboxAll())).filter(
        ([, item]) => item.notify?.user === user || withoutForgotten(item, forgotten),
      );
      const change: Change = {
        expect: [...reactionKeys.map((k, i): [string, unknown] => [k, stored[i]]), [keys.group(user), group], [languageKey(user), language]],
        delete: [...reactionKeys, ...mine.map(([key]) => key), keys.group(user), languageKey(user), ...moderated.map(([key]) => key)],
        set: [],
      };
      // Sessions they moderated stay, credited to nobody.
      for (const session of sessions.filter((x) => x !== undefined)) {
        change.expect?.push([keys.session(session.id), session]);
        change.set?.push([keys.session(session.id), { ...session, moderator: 'forgotten' }]);
      }
      for (const [key, item] of outbox) {
        const { notify, ...rest } = withoutForgotten(item, forgotten) ?? item;
        if (notify && notify.user !== user) Object.assign(rest, { notify });
        change.expect?.push([key, item]);
        change.set?.push([key, rest]);
      }
      const counted = stored.filter((r) => r !== undefined).length;
      return { change, result: { reactions: counted, group: group !== undefined, language: language !== undefined, touched: reactions } };
    });
    for (const { sid, number } of result.touched) this.countsChanged(sid, number);
    return { reactions: result.reactions, group: result.group, language: result.language, scrubbed: (await this.store.scrub?.()) ?? true };
  }

  // ── the outbox ──────────────────────────────────────────────────────────────

  /** What an outbox item shows: its view, or the final summary of its session, rendered now. */
  async outboxView(item: OutboxItem): Promise<View | undefined> {
    if (item.view) return item.view;
    if (!item.finalSummaryOf) return undefined;
    const summary = await this.summaries.sessionSummary(item.finalSummaryOf);
    return summary ? { kind: 'summary', summary: forPosting(summary), final: true } : undefined;
  }

  /**
   * Delivers the outbox items of one platform that need no platform at all (the terminal prints
   * them): takes each, hands its view to `show`, deletes it.
   */
  async drainOutbox(platform: string, show: (channel: ChannelRef, view: View) => void): Promise<void> {
    for (const [key, item] of await this.outbox.pending(platform)) {
      if (!(await this.outbox.replace(key, item, null))) continue; // someone else took it
      const view = await this.outboxView(item);
      if (view) show(item.channel, view);
    }
  }

  // ── messages that show proposals ────────────────────────────────────────────

  /** Remembers that a platform message shows a proposal, so emoji on it count even after a restart. */
  async recordPost(sid: string, n: number, messageRef: string): Promise<void> {
    await this.store.commit({
      set: [
        [keys.message(messageRef), { sessionId: sid, number: n }],
        [keys.posted(sid, n, messageRef), { at: this.book.clock().getTime() }],
      ],
    });
  }

  async proposalForMessage(messageRef: string): Promise<{ sessionId: string; number: number } | undefined> {
    return this.store.get(keys.message(messageRef));
  }

  /** Looked up on every reaction (live counts): one of the reads the store keeps while no other process writes. */
  async postedMessages(sid: string, n: number): Promise<string[]> {
    const prefix = keys.postedPrefix(sid, n);
    return (await this.store.scan(prefix)).map(([key]) => key.slice(prefix.length));
  }

  /**
   * True the first time a platform event id is seen: retries and replays are applied once. The id is
   * kept only as a keyed hash (ids of clicks and reactions hold user ids) and only for `ttlMs`.
   */
  async firstDelivery(platform: string, eventId: string, ttlMs = EVENT_CLAIM_MS): Promise<boolean> {
    return this.store.mark(`event:${platform}:${await this.hashed(eventId)}`, ttlMs);
  }

  /** HMAC-SHA256 with a random key kept in the store (shared by every process), truncated to 128 bits. */
  private async hashed(id: string): Promise<string> {
    this.claimKey ??= (async () => {
      const secret = randomBytes(32).toString('base64');
      await this.store.claim(keys.claimSecret(), secret);
      return Buffer.from((await this.store.get<string>(keys.claimSecret())) ?? secret, 'base64');
    })().catch((error) => {
      this.claimKey = undefined;
      throw error;
    });
    return createHmac('sha256', await this.claimKey).update(id).digest('base64url').slice(0, 22);
  }
}
