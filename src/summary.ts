/**
 * Summaries and digests, derived from the stored facts every time (the store is the truth).
 * No user id leaves this module: comments carry their author's group, never the author.
 */
import type { FactStore } from './store/fact-store.ts';
import type { PlenaryConfig } from './config.ts';
import { keys } from './keys.ts';
import { bySpeakerOrder, UNSPECIFIED, type GroupDeclaration, type Proposal, type Reaction, type Session, type Speaker, type StanceCounts } from './model.ts';
import { compareRank, countStance, emptyTally, labelOf, wilsonLowerBound, type Label, type Tally } from './tally.ts';
import { dayIn } from './time.ts';
import { ReactionCache } from './reaction-cache.ts';

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
}

export interface Digest {
  conference: { name: string; timezone: string };
  date: string;
  sessions: SessionSummary[];
  top: Array<ProposalSummary & { session: string; sessionTitle: string }>;
  totals: { sessions: number; proposals: number; reactions: number; participants: number };
}

const TOP_OF_DAY = 5;

export class SummaryReader {
  /** Plenary notes its reaction writes here, so warm summaries need no rescan. */
  readonly cache: ReactionCache;

  constructor(
    private readonly store: FactStore,
    private readonly config: PlenaryConfig,
  ) {
    this.cache = new ReactionCache(store);
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

  async sessionSummary(sid: string): Promise<SessionSummary | undefined> {
    return (await this.summarise(sid))?.summary;
  }

  /**
   * The summary plus who took part (kept inside this module so no id leaks into a summary). Reactions come
   * from the cache when it holds the session; a digest (which passes every group) otherwise streams them
   * from the store proposal by proposal and keeps only the tallies, so its memory does not grow with them.
   */
  private async summarise(
    sid: string,
    groups?: Map<string, string>,
  ): Promise<{ summary: SessionSummary; participants: Set<string> } | undefined> {
    const session = await this.store.get<Session>(keys.session(sid));
    if (!session) return undefined;
    const stream = groups && this.store.scanEach ? this.store.scanEach.bind(this.store) : undefined;
    const [speakerRows, proposalRows, cached] = await Promise.all([
      this.store.scan<Speaker>(keys.speakersPrefix(sid)),
      this.store.scan<Proposal>(keys.proposalsPrefix(sid)),
      stream ? this.cache.cached(sid) : this.cache.session(sid),
    ]);
    const active = proposalRows.map(([, p]) => p).filter((p) => !p.withdrawnAt).sort((a, b) => a.number - b.number);
    const participants = new Set<string>();
    const groupOf = groups ?? (await this.groupsOf(active.flatMap((p) => [...(cached?.get(p.number)?.keys() ?? [])])));
    const group = (user: string) => groupOf.get(user) ?? UNSPECIFIED;

    const tallied: Array<{ proposal: Proposal; tally: Tally; comments: ProposalSummary['comments'] }> = [];
    for (const p of active) {
      const tally = emptyTally();
      const comments: Array<{ text: string; group: string; at: number }> = [];
      const take = (user: string, r: Reaction) => {
        if (r.stance) {
          participants.add(user);
          countStance(tally, group(user), r.stance);
        }
        if (r.comment) comments.push({ text: r.comment, group: group(user), at: r.at });
      };
      if (cached) for (const [user, r] of cached.get(p.number) ?? []) take(user, r);
      else if (stream) await stream<Reaction>(keys.reactionsOfProposal(sid, p.number), take);
      comments.sort((a, b) => a.at - b.at); // stable: equal times stay in key order
      tallied.push({ proposal: p, tally, comments: comments.map(({ text, group }) => ({ text, group })) });
    }

    const rankBySpeaker = new Map<string, number>();
    const proposals = tallied
      .map(({ proposal: p, tally, comments }): ProposalSummary => {
        const rank = (rankBySpeaker.get(p.speaker) ?? 0) + 1;
        rankBySpeaker.set(p.speaker, rank);
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
        };
      })
      .sort(compareRank);

    const summary: SessionSummary = {
      id: session.id,
      title: session.title,
      theme: session.theme,
      state: session.state,
      startedAt: session.startedAt,
      closedAt: session.closedAt,
      day: session.day,
      speakers: speakerRows
        .map(([, s]) => s)
        .sort(bySpeakerOrder)
        .map((s) => ({ handle: s.handle, name: s.name, organisation: s.organisation, group: s.group })),
      proposals,
      participants: participants.size,
    };
    return { summary, participants };
  }

  /** Every session that started on `date` (conference time zone), ranked, with the day's top proposals. */
  async digest(date: string): Promise<Digest> {
    const dayRows = await this.store.scan<{ startedAt: string }>(keys.dayPrefix(date));
    const ids = dayRows
      .sort(([ka, a], [kb, b]) => a.startedAt.localeCompare(b.startedAt) || ka.localeCompare(kb))
      .map(([key]) => key.slice(keys.dayPrefix(date).length));
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
      const result = await this.summarise(id, groups);
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
      top: all.filter((p) => p.reactors > 0).sort(compareRank).slice(0, TOP_OF_DAY),
      totals,
    };
  }

  today(now: Date): string {
    return dayIn(this.config.conference.timezone, now);
  }
}
