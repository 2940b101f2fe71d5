/**
 * Hidden results (`/session start … results:hidden`, like Loomio's `hide_results: until_closed`): while such
 * a session is open, no participant sees a count, by any path. The counts are taken out of the data itself
 * (not just left unrendered), so a renderer, a screen or a live edit cannot show what it was never given.
 * Moderators and organisers asking privately get the full view; at the close everything shows.
 */
import type { Session } from './model.ts';
import type { Digest, ProposalSummary, SessionSummary } from './summary.ts';
import type { ProposalCard } from './views.ts';


export const resultsHidden = (session: Pick<Session, 'results' | 'state'>) => session.results === 'hidden' && session.state === 'open';

const NO_COUNTS = { support: 0, neutral: 0, oppose: 0, reactors: 0 };

export function withheldCard(card: ProposalCard): ProposalCard {
  return { ...card, counts: { ...NO_COUNTS }, hidden: true };
}

function withheldProposal(p: ProposalSummary): ProposalSummary {
  return { ...p, ...NO_COUNTS, score: 0, byGroup: {}, label: null, comments: [] };
}

/** The summary a participant may see: the menu in code order, no counts, labels or comments. */
export function withheldSummary(s: SessionSummary): SessionSummary {
  if (!resultsHidden(s)) return s;
  const proposals = s.proposals.map(withheldProposal).sort((a, b) => a.number - b.number);
  return { ...s, proposals, participants: 0, hidden: true };
}

/** A digest fit to post in a channel: open hidden sessions withheld, and kept out of the day's top and totals. */
export function withheldDigest(d: Digest): Digest {
  if (!d.sessions.some(resultsHidden)) return d;
  const hiddenIds = new Set(d.sessions.filter(resultsHidden).map((s) => s.id));
  const sessions = d.sessions.map(withheldSummary);
  const visible = sessions.filter((s) => !hiddenIds.has(s.id)).flatMap((s) => s.proposals);
  return {
    ...d,
    sessions,
    top: d.top.filter((p) => !hiddenIds.has(p.session)),
    totals: {
      ...d.totals,
      proposals: sessions.reduce((n, s) => n + s.proposals.length, 0),
      reactions: visible.reduce((n, p) => n + p.reactors, 0),
      participants: d.totals.participants, // distinct people; not derivable per session without ids, and reveals no stance
    },
  };
}
