/**
 * Sessions, their channel bindings and their speakers, and the commit loop the whole core shares.
 * Plenary holds one (composition, not inheritance) and adds proposals and reactions beside it.
 * Platform-free; the store is the truth.
 */
import { StoreUnavailableError, type Change, type FactStore } from './store/fact-store.ts';
import type { PlenaryConfig } from './config.ts';
import { Refusal } from './errors.ts';
import { keys } from './keys.ts';
import { bySpeakerOrder, nextOrder, type ChannelRef, type Session, type Speaker, type UserId, isSessionId } from './model.ts';
import { checkHandle, checkText, clip, LIMITS } from './text-rules.ts';
import { dayIn } from './time.ts';
import { Outbox } from './outbox.ts';

/** One try of a command: the writes it decided on, given what it read, and what to answer if they land. */
export interface Attempt<R> {
  change: Change;
  result: R;
}

/** Compare-and-set tries before a command gives up (each retry means someone else's write landed first). */
const MAX_ATTEMPTS = 40;

export interface SessionBookOptions {
  store: FactStore;
  config: PlenaryConfig;
  clock?: () => Date;
  random?: () => number;
}

const ID_ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789'; // no l/1/o/0 to misread

export class SessionBook {
  readonly store: FactStore;
  readonly config: PlenaryConfig;
  readonly clock: () => Date;
  private readonly random: () => number;
  /** Posts waiting for delivery, written in the same commit as the command that makes them. */
  readonly outbox: Outbox;

  constructor(options: SessionBookOptions) {
    this.store = options.store;
    this.config = options.config;
    this.clock = options.clock ?? (() => new Date());
    this.random = options.random ?? Math.random;
    this.outbox = new Outbox(this.store, () => this.clock().getTime());
  }

  /**
   * Runs a command as one atomic commit: read, decide, commit with the values read as expectations.
   * When another writer got there first the commit is refused and the command reads and decides again,
   * so its answer always matches what is stored. `attempt` gets the try number (> 0: re-read everything).
   */
  async committed<R>(what: string, attempt: (retry: number) => Promise<Attempt<R>>): Promise<R> {
    for (let retry = 0; retry < MAX_ATTEMPTS; retry++) {
      const { change, result } = await attempt(retry);
      if (await this.store.commit(change)) return result;
      // Lost a race: back off a little (jittered) so two processes do not collide forever.
      await new Promise((r) => setTimeout(r, Math.floor(this.random() * Math.min(50, 2 * (retry + 1)))));
    }
    throw new StoreUnavailableError(`${what}: the store kept changing underneath, so nothing was recorded`);
  }

  now(): Date {
    return this.clock();
  }

  // ── sessions ────────────────────────────────────────────────────────────────

  /**
   * The session record. Reactions must stop the moment a session closes, even when another process closed it:
   * the store's cache keeps it only while nobody else wrote, so this is a store read, fit for a compare-and-set.
   */
  async getSession(sid: string): Promise<Session | undefined> {
    return this.store.get<Session>(keys.session(sid));
  }

  /** The latest session bound to a channel, open or closed. */
  async sessionInChannel(channel: ChannelRef): Promise<Session | undefined> {
    const bound = await this.store.get<{ sessionId: string }>(keys.channel(channel));
    return bound ? this.getSession(bound.sessionId) : undefined;
  }

  async requireSession(channel: ChannelRef): Promise<Session> {
    const session = await this.sessionInChannel(channel);
    if (!session) throw new Refusal('refusal.session.none-here');
    return session;
  }

  async requireOpenSession(channel: ChannelRef): Promise<Session> {
    const session = await this.requireSession(channel);
    if (session.state !== 'open') {
      throw new Refusal('refusal.session.closed', { session: session.id });
    }
    return session;
  }

  async startSession(
    moderator: UserId,
    channel: ChannelRef,
    title: string,
    theme: string | null,
    { results = 'live' }: { results?: 'live' | 'hidden' } = {},
  ): Promise<Session> {
    const cleanTitle = checkText(title, 'Title', LIMITS.title);
    const cleanTheme = theme === null ? null : checkText(theme, 'Theme', LIMITS.theme, { required: false }) || null;
    const session = await this.committed('session start', async (retry) => {
      const bound = await this.store.get<{ sessionId: string }>(keys.channel(channel));
      const current = bound ? await this.getSession(bound.sessionId) : undefined;
      if (current?.state === 'open') {
        throw new Refusal('refusal.session.channel-busy', { session: current.id, title: clip(current.title) });
      }
      const startedAt = this.clock();
      const fresh: Session = {
        id: this.newSessionId(retry < 20 ? 3 : 6),
        title: cleanTitle,
        theme: cleanTheme,
        moderator,
        startedAt: startedAt.toISOString(),
        day: dayIn(this.config.conference.timezone, startedAt),
        state: 'open',
        closedAt: null,
        results,
      };
      // Record, day index, binding and channel in one step: a half-started session cannot exist.
      const change: Change = {
        expect: [[keys.channel(channel), bound], [keys.session(fresh.id), undefined]],
        set: [
          [keys.session(fresh.id), fresh],
          [keys.day(fresh.day, fresh.id), { startedAt: fresh.startedAt }],
          [keys.moderates(moderator, fresh.id), { at: fresh.startedAt }],
          ...this.bindingWrites(fresh.id, channel),
        ],
      };
      return { change, result: fresh };
    });
    return session;
  }

