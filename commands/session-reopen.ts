import { defineCommand } from './command.ts';
import { text } from './options.ts';
import { toEveryChannel } from './shared.ts';
import { notice } from '../src/views.ts';

export default defineCommand({
  name: 'session reopen',
  description: "Reopen this channel's latest closed session (or the one named)",
  role: 'moderator',
  options: { id: text('Session id, e.g. s7k2 (default: this channel’s latest)', { positional: true, limit: 'sessionId' }) },
  async handler({ core, channel }, { id }) {
    const session = await core.reopenSession(channel, id || undefined);
    return {
      reply: notice(`Session ${session.id} is open again; reactions are accepted until /session close.`),
      posts: await toEveryChannel(core, session.id, [notice(`Session ${session.id} “${session.title}” is open again: reactions count until the moderator closes it.`)]),
    };
  },
});
