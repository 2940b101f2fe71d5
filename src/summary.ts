/**
 * Summaries and digests, derived from the stored facts every time (the store is the truth).
 * No user id leaves this module: comments carry their author's group, never the author.
 */
import type { FactStore, Fold } from './store/fact-store.ts';
import type { PlenaryConfig } from './config.ts';
import { keys } from './keys.ts';
import { bySpeakerOrder, UNSPECIFIED, type GroupDeclaration, type Proposal, type Reaction, type Session, type Speaker, type StanceCounts } from './model.ts';
import { compareRank, labelOf, wilsonLowerBound, type Label } from './tally.ts';
import { dayIn } from './time.ts';
import { analyseVotes, composeGroups, type OpinionGroup, type StanceAnalysis } from './opinion-groups.ts';
import { activeNumbers, sessionsOfDay, streamVotes, tallyVotes, voters, votesOfFold, type ReactionsByProposal, type SessionVotes } from './summary-votes.ts';

export interface ProposalSummary {
  code: string;
  number: number;
  speaker: string;
  rank: number;
  text: string;
  support: number;
  neutral: number;
  oppose: number;
  reactors: number;
  score: number;
  byGroup: Record<string, StanceCounts>;
  label: Label;
  comments: Array<{ text: string; group: string }>;
  /** Comments left out of a posted copy (see posted-summary.ts). */
  moreComments?: number;
  /** counts per opinion group (empty below the threshold), group-informed consensus, bridging: see opinion-groups.ts */
  byOpinionGroup: Record<string, StanceCounts>;
  gic: number;
  bridging: boolean;
}

export interface SessionSummary {
  id: string;
  title: string;
  theme: string | null;
  state: 'open' | 'closed';
  startedAt: string;
  closedAt: string | null;
  day: string;
  speakers: Array<{ handle: string; name: string; organisation: string | null; group: string | null }>;
  proposals: ProposalSummary[];
  participants: number;
  /** live (default) or hidden until the close (see hidden-results.ts). */
  results?: 'live' | 'hidden';
  /** True when the counts were withheld from this copy. */
  hidden?: boolean;
  /** inferred from the stances; [] below PRODUCT.md's threshold */
  opinionGroups: OpinionGroup[];
}

export interface Digest {
  conference: { name: string; timezone: string };
  date: string;
  sessions: SessionSummary[];
  top: Array<ProposalSummary & { session: string; sessionTitle: string }>;
  totals: { sessions: number; proposals: number; reactions: number; participants: number };
}

const TOP_OF_DAY = 5;

export type { ReactionsByProposal };

/** A session's reactions, as the store's fold keeps them; `changes` counts what was applied (the opinion memo's key). */
interface SessionReactions {
  byProposal: ReactionsByProposal;
  changes: number;
}

/** The fold of `reaction:<sid>:` (rest = `<number>:<user>`): kept by the store, which applies this process's writes. */
const SESSION_REACTIONS: Fold<SessionReactions> = {
  empty: () => ({ byProposal: new Map(), changes: 0 }),
  apply(state, rest, value) {
    const cut = rest.indexOf(':');
    const number = Number(rest.slice(0, cut));
    const user = rest.slice(cut + 1);
    state.changes += 1;
    let users = state.byProposal.get(number);
    const had = users?.has(user) ?? false;
    if (value === undefined) {
      users?.delete(user);
      return had ? -1 : 0;
    }
    if (!users) state.byProposal.set(number, (users = new Map()));
    users.set(user, value as Reaction);
    return had ? 0 : 1;
  },
};

/**
 * Where a digest may take a session's reactions from instead of streaming them itself (the CLI reads them in a
 * worker thread too, see cli/digest-prefetch.ts): told the day's sessions first, then asked for the votes of exactly
 * these proposals of a session, or undefined to stream them.
 */
export interface VotesSource {
  plan?(sids: string[]): void;
  votes(sid: string, numbers: number[]): Promise<SessionVotes | undefined>;
}

export class SummaryReader {
  /** Opinion groups of the kept reactions, until those reactions or the proposals change. */
  private readonly opinions = new WeakMap<SessionReactions, { key: string; stances: StanceAnalysis }>();

  constructor(
    private readonly store: FactStore,
    private readonly config: PlenaryConfig,
  ) {}

  /** A session's current reactions (the store keeps them between calls where it can); read, never change. */
  async reactions(sid: string): Promise<ReactionsByProposal> {
    return (await this.store.fold(keys.reactionsOfSession(sid), SESSION_REACTIONS)).byProposal;
  }

  /** Current groups of the given participants (`unspecified` when undeclared). */
  private async groupsOf(users: Iterable<string>): Promise<Map<string, string>> {
    const list = [...new Set(users)];
    const groups = new Map<string, string>();
    const CHUNK = 500;
    for (let i = 0; i < list.length; i += CHUNK) {
      const slice = list.slice(i, i + CHUNK);
      const found = await this.store.getMany<GroupDeclaration>(slice.map((u) => keys.group(u)));
      slice.forEach((user, j) => groups.set(user, found[j]?.group ?? UNSPECIFIED));
    }
    return groups;
  }

  /** Live counts for one proposal's message: scans only that proposal's reactions. */
  async proposalCounts(sid: string, n: number): Promise<StanceCounts & { reactors: number }> {
    const counts = { support: 0, neutral: 0, oppose: 0, reactors: 0 };
    const count = (reaction: Reaction) => {
      if (!reaction.stance) return;
      counts[reaction.stance] += 1;
      counts.reactors += 1;
    };
    // Streamed where the store can: a live card of a busy proposal must not build an array of every reaction.
    if (this.store.scanEach) await this.store.scanEach<Reaction>(keys.reactionsOfProposal(sid, n), (_, r) => count(r));
    else for (const [, reaction] of await this.store.scan<Reaction>(keys.reactionsOfProposal(sid, n))) count(reaction);
    return counts;
  }

