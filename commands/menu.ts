import { defineCommand } from './command.ts';
import { flag } from './options.ts';
import { proposalCard, requireRole, seesHiddenResults, toEveryChannel } from './shared.ts';
import { notice, type View } from '../src/views.ts';
import { say } from '../src/wording/say.ts';

export default defineCommand({
  name: 'menu',
  description: 'The menu of proposals with live counts (post: to every bound channel)',
  role: 'participant',
  options: { post: flag('Post it to every bound channel (moderators)') },
  async handler(ctx, { post }) {
    if (post) requireRole(ctx, 'moderator', 'post the menu');
    const session = await ctx.core.requireSession(ctx.channel);
    const proposals = await ctx.core.activeProposals(session.id);
    // Posted, hidden results stay hidden; privately, a moderator sees them.
    const reveal = !post && seesHiddenResults(ctx);
    const cards = await Promise.all(proposals.map((p) => proposalCard(ctx.core, session, p, { reveal })));
    const view: View = { kind: 'menu', session, cards };
    return post ? { reply: notice(say('done.menu.posting', {}, ctx.locale)), posts: await toEveryChannel(ctx.core, session.id, [view]) } : { reply: view };
  },
});
