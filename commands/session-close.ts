import { defineCommand } from './command.ts';
import { notice } from '../src/views.ts';
import { say } from '../src/wording/say.ts';
import { forPosting } from '../src/posted-summary.ts';

export default defineCommand({
  name: 'session close',
  description: 'Stop reactions and post the final summary to every bound channel',
  role: 'moderator',
  options: {},
  async handler({ core, channel, user, locale }) {
    // The final summary goes to the outbox in the same commit as the close (see Outbox).
    const { id, queued } = await core.closeSession(channel, { user, channel });
    return { reply: notice(say('done.session.closed', { session: id }, locale)), queued };
  },
});
