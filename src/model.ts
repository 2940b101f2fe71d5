/** The nouns of a panel, as stored. Every id a user sees is short; every user is `platform:id`. */

export type UserId = string; // slack:U012AB3CD, discord:8035…, console:alice
export type ChannelRef = string; // slack:C123, discord:998877, console:main

/**
 * A session id as plenary makes them (`s7k2`): the one pattern the core and the adapters' button values
 * use. `.source` is meant for embedding it in a larger pattern.
 */
export const SESSION_ID = /s[a-z0-9]{3,8}/;
export const isSessionId = (text: string) => new RegExp(`^${SESSION_ID.source}$`).test(text);

export const STANCES = ['support', 'neutral', 'oppose'] as const;
export type Stance = (typeof STANCES)[number];

export const DEFAULT_GROUPS = [
  'government',
  'intergovernmental',
  'private-sector',
  'civil-society',
  'technical-community',
  'academia',
] as const;
export const UNSPECIFIED = 'unspecified';

export interface Session {
  id: string;
  title: string;
  theme: string | null;
  moderator: UserId;
  startedAt: string; // ISO instant
  day: string; // YYYY-MM-DD in the conference time zone at start
  state: 'open' | 'closed';
  closedAt: string | null;
  /** `hidden`: counts are shown to no participant until the session closes (absent = live). */
  results?: 'live' | 'hidden';
  /** Set when a moderator reopened it after a close. */
  reopenedAt?: string | null;
}

export interface Speaker {
  handle: string;
  name: string;
  organisation: string | null;
  group: string | null;
  addedAt: string;
  /** Order of addition, finer than addedAt: two speakers added in the same millisecond keep their order. */
  order?: number;
}

export interface Proposal {
  code: string; // P1, P2…
  number: number;
  speaker: string; // handle
  text: string;
  addedAt: string;
  editedAt: string | null;
  withdrawnAt: string | null;
  /** Which of the speaker's priority slots it holds (see priority-slots.ts). */
  slot?: number;
}

/** One participant's current position on one proposal: the latest action wins. */
export interface Reaction {
  stance: Stance | null;
  comment: string | null;
  at: number; // ms since epoch of the latest action
  via?: string; // emoji name when the stance came from an emoji (removal rule)
}

export interface GroupDeclaration {
  group: string;
  at: number;
}

export interface StanceCounts {
  support: number;
  neutral: number;
  oppose: number;
}

let lastOrder = 0;
/** A strictly increasing number per process, close to the clock in µs, for ordering records added together. */
export function nextOrder(nowMs: number): number {
  lastOrder = Math.max(lastOrder + 1, nowMs * 1000);
  return lastOrder;
}

/** Speakers in the order they were added. */
export const bySpeakerOrder = (a: Speaker, b: Speaker) =>
  (a.order ?? 0) - (b.order ?? 0) || a.addedAt.localeCompare(b.addedAt) || a.handle.localeCompare(b.handle);

