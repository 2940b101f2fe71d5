/**
 * The core of plenary: proposals and reactions on top of the sessions and speakers of SessionBook,
 * kept in a FactStore. Platform-free: adapters call it with `platform:id` users and channels, and render
 * what it returns. The store is the truth; this class only caches proposals, which change rarely.
 */
import { UserError } from './errors.ts';
import { keys } from './keys.ts';
import type { ChannelRef, Proposal, Reaction, Session, Speaker, Stance, UserId, GroupDeclaration } from './model.ts';
import { checkHandle, checkText, clip, LIMITS } from './text-rules.ts';
import { emojiStance } from './stances.ts';
import { SummaryReader } from './summary.ts';
import { SessionBook, type SessionBookOptions } from './session-book.ts';
import { PrioritySlots } from './priority-slots.ts';

export type PlenaryOptions = SessionBookOptions;

export type CountsListener = (sessionId: string, number: number) => void;

export interface ReactionOutcome {
  session: Session;
  proposal: Proposal;
  reaction: Reaction | null; // null when cleared
}

export class Plenary extends SessionBook {
  readonly summaries: SummaryReader;
  private readonly proposalCache = new Map<string, Map<number, Proposal>>();
  private readonly listeners = new Set<CountsListener>();
  private readonly slots: PrioritySlots;

  constructor(options: PlenaryOptions) {
    super(options);
    this.summaries = new SummaryReader(this.store, this.config);
    this.slots = new PrioritySlots(this.store, this.config.priorityLimit, () => this.clock().getTime());
  }

