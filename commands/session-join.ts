import { defineCommand } from './command.ts';
import { text } from './options.ts';
import { notice } from '../src/views.ts';
import { say } from '../src/wording/say.ts';

export default defineCommand({
  name: 'session join',
  description: 'Follow an open session from this channel (any platform)',
  role: 'moderator',
  options: { id: text('Session id, e.g. s7k2', { label: 'Session id', positional: true, required: true, limit: 'sessionId' }) },
  async handler({ core, channel, locale }, { id }) {
    const session = await core.joinSession(channel, id);
    return {
      reply: notice(say('done.session.joined', { session: session.id }, locale)),
      posts: [{ channel, view: notice(say('post.session.joined', { session: session.id, title: session.title }, core.config.conference.language)) }],
    };
  },
});
