/**
 * Sessions, their channel bindings and their speakers: the first half of the core (Plenary adds
 * proposals and reactions on top). Platform-free; the store is the truth.
 */
import type { FactStore } from './store/fact-store.ts';
import type { PlenaryConfig } from './config.ts';
import { UserError } from './errors.ts';
import { keys } from './keys.ts';
import { bySpeakerOrder, nextOrder, type ChannelRef, type Session, type Speaker, type UserId } from './model.ts';
import { checkHandle, checkText, clip, LIMITS } from './text-rules.ts';
import { dayIn } from './time.ts';
import { TokenCache } from './token-cache.ts';

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
  protected readonly clock: () => Date;
  private readonly random: () => number;
  /** Session records and channel bindings, read once while no other process writes (see TokenCache). */
  protected readonly records: TokenCache;

  constructor(options: SessionBookOptions) {
    this.store = options.store;
    this.config = options.config;
    this.clock = options.clock ?? (() => new Date());
    this.random = options.random ?? Math.random;
    this.records = new TokenCache(this.store);
  }

  now(): Date {
    return this.clock();
  }

  // ── sessions ────────────────────────────────────────────────────────────────

  /**
   * The session record. Reactions must stop the moment a session closes, even when another process closed
   * it, so this is as fresh as a store read: the cache holds only while nobody else wrote.
   */
  async getSession(sid: string): Promise<Session | undefined> {
    const key = keys.session(sid);
    return this.records.get(key, () => this.store.get<Session>(key));
  }

  /** The latest session bound to a channel, open or closed. */
  async sessionInChannel(channel: ChannelRef): Promise<Session | undefined> {
    const key = keys.channel(channel);
    const bound = await this.records.get(key, () => this.store.get<{ sessionId: string }>(key));
    return bound ? this.getSession(bound.sessionId) : undefined;
  }

  async requireSession(channel: ChannelRef): Promise<Session> {
    const session = await this.sessionInChannel(channel);
    if (!session) throw new UserError('No session in this channel yet: a moderator starts one with /session start <title>.');
    return session;
  }

  async requireOpenSession(channel: ChannelRef): Promise<Session> {
    const session = await this.requireSession(channel);
    if (session.state !== 'open') {
      throw new UserError(`Session ${session.id} is closed; a moderator can start a new one with /session start <title>.`);
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
    const current = await this.sessionInChannel(channel);
    if (current?.state === 'open') {
      throw new UserError(`This channel already has open session ${current.id} ("${clip(current.title)}"); close it first with /session close.`);
    }
    const startedAt = this.clock();
    const session: Session = {
      id: '',
      title: cleanTitle,
      theme: cleanTheme,
      moderator,
      startedAt: startedAt.toISOString(),
      day: dayIn(this.config.conference.timezone, startedAt),
      state: 'open',
      closedAt: null,
      results,
    };
    for (let attempt = 0; ; attempt++) {
      session.id = this.newSessionId(attempt < 20 ? 3 : 6);
      if (await this.store.claim(keys.session(session.id), session)) break;
    }
    this.records.forget(keys.session(session.id));
    await this.store.set(keys.day(session.day, session.id), { startedAt: session.startedAt });
    await this.bind(session.id, channel);
    return session;
  }

  private newSessionId(length: number): string {
    let id = 's';
    for (let i = 0; i < length; i++) id += ID_ALPHABET[Math.floor(this.random() * ID_ALPHABET.length)];
    return id;
  }

  protected async bind(sid: string, channel: ChannelRef) {
    await this.store.set(keys.binding(sid, channel), { at: this.clock().toISOString() });
    await this.store.set(keys.channel(channel), { sessionId: sid });
    this.records.forget(keys.channel(channel));
  }

  async joinSession(channel: ChannelRef, rawId: string): Promise<Session> {
    const sid = rawId.trim().toLowerCase();
    const session = /^s[a-z0-9]{3,8}$/.test(sid) ? await this.getSession(sid) : undefined;
    if (!session) throw new UserError(`No session "${clip(rawId)}": use the id shown by /session status, e.g. /session join s7k2.`);
    if (session.state !== 'open') throw new UserError(`Session ${session.id} is closed; only open sessions can be joined.`);
    const current = await this.sessionInChannel(channel);
    if (current?.id === session.id) throw new UserError(`This channel already follows session ${session.id}.`);
    if (current?.state === 'open') {
      throw new UserError(`This channel already has open session ${current.id}; close it first with /session close.`);
    }
    await this.bind(session.id, channel);
    return session;
  }

  async bindings(sid: string): Promise<ChannelRef[]> {
    const rows = await this.store.scan(keys.bindingsPrefix(sid));
    return rows.map(([key]) => key.slice(keys.bindingsPrefix(sid).length));
  }

  async closeSession(channel: ChannelRef): Promise<Session> {
    const session = await this.requireOpenSession(channel);
    const closed: Session = { ...session, state: 'closed', closedAt: this.clock().toISOString() };
    await this.store.set(keys.session(session.id), closed);
    this.records.forget(keys.session(session.id));
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
      throw new UserError(`Speaker ${handle} is already in session ${session.id}; see /speaker list.`);
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
    if (!speaker) throw new UserError(`No speaker "${handle}" in this session: add one with /speaker add ${handle} <name>, or see /speaker list.`);
    return speaker;
  }

  checkGroup(raw: string): string {
    const group = raw.trim().toLowerCase();
    if (!this.config.stakeholderGroups.includes(group)) {
      throw new UserError(`"${clip(raw)}" is not a stakeholder group: use one of ${this.config.stakeholderGroups.join(', ')}.`);
    }
    return group;
  }
}