  /** Adapters listen to refresh the live counts on proposal messages. */
  onCountsChanged(listener: CountsListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private countsChanged(sid: string, n: number) {
    for (const listener of this.listeners) listener(sid, n);
  }

  /** After a reaction write committed: keep the summary cache current, then tell the adapters. */
  private reactionWritten(sid: string, n: number, user: UserId, reaction: Reaction | null) {
    this.summaries.cache.note(sid, n, user, reaction);
    this.countsChanged(sid, n);
  }

  // ── proposals ───────────────────────────────────────────────────────────────

  /** All proposals of a session, withdrawn ones included, in code order. */
  async proposals(sid: string, { fresh = false } = {}): Promise<Proposal[]> {
    let cached = this.proposalCache.get(sid);
    if (!cached || fresh) {
      const rows = await this.store.scan<Proposal>(keys.proposalsPrefix(sid));
      cached = new Map(rows.map(([, p]) => [p.number, p]));
      this.proposalCache.set(sid, cached);
    }
    return [...cached.values()].sort((a, b) => a.number - b.number);
  }

  async activeProposals(sid: string, { fresh = false } = {}): Promise<Proposal[]> {
    return (await this.proposals(sid, { fresh })).filter((p) => !p.withdrawnAt);
  }

  /** An active proposal by number; a cache miss re-reads the store (another process may have added it). */
  async requireProposal(sid: string, n: number): Promise<Proposal> {
    let proposal = this.proposalCache.get(sid)?.get(n);
    if (!proposal) {
      await this.proposals(sid, { fresh: true });
      proposal = this.proposalCache.get(sid)?.get(n);
    }
    if (!proposal || proposal.withdrawnAt) {
      throw new UserError(`No proposal P${n} in session ${sid}: see /menu for the codes.`);
    }
    return proposal;
  }

  async addPriority(channel: ChannelRef, rawHandle: string, rawText: string): Promise<Proposal> {
    const session = await this.requireOpenSession(channel);
    const speaker = await this.requireSpeaker(session.id, rawHandle);
    const text = checkText(rawText, 'Priority text', LIMITS.priority);
    const all = await this.proposals(session.id, { fresh: true });
    const own = all.filter((p) => p.speaker === speaker.handle);
    const slot = await this.slots.claim(session.id, speaker.handle);
    if (slot === null) {
      const active = own.filter((p) => !p.withdrawnAt).length;
      throw new UserError(
        `${speaker.handle} already has ${active} priorities (the limit is ${this.config.priorityLimit}); withdraw one with /priority withdraw <code> first.`,
      );
    }
    let n = all.reduce((max, p) => Math.max(max, p.number), 0) + 1;
    const proposal: Proposal = {
      code: '', number: 0, speaker: speaker.handle, text, addedAt: this.clock().toISOString(), editedAt: null, withdrawnAt: null, slot,
    };
    // Claiming the key is what reserves the code, so two processes adding at once never share one.
    for (; ; n++) {
      Object.assign(proposal, { code: `P${n}`, number: n });
      if (await this.store.claim(keys.proposal(session.id, n), proposal)) break;
    }
    await this.slots.bind(session.id, speaker.handle, slot, n);
    this.proposalCache.get(session.id)?.set(n, proposal);
    return proposal;
  }

  async editPriority(channel: ChannelRef, n: number, rawText: string): Promise<Proposal> {
    const session = await this.requireOpenSession(channel);
    await this.proposals(session.id, { fresh: true });
    const proposal = await this.requireProposal(session.id, n);
    const text = checkText(rawText, 'Priority text', LIMITS.priority);
    const edited: Proposal = { ...proposal, text, editedAt: this.clock().toISOString() };
    await this.store.set(keys.proposal(session.id, n), edited);
    this.proposalCache.get(session.id)?.set(n, edited);
    this.countsChanged(session.id, n);
    return edited;
  }

  async withdrawPriority(channel: ChannelRef, n: number): Promise<Proposal> {
    const session = await this.requireOpenSession(channel);
    await this.proposals(session.id, { fresh: true });
    const proposal = await this.requireProposal(session.id, n);
    const withdrawn: Proposal = { ...proposal, withdrawnAt: this.clock().toISOString() };
    await this.store.set(keys.proposal(session.id, n), withdrawn);
    await this.slots.release(session.id, proposal.speaker, proposal.slot);
    this.proposalCache.get(session.id)?.set(n, withdrawn);
    this.countsChanged(session.id, n);
    return withdrawn;
  }

  // ── reactions ───────────────────────────────────────────────────────────────

  /** Re-reads the session record (another process may have closed it) and the proposal. */
  private async reactable(sid: string, n: number): Promise<{ session: Session; proposal: Proposal }> {
    const session = await this.getSession(sid);
    if (!session) throw new UserError(`No session ${sid}.`);
    if (session.state !== 'open') throw new UserError(`Session ${sid} is closed: reactions are no longer accepted.`);
    return { session, proposal: await this.requireProposal(sid, n) };
  }

  /** Sets a stance (keeping any comment unless a new one is given) or, with 'clear', removes both. */
  async react(
    user: UserId,
    sid: string,
    n: number,
    stance: Stance | 'clear',
    options: { comment?: string | null; via?: string } = {},
  ): Promise<ReactionOutcome> {
    const { session, proposal } = await this.reactable(sid, n);
    const comment = options.comment ? checkText(options.comment, 'Comment', LIMITS.comment) : null;
    const key = keys.reaction(sid, n, user);
    const previous = await this.store.get<Reaction>(key);
    if (stance === 'clear') {
      if (!previous) throw new UserError(`You have no reaction on ${proposal.code} to clear.`);
      await this.store.delete(key);
      this.reactionWritten(sid, n, user, null);
      return { session, proposal, reaction: null };
    }
    const reaction: Reaction = { stance, comment: comment ?? previous?.comment ?? null, at: this.clock().getTime() };
    if (options.via) reaction.via = options.via;
    await this.store.set(key, reaction);
    this.reactionWritten(sid, n, user, reaction);
    return { session, proposal, reaction };
  }

  /** A comment on its own (the Comment button): keeps the current stance. */
  async comment(user: UserId, sid: string, n: number, text: string): Promise<ReactionOutcome> {
    const { session, proposal } = await this.reactable(sid, n);
    const comment = checkText(text, 'Comment', LIMITS.comment);
    const key = keys.reaction(sid, n, user);
    const previous = await this.store.get<Reaction>(key);
    const reaction: Reaction = { ...previous, stance: previous?.stance ?? null, comment, at: this.clock().getTime() };
    await this.store.set(key, reaction);
    this.reactionWritten(sid, n, user, reaction);
    return { session, proposal, reaction };
  }

  /**
   * An emoji added to or removed from a proposal's message. Returns null for emoji that mean nothing
   * here; removal clears the stance only when it is still that emoji's stance (the comment stays).
   */
  async emoji(user: UserId, sid: string, n: number, emoji: string, added: boolean): Promise<ReactionOutcome | null> {
    const stance = emojiStance(emoji);
    if (!stance) return null;
    if (added) return this.react(user, sid, n, stance, { via: 'emoji' });
    const { session, proposal } = await this.reactable(sid, n);
    const key = keys.reaction(sid, n, user);
    const previous = await this.store.get<Reaction>(key);
    if (!previous || previous.stance !== stance) return null;
    const remaining: Reaction | null = previous.comment ? { stance: null, comment: previous.comment, at: this.clock().getTime() } : null;
    if (remaining) await this.store.set(key, remaining);
    else await this.store.delete(key);
    this.reactionWritten(sid, n, user, remaining);
    return { session, proposal, reaction: null };
  }

  async declareGroup(user: UserId, raw: string): Promise<string> {
    const group = this.checkGroup(raw);
    await this.store.set(keys.group(user), { group, at: this.clock().getTime() } satisfies GroupDeclaration);
    return group;
  }

  /** Deletes every reaction, comment and the group of a participant; returns how many reactions went. */
  async forget(user: UserId): Promise<{ reactions: number; group: boolean }> {
    const rows = await this.store.scan<Reaction>('reaction:');
    const mine = rows.filter(([key]) => key.endsWith(`:${user}`) && key.split(':').slice(3).join(':') === user);
    for (const [key] of mine) {
      await this.store.delete(key);
      const [, sid, n] = key.split(':');
      this.reactionWritten(sid, Number(n), user, null);
    }
    const group = await this.store.delete(keys.group(user));
    return { reactions: mine.length, group };
  }

  // ── messages that show proposals ────────────────────────────────────────────

  /** Remembers that a platform message shows a proposal, so emoji on it count even after a restart. */
  async recordPost(sid: string, n: number, messageRef: string): Promise<void> {
    await this.store.set(keys.message(messageRef), { sessionId: sid, number: n });
    await this.store.set(keys.posted(sid, n, messageRef), { at: this.clock().getTime() });
    this.records.forget(keys.postedPrefix(sid, n));
  }

  async proposalForMessage(messageRef: string): Promise<{ sessionId: string; number: number } | undefined> {
    return this.store.get(keys.message(messageRef));
  }

  /** Looked up on every reaction (live counts), so cached while no other process posts. */
  async postedMessages(sid: string, n: number): Promise<string[]> {
    const prefix = keys.postedPrefix(sid, n);
    return this.records.get(prefix, async () => (await this.store.scan(prefix)).map(([key]) => key.slice(prefix.length)));
  }

  /** True the first time a platform event id is seen: retries and replays are applied once. */
  async firstDelivery(platform: string, eventId: string): Promise<boolean> {
    return this.store.claim(keys.event(platform, eventId), { at: this.clock().getTime() });
  }

  // ── corrections: reopen, delete, speaker edit / remove (issue 12) ───────────

  /**
   * Reopens the channel's latest session (or the one named) when it is closed and none of its channels
   * follows another open session meanwhile. Its cards get their controls back through the counts listeners.
   */
  async reopenSession(channel: ChannelRef, rawId?: string): Promise<Session> {
    const session = rawId ? await this.namedSession(rawId) : await this.requireSession(channel);
    if (session.state === 'open') throw new UserError(`Session ${session.id} is already open.`);
    const channels = await this.bindings(session.id);
    if (!channels.includes(channel)) channels.push(channel);
    for (const bound of channels) {
      const current = await this.sessionInChannel(bound);
      if (current && current.id !== session.id && current.state === 'open') {
        throw new UserError(`${bound === channel ? 'This channel' : `Channel ${bound}`} has open session ${current.id} ("${clip(current.title)}"); close it first with /session close.`);
      }
    }
    const reopened: Session = { ...session, state: 'open', closedAt: null, reopenedAt: this.clock().toISOString() };
    await this.store.set(keys.session(session.id), reopened);
    this.records.forget(keys.session(session.id));
    // Channels that moved on to a later (closed) session follow this one again.
    for (const bound of channels) if ((await this.sessionInChannel(bound))?.id !== session.id) await this.bind(session.id, bound);
    for (const p of await this.activeProposals(session.id, { fresh: true })) this.countsChanged(session.id, p.number);
    return reopened;
  }

  /** A session by the id a user typed, or a one-line refusal. */
  async namedSession(rawId: string): Promise<Session> {
    const sid = rawId.trim().toLowerCase();
    const session = /^s[a-z0-9]{3,8}$/.test(sid) ? await this.getSession(sid) : undefined;
    if (!session) throw new UserError(`No session "${clip(rawId)}": use the id shown by /session status, e.g. s7k2.`);
    return session;
  }

  /** What deleting a session would remove (for the confirmation prompt). */
  async sessionFootprint(sid: string): Promise<{ speakers: number; proposals: number; reactions: number; channels: ChannelRef[] }> {
    const [speakers, proposals, reactions, channels] = await Promise.all([
      this.store.scan(keys.speakersPrefix(sid)),
      this.activeProposals(sid, { fresh: true }),
      this.store.scan<Reaction>(keys.reactionsOfSession(sid)),
      this.bindings(sid),
    ]);
    return { speakers: speakers.length, proposals: proposals.length, reactions: reactions.length, channels };
  }

  /**
   * Deletes a session and every fact under it. The day index goes first (so the session leaves the digest
   * at once) and the session record last: if the process dies half-way, the same command finishes the job.
   */
  async deleteSession(sid: string): Promise<void> {
    const session = await this.getSession(sid);
    if (!session) throw new UserError(`No session "${clip(sid)}".`);
    const channels = await this.bindings(sid);
    await this.store.delete(keys.day(session.day, sid));
    for (const channel of channels) {
      const pointer = await this.store.get<{ sessionId: string }>(keys.channel(channel));
      if (pointer?.sessionId === sid) await this.store.delete(keys.channel(channel));
      this.records.forget(keys.channel(channel));
      await this.store.delete(keys.binding(sid, channel));
    }
    const posted = await this.store.scan(keys.postedOfSession(sid));
    for (const [key] of posted) await this.store.delete(keys.message(key.split(':').slice(3).join(':')));
    const prefixes = [
      keys.postedOfSession(sid), keys.sentPrefix(sid), keys.reactionsOfSession(sid), keys.slotsOfSession(sid),
      keys.proposalsPrefix(sid), keys.speakersPrefix(sid),
    ];
    for (const prefix of prefixes) for (const [key] of await this.store.scan(prefix)) await this.store.delete(key);
    await this.store.delete(keys.session(sid));
    this.records.forget(keys.session(sid));
    this.proposalCache.delete(sid);
  }

  /** Corrects a speaker's name, organisation or group; their proposals and reactions stay. */
  async editSpeaker(
    channel: ChannelRef,
    rawHandle: string,
    changes: { name?: string; organisation?: string; group?: string },
  ): Promise<Speaker> {
    const session = await this.requireSession(channel);
    const speaker = await this.requireSpeaker(session.id, rawHandle);
    if (changes.name === undefined && changes.organisation === undefined && changes.group === undefined) {
      throw new UserError(`Nothing to change: give name:"…", org:"…" or group:<group>, e.g. /speaker edit ${speaker.handle} name:"New Name".`);
    }
    // An empty org:"" or group:"" clears it; a name cannot be empty.
    const edited: Speaker = {
      ...speaker,
      name: changes.name === undefined ? speaker.name : checkText(changes.name, 'Speaker name', LIMITS.name),
      organisation: changes.organisation === undefined ? speaker.organisation : checkText(changes.organisation, 'Organisation', LIMITS.organisation, { required: false }) || null,
      group: changes.group === undefined ? speaker.group : changes.group.trim() ? this.checkGroup(changes.group) : null,
    };
    await this.store.set(keys.speaker(session.id, speaker.handle), edited);
    for (const p of await this.activeProposals(session.id, { fresh: true })) if (p.speaker === speaker.handle) this.countsChanged(session.id, p.number);
    return edited;
  }

  /** Removes a speaker who holds no active proposal. */
  async removeSpeaker(channel: ChannelRef, rawHandle: string): Promise<Speaker> {
    const session = await this.requireSession(channel);
    const handle = checkHandle(rawHandle);
    const speaker = await this.requireSpeaker(session.id, handle);
    const active = (await this.activeProposals(session.id, { fresh: true })).filter((p) => p.speaker === handle);
    if (active.length) {
      const codes = active.map((p) => p.code).join(', ');
      throw new UserError(`${handle} still has ${codes}: withdraw ${active.length === 1 ? 'it' : 'them'} first with /priority withdraw ${active[0].code}.`);
    }
    await this.store.delete(keys.speaker(session.id, handle));
    for (const [key] of await this.store.scan(keys.slotsOfSpeaker(session.id, handle))) await this.store.delete(key);
    return speaker;
  }

  /**
   * Claims "this card goes to this channel" once per proposal and channel, so `/priority post` run twice
   * (or by two moderators, or two processes) never posts a card there twice. `again` posts regardless.
   */
  async claimCardPost(sid: string, n: number, channel: ChannelRef, again: boolean): Promise<boolean> {
    const first = await this.store.claim(keys.sent(sid, n, channel), { at: this.clock().getTime() });
    if (again) return true;
    // Cards posted before these claims existed are known by their recorded messages.
    return first && !(await this.postedMessages(sid, n)).some((ref) => ref.startsWith(`${channel}:`));
  }
}
