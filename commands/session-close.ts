import { z } from 'zod';
import { defineCommand } from './command.ts';
import { toEveryChannel } from './shared.ts';
import { notice } from '../src/views.ts';
import { forPosting } from '../src/posted-summary.ts';

export default defineCommand({
  name: 'session close',
  description: 'Stop reactions and post the final summary to every bound channel',
  usage: '',
  role: 'moderator',
  options: [],
  schema: z.object({}),
  async handler({ core, channel }) {
    const session = await core.closeSession(channel);
    const summary = await core.summaries.sessionSummary(session.id);
    return {
      reply: notice(`Session ${session.id} is closed; the final summary is posted.`),
      posts: summary ? await toEveryChannel(core, session.id, [{ kind: 'summary', summary: forPosting(summary), final: true }]) : [],
    };
  },
});