  private stancesOf(reactions: SessionReactions, key: string, votes: SessionVotes): StanceAnalysis {
    const memo = this.opinions.get(reactions);
    if (memo?.key === key) return memo.stances;
    const stances = analyseVotes(votes);
    this.opinions.set(reactions, { key, stances });
    return stances;
  }

  async sessionSummary(sid: string): Promise<SessionSummary | undefined> {
    return (await this.summarise(sid))?.summary;
  }

  /**
   * The summary plus who took part (kept inside this module so no id leaks into a summary). A digest (which
   * passes every group) uses the store's kept fold of a session when it has one, else streams it (streamSession).
   */
  private async summarise(
    sid: string,
    groups?: Map<string, string>,
    source?: VotesSource,
  ): Promise<{ summary: SessionSummary; participants: string[] } | undefined> {
    const session = await this.store.get<Session>(keys.session(sid));
    if (!session) return undefined;
    const stream = Boolean(groups);
    const [speakerRows, proposalRows, cached] = await Promise.all([
      this.store.scan<Speaker>(keys.speakersPrefix(sid)),
      this.store.scan<Proposal>(keys.proposalsPrefix(sid)),
      stream ? this.store.heldFold(keys.reactionsOfSession(sid), SESSION_REACTIONS) : this.store.fold(keys.reactionsOfSession(sid), SESSION_REACTIONS),
    ]);
    const active = proposalRows.map(([, p]) => p).filter((p) => !p.withdrawnAt);
    const numbers = activeNumbers(proposalRows);
    // Read from the fold before any await: a later write only makes the next call recompute.
    const votes = cached ? votesOfFold(cached.byProposal, numbers) : ((await source?.votes(sid, numbers)) ?? (await streamVotes(this.store, sid, numbers)));
    const opinionKey = cached ? `${cached.changes}|${numbers.join(',')}` : '';
    const groupOf = groups ?? (await this.groupsOf(votes.users));
    const group = (user: string) => groupOf.get(user) ?? UNSPECIFIED;
    const groupOfUser = votes.users.map(group);
    const stances = cached ? this.stancesOf(cached, opinionKey, votes) : analyseVotes(votes);
    const column = new Map(numbers.map((n, j) => [n, j]));
    const participants = voters(votes);

    const rankBySpeaker = new Map<string, number>();
    const proposals = active
      .sort((a, b) => a.number - b.number)
      .map((p): ProposalSummary => {
        const rank = (rankBySpeaker.get(p.speaker) ?? 0) + 1;
        rankBySpeaker.set(p.speaker, rank);
        const j = column.get(p.number) as number;
        const tally = tallyVotes(votes, j, groupOfUser);
        const comments = [...votes.notes[j]].sort((a, b) => a.at - b.at).map((c) => ({ text: c.text, group: groupOfUser[c.user] }));
        return {
          code: p.code,
          number: p.number,
          speaker: p.speaker,
          rank,
          text: p.text,
          support: tally.support,
          neutral: tally.neutral,
          oppose: tally.oppose,
          reactors: tally.reactors,
          score: wilsonLowerBound(tally.support, tally.reactors),
          byGroup: tally.byGroup,
          label: labelOf(tally),
          comments,
          ...(stances.proposals.get(p.number) ?? { byOpinionGroup: {}, gic: 0, bridging: false }),
        };
      })
      .sort(compareRank);

    const summary: SessionSummary = {
      id: session.id,
      title: session.title,
      theme: session.theme,
      state: session.state,
      results: session.results ?? 'live',
      startedAt: session.startedAt,
      closedAt: session.closedAt,
      day: session.day,
      speakers: speakerRows
        .map(([, s]) => s)
        .sort(bySpeakerOrder)
        .map((s) => ({ handle: s.handle, name: s.name, organisation: s.organisation, group: s.group })),
      proposals,
      participants: participants.length,
      opinionGroups: composeGroups(stances.placement, group),
    };
    return { summary, participants };
  }

  /** Every session that started on `date` (conference time zone), ranked, with the day's top proposals. */
  async digest(date: string, source?: VotesSource): Promise<Digest> {
    const ids = await sessionsOfDay(this.store, date);
    source?.plan?.(ids);
    // One read of every group serves all sessions of the day.
    const groups = new Map<string, string>();
    if (this.store.scanEach) {
      await this.store.scanEach<GroupDeclaration>(keys.groupsPrefix(), (user, declaration) => groups.set(user, declaration.group));
    } else {
      for (const [key, declaration] of await this.store.scan<GroupDeclaration>(keys.groupsPrefix())) {
        groups.set(key.slice(keys.groupsPrefix().length), declaration.group);
      }
    }
    const sessions: SessionSummary[] = [];
    const participants = new Set<string>();
    for (const id of ids) {
      const result = await this.summarise(id, groups, source);
      if (!result) continue;
      sessions.push(result.summary);
      for (const user of result.participants) participants.add(user);
    }
    const all = sessions.flatMap((s) => s.proposals.map((p) => ({ ...p, session: s.id, sessionTitle: s.title })));
    const totals = {
      sessions: sessions.length,
      proposals: all.length,
      reactions: all.reduce((sum, p) => sum + p.reactors, 0),
      participants: participants.size,
    };
    return {
      conference: { name: this.config.conference.name, timezone: this.config.conference.timezone },
      date,
      sessions,
      top: all.filter((p) => p.support > 0).sort(compareRank).slice(0, TOP_OF_DAY),
      totals,
    };
  }

  today(now: Date): string {
    return dayIn(this.config.conference.timezone, now);
  }
}
