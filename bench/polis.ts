/**
 * Pol.is open data as a realistic audience workload, shared by `bench/run.ts` and `scripts/replay-polis.ts`:
 * CSV parsing, loading a conversation, replaying it through the core, and recounting votes.csv.
 *
 * Mapping: each statement (comment) becomes a proposal, in comment-id order; one synthetic speaker
 * (`s1`, `s2`, …) per ≤ 10 statements, so the config's priorityLimit (max 10) is respected. Moderated
 * (-1) statements are still proposals: their votes count. Each vote is a reaction by `console:v<voter>`
 * (1 support, 0 neutral, -1 oppose), replayed in timestamp order, so the latest vote wins.
 *
 * The data is read from ../shared/data/polis at run time and never copied into the repository.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseConfig } from '../src/config.ts';
import { Plenary } from '../src/plenary.ts';
import type { Stance } from '../src/model.ts';
import type { FactStore } from '../src/store/fact-store.ts';

export const DATASETS = [
  'vtaiwan.uberx',
  'scoop-hivemind.biodiversity',
  'austria-climate.5twd2jsnkf.2022-08-08',
] as const;

const HERE = dirname(fileURLToPath(import.meta.url));
/** The shared data folder, relative to the repository (`../shared/data/polis`); POLIS_DATA overrides it. */
export const POLIS_DIR = resolve(process.env.POLIS_DATA ?? join(HERE, '..', '..', 'shared', 'data', 'polis'));

export const STATEMENTS_PER_SPEAKER = 10;
const MAX_TEXT = 500;

// ── CSV ─────────────────────────────────────────────────────────────────────

/** RFC 4180 CSV: quoted fields may hold commas, newlines and doubled quotes; CRLF or LF line ends. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  if (text.charCodeAt(0) === 0xfeff) i = 1; // byte-order mark
  const n = text.length;
  while (i < n) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      // Copy the run of ordinary characters up to the next quote in one slice.
      const next = text.indexOf('"', i);
      const end = next === -1 ? n : next;
      field += text.slice(i, end);
      i = end;
      continue;
    }
    if (c === '"' && field === '') {
      quoted = true;
      i++;
    } else if (c === ',') {
      row.push(field);
      field = '';
      i++;
    } else if (c === '\n' || c === '\r') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      field += c;
      i++;
    }
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Rows as objects keyed by the header line. */
export function readCsvFile(path: string): Array<Record<string, string>> {
  const [header, ...rows] = parseCsv(readFileSync(path, 'utf8'));
  return rows
    .filter((r) => !(r.length === 1 && r[0] === ''))
    .map((r) => Object.fromEntries(header.map((h, j) => [h, r[j] ?? ''])));
}

// ── a conversation ──────────────────────────────────────────────────────────

export interface Statement {
  id: number;
  moderated: number;
  text: string;
}

export interface Vote {
  timestamp: number;
  statement: number;
  voter: number;
  vote: -1 | 0 | 1;
}

export interface Conversation {
  name: string;
  statements: Statement[]; // comment-id order
  votes: Vote[]; // timestamp order (file order among equal timestamps)
}

export const polisAvailable = (dir = POLIS_DIR) => existsSync(dir);

export function loadConversation(name: string, dir = POLIS_DIR): Conversation {
  const folder = join(dir, name);
  const statements = readCsvFile(join(folder, 'comments.csv'))
    .map((r) => ({ id: int(r['comment-id'], 'comment-id'), moderated: Number(r.moderated || 0), text: r['comment-body'] }))
    .sort((a, b) => a.id - b.id);
  const votes = readCsvFile(join(folder, 'votes.csv')).map((r): Vote => {
    const vote = int(r.vote, 'vote');
    if (vote !== -1 && vote !== 0 && vote !== 1) throw new Error(`${name}: vote ${vote} is not -1, 0 or 1`);
    return { timestamp: int(r.timestamp, 'timestamp'), statement: int(r['comment-id'], 'comment-id'), voter: int(r['voter-id'], 'voter-id'), vote };
  });
  // Array.prototype.sort is stable: equal timestamps keep file order, as in the recount.
  votes.sort((a, b) => a.timestamp - b.timestamp);
  return { name, statements, votes };
}

function int(text: string | undefined, what: string): number {
  const value = Number(text);
  if (text === undefined || text === '' || !Number.isInteger(value)) throw new Error(`bad ${what}: "${text}"`);
  return value;
}

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/gu;

/** The proposal text of a statement: control characters out, trimmed, at most 500 code points. */
export function proposalText(statement: Statement): string {
  const clean = statement.text.replace(CONTROL, ' ').trim();
  const points = [...clean];
  const text = (points.length > MAX_TEXT ? points.slice(0, MAX_TEXT).join('') : clean).trim();
  return text || `(statement ${statement.id} has no text)`;
}

export const STANCE_OF: Record<-1 | 0 | 1, Stance> = { 1: 'support', 0: 'neutral', [-1]: 'oppose' };
export const voterId = (voter: number) => `console:v${voter}`;

// ── replay through the core ─────────────────────────────────────────────────

export const benchConfig = () =>
  parseConfig({ conference: { name: 'Pol.is replay', timezone: 'UTC' }, priorityLimit: STATEMENTS_PER_SPEAKER }, 'bench');

export interface PreparedSession {
  core: Plenary;
  sessionId: string;
  /** comment-id → proposal number */
  numberOf: Map<number, number>;
}

