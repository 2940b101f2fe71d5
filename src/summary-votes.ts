/**
 * A session's reactions as a summary reads them: the stances in compact form (opinion-votes.ts) and the comments,
 * proposal by proposal. The digest streams them from the store as JSON text and reads the usual reaction (a stance,
 * no comment) from its first bytes, so 450,000 reactions make no object each; anything else is parsed whole.
 */
import type { FactStore } from './store/fact-store.ts';
import { keys } from './keys.ts';
import type { Proposal, Reaction, StanceCounts } from './model.ts';
import { emptyCounts, type Tally } from './tally.ts';
import { STANCE_CODE, STANCES, VotesBuilder, type Votes } from './opinion-votes.ts';

/** A comment on a proposal: its author's index in `users`. */
export interface Note {
  user: number;
  text: string;
  at: number;
}

export interface SessionVotes extends Votes {
  /** per proposal (as `numbers`): the reactions with a comment, in the order read */
  notes: Note[][];
}

/** number → user → reaction, as the store's fold of a session keeps them. */
export type ReactionsByProposal = Map<number, Map<string, Reaction>>;

/** The texts JSON.stringify writes for a Reaction with a stance and no comment ({ stance, comment, at[, via] }). */
const PLAIN: string[] = STANCES.map((stance) => `{"stance":"${stance}","comment":null,`);
const PLAIN_AT = '{"stance":"'.length; // the stance's first letter: s, n or o

class SessionReader extends VotesBuilder {
  readonly notes: Note[][] = [];
  private current: Note[] = [];

  reaction(id: string, r: Reaction): void {
    const user = this.user(id);
    if (r.stance) this.add(user, STANCE_CODE[r.stance]);
    if (r.comment) this.current.push({ user, text: r.comment, at: r.at });
  }

  json(id: string, json: string, head: number): void {
    if (head >= 0) return this.add(this.user(id), head); // PLAIN[head]: that stance, no comment
    const first = json.charCodeAt(PLAIN_AT);
    const code = first === 115 ? 0 : first === 110 ? 1 : first === 111 ? 2 : -1;
    if (code >= 0 && json.startsWith(PLAIN[code])) this.add(this.user(id), code);
    else this.reaction(id, JSON.parse(json) as Reaction);
  }

  override endProposal(number: number): void {
    super.endProposal(number);
    this.notes.push(this.current);
    this.current = [];
  }

  result(): SessionVotes {
    return { ...this.votes(), notes: this.notes };
  }
}

/**
 * One session's reactions to the given proposals (in number order), streamed from the store proposal by proposal
 * and not kept by it: a digest holds one session's reactions at a time, never the whole day's.
 */
export async function streamVotes(store: FactStore, sid: string, numbers: number[]): Promise<SessionVotes> {
  const reader = new SessionReader();
  const json = (user: string, text: string, head: number) => reader.json(user, text, head);
  const parsed = (user: string, r: Reaction) => reader.reaction(user, r);
  for (const n of numbers) {
    const prefix = keys.reactionsOfProposal(sid, n);
    if (store.scanJson) await store.scanJson(prefix, json, PLAIN);
    else if (store.scanEach) await store.scanEach<Reaction>(prefix, parsed);
    else for (const [key, r] of await store.scan<Reaction>(prefix)) parsed(key.slice(prefix.length), r);
    reader.endProposal(n);
  }
  return reader.result();
}

/** The same from the store's kept fold of the session, each proposal's reactions in the fold's order. */
export function votesOfFold(byProposal: ReactionsByProposal, numbers: number[]): SessionVotes {
  const reader = new SessionReader();
  for (const n of numbers) {
    for (const [user, r] of byProposal.get(n) ?? []) reader.reaction(user, r);
    reader.endProposal(n);
  }
  return reader.result();
}

/** Proposal j's counts, per declared group too (groups in the order first met, as tallyStances makes them). */
export function tallyVotes(votes: Votes, j: number, groupOfUser: string[]): Tally {
  const tally: Tally = { ...emptyCounts(), reactors: 0, byGroup: {} };
  const { who, stance } = votes;
  for (let e = votes.start[j]; e < votes.start[j + 1]; e++) {
    const name = STANCES[stance[e]];
    tally[name] += 1;
    tally.reactors += 1;
    const counts: StanceCounts = (tally.byGroup[groupOfUser[who[e]]] ??= emptyCounts());
    counts[name] += 1;
  }
  return tally;
}

/** Participants with at least one stance (a comment alone does not count). */
export function voters(votes: Votes): string[] {
  const seen = new Uint8Array(votes.users.length);
  for (let e = 0; e < votes.who.length; e++) seen[votes.who[e]] = 1;
  return votes.users.filter((_, u) => seen[u] === 1);
}

/** The sessions that started on `date`, in the digest's order (start time, then id). */
export async function sessionsOfDay(store: FactStore, date: string): Promise<string[]> {
  const dayRows = await store.scan<{ startedAt: string }>(keys.dayPrefix(date));
  return dayRows
    .sort(([ka, a], [kb, b]) => a.startedAt.localeCompare(b.startedAt) || ka.localeCompare(kb))
    .map(([key]) => key.slice(keys.dayPrefix(date).length));
}

/** The numbers of a session's proposals still on the menu, in order: a summary's columns. */
export const activeNumbers = (rows: Array<[string, Proposal]>): number[] =>
  rows.filter(([, p]) => !p.withdrawnAt).map(([, p]) => p.number).sort((a, b) => a - b);
