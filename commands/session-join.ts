import { defineCommand } from './command.ts';
import { text } from './options.ts';
import { notice } from '../src/views.ts';

export default defineCommand({
  name: 'session join',
  description: 'Follow an open session from this channel (any platform)',
  role: 'moderator',
  options: { id: text('Session id, e.g. s7k2', { label: 'Session id', positional: true, required: true, limit: 'sessionId' }) },
  async handler({ core, channel }, { id }) {
    const session = await core.joinSession(channel, id);
    return {
      reply: notice(`This channel now follows session ${session.id}; reactions here count with every other bound channel.`),
      posts: [{ channel, view: notice(`This channel follows session ${session.id} “${session.title}”.`) }],
    };
  },
});
