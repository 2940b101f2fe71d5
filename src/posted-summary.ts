/**
 * A summary posted in a channel shows at most POSTED_COMMENTS comments per proposal (the latest), so a busy
 * session stays readable in chat; the rest are counted (`moreComments`) and ride along in the full text.
 */
import type { SessionSummary } from './summary.ts';

export const POSTED_COMMENTS = 3;

export function forPosting(s: SessionSummary): SessionSummary {
  return {
    ...s,
    proposals: s.proposals.map((p) =>
      p.comments.length <= POSTED_COMMENTS ? p : { ...p, comments: p.comments.slice(-POSTED_COMMENTS), moreComments: p.comments.length - POSTED_COMMENTS },
    ),
  };
}
