import { defineCommand } from './command.ts';
import { notice } from '../src/views.ts';
import { forPosting } from '../src/posted-summary.ts';

export default defineCommand({
  name: 'session close',
  description: 'Stop reactions and post the final summary to every bound channel',
  role: 'moderator',
  options: {},
  async handler({ core, channel, user }) {
    // The final summary goes to the outbox in the same commit as the close (see Outbox).
    const { id, queued } = await core.closeSession(channel, { user, channel });
    return { reply: notice(`Session ${id} is closed; the final summary is being posted to every bound channel.`), queued };
  },
});
