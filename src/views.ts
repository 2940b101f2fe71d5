/**
 * What commands return: data, not text. src/cards composes each view once into a card of primitives, and each
 * adapter translates the card with pure functions (terminal lines, Slack Block Kit, Discord embeds, Markdown).
 */
import type { ChannelRef, Session, Speaker, StanceCounts } from './model.ts';
import type { Digest, SessionSummary } from './summary.ts';

export type DigestFormat = 'md' | 'json' | 'csv';

export interface ProposalCard {
  sessionId: string;
  code: string;
  number: number;
  speaker: string;
  speakerName: string;
  organisation: string | null;
  text: string;
  counts: StanceCounts & { reactors: number };
  /** open: reactions accepted; closed: the session ended; withdrawn: left the menu. */
  state: 'open' | 'closed' | 'withdrawn';
  /** Counts withheld from this copy (hidden results, session still open). */
  hidden?: boolean;
}

export type View =
  | { kind: 'notice'; text: string }
  | { kind: 'error'; text: string; refusal?: { id: string; params: Record<string, string | number> } }
  | { kind: 'proposal'; card: ProposalCard }
  | { kind: 'menu'; session: Session; cards: ProposalCard[] }
  | {
      kind: 'status'; session: Session; speakers: number; proposals: number; reactions: number; participants: number; channels: ChannelRef[];
      /** The conference time zone, for the times shown. */
      timezone?: string;
      /** Counts withheld from this caller (hidden results). */
      resultsHidden?: boolean;
    }
  | { kind: 'speakers'; session: Session; speakers: Speaker[] }
  | { kind: 'summary'; summary: SessionSummary; final: boolean }
  | { kind: 'digest'; digest: Digest; file: { format: DigestFormat; name: string; content: string } | null };

export interface Post {
  channel: ChannelRef;
  view: View;
}

/** A command's answer: a private reply to the caller, and posts to channels (in order). */
export interface CommandResult {
  reply?: View;
  posts?: Post[];
  /** Outbox keys the command already queued in its own commit (the final summary of /session close). */
  queued?: string[];
}

export const notice = (text: string): View => ({ kind: 'notice', text });
export const errorView = (text: string): View => ({ kind: 'error', text });
