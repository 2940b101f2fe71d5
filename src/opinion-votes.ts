/**
 * A session's current stances in compact form: one entry a stance, in typed arrays, proposal by proposal. The
 * summary reads a session's reactions from the store straight into it (summary-votes.ts), and opinion groups
 * build their vote matrix from it, so a digest of 450,000 reactions makes no map or object per reaction.
 */
import type { Stance } from './model.ts';
import type { SparseRows } from './linear-algebra.ts';

export const STANCES: readonly Stance[] = ['support', 'neutral', 'oppose'];
export const STANCE_CODE: Readonly<Record<Stance, number>> = { support: 0, neutral: 1, oppose: 2 };

export interface Votes {
  /** participant ids, by index */
  users: string[];
  /** the proposals (the matrix's columns), in number order */
  numbers: number[];
  /** proposal j's entries are start[j] … start[j + 1] − 1 */
  start: Int32Array;
  /** per entry: the participant's index */
  who: Int32Array;
  /** per entry: the stance, as STANCE_CODE */
  stance: Uint8Array;
}

/** proposal number → participant → current stance (null = a comment without a stance). */
export type StancesByProposal = Map<number, Map<string, { stance: Stance | null }>>;

/** Entries added proposal by proposal, participants numbered on first sight; the arrays grow as needed. */
export class VotesBuilder {
  readonly users: string[] = [];
  private readonly index = new Map<string, number>();
  private readonly numbers: number[] = [];
  private readonly starts: number[] = [0];
  private who = new Int32Array(1024);
  private stance = new Uint8Array(1024);
  private length = 0;

  /** The participant's index (numbered now if new). */
  user(id: string): number {
    let i = this.index.get(id);
    if (i === undefined) {
      i = this.users.length;
      this.users.push(id);
      this.index.set(id, i);
    }
    return i;
  }

  add(user: number, code: number): void {
    if (this.length === this.who.length) {
      const who = new Int32Array(2 * this.length);
      who.set(this.who);
      this.who = who;
      const stance = new Uint8Array(2 * this.length);
      stance.set(this.stance);
      this.stance = stance;
    }
    this.who[this.length] = user;
    this.stance[this.length++] = code;
  }

  /** Closes the entries added since the last call as proposal `number`'s (numbers must come in order). */
  endProposal(number: number): void {
    this.numbers.push(number);
    this.starts.push(this.length);
  }

  /** The entries added so far (as views, not copies). */
  votes(): Votes {
    return {
      users: this.users,
      numbers: this.numbers,
      start: Int32Array.from(this.starts),
      who: this.who.subarray(0, this.length),
      stance: this.stance.subarray(0, this.length),
    };
  }
}

/** The same stances from maps: proposals in number order, each map in its own order. */
export function votesOf(byProposal: StancesByProposal): Votes {
  const builder = new VotesBuilder();
  for (const n of [...byProposal.keys()].sort((a, b) => a - b)) {
    for (const [user, reaction] of byProposal.get(n) as Map<string, { stance: Stance | null }>) {
      if (reaction.stance) builder.add(builder.user(user), STANCE_CODE[reaction.stance]);
    }
    builder.endProposal(n);
  }
  return builder.votes();
}

/** The vote matrix: rows = participants with a stance in sorted id order (so the order stances were read does not matter). */
export interface VoteMatrix {
  matrix: SparseRows;
  /** each row's participant id */
  rowUsers: string[];
  /** the rows with at least `minStances` stances */
  placedRows: number[];
}

/** Builds the matrix of support 1 / neutral 0 / oppose −1, each row's entries in column order. */
export function voteMatrix(votes: Votes, minStances: number): VoteMatrix {
  const { users, numbers, start, who, stance } = votes;
  const cast = who.length;
  const counts = new Int32Array(users.length);
  for (let e = 0; e < cast; e++) counts[who[e]] += 1;
  const voters: number[] = [];
  for (let u = 0; u < users.length; u++) if (counts[u] > 0) voters.push(u);
  // Code-unit order, as Array.prototype.sort orders strings; ids are distinct, so no ties.
  voters.sort((a, b) => (users[a] < users[b] ? -1 : 1));
  const rowOf = new Int32Array(users.length);
  const rowStart = new Int32Array(voters.length + 1);
  const rowUsers: string[] = [];
  const placedRows: number[] = [];
  voters.forEach((u, row) => {
    rowOf[u] = row;
    rowStart[row + 1] = rowStart[row] + counts[u];
    rowUsers.push(users[u]);
    if (counts[u] >= minStances) placedRows.push(row);
  });
  const fill = rowStart.slice(0, voters.length);
  const col = new Int32Array(cast);
  const value = new Float64Array(cast);
  for (let j = 0; j < numbers.length; j++) {
    for (let e = start[j]; e < start[j + 1]; e++) {
      const at = fill[rowOf[who[e]]]++;
      col[at] = j;
      value[at] = 1 - stance[e]; // support 1, neutral 0, oppose −1
    }
  }
  return { matrix: { rows: voters.length, cols: numbers.length, rowStart, col, value }, rowUsers, placedRows };
}
