import { defineCommand } from './command.ts';
import { flag } from './options.ts';
import { requireRole, seesHiddenResults, toEveryChannel } from './shared.ts';
import { withheldSummary } from '../src/hidden-results.ts';
import { forPosting } from '../src/posted-summary.ts';
import { notice, type View } from '../src/views.ts';
import { say } from '../src/wording/say.ts';
import { Refusal } from '../src/errors.ts';

export default defineCommand({
  name: 'summary',
  description: 'The session summary by stakeholder group (post: to every bound channel)',
  role: 'participant',
  options: { post: flag('Post it to every bound channel (moderators)') },
  async handler(ctx, { post }) {
    if (post) requireRole(ctx, 'moderator', 'post the summary');
    const session = await ctx.core.requireSession(ctx.channel);
    const full = await ctx.core.summaries.sessionSummary(session.id);
    if (!full) throw new Refusal('refusal.session.unreadable', { session: session.id });
    const summary = !post && seesHiddenResults(ctx) ? full : withheldSummary(full);
    const view: View = { kind: 'summary', summary, final: session.state === 'closed' };
    if (!post) return { reply: view };
    const posted: View = { ...view, summary: forPosting(summary) };
    return { reply: notice(say('done.summary.posting', {}, ctx.locale)), posts: await toEveryChannel(ctx.core, session.id, [posted]) };
  },
});
