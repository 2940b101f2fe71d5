/**
 * A synthetic conference day: `sessions` sessions × `proposals` proposals × `participants` participants,
 * each participant reacting to every proposal of their session (60 × 15 × 500 = 450,000 reactions for
 * the full day). Participants are drawn from a pool of ten times a session's audience, so they attend
 * several sessions; one in seven never declares a group; one reaction in fifty carries a comment.
 * Stances are a deterministic function of (session, proposal, participant) with per-proposal support
 * rates, and some proposals split the groups, so summaries get consensus and divisive labels.
 *
 * Two builders: `buildDayBulk` writes the facts in the store's exact stored layout (the key layout of
 * src/keys.ts, Keyv's `plenary:` prefix and envelope) in large transactions — fast setup for the digest
 * timings; `ingestDayThroughCore` goes through the core (startSession, addSpeaker, addPriority,
 * declareGroup, then a timed `react` per reaction) — the ingest figure of the growth series.
 */
import { keys } from '../src/keys.ts';
import { DEFAULT_GROUPS, type GroupDeclaration, type Proposal, type Reaction, type Session, type Speaker, type Stance } from '../src/model.ts';
import { Plenary } from '../src/plenary.ts';
import { openStore } from '../src/store/open-store.ts';
import { encodeValue, NAMESPACE } from '../src/store/keyv-fact-store.ts';
import { SqliteKeyvStore } from '../src/store/sqlite-keyv-store.ts';
import { benchConfig, STATEMENTS_PER_SPEAKER } from './polis.ts';

export interface DayShape {
  sessions: number;
  proposals: number;
  participants: number; // per session
  date: string; // YYYY-MM-DD (the bench config's time zone is UTC)
}

export const reactionsOf = (d: DayShape) => d.sessions * d.proposals * d.participants;
const poolOf = (d: DayShape) => d.participants * 10;
const sessionId = (s: number) => `sd${String(s).padStart(4, '0')}`;
const userOf = (d: DayShape, s: number, i: number) => (s * Math.floor(d.participants / 2) + i) % poolOf(d);
const userId = (u: number) => `console:a${u}`;
const groupOf = (u: number) => (u % 7 === 6 ? null : DEFAULT_GROUPS[u % 6]);
const startOf = (d: DayShape, s: number) => new Date(Date.parse(`${d.date}T06:00:00Z`) + s * 10 * 60_000);

/** A 32-bit integer hash → [0, 1). */
function unit(a: number, b: number, c: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x632be5ab, 0xc2b2ae35) ^ Math.imul(c + 0x27d4eb2f, 0x165667b1);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  h = Math.imul(h, 0x297a2d39);
  h ^= h >>> 15;
  return (h >>> 0) / 4294967296;
}

export function stanceOf(s: number, p: number, u: number): Stance {
  const group = u % 7;
  const base = 0.25 + 0.6 * unit(s, p, -1); // per-proposal support rate
  const divisive = unit(s, p, -2) < 0.15;
  const support = divisive ? (group % 2 === 0 ? 0.8 : 0.1) : base;
  const x = unit(s, p, u);
  if (x < support) return 'support';
  return x < support + (1 - support) / 3 ? 'neutral' : 'oppose';
}

const commentOf = (s: number, p: number, u: number) => (unit(u, s, p) < 0.02 ? `Comment by attendee ${u} on P${p}: résumé ✓ 检查` : null);

