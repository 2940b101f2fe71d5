/**
 * What a session's screen shows, read from the core. Hidden results are dropped here, before any
 * rendering, so no count, label or comment of a hidden session can reach a page while it is open.
 * Comments carry their author's current group, never the author.
 */
import type { Plenary } from '../../src/plenary.ts';
import type { Session } from '../../src/model.ts';
import { UNSPECIFIED, type GroupDeclaration } from '../../src/model.ts';
import type { SessionSummary } from '../../src/summary.ts';
import { keys } from '../../src/keys.ts';

export const LATEST_COMMENTS = 6;

export interface ScreenComment {
  code: string;
  text: string;
  group: string;
}

export interface ScreenState {
  conference: string;
  session: Session;
  /** Results hidden: proposals are listed without counts, labels or comments. */
  hidden: boolean;
  summary: SessionSummary;
  comments: ScreenComment[];
}

/** The moderator helper adds `results: 'hidden'` to sessions; read it without depending on it. */
export function resultsHidden(session: Session): boolean {
  return (session as Session & { results?: unknown }).results === 'hidden' && session.state === 'open';
}

export async function readScreenState(core: Plenary, sid: string): Promise<ScreenState | undefined> {
  const session = await core.getSession(sid);
  if (!session) return undefined;
  const summary = await core.summaries.sessionSummary(sid);
  if (!summary) return undefined;
  const hidden = resultsHidden(session);
  if (hidden) {
    const blank = summary.proposals.map((p) => ({
      ...p, support: 0, neutral: 0, oppose: 0, reactors: 0, score: 0, byGroup: {}, label: null, comments: [],
    }));
    // Code order, not ranked order: the ranking itself would tell the room how the votes stand.
    blank.sort((a, b) => a.number - b.number);
    return { conference: core.config.conference.name, session, hidden, summary: { ...summary, proposals: blank, participants: 0 }, comments: [] };
  }
  return { conference: core.config.conference.name, session, hidden, summary, comments: await latestComments(core, summary) };
}

/** The most recent comments of the session across its active proposals, newest first. */
async function latestComments(core: Plenary, summary: SessionSummary): Promise<ScreenComment[]> {
  const reactions = await core.summaries.reactions(summary.id);
  const codes = new Map(summary.proposals.map((p) => [p.number, p.code]));
  const recent: Array<{ at: number; user: string; code: string; text: string }> = [];
  for (const [number, users] of reactions) {
    const code = codes.get(number);
    if (!code) continue; // withdrawn
    for (const [user, reaction] of users) if (reaction.comment) recent.push({ at: reaction.at, user, code, text: reaction.comment });
  }
  recent.sort((a, b) => b.at - a.at);
  const shown = recent.slice(0, LATEST_COMMENTS);
  const groups = await core.store.getMany<GroupDeclaration>(shown.map((c) => keys.group(c.user)));
  return shown.map((c, i) => ({ code: c.code, text: c.text, group: groups[i]?.group ?? UNSPECIFIED }));
}
