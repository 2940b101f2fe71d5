import { defineCommand } from './command.ts';
import { flag } from './options.ts';
import { requireRole } from './shared.ts';
import { notice } from '../src/views.ts';
import { say } from '../src/wording/say.ts';
import { clip } from '../src/text-rules.ts';
import { ScreenLinks } from '../src/screen-links.ts';

export default defineCommand({
  name: 'screen',
  description: "The link of this session's live screen, for the projector (day: the day's page, organisers)",
  role: 'moderator',
  options: { day: flag("The day's page with every session and the digest downloads (organisers)") },
  async handler(ctx, { day }) {
    const links = new ScreenLinks(ctx.core.store, () => ctx.core.now());
    if (day) {
      requireRole(ctx, 'organiser', "open the day's page");
      const date = ctx.core.summaries.today(ctx.core.now());
      const url = await links.link({ kind: 'day', date });
      return { reply: notice(say('done.screen.day', { date, url }, ctx.locale)) };
    }
    const session = await ctx.core.requireSession(ctx.channel);
    const url = await links.link({ kind: 'session', sessionId: session.id });
    return {
      reply: notice(say('done.screen.session', { session: session.id, title: clip(session.title, 60), url }, ctx.locale)),
    };
  },
});
