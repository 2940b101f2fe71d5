/** Small pieces the command handlers share. */
import { isRefusal, Refusal } from '../src/errors.ts';
import { mayAct, type Role } from '../src/roles.ts';
import type { Proposal, Session } from '../src/model.ts';
import type { Plenary } from '../src/plenary.ts';
import type { Post, ProposalCard, View } from '../src/views.ts';
import type { CommandContext } from './command.ts';
import type { Locale } from '../src/wording/say.ts';
import { resultsHidden, withheldCard } from '../src/hidden-results.ts';

export function requireRole(ctx: CommandContext, needed: Role, what: string): void {
  if (!mayAct(ctx.role, needed)) {
    throw new Refusal('refusal.role.post', { role: needed, what });
  }
}

/** A proposal's card; with hidden results its counts are withheld unless `reveal` (a moderator, privately). */
export async function proposalCard(core: Plenary, session: Session, proposal: Proposal, { reveal = false } = {}): Promise<ProposalCard> {
  const [speaker, counts] = await Promise.all([
    // A speaker since removed shows by handle; a store outage is an outage, not "no speaker".
    core.requireSpeaker(session.id, proposal.speaker).catch((error) => (isRefusal(error) ? undefined : Promise.reject(error))),
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

/** The caller's language once known: dispatch may still be looking it up while a command writes. */
export const localeOf = async (ctx: CommandContext): Promise<Locale | undefined> => (ctx.localeSoon ? ctx.localeSoon : ctx.locale);

/** Moderators and organisers see hidden results privately; nobody else does. */
export const seesHiddenResults = (ctx: CommandContext) => mayAct(ctx.role, 'moderator');

/** The same view posted to every channel bound to the session. */
export async function toEveryChannel(core: Plenary, sessionId: string, views: View[]): Promise<Post[]> {
  const channels = await core.bindings(sessionId);
  return channels.flatMap((channel) => views.map((view) => ({ channel, view })));
}
