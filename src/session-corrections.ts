/**
 * Undo and corrections on the day (issue 12): reopen a closed session, delete a test session with every
 * fact under it, correct or remove a speaker, and post each proposal's card to a channel only once.
 * Each is one atomic commit (SessionBook.committed). Plenary hands it the session book and its proposal
 * reads (ProposalReads); nothing here inherits.
 */
import { Refusal } from './errors.ts';
import { keys, parseReactionKey } from './keys.ts';
import type { Change } from './store/fact-store.ts';
import type { ChannelRef, Proposal, Reaction, Session, Speaker } from './model.ts';
import { isSessionId } from './model.ts';
import { checkHandle, checkText, clip, LIMITS } from './text-rules.ts';
import type { SessionBook } from './session-book.ts';

/** What the corrections need from the proposals side of the core. */
export interface ProposalReads {
  activeProposals(sid: string): Promise<Proposal[]>;
  postedMessages(sid: string, n: number): Promise<string[]>;
  /** Tells the adapters to re-render the proposal's cards (live counts, buttons). */
  countsChanged(sid: string, n: number): void;
}

export class SessionCorrections {
  constructor(
    private readonly book: SessionBook,
    private readonly proposals: ProposalReads,
  ) {}

  /**
   * Reopens the channel's latest session (or the one named) when it is closed and none of its channels
   * follows another open session meanwhile, in one commit. Its cards get their controls back through the
   * counts listeners.
   */
  async reopenSession(channel: ChannelRef, rawId?: string): Promise<Session> {
    const { id } = rawId ? await this.namedSession(rawId) : await this.book.requireSession(channel);
    const reopened = await this.book.committed('session reopen', async () => {
      const session = await this.book.getSession(id);
      if (!session) throw new Refusal('refusal.session.unknown', { raw: clip(id) });
      if (session.state === 'open') throw new Refusal('refusal.session.already-open', { session: session.id });
      const channels = await this.book.bindings(id);
      if (!channels.includes(channel)) channels.push(channel);
      const pointers = await this.book.store.getMany<{ sessionId: string }>(channels.map((c) => keys.channel(c)));
      const change: Change = { expect: [[keys.session(id), session]], set: [] };
      for (const [i, bound] of channels.entries()) {
        const pointer = pointers[i];
        change.expect?.push([keys.channel(bound), pointer]);
        if (pointer?.sessionId === id) continue;
        const other = pointer ? await this.book.getSession(pointer.sessionId) : undefined;
        if (other?.state === 'open') {
          throw new Refusal('refusal.session.channel-busy-reopen', { channel: bound === channel ? 'here' : bound, session: other.id, title: clip(other.title) });
        }
        if (other) change.expect?.push([keys.session(other.id), other]);
        // A channel that moved on to a later (closed) session follows this one again.
        change.set?.push(...this.book.bindingWrites(id, bound));
      }
      const next: Session = { ...session, state: 'open', closedAt: null, reopenedAt: this.book.clock().toISOString() };
      change.set?.push([keys.session(id), next]);
      return { change, result: next };
    });
    for (const p of await this.proposals.activeProposals(id)) this.proposals.countsChanged(id, p.number);
    return reopened;
  }

  /** A session by the id a user typed, or a one-line refusal. */
  async namedSession(rawId: string): Promise<Session> {
    const sid = rawId.trim().toLowerCase();
    const session = isSessionId(sid) ? await this.book.getSession(sid) : undefined;
    if (!session) throw new Refusal('refusal.session.unknown-status', { raw: clip(rawId) });
    return session;
  }

  /** What deleting a session would remove (for the confirmation prompt). */
  async sessionFootprint(sid: string): Promise<{ speakers: number; proposals: number; reactions: number; channels: ChannelRef[] }> {
    const [speakers, proposals, reactions, channels] = await Promise.all([
      this.book.store.scan(keys.speakersPrefix(sid)),
      this.proposals.activeProposals(sid),
      this.book.store.scan<Reaction>(keys.reactionsOfSession(sid)),
      this.book.bindings(sid),
    ]);
    return { speakers: speakers.length, proposals: proposals.length, reactions: reactions.length, channels };
  }