/** Opens a session on `store` and adds every statement as a proposal (not timed by the bench). */
export async function prepareSession(store: FactStore, conversation: Conversation, channel = 'console:bench'): Promise<PreparedSession> {
  const core = new Plenary({ store, config: benchConfig() });
  const session = await core.startSession('console:moderator', channel, `Pol.is: ${conversation.name}`.slice(0, 150), null);
  const numberOf = new Map<number, number>();
  for (let i = 0; i < conversation.statements.length; i++) {
    const handle = `s${Math.floor(i / STATEMENTS_PER_SPEAKER) + 1}`;
    if (i % STATEMENTS_PER_SPEAKER === 0) await core.addSpeaker(channel, { handle, name: `Statements ${i + 1}+` });
    const statement = conversation.statements[i];
    const proposal = await core.addPriority(channel, handle, proposalText(statement));
    numberOf.set(statement.id, proposal.number);
  }
  return { core, sessionId: session.id, numberOf };
}

/** Replays every vote through `Plenary.react`, in order; returns how many reactions were applied. */
export async function replayVotes(prepared: PreparedSession, votes: Vote[]): Promise<number> {
  const { core, sessionId, numberOf } = prepared;
  let applied = 0;
  for (const v of votes) {
    const n = numberOf.get(v.statement);
    if (n === undefined) throw new Error(`vote on statement ${v.statement}, which comments.csv does not list`);
    await core.react(voterId(v.voter), sessionId, n, STANCE_OF[v.vote]);
    applied++;
  }
  return applied;
}

/**
 * The same replay with up to `window` reactions in flight, as under live load (many people reacting at
 * once): votes are submitted in timestamp order, and the votes of one voter on one statement stay in
 * order (a chain per pair — the only facts that can overwrite each other), so the latest vote still wins.
 * Concurrent writes share the SQLite store's group commit.
 */
export async function replayVotesConcurrently(prepared: PreparedSession, votes: Vote[], window = 32): Promise<number> {
  const { core, sessionId, numberOf } = prepared;
  const chains = new Map<string, Promise<unknown>>();
  let inFlight = 0;
  let wake: (() => void) | undefined;
  let failure: unknown;
  const settled = () => {
    inFlight -= 1;
    wake?.();
  };
  for (const v of votes) {
    const n = numberOf.get(v.statement);
    if (n === undefined) throw new Error(`vote on statement ${v.statement}, which comments.csv does not list`);
    const user = voterId(v.voter);
    const pair = `${user} ${n}`;
    const step = (chains.get(pair) ?? Promise.resolve()).then(() => core.react(user, sessionId, n, STANCE_OF[v.vote]));
    chains.set(pair, step);
    inFlight += 1;
    step.then(settled, (error) => {
      failure ??= error;
      settled();
    });
    // A counter, not Promise.race: racing the whole window on every vote costs O(window) per vote.
    while (inFlight >= window) await new Promise<void>((resolve) => (wake = resolve));
    if (failure) throw failure;
  }
  await Promise.all(chains.values());
  return votes.length;
}

// ── recount and check ───────────────────────────────────────────────────────

export interface Counts {
  support: number;
  neutral: number;
  oppose: number;
}

/**
 * Recount straight from the votes: the latest vote per voter and statement (largest timestamp; on a
 * tie the later row of the file), independent of the replay order.
 */
export function recount(votes: Vote[]): { byStatement: Map<number, Counts>; pairs: number } {
  const latest = new Map<string, { timestamp: number; vote: -1 | 0 | 1; statement: number }>();
  for (const v of votes) {
    const key = `${v.statement}/${v.voter}`;
    const seen = latest.get(key);
    if (!seen || v.timestamp >= seen.timestamp) latest.set(key, v);
  }
  const byStatement = new Map<number, Counts>();
  for (const v of latest.values()) {
    let c = byStatement.get(v.statement);
    if (!c) byStatement.set(v.statement, (c = { support: 0, neutral: 0, oppose: 0 }));
    c[STANCE_OF[v.vote]]++;
  }
  return { byStatement, pairs: latest.size };
}

export interface CheckResult {
  ok: boolean;
  proposals: number;
  reactions: number;
  mismatches: string[];
}

/** Compares the session summary with the recount: every proposal's support/neutral/oppose. */
export async function checkSession(prepared: PreparedSession, conversation: Conversation): Promise<CheckResult> {
  const summary = await prepared.core.summaries.sessionSummary(prepared.sessionId);
  if (!summary) return { ok: false, proposals: 0, reactions: 0, mismatches: ['session summary missing'] };
  const expected = recount(conversation.votes);
  const byNumber = new Map(summary.proposals.map((p) => [p.number, p]));
  const mismatches: string[] = [];
  for (const statement of conversation.statements) {
    const n = prepared.numberOf.get(statement.id) as number;
    const got = byNumber.get(n);
    const want = expected.byStatement.get(statement.id) ?? { support: 0, neutral: 0, oppose: 0 };
    if (!got) {
      mismatches.push(`statement ${statement.id} (P${n}) missing from the summary`);
      continue;
    }
    if (got.support !== want.support || got.neutral !== want.neutral || got.oppose !== want.oppose) {
      mismatches.push(
        `statement ${statement.id} (P${n}): summary ${got.support}/${got.neutral}/${got.oppose}, recount ${want.support}/${want.neutral}/${want.oppose}`,
      );
    }
  }
  if (summary.proposals.length !== conversation.statements.length) {
    mismatches.push(`summary has ${summary.proposals.length} proposals, data ${conversation.statements.length} statements`);
  }
  const reactions = summary.proposals.reduce((sum, p) => sum + p.reactors, 0);
  if (reactions !== expected.pairs) mismatches.push(`summary holds ${reactions} reactions, recount ${expected.pairs}`);
  const stored = (await prepared.core.store.scan(`reaction:${prepared.sessionId}:`)).length;
  if (stored !== expected.pairs) mismatches.push(`store holds ${stored} reaction records, recount ${expected.pairs}`);
  return { ok: mismatches.length === 0, proposals: summary.proposals.length, reactions, mismatches };
}
