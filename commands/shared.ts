/** Small pieces the command handlers share. */
import { UserError } from '../src/errors.ts';
import { mayAct, type Role } from '../src/roles.ts';
import type { Proposal, Session } from '../src/model.ts';
import type { Plenary } from '../src/plenary.ts';
import type { Post, ProposalCard, View } from '../src/views.ts';
import type { CommandContext } from './command.ts';
import { resultsHidden, withheldCard } from '../src/hidden-results.ts';

export function requireRole(ctx: CommandContext, needed: Role, what: string): void {
  if (!mayAct(ctx.role, needed)) {
    throw new UserError(`Only ${needed === 'organiser' ? 'an organiser' : 'a moderator'} may ${what}; ask one, or use the command without "post".`);
  }
}

/** A proposal's card; with hidden results its counts are withheld unless `reveal` (a moderator, privately). */
export async function proposalCard(core: Plenary, session: Session, proposal: Proposal, { reveal = false } = {}): Promise<ProposalCard> {
  const [speaker, counts] = await Promise.all([
    core.requireSpeaker(session.id, proposal.speaker).catch(() => undefined),
    core.summaries.proposalCounts(session.id, proposal.number),
  ]);
  const card: ProposalCard = {
    sessionId: session.id,
    code: proposal.code,
    number: proposal.number,
    speaker: proposal.speaker,
    speakerName: speaker?.name ?? proposal.speaker,
    organisation: speaker?.organisation ?? null,
    text: proposal.text,
    counts,
    state: proposal.withdrawnAt ? 'withdrawn' : session.state,
  };
  return resultsHidden(session) && !reveal ? withheldCard(card) : card;
}

/** Moderators and organisers see hidden results privately; nobody else does. */
export const seesHiddenResults = (ctx: CommandContext) => mayAct(ctx.role, 'moderator');

/** The same view posted to every channel bound to the session. */
export async function toEveryChannel(core: Plenary, sessionId: string, views: View[]): Promise<Post[]> {
  const channels = await core.bindings(sessionId);
  return channels.flatMap((channel) => views.map((view) => ({ channel, view })));
}