/** Every fact of the day as [factKey, value], in the layout the core writes. */
export function* dayFacts(d: DayShape): Generator<[string, unknown]> {
  const handles = Math.ceil(d.proposals / STATEMENTS_PER_SPEAKER);
  for (let s = 0; s < d.sessions; s++) {
    const sid = sessionId(s);
    const startedAt = startOf(d, s).toISOString();
    const session: Session = { id: sid, title: `Session ${s + 1} of the day`, theme: 'Synthetic workload', moderator: 'console:moderator', startedAt, day: d.date, state: 'closed', closedAt: startedAt };
    yield [keys.session(sid), session];
    yield [keys.day(d.date, sid), { startedAt }];
    yield [keys.binding(sid, `console:room${s}`), { at: startedAt }];
    for (let h = 0; h < handles; h++) {
      const speaker: Speaker = { handle: `sp${h + 1}`, name: `Speaker ${h + 1}`, organisation: 'Bench Org', group: DEFAULT_GROUPS[h % 6], addedAt: startedAt };
      yield [keys.speaker(sid, speaker.handle), speaker];
    }
    for (let p = 1; p <= d.proposals; p++) {
      const proposal: Proposal = { code: `P${p}`, number: p, speaker: `sp${Math.floor((p - 1) / STATEMENTS_PER_SPEAKER) + 1}`, text: `Proposal ${p} of session ${s + 1}: a practical priority for the panel.`, addedAt: startedAt, editedAt: null, withdrawnAt: null };
      yield [keys.proposal(sid, p), proposal];
    }
    const at = Date.parse(startedAt);
    for (let i = 0; i < d.participants; i++) {
      const u = userOf(d, s, i);
      for (let p = 1; p <= d.proposals; p++) {
        const reaction: Reaction = { stance: stanceOf(s, p, u), comment: commentOf(s, p, u), at: at + i };
        yield [keys.reaction(sid, p, userId(u)), reaction];
      }
    }
  }
  for (let u = 0; u < poolOf(d); u++) {
    const group = groupOf(u);
    if (group) yield [keys.group(userId(u)), { group, at: 0 } satisfies GroupDeclaration];
  }
}

/** Writes the whole day straight into the SQLite file in the stored layout, 20,000 facts per transaction. */
export async function buildDayBulk(path: string, d: DayShape): Promise<number> {
  const adapter = new SqliteKeyvStore({ uri: path });
  let batch: Array<{ key: string; value: string }> = [];
  let written = 0;
  for (const [key, value] of dayFacts(d)) {
    batch.push({ key: `${NAMESPACE}:${key}`, value: encodeValue(value) });
    if (batch.length === 20_000) {
      await adapter.setMany(batch);
      written += batch.length;
      batch = [];
    }
  }
  await adapter.setMany(batch);
  written += batch.length;
  await adapter.disconnect();
  return written;
}

/**
 * The same day through the core: sessions, speakers, priorities and group declarations untimed, then
 * every reaction through `Plenary.react` (participant-major, so writes interleave across sessions).
 * Returns the reactions per second of the timed part.
 */
export async function ingestDayThroughCore(path: string, d: DayShape): Promise<{ reactions: number; rate: number }> {
  const store = await openStore(`sqlite://${path}`);
  try {
    let now = Date.parse(`${d.date}T06:00:00Z`);
    const core = new Plenary({ store, config: benchConfig(), clock: () => new Date(now) });
    const sids: string[] = [];
    for (let s = 0; s < d.sessions; s++) {
      now = startOf(d, s).getTime();
      const channel = `console:room${s}`;
      sids.push((await core.startSession('console:moderator', channel, `Session ${s + 1} of the day`, 'Synthetic workload')).id);
      for (let p = 1; p <= d.proposals; p++) {
        const handle = `sp${Math.floor((p - 1) / STATEMENTS_PER_SPEAKER) + 1}`;
        if ((p - 1) % STATEMENTS_PER_SPEAKER === 0) await core.addSpeaker(channel, { handle, name: `Speaker ${handle}` });
        await core.addPriority(channel, handle, `Proposal ${p} of session ${s + 1}: a practical priority for the panel.`);
      }
    }
    for (let u = 0; u < poolOf(d); u++) {
      const group = groupOf(u);
      if (group) await core.declareGroup(userId(u), group);
    }
    const started = performance.now();
    let reactions = 0;
    for (let i = 0; i < d.participants; i++) {
      for (let s = 0; s < d.sessions; s++) {
        const u = userOf(d, s, i);
        for (let p = 1; p <= d.proposals; p++) {
          const comment = commentOf(s, p, u);
          await core.react(userId(u), sids[s], p, stanceOf(s, p, u), comment ? { comment } : {});
          reactions++;
        }
      }
    }
    return { reactions, rate: reactions / ((performance.now() - started) / 1000) };
  } finally {
    await store.close();
  }
}
