/**
 * Ingest of real votes: a Pol.is conversation replayed through `Plenary.react` into the default SQLite
 * store (a fresh file per repetition), against the limit — a bare better-sqlite3 loop writing the same
 * records (same key, same stored value) with one commit per record and the same WAL + synchronous=NORMAL.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { keys } from '../src/keys.ts';
import { openStore } from '../src/store/open-store.ts';
import { encodeValue, NAMESPACE } from '../src/store/keyv-fact-store.ts';
import type { Reaction } from '../src/model.ts';
import { Plenary } from '../src/plenary.ts';
import { benchConfig, checkSession, prepareSession, replayVotes, replayVotesConcurrently, STANCE_OF, voterId, type Conversation } from './polis.ts';

export interface IngestRep {
  coreRate: number; // reactions/s through the core, one reaction at a time
  concurrentRate: number; // reactions/s through the core, 32 in flight (group commit)
  bareRate: number; // records/s, bare better-sqlite3
  checked: { ok: boolean; reactions: number; mismatches: string[] };
}

/** One repetition: the core replay on a fresh store, its check against the recount, then the bare loop. */
export async function ingestRep(conversation: Conversation, dir: string, votes = conversation.votes): Promise<IngestRep & { coreStore: string }> {
  // The bare loop runs before and after the core replays (A B A): a shared machine's load drifts within a rep.
  const bareBefore = bareLoop(join(dir, `bare-a-${Date.now()}.sqlite`), conversation, votes);
  const path = join(dir, `core-${Date.now()}.sqlite`);
  const store = await openStore(`sqlite://${path}`);
  let coreRate: number;
  let checked: IngestRep['checked'];
  try {
    const prepared = await prepareSession(store, conversation);
    const started = performance.now();
    const applied = await replayVotes(prepared, votes);
    coreRate = applied / ((performance.now() - started) / 1000);
    checked = votes === conversation.votes ? await checkSession(prepared, conversation) : { ok: true, reactions: applied, mismatches: [] };
  } finally {
    await store.close();
  }
  const { rate: concurrentRate, checked: concurrentChecked } = await concurrentRep(conversation, dir, votes);
  if (!concurrentChecked.ok) checked = concurrentChecked;
  const bareRate = (bareBefore + bareLoop(join(dir, `bare-b-${Date.now()}.sqlite`), conversation, votes)) / 2;
  return { coreRate, concurrentRate, bareRate, checked, coreStore: path };
}

/** The replay with 32 reactions in flight, on its own fresh store, checked against the recount too. */
async function concurrentRep(conversation: Conversation, dir: string, votes: Conversation['votes']) {
  const store = await openStore(`sqlite://${join(dir, `concurrent-${Date.now()}.sqlite`)}`);
  try {
    const prepared = await prepareSession(store, conversation);
    const started = performance.now();
    const applied = await replayVotesConcurrently(prepared, votes);
    const rate = applied / ((performance.now() - started) / 1000);
    const checked = votes === conversation.votes ? await checkSession(prepared, conversation) : { ok: true, reactions: applied, mismatches: [] };
    return { rate, checked };
  } finally {
    await store.close();
  }
}

/** The limit: the same records, straight into SQLite, one autocommitted statement per record. */
export function bareLoop(path: string, conversation: Conversation, votes = conversation.votes): number {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec('CREATE TABLE keyv (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID');
  const upsert = db.prepare('INSERT INTO keyv (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  const numberOf = new Map(conversation.statements.map((s, i) => [s.id, i + 1]));
  const sid = 'sbench';
  const started = performance.now();
  for (const v of votes) {
    const reaction: Reaction = { stance: STANCE_OF[v.vote], comment: null, at: Date.now() };
    upsert.run(`${NAMESPACE}:${keys.reaction(sid, numberOf.get(v.statement) as number, voterId(v.voter))}`, encodeValue(reaction));
  }
  const rate = votes.length / ((performance.now() - started) / 1000);
  db.close();
  return rate;
}

/** Re-opens a replayed store for the summary timings. */
export async function openReplayed(path: string, conversation: Conversation): Promise<{ core: Plenary; sessionId: string; close: () => Promise<void> }> {
  const store = await openStore(`sqlite://${path}`);
  const core = new Plenary({ store, config: benchConfig() });
  const rows = await store.scan<{ startedAt: string }>('session:');
  if (rows.length !== 1) throw new Error(`${conversation.name}: expected one session in ${path}`);
  return { core, sessionId: rows[0][0].slice('session:'.length), close: () => store.close() };
}