  /** Deletes a session and every fact under it (participants' indexes included) in one commit: it leaves every digest. */
  async deleteSession(sid: string): Promise<void> {
    await this.book.committed('session delete', async () => {
      const session = await this.book.getSession(sid);
      if (!session) throw new Refusal('refusal.session.unknown', { raw: clip(sid) });
      const channels = await this.book.bindings(sid);
      const pointers = await this.book.store.getMany<{ sessionId: string }>(channels.map((c) => keys.channel(c)));
      const reactions = await this.book.store.scan(keys.reactionsOfSession(sid));
      const posted = await this.book.store.scan(keys.postedOfSession(sid));
      const under = async (prefix: string) => (await this.book.store.scan(prefix)).map(([key]) => key);
      const doomed = [
        keys.session(sid), keys.day(session.day, sid), keys.moderates(session.moderator, sid),
        ...channels.map((c) => keys.binding(sid, c)),
        ...channels.filter((_, i) => pointers[i]?.sessionId === sid).map((c) => keys.channel(c)),
        ...reactions.map(([key]) => key),
        ...reactions.map(([key]) => { const { number, user } = parseReactionKey(key); return keys.mine(user, sid, number); }),
        ...posted.map(([key]) => key),
        ...posted.map(([key]) => keys.message(key.split(':').slice(3).join(':'))),
        ...(await under(keys.sentPrefix(sid))), ...(await under(keys.legacyLoadPrefix(sid))),
        ...(await under(keys.proposalsPrefix(sid))), ...(await under(keys.speakersPrefix(sid))),
      ];
      const change: Change = {
        expect: [[keys.session(sid), session], ...channels.map((c, i): [string, unknown] => [keys.channel(c), pointers[i]])],
        delete: [...new Set(doomed)],
      };
      return { change, result: undefined };
    });
  }

  /** Corrects a speaker's name, organisation or group; their proposals and reactions stay. */
  async editSpeaker(
    channel: ChannelRef,
    rawHandle: string,
    changes: { name?: string; organisation?: string; group?: string },
  ): Promise<Speaker> {
    const session = await this.book.requireSession(channel);
    const { handle } = await this.book.requireSpeaker(session.id, rawHandle);
    if (changes.name === undefined && changes.organisation === undefined && changes.group === undefined) {
      throw new Refusal('refusal.speaker.nothing-to-change', { handle });
    }
    const name = changes.name === undefined ? undefined : checkText(changes.name, 'Speaker name', LIMITS.name);
    // An empty org:"" or group:"" clears it; a name cannot be empty.
    const organisation = changes.organisation === undefined ? undefined : checkText(changes.organisation, 'Organisation', LIMITS.organisation, { required: false }) || null;
    const group = changes.group === undefined ? undefined : changes.group.trim() ? this.book.checkGroup(changes.group) : null;
    const edited = await this.book.committed('speaker edit', async () => {
      const speaker = await this.book.store.get<Speaker>(keys.speaker(session.id, handle));
      if (!speaker) throw new Refusal('refusal.speaker.unknown-list', { handle });
      const next: Speaker = { ...speaker, name: name ?? speaker.name, organisation: organisation === undefined ? speaker.organisation : organisation, group: group === undefined ? speaker.group : group };
      return { change: { expect: [[keys.speaker(session.id, handle), speaker]], set: [[keys.speaker(session.id, handle), next]] }, result: next };
    });
    for (const p of await this.proposals.activeProposals(session.id)) if (p.speaker === handle) this.proposals.countsChanged(session.id, p.number);
    return edited;
  }

  /** Removes a speaker who holds no active proposal. */
  async removeSpeaker(channel: ChannelRef, rawHandle: string): Promise<Speaker> {
    const session = await this.book.requireSession(channel);
    const handle = checkHandle(rawHandle);
    await this.book.requireSpeaker(session.id, handle);
    return this.book.committed('speaker remove', async () => {
      const speaker = await this.book.store.get<Speaker>(keys.speaker(session.id, handle));
      if (!speaker) throw new Refusal('refusal.speaker.unknown-list', { handle });
      const proposals = (await this.book.store.scan<Proposal>(keys.proposalsPrefix(session.id))).map(([, p]) => p);
      const active = proposals.filter((p) => p.speaker === handle && !p.withdrawnAt);
      if (active.length) {
        const codes = active.map((p) => p.code).join(', ');
        throw new Refusal('refusal.speaker.has-priorities', { handle, codes, count: active.length, first: active[0].code });
      }
      // An add expects the speaker, and takes the next number: expecting that number still free makes a
      // priority added meanwhile refuse this (it re-reads and sees it), and a removal that landed refuse the add.
      const next = proposals.reduce((max, p) => Math.max(max, p.number), 0) + 1;
      const change: Change = {
        expect: [[keys.speaker(session.id, handle), speaker], [keys.proposal(session.id, next), undefined]],
        delete: [keys.speaker(session.id, handle)],
      };
      return { change, result: speaker };
    });
  }

  /**
   * Claims "this card goes to this channel" once per proposal and channel, so `/priority post` run twice
   * (or by two moderators, or two processes) never posts a card there twice. `again` posts regardless.
   */
  async claimCardPost(sid: string, n: number, channel: ChannelRef, again: boolean): Promise<boolean> {
    const first = await this.book.store.claim(keys.sent(sid, n, channel), { at: this.book.clock().getTime() });
    if (again) return true;
    // Cards posted before these claims existed are known by their recorded messages.
    return first && !(await this.proposals.postedMessages(sid, n)).some((ref) => ref.startsWith(`${channel}:`));
  }
}
