import { z } from 'zod';
import { defineCommand } from './command.ts';
import { requiredText } from './shared.ts';
import { notice } from '../src/views.ts';

export default defineCommand({
  name: 'session join',
  description: 'Follow an open session from this channel (any platform)',
  usage: '<id>',
  role: 'moderator',
  options: [{ name: 'id', description: 'Session id, e.g. s7k2', type: 'text', positional: true, required: true, maxLength: 12 }],
  schema: z.object({ id: requiredText('Session id') }),
  async handler({ core, channel }, { id }) {
    const session = await core.joinSession(channel, id);
    return {
      reply: notice(`This channel now follows session ${session.id}; reactions here count with every other bound channel.`),
      posts: [{ channel, view: notice(`This channel follows session ${session.id} “${session.title}”.`) }],
    };
  },
});