  private newSessionId(length: number): string {
    let id = 's';
    for (let i = 0; i < length; i++) id += ID_ALPHABET[Math.floor(this.random() * ID_ALPHABET.length)];
    return id;
  }

  bindingWrites(sid: string, channel: ChannelRef): Array<[string, unknown]> {
    return [
      [keys.binding(sid, channel), { at: this.clock().toISOString() }],
      [keys.channel(channel), { sessionId: sid }],
    ];
  }

  async joinSession(channel: ChannelRef, rawId: string): Promise<Session> {
    const sid = rawId.trim().toLowerCase();
    const session = isSessionId(sid) ? await this.getSession(sid) : undefined;
    if (!session) throw new Refusal('refusal.session.unknown-join', { raw: clip(rawId) });
    if (session.state !== 'open') throw new Refusal('refusal.session.closed-join', { session: session.id });
    await this.committed('session join', async () => {
      const target = await this.getSession(session.id);
      if (target?.state !== 'open') throw new Refusal('refusal.session.closed-join', { session: session.id });
      const bound = await this.store.get<{ sessionId: string }>(keys.channel(channel));
      const current = bound ? await this.getSession(bound.sessionId) : undefined;
      if (current?.id === session.id) throw new Refusal('refusal.session.already-followed', { session: session.id });
      if (current?.state === 'open') {
        throw new Refusal('refusal.session.channel-busy-join', { session: current.id });
      }
      const change: Change = {
        expect: [[keys.session(session.id), target], [keys.channel(channel), bound]],
        set: this.bindingWrites(session.id, channel),
      };
      return { change, result: undefined };
    });
    return session;
  }

  async bindings(sid: string): Promise<ChannelRef[]> {
    const rows = await this.store.scan(keys.bindingsPrefix(sid));
    return rows.map(([key]) => key.slice(keys.bindingsPrefix(sid).length));
  }

  /**
   * Closes the session and queues its final summary to every bound channel in the same commit: a
   * closed session always gets its summary posted, even if this process dies right after. `notify`
   * is told privately if a post fails for good.
   */
  async closeSession(channel: ChannelRef, notify?: { user: UserId; channel: ChannelRef }): Promise<Session & { queued: string[] }> {
    const { id } = await this.requireOpenSession(channel);
    const closed = await this.committed('session close', async () => {
      const session = await this.getSession(id);
      if (session?.state !== 'open') {
        throw new Refusal('refusal.session.closed', { session: id });
      }
      const done: Session = { ...session, state: 'closed', closedAt: this.clock().toISOString() };
      const posts = (await this.bindings(id)).map((to) => this.outbox.entry({ channel: to, finalSummaryOf: id, notify }));
      const change: Change = { expect: [[keys.session(id), session]], set: [[keys.session(id), done], ...posts] };
      return { change, result: { ...done, queued: posts.map(([key]) => key) } };
    });
    return closed;
  }

  // ── speakers ────────────────────────────────────────────────────────────────

  async addSpeaker(
    channel: ChannelRef,
    input: { handle: string; name: string; organisation?: string | null; group?: string | null },
  ): Promise<Speaker> {
    const session = await this.requireOpenSession(channel);
    const handle = checkHandle(input.handle);
    const speaker: Speaker = {
      handle,
      name: checkText(input.name, 'Speaker name', LIMITS.name),
      organisation: input.organisation ? checkText(input.organisation, 'Organisation', LIMITS.organisation) : null,
      group: input.group ? this.checkGroup(input.group) : null,
      addedAt: this.clock().toISOString(),
      order: nextOrder(this.clock().getTime()),
    };
    if (!(await this.store.claim(keys.speaker(session.id, handle), speaker))) {
      throw new Refusal('refusal.speaker.exists', { handle, session: session.id });
    }
    return speaker;
  }

  async speakers(sid: string): Promise<Speaker[]> {
    const rows = await this.store.scan<Speaker>(keys.speakersPrefix(sid));
    return rows.map(([, speaker]) => speaker).sort(bySpeakerOrder);
  }

  async requireSpeaker(sid: string, rawHandle: string): Promise<Speaker> {
    const handle = checkHandle(rawHandle);
    const speaker = await this.store.get<Speaker>(keys.speaker(sid, handle));
    if (!speaker) throw new Refusal('refusal.speaker.unknown', { handle });
    return speaker;
  }

  checkGroup(raw: string): string {
    const group = raw.trim().toLowerCase();
    if (!this.config.stakeholderGroups.includes(group)) {
      throw new Refusal('refusal.group.invalid', { raw: clip(raw), groups: this.config.stakeholderGroups.join(', ') });
    }
    return group;
  }
}
